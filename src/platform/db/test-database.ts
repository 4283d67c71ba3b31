import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "./database.ts";
import { migrate } from "./migrate.ts";

/**
 * A fresh, migrated database for one test (or one test file): PGlite by default, or — when
 * DATABASE_URL is set, as in CI — a new database on that PostgreSQL server, dropped again on
 * close. The same suite thus runs on both engines (design.md §3).
 *
 * Creating and migrating a database is the suite's largest fixed cost, so `npm test` does it
 * once per run (src/testing/global-setup.ts) and every test database is a copy of that
 * template: on PGlite a copied data directory in a temporary directory of its own, on
 * PostgreSQL `CREATE DATABASE … TEMPLATE`. Without the global setup (a test file run on its
 * own) each database is created and migrated from scratch, in memory, as before.
 */
export interface TestDatabase extends Database {
  /** postgres only: the URL of this throw-away database (for pg_dump and friends). */
  readonly url: string | undefined;
}

/** The run's scratch directory, made and removed by the global setup. */
export const TEST_RUN_DIR_ENV = "WOONSIGNAAL_TEST_RUN_DIR";
/** PGlite: the template data directories (`empty/`, `migrated/`) of this run. */
export const PGLITE_TEMPLATE_ENV = "WOONSIGNAAL_TEST_PGLITE_TEMPLATE";
/** PostgreSQL: the migrated template database of this run. */
export const POSTGRES_TEMPLATE_ENV = "WOONSIGNAAL_TEST_POSTGRES_TEMPLATE";

type Variant = "empty" | "migrated";

/** A fresh temporary directory for one test's files, in the run's scratch directory if any. */
export function makeTestDir(prefix = "woonsignaal-test-"): string {
  const runDir = process.env[TEST_RUN_DIR_ENV];
  const parent = runDir && fs.existsSync(runDir) ? runDir : os.tmpdir();
  return fs.mkdtempSync(path.join(parent, prefix));
}

export async function createTestDatabase(
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const variant: Variant = options.migrate === false ? "empty" : "migrated";
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? createOnPostgres(serverUrl, variant) : createOnPglite(variant);
}

async function createOnPglite(variant: Variant): Promise<TestDatabase> {
  const template = process.env[PGLITE_TEMPLATE_ENV];
  const source = template && path.join(template, variant);
  if (!source || !fs.existsSync(source)) {
    const database = await openDatabase({ dataDir: "memory://" });
    if (variant === "migrated") await migrate(database);
    return { ...database, url: undefined };
  }
  // A copy of the template's data directory: PGlite opens it without initdb or migrations.
  const dir = makeTestDir("woonsignaal-db-");
  try {
    fs.cpSync(source, dir, { recursive: true });
    const database = await openDatabase({ dataDir: dir });
    return {
      ...database,
      url: undefined,
      async close() {
        try {
          await database.close();
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function withServer<T>(serverUrl: string, fn: (admin: pg.Client) => Promise<T>) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** The URL of database `name` on the server of `serverUrl`. */
function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function createOnPostgres(serverUrl: string, variant: Variant): Promise<TestDatabase> {
  const name = `woonsignaal_test_${randomBytes(6).toString("hex")}`;
  const template = variant === "migrated" ? process.env[POSTGRES_TEMPLATE_ENV] : undefined;
  await withServer(serverUrl, (admin) =>
    admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`),
  );
  const url = databaseUrl(serverUrl, name);
  const drop = () =>
    withServer(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  let database: Database;
  try {
    database = await openDatabase({ url, poolSize: 4, connectTimeoutMs: 5_000 });
  } catch (err) {
    await drop();
    throw err;
  }
  if (variant === "migrated" && !template) await migrate(database);
  return {
    ...database,
    url,
    async close() {
      await database.close();
      await drop();
    },
  };
}

/**
 * Builds this run's templates (called once by the global setup): on PostgreSQL a migrated
 * database, on PGlite an empty and a migrated data directory under `runDir`. Returns the
 * environment variables that point the test files at them, and how to remove them again.
 */
export async function createTestTemplates(
  runDir: string,
): Promise<{ env: Record<string, string>; remove(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `woonsignaal_test_template_${randomBytes(6).toString("hex")}`;
    await withServer(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
    const remove = () =>
      withServer(serverUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      ).then(() => undefined);
    try {
      const database = await openDatabase({ url: databaseUrl(serverUrl, name), poolSize: 1 });
      try {
        await migrate(database);
      } finally {
        await database.close();
      }
    } catch (err) {
      await remove();
      throw err;
    }
    return { env: { [POSTGRES_TEMPLATE_ENV]: name }, remove };
  }
  const dir = path.join(runDir, "pglite-template");
  const empty = path.join(dir, "empty");
  const migrated = path.join(dir, "migrated");
  await (await openDatabase({ dataDir: empty })).close();
  fs.cpSync(empty, migrated, { recursive: true });
  const database = await openDatabase({ dataDir: migrated });
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  return {
    env: { [PGLITE_TEMPLATE_ENV]: dir },
    remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
