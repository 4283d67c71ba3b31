import { type Config, loadConfig } from "./config.ts";
import { type Clock, systemClock } from "./platform/clock.ts";
import { Keyring, loadMasterKeys } from "./platform/crypto/index.ts";
import { type Database, openDatabase } from "./platform/db/database.ts";
import { migrate } from "./platform/db/migrate.ts";
import { createLogger, type Logger } from "./platform/logger.ts";

export interface Runtime {
  config: Config;
  logger: Logger;
  database: Database;
  keyring: Keyring;
  clock: Clock;
  /** The migrations this start applied (empty when the schema was up to date). */
  appliedMigrations: string[];
  close(): Promise<void>;
}

/**
 * Opens what every command needs, in order: configuration, logger, master key, database
 * (embedded or server), schema, keyring (which refuses a master key that does not fit the
 * keys stored in the database, rather than write data nobody could read). Each step fails with its own clear error (see src/main.ts for how each
 * maps to an exit code).
 */
export async function openRuntime(
  options: {
    env?: Record<string, string | undefined>;
    overrides?: Partial<Config>;
    clock?: Clock;
    logger?: Logger;
  } = {},
): Promise<Runtime> {
  const config = loadConfig(options.env ?? process.env, options.overrides);
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const masterKeys = loadMasterKeys({
    masterKey: config.masterKey,
    dataDir: config.dataDir,
    isProduction: config.isProduction,
    logger,
  });
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    logger,
    connectTimeoutMs: config.databaseConnectTimeoutMs,
  });
  let appliedMigrations: string[];
  let keyring: Keyring;
  try {
    appliedMigrations = await migrate(database);
    if (appliedMigrations.length > 0) {
      logger.info({ applied: appliedMigrations }, "database schema brought up to date");
    }
    keyring = await Keyring.open(database, masterKeys, logger, { clock: options.clock });
  } catch (err) {
    await database.close();
    throw err;
  }
  return {
    config,
    logger,
    database,
    keyring,
    clock: options.clock ?? systemClock,
    appliedMigrations,
    close: () => database.close(),
  };
}
