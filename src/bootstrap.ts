import { type Config, loadConfig } from "./config.ts";
import { refuseDemoData } from "./demo/demo-guard.ts";
import { demoSecretOf } from "./demo/demo-region.ts";
import { chainKeyOf, useChainKey } from "./platform/audit/chain.ts";
import { AuditCheckpointer } from "./platform/audit/checkpointer.ts";
import { auditSettingsFrom } from "./platform/audit/settings.ts";
import { loadSigningKey } from "./platform/audit/signing.ts";
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
  /** The installation's demo secret (F3): the demo's passwords and keys derive from it. */
  demoSecret: Buffer;
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
    /**
     * False for `audit verify`: it must judge the log as it found it, so it signs nothing
     * (and writes no events). Otherwise the audit tail is covered (F4): a signed checkpoint
     * at start, every AUDIT_CHECKPOINT_EVENTS / _MINUTES, and at close.
     */
    auditCheckpoints?: boolean;
  } = {},
): Promise<Runtime> {
  const config = loadConfig(options.env ?? process.env, options.overrides);
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const clock = options.clock ?? systemClock;
  // The audit settings and key before anything opens: in production a missing checkpoint
  // directory or signing key stops the start (exit 3), and new events are chained under the key.
  const auditSettings = auditSettingsFrom(config);
  const signingKey =
    options.auditCheckpoints === false
      ? undefined
      : loadSigningKey({ ...auditSettings, logger, create: true });
  if (signingKey) useChainKey(chainKeyOf(signingKey));
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
    // F3: demo accounts and keys never run in production.
    if (config.isProduction) await refuseDemoData(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  const checkpointer = signingKey
    ? new AuditCheckpointer({ database, settings: auditSettings, key: signingKey, clock, logger })
    : undefined;
  if (checkpointer) {
    try {
      await checkpointer.checkpoint(); // covers what a crash left uncovered
    } catch (err) {
      await database.close();
      throw err;
    }
    checkpointer.start();
  }
  let closed: Promise<void> | undefined;
  return {
    config,
    logger,
    database,
    keyring,
    clock,
    appliedMigrations,
    demoSecret: demoSecretOf(masterKeys.current.key),
    // The last checkpoint comes after everything this process wrote (close the app first:
    // its refusal tally flushes on close), then the database closes.
    close: () => {
      closed ??= (async () => {
        try {
          await checkpointer?.stop();
        } catch (err) {
          logger.error({ err }, "could not sign the audit checkpoint at shutdown");
        } finally {
          await database.close();
        }
      })();
      return closed;
    },
  };
}
