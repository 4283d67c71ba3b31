#!/usr/bin/env node
/**
 * The `woonsignaal` command: reads the command name and hands the rest of argv to its file in
 * src/cli/ (one file per command); maps the errors commands throw to the exit codes of
 * contract §2 (src/cli/usage.ts).
 */
import { auditCommand } from "./cli/audit.ts";
import { backupCommand } from "./cli/backup.ts";
import { help, say, UsageError } from "./cli/common.ts";
import { demoSeedCommand } from "./cli/demo-seed.ts";
import { erasuresCommand } from "./cli/erasures.ts";
import { jobsCommand } from "./cli/jobs.ts";
import { keysCommand } from "./cli/keys.ts";
import { matchingCommand } from "./cli/matching.ts";
import { migrateCommand } from "./cli/migrate.ts";
import { restoreCommand } from "./cli/restore.ts";
import { seekersCommand } from "./cli/seekers.ts";
import { serveCommand } from "./cli/serve.ts";
import { setupCommand } from "./cli/setup.ts";
import { EXIT } from "./cli/usage.ts";
import { ConfigError } from "./config.ts";
import { DemoDataInProductionError } from "./demo/demo-guard.ts";
import { BackupError } from "./modules/retention/backup.ts";
import { KeyError } from "./platform/crypto/index.ts";
import { DatabaseUnavailableError } from "./platform/db/database.ts";
import { DataDirLockedError } from "./platform/db/datadir-lock.ts";
import { MigrationError } from "./platform/db/migrate.ts";

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "serve":
        return await serveCommand(rest);
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
    if (
      err instanceof ConfigError ||
      err instanceof KeyError ||
      err instanceof DemoDataInProductionError
    ) {
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
