import { buildApp } from "../app.ts";
import { openRuntime, type Runtime } from "../bootstrap.ts";
import { seedDemoArrears } from "../demo/demo-arrears.ts";
import { seedDemoDrafts } from "../demo/demo-drafts.ts";
import { seedDemoParts } from "../demo/demo-parts.ts";
import { seedDemoRegion } from "../demo/demo-region.ts";
import { createServices, type Services } from "../modules/index.ts";
import { allJobs } from "../modules/jobs.ts";
import { JobRunner } from "../platform/jobs/runner.ts";
import { envWith, help, overridesFrom, parse, say } from "./common.ts";
import { EXIT } from "./usage.ts";

export async function serveCommand(argv: string[]): Promise<number> {
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
  const { demo } = await seedDemoRegion(services, "aedes-2021", rt.demoSecret);
  await seedDemoArrears(services, demo, rt.clock.today());
  await seedDemoParts(services, demo, rt.clock.today());
  await seedDemoDrafts(services, demo, rt.clock.today());
  return demo;
}
