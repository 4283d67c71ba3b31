import { randomBytes } from "node:crypto";
import { loadConfig } from "../config.ts";
import { createServices, type Services } from "../modules/index.ts";
import { FixedClock } from "../platform/clock.ts";
import type { AppContext } from "../platform/context.ts";
import { Keyring, parseMasterKeys } from "../platform/crypto/index.ts";
import { createTestDatabase, type TestDatabase } from "../platform/db/test-database.ts";
import { createLogger } from "../platform/logger.ts";

export interface TestContext extends AppContext {
  database: TestDatabase;
  clock: FixedClock;
  services: Services;
  close(): Promise<void>;
}

/**
 * Everything a module test needs, real all the way down: a fresh migrated database (PGlite in
 * memory, or PostgreSQL when DATABASE_URL is set), a keyring under a random master key, a
 * clock standing at `today`, and a silent logger.
 */
export async function createTestContext(
  options: { today?: string; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  const logger = createLogger({ level: "silent" });
  const clock = new FixedClock(options.today ?? "2026-06-01");
  const keyring = await Keyring.open(
    database,
    parseMasterKeys(randomBytes(32).toString("base64")),
    logger,
    { clock },
  );
  const base = { database, keyring, clock, logger };
  return {
    ...base,
    config: loadConfig({ NODE_ENV: "test", ...options.env }),
    services: createServices(base),
    close: () => database.close(),
  };
}
