import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "./database.ts";
import { migrate } from "./migrate.ts";

/**
 * A fresh, migrated database for one test (or one test file): PGlite in memory by default,
 * or — when DATABASE_URL is set, as in CI — a new database on that PostgreSQL server, dropped
 * again on close. The same suite thus runs on both engines (design.md §3).
 */
export interface TestDatabase extends Database {
  /** postgres only: the URL of this throw-away database (for pg_dump and friends). */
  readonly url: string | undefined;
}

export async function createTestDatabase(
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  let database: Database;
  let url: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  if (serverUrl) {
    const name = `woonsignaal_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    database = await openDatabase({ url, poolSize: 4, connectTimeoutMs: 5_000 });
    drop = async () => {
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    };
  } else {
    database = await openDatabase({ dataDir: "memory://" });
  }
  if (options.migrate !== false) await migrate(database);
  return {
    ...database,
    url,
    async close() {
      await database.close();
      await drop?.();
    },
  };
}
