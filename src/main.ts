#!/usr/bin/env node
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildApp } from "./app.ts";
import { openRuntime, type Runtime } from "./bootstrap.ts";
import { EXIT, HELP } from "./cli/usage.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { seedDemoArrears } from "./demo/demo-arrears.ts";
import { NotTheDemoRegionError, seedDemoRegion } from "./demo/demo-region.ts";
import { createServices, ENCRYPTED_COLUMNS, type Services } from "./modules/index.ts";
import { allJobs } from "./modules/jobs.ts";
import { BackupError, makeBackup, restoreBackup } from "./modules/retention/backup.ts";
import {
  checkSeekerFile,
  formatOf,
  type SeekerFileFormat,
  seekersOf,
} from "./modules/seekers/import.ts";
import { verifyAuditLog } from "./platform/audit/operations.ts";
import { auditSettingsFrom } from "./platform/audit/settings.ts";
import { FixedClock } from "./platform/clock.ts";
import { KeyError } from "./platform/crypto/index.ts";
import { DatabaseUnavailableError } from "./platform/db/database.ts";
import { DataDirLockedError } from "./platform/db/datadir-lock.ts";
import { MigrationError, readMigrations } from "./platform/db/migrate.ts";
import { JobRunner, UnknownJobError } from "./platform/jobs/runner.ts";
import { isIsoDate } from "./platform/werkdagen.ts";
import { isProfileId, PROFILE_IDS } from "./protocol/index.ts";

class UsageError extends Error {}

const out = (doc: unknown) => process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
const say = (line: string) => process.stderr.write(`${line}\n`);

type Options = Record<string, string | boolean | undefined>;

function parse<T extends Record<string, { type: "string" | "boolean" }>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: "boolean" }, json: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function overridesFrom(values: Options): Partial<Config> {
  const o: Record<string, unknown> = {};
  if (typeof values.port === "string") {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new UsageError(
        `--port must be a whole number between 1 and 65535 (got ${values.port})`,
      );
    }
    o.port = port;
  }
  return o as Partial<Config>;
}

function envWith(values: Options): Record<string, string | undefined> {
  return typeof values["data-dir"] === "string"
    ? { ...process.env, DATA_DIR: values["data-dir"] }
    : process.env;
}

async function serve(argv: string[]): Promise<number> {
  const { values } = parse(argv, { port: { type: "string" }, "data-dir": { type: "string" } });
  if (values.help) return help("serve");
  const rt = await openRuntime({ env: envWith(values), overrides: overridesFrom(values) });
  const services = createServices(rt);
  const demo = await demoOnFirstStart(rt, services);
  // Erasures journalled outside the database are carried out again if a restore brought them
  // back, before the server accepts requests (issue 9; docs/operations.md).
  await services.retention.replay();
  // Registrations indexed under an earlier blocking scheme are found again (docs/decisions.md).
  const reindexed = await services.registrations.reindexBlindIndexes();
  if (reindexed > 0) rt.logger.info({ reindexed }, "recomputed registration blind indexes");
  const app = await buildApp(rt, services);
  const runner = new JobRunner({ ...rt, services, jobs: allJobs() });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    rt.logger.info({ signal }, "shutting down");
    runner.stop();
    await app.close().catch(() => {});
    await rt.close().catch(() => {});
    process.exit(EXIT.ok);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  await app.listen({ port: rt.config.port, host: rt.config.host });
  runner.start();
  // Seekers stored before their surnames were counted get their count keys (D-026); the
  // server answers meanwhile (matching uses the national table until the counts are there).
  void services.seekers
    .reindexBlindIndexes(500, { stale: true })
    .then((n) => {
      if (n > 0) rt.logger.info({ reindexed: n }, "counted the surnames of earlier seekers");
    })
    .catch((error: unknown) => rt.logger.error({ err: error }, "seeker re-index failed"));
  const shownHost = rt.config.host === "0.0.0.0" ? "localhost" : rt.config.host;
  say(`Woonsignaal is running at http://${shownHost}:${rt.config.port}/`);
  say(
    rt.database.kind === "pglite"
      ? `Database: embedded PostgreSQL (PGlite) in ${rt.config.dataDir}`
      : "Database: PostgreSQL server from DATABASE_URL",
  );
  if (demo) {
    say(
      `The demo region was loaded. Sign in at http://${shownHost}:${rt.config.port}/aanmelden with, for example:`,
    );
    for (const u of demo.users.slice(0, 2)) {
      say(`  ${u.email}  password ${u.password}  (${u.role}; TOTP secret ${u.totpSecret})`);
    }
    say("All demo accounts and API keys: npm run --silent cli -- demo-seed --json");
  }
  return new Promise<number>(() => {}); // runs until a signal stops it
}

/**
 * Contract §1: `npm start` on an empty embedded database loads the demo region so a newcomer
 * can sign in at once; never on a server database or in production.
 */
async function demoOnFirstStart(rt: Runtime, services: Services) {
  if (rt.database.kind !== "pglite" || rt.config.isProduction) return undefined;
  if (await services.organisations.region().catch(() => undefined)) return undefined;
  const { demo } = await seedDemoRegion(services, "aedes-2021");
  await seedDemoArrears(services, demo, rt.clock.today());
  return demo;
}

async function demoSeedCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { profile: { type: "string" }, "data-dir": { type: "string" } });
  if (values.help) return help("demo-seed");
  const profile = values.profile ?? "aedes-2021";
  if (!isProfileId(profile)) {
    throw new UsageError(`--profile must be one of ${PROFILE_IDS.join(", ")} (got ${profile})`);
  }
  return withRuntime(values, async (rt) => {
    if (rt.config.isProduction) {
      say("demo-seed refuses to run with NODE_ENV=production: demo keys and passwords are public.");
      return EXIT.usage;
    }
    try {
      const services = createServices(rt);
      const { created, demo } = await seedDemoRegion(services, profile);
      if (created) await seedDemoArrears(services, demo, rt.clock.today());
      if (values.json) out(demo);
      else {
        say(created ? "The demo region was loaded." : "The demo region was already there.");
        for (const u of demo.users) say(`  ${u.role.padEnd(17)} ${u.email}  ${u.password}`);
      }
      return EXIT.ok;
    } catch (err) {
      if (err instanceof NotTheDemoRegionError) {
        say(err.message);
        return EXIT.failed;
      }
      throw err;
    }
  });
}

async function setupCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    profile: { type: "string" },
    "region-name": { type: "string" },
    "admin-email": { type: "string" },
    "data-dir": { type: "string" },
  });
  if (values.help) return help("setup");
  const profile = values.profile;
  if (!profile || !isProfileId(profile)) {
    throw new UsageError(`--profile must be one of ${PROFILE_IDS.join(", ")}`);
  }
  const regionName = values["region-name"]?.trim();
  if (!regionName || regionName.length < 2) throw new UsageError("--region-name is required");
  const email = values["admin-email"]?.trim().toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw new UsageError("--admin-email must be an e-mail address");
  }
  return withRuntime(values, async (rt) => {
    const services = createServices(rt);
    if (await services.organisations.region().catch(() => undefined)) {
      say("This installation already has a region; setup runs once.");
      return EXIT.failed;
    }
    const region = await services.organisations.createRegion({ name: regionName, profile });
    const consortium = await services.organisations.bootstrapOrganisation({
      name: `Samenwerkingsverband ${regionName}`,
      kind: "consortium",
    });
    const { generateOneTimePassword } = await import("./platform/auth/index.ts");
    const password = generateOneTimePassword();
    const userId = await services.identity.bootstrapUser({
      organisationId: consortium.id,
      email,
      displayName: "Beheerder samenwerkingsverband",
      roles: ["consortium_admin"],
      password,
      mustChangePassword: true,
    });
    const result = {
      region: { id: region.id, name: region.name, profile },
      consortium: { id: consortium.id, name: consortium.name },
      admin: { id: userId, email, oneTimePassword: password },
    };
    if (values.json) out(result);
    else {
      say(`Region "${regionName}" set up with profile ${profile}.`);
      say(`Sign in as ${email} with the one-time password ${password}`);
      say("You will choose a new password and set up an authenticator app at first sign-in.");
    }
    return EXIT.ok;
  });
}

async function withRuntime<T>(values: Options, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime({ env: envWith(values) });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

async function migrateCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { "data-dir": { type: "string" } });
  if (values.help) return help("migrate");
  return withRuntime(values, async (rt) => {
    const applied = rt.appliedMigrations;
    if (values.json) out({ applied });
    else say(applied.length ? `Applied: ${applied.join(", ")}` : "The schema is up to date.");
    return EXIT.ok;
  });
}

async function jobsCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "list") {
    const { values } = parse(rest, {});
    if (values.help) return help("jobs list");
    const jobs = allJobs().map(({ name, description, schedule, period }) => ({
      name,
      description,
      schedule,
      period,
    }));
    if (values.json) out({ jobs });
    else
      for (const j of jobs) say(`${j.name.padEnd(16)} ${j.schedule.padEnd(14)} ${j.description}`);
    return EXIT.ok;
  }
  if (sub !== "run") {
    if (sub === "--help" || sub === undefined) return help("jobs run");
    throw new UsageError(`Unknown jobs command "${sub}". Use "jobs run <name>" or "jobs list".`);
  }
  const { values, positionals } = parse(rest, {
    now: { type: "string" },
    force: { type: "boolean" },
    "data-dir": { type: "string" },
  });
  if (values.help) return help("jobs run");
  const [name, ...extra] = positionals;
  if (!name) throw new UsageError("Name the job to run: woonsignaal jobs run <name>");
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(" ")}`);
  if (values.now !== undefined && !isIsoDate(values.now)) {
    throw new UsageError(`--now must be a date as YYYY-MM-DD (got ${values.now})`);
  }
  const known = allJobs().map((j) => j.name);
  if (!known.includes(name)) throw new UsageError(new UnknownJobError(name, known).message);
  return withRuntime(values, async (rt) => {
    const clock = values.now ? new FixedClock(values.now) : rt.clock;
    const services = createServices({ ...rt, clock });
    const runner = new JobRunner({ ...rt, clock, services, jobs: allJobs() });
    const outcome = await runner.runOnce(name, { force: values.force ?? false });
    if (values.json) out({ job: name, ...outcome });
    else if (outcome.status === "skipped") {
      say(`${name}: period ${outcome.period} already ran (use --force to run it again).`);
    } else if (outcome.status === "failed") say(`${name}: failed: ${outcome.error}`);
    else say(`${name}: done for ${outcome.period}: ${JSON.stringify(outcome.result)}`);
    return outcome.status === "failed" ? EXIT.failed : EXIT.ok;
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function keysCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "rewrap") {
    const { values } = parse(rest, { "data-dir": { type: "string" } });
    if (values.help) return help("keys rewrap");
    return withRuntime(values, async (rt) => {
      const result = await rt.keyring.rewrapAll();
      if (values.json) out(result);
      else {
        say(
          `Re-wrapped ${result.dataKeys} data keys and ${result.regionSecrets} region keys under ${result.masterKeyId}.`,
        );
      }
      return EXIT.ok;
    });
  }
  if (sub === "rotate") {
    const { values } = parse(rest, {
      organisation: { type: "string" },
      "data-dir": { type: "string" },
    });
    if (values.help) return help("keys rotate");
    const organisation = values.organisation;
    if (!organisation || !UUID.test(organisation)) {
      throw new UsageError("keys rotate needs --organisation <id> (the organisation's UUID)");
    }
    return withRuntime(values, async (rt) => {
      const columns = [...ENCRYPTED_COLUMNS];
      const rotated = await rt.keyring.rotateDataKey(organisation);
      const reencrypted = await rt.keyring.reencrypt(organisation, columns);
      const destroyed = await rt.keyring.destroyRetiredKeys(organisation, columns);
      const result = { organisation, ...rotated, reencrypted, ...destroyed };
      if (values.json) out(result);
      else {
        say(
          `Organisation ${organisation} now uses data key version ${rotated.version}; ` +
            `${reencrypted.values} values re-encrypted; destroyed versions: ${destroyed.destroyed.join(", ") || "none"}` +
            (destroyed.kept.length
              ? `; kept: ${destroyed.kept.map((k) => `${k.version} (${k.reason})`).join(", ")}`
              : ""),
        );
      }
      return EXIT.ok;
    });
  }
  if (sub === undefined || sub === "--help") return help("main");
  throw new UsageError(`Unknown keys command "${sub}". Use "keys rotate" or "keys rewrap".`);
}

/** `audit verify`: recomputes the audit chain and checks the signed checkpoints (docs/audit.md). */
async function auditCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "verify") {
    if (sub === undefined || sub === "--help") return help("audit verify");
    throw new UsageError(`Unknown audit command "${sub}". Use "audit verify".`);
  }
  const { values, positionals } = parse(rest, { "data-dir": { type: "string" } });
  if (values.help) return help("audit verify");
  if (positionals.length > 0)
    throw new UsageError(`Unexpected arguments: ${positionals.join(" ")}`);
  return withRuntime(values, async (rt) => {
    const result = await verifyAuditLog(rt.database.db, auditSettingsFrom(rt.config), rt.logger);
    if (values.json) out(result);
    else if (result.ok) {
      say(
        `The audit log is intact: ${result.events} events (seq ${result.anchorSeq + 1}–${result.lastSeq}), ` +
          `${result.checkpoints} signed checkpoints in the database, ${result.outsideCheckpoints} outside.`,
      );
    } else {
      say(`The audit log is BROKEN from seq ${result.firstBrokenSeq ?? "?"}: ${result.reason}`);
      for (const p of result.problems.slice(1)) say(`  also: ${p.reason}`);
    }
    if (!values.json) for (const w of result.warnings) say(`Note: ${w}`);
    return result.ok ? EXIT.ok : EXIT.failed;
  });
}

async function seekersCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "import") {
    if (sub === "--help" || sub === undefined) return help("seekers import");
    throw new UsageError(`Unknown seekers command "${sub}". Use "seekers import <file>".`);
  }
  const { values, positionals } = parse(rest, {
    format: { type: "string" },
    organisation: { type: "string" },
    check: { type: "boolean" },
    "data-dir": { type: "string" },
  });
  if (values.help) return help("seekers import");
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError("Name the file: woonsignaal seekers import <file>");
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(" ")}`);
  if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
  let format: SeekerFileFormat;
  try {
    format = formatOf(file, values.format);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const check = await checkSeekerFile(file, format);
  const errors = check.errors.map((l) => ({ line: l.line, errors: l.errors }));
  if (check.errorCount > 0 || values.check) {
    const doc = {
      lines: check.lines,
      valid: check.valid,
      imported: 0,
      errorCount: check.errorCount,
      errors,
    };
    if (values.json) out(doc);
    else {
      say(`${check.lines} lines, ${check.valid} valid, ${check.errorCount} with errors.`);
      for (const l of errors) {
        for (const e of l.errors)
          say(`  line ${l.line}: ${e.code}${e.field ? ` (${e.field})` : ""}: ${e.message}`);
      }
      if (check.errorCount > 0)
        say("Nothing was imported: correct the lines above and run it again.");
    }
    return check.errorCount > 0 ? EXIT.failed : EXIT.ok;
  }
  return withRuntime(values, async (rt) => {
    const services = createServices(rt);
    const organisationId = values.organisation ?? (await services.organisations.consortiumId());
    if (!organisationId) {
      throw new UsageError("This region has no consortium organisation: pass --organisation <id>.");
    }
    if (!(await services.organisations.getName(organisationId))) {
      throw new UsageError(`No organisation ${organisationId} in this region.`);
    }
    const result = await services.seekers.importSeekers(organisationId, seekersOf(file, format));
    if (values.json) out({ lines: check.lines, ...result, errorCount: 0, errors: [] });
    else say(`Imported ${result.imported} seekers; ${result.matchesProposed} matches proposed.`);
    return EXIT.ok;
  });
}

async function matchingCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "reindex") {
    if (sub === "--help" || sub === undefined) return help("matching reindex");
    throw new UsageError(`Unknown matching command "${sub}". Use "matching reindex".`);
  }
  const { values } = parse(rest, { all: { type: "boolean" }, "data-dir": { type: "string" } });
  if (values.help) return help("matching reindex");
  return withRuntime(values, async (rt) => {
    const services = createServices(rt);
    const reindexed = await services.registrations.reindexBlindIndexes({
      all: values.all ?? false,
    });
    // --all: every seeker as well; otherwise the seekers stored before a kind of key existed.
    const seekers = await services.seekers.reindexBlindIndexes(500, { stale: !values.all });
    if (values.json) out({ reindexed, seekers });
    else {
      say(
        `Recomputed the blind indexes of ${reindexed} registrations and ${seekers} house seekers.`,
      );
    }
    return EXIT.ok;
  });
}

async function backupCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { out: { type: "string" }, "data-dir": { type: "string" } });
  if (values.help) return help("backup");
  const env = envWith(values);
  const config = loadConfig(env);
  const now = new Date();
  const target = path.resolve(
    values.out ??
      path.join(
        config.dataDir,
        "backups",
        `woonsignaal-${now.toISOString().replace(/[:.]/g, "-")}`,
      ),
  );
  // The schema first (opening brings it up to date and closes again), then the copy.
  await withRuntime(values, async () => undefined);
  const migrations = readMigrations().map((m) => m.tag);
  const manifest = makeBackup({
    out: target,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    migrations,
    now,
  });
  if (values.json) out({ backup: target, ...manifest });
  else say(`Backup written to ${target} (${manifest.format}, ${manifest.createdAt}).`);
  return EXIT.ok;
}

async function restoreCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { "data-dir": { type: "string" } });
  if (values.help) return help("restore");
  const [dir, ...extra] = positionals;
  if (!dir) throw new UsageError("Name the backup directory: woonsignaal restore <dir>");
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(" ")}`);
  const config = loadConfig(envWith(values));
  const manifest = restoreBackup({
    dir: path.resolve(dir),
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    now: new Date(),
  });
  // Before anything else uses the restored database: every erasure since the backup again.
  return withRuntime(values, async (rt) => {
    const services = createServices(rt);
    const replayed = await services.retention.replay(new Date(manifest.createdAt));
    await services.retention.recordRestore(manifest.createdAt, replayed);
    if (values.json) out({ restored: manifest, replayed });
    else
      say(
        `Restored the backup of ${manifest.createdAt}; ${replayed.erased} erasures made since then were carried out again.`,
      );
    return EXIT.ok;
  });
}

async function erasuresCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "replay") {
    if (sub === "--help" || sub === undefined) return help("erasures replay");
    throw new UsageError(`Unknown erasures command "${sub}". Use "erasures replay".`);
  }
  const { values } = parse(rest, { since: { type: "string" }, "data-dir": { type: "string" } });
  if (values.help) return help("erasures replay");
  const since = values.since === undefined ? undefined : new Date(values.since);
  if (since && Number.isNaN(since.getTime())) {
    throw new UsageError(`--since must be a date or time (got ${values.since})`);
  }
  return withRuntime(values, async (rt) => {
    const replayed = await createServices(rt).retention.replay(since);
    if (values.json) out(replayed);
    else say(`${replayed.entries} journal entries; ${replayed.erased} erasures carried out again.`);
    return EXIT.ok;
  });
}

function help(topic: string): number {
  process.stdout.write(`${HELP[topic] ?? HELP.main}\n`);
  return EXIT.ok;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "serve":
        return await serve(rest);
      case "migrate":
        return await migrateCommand(rest);
      case "jobs":
        return await jobsCommand(rest);
      case "keys":
        return await keysCommand(rest);
      case "audit":
        return await auditCommand(rest);
      case "demo-seed":
        return await demoSeedCommand(rest);
      case "setup":
        return await setupCommand(rest);
      case "seekers":
        return await seekersCommand(rest);
      case "matching":
        return await matchingCommand(rest);
      case "backup":
        return await backupCommand(rest);
      case "restore":
        return await restoreCommand(rest);
      case "erasures":
        return await erasuresCommand(rest);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        return help("main");
      default:
        throw new UsageError(`Unknown command "${command}". Run "woonsignaal --help".`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      say(`woonsignaal: ${err.message}`);
      return EXIT.usage;
    }
    if (err instanceof ConfigError || err instanceof KeyError) {
      say(err.message);
      return EXIT.config;
    }
    if (err instanceof DatabaseUnavailableError || err instanceof DataDirLockedError) {
      say(err.message);
      return EXIT.database;
    }
    if (err instanceof BackupError) {
      say(err.message);
      return EXIT.failed;
    }
    if (err instanceof MigrationError) {
      say(err.message);
      return EXIT.failed;
    }
    say(`woonsignaal: unexpected error: ${(err as Error).stack ?? err}`);
    return EXIT.failed;
  }
}

if (import.meta.main) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      say(String(err));
      process.exitCode = EXIT.failed;
    },
  );
}
