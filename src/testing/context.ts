import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { after, before } from "node:test";
import type { DestinationStream } from "pino";
import { loadConfig } from "../config.ts";
import { createServices, type Services } from "../modules/index.ts";
import { FixedClock } from "../platform/clock.ts";
import type { AppContext } from "../platform/context.ts";
import { Keyring, parseMasterKeys } from "../platform/crypto/index.ts";
import {
  createTestDatabase,
  makeTestDir,
  type TestDatabase,
} from "../platform/db/test-database.ts";
import { createLogger } from "../platform/logger.ts";

export interface TestContext extends AppContext {
  database: TestDatabase;
  clock: FixedClock;
  services: Services;
  /** Its own temporary directory (DATA_DIR, e-mail outbox, erasure journal), removed on close. */
  dir: string;
  close(): Promise<void>;
}

/**
 * Everything a module test needs, real all the way down: a fresh migrated database (PGlite, or
 * PostgreSQL when DATABASE_URL is set; see test-database.ts), a keyring under a random master
 * key, a clock standing at `today`, a silent logger, and a temporary directory of its own for
 * the files the services write (DATA_DIR, the e-mail outbox, the erasure journal), removed
 * again on close, so that test files running side by side never share or leave a file.
 */
export async function createTestContext(
  options: {
    today?: string;
    env?: Record<string, string>;
    /** Where the log goes, at level debug (F11's log test reads it); silent without it. */
    logDestination?: DestinationStream;
  } = {},
): Promise<TestContext> {
  const dir = makeTestDir("woonsignaal-ctx-");
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  const database = await createTestDatabase().catch((err) => {
    removeDir();
    throw err;
  });
  const logger = options.logDestination
    ? createLogger({ level: "debug", destination: options.logDestination })
    : createLogger({ level: "silent" });
  const clock = new FixedClock(options.today ?? "2026-06-01");
  const keyring = await Keyring.open(
    database,
    parseMasterKeys(randomBytes(32).toString("base64")),
    logger,
    { clock },
  ).catch(async (err) => {
    await database.close().finally(removeDir);
    throw err;
  });
  const base = { database, keyring, clock, logger };
  const files = {
    DATA_DIR: dir,
    MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
    ERASURE_JOURNAL: path.join(dir, "erasure-journal.jsonl"),
    // Inside the test's directory (removed with it); production demands it outside DATA_DIR.
    WOONSIGNAAL_AUDIT_CHECKPOINT_DIR: path.join(dir, "audit-checkpoints"),
  };
  return {
    ...base,
    dir,
    // Test files send many requests without a signed-in caller from one address under a
    // stopped clock: the F5 limit is set out of their way (its own test sets a low one).
    config: loadConfig({
      NODE_ENV: "test",
      ...files,
      ANONYMOUS_RATE_LIMIT: "100000",
      ...options.env,
    }),
    // The services keep the test settings they had without a configuration; only their
    // files move into this context's directory.
    services: createServices({ ...base, config: loadConfig({ NODE_ENV: "test", ...files }) }),
    async close() {
      await database.close().finally(removeDir);
    },
  };
}

/**
 * Opens a test context before the tests of the file (or suite) it is called in and closes it
 * after them; the returned context is filled in by the time the first test runs.
 */
export function useTestContext(options: Parameters<typeof createTestContext>[0] = {}): TestContext {
  const ctx = {} as TestContext;
  before(async () => {
    Object.assign(ctx, await createTestContext(options));
  });
  after(async () => {
    await ctx.close?.();
  });
  return ctx;
}
