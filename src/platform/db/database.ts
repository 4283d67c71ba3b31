import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Logger } from "../logger.ts";
import { lockDataDir } from "./datadir-lock.ts";

/** Drizzle over either driver; a transaction (`db.transaction(tx => …)`) has the same type. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

/** A raw SQL executor, for migrations and the few statements drizzle cannot express. */
export interface RawExecutor {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters. */
  exec(sql: string): Promise<void>;
}

/** A RawExecutor over a driver's client: `query` answers its rows, `exec` runs statements. */
function rawExecutor(client: {
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;
  exec(sql: string): Promise<unknown>;
}): RawExecutor {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await client.exec(sql);
    },
  };
}

export interface Database extends RawExecutor {
  readonly kind: "pglite" | "postgres";
  readonly db: Db;
  /** A raw transaction: commit when `fn` resolves, roll back when it throws. */
  rawTransaction<T>(fn: (tx: RawExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… ; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory, or "memory://" for a throw-away database. */
  dataDir?: string;
  logger?: Logger;
  /** Keep retrying an unreachable server for this long (ms) before giving up. */
  connectTimeoutMs?: number;
  /** PostgreSQL only: connections in the pool. */
  poolSize?: number;
}

export class DatabaseUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "DatabaseUnavailableError";
  }
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options);
  return openPglite(options.dataDir ?? "memory://");
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? dataDir : path.join(dataDir, "pglite"));
    await client.exec("SET TIME ZONE 'UTC'");
  } catch (err) {
    release();
    throw err;
  }
  const db = drizzlePglite({ client }) as unknown as Db;
  const executor = (c: Pick<PGlite, "query" | "exec">) =>
    rawExecutor({ query: (sql, params) => c.query(sql, params), exec: (sql) => c.exec(sql) });
  return {
    kind: "pglite",
    db,
    ...executor(client),
    rawTransaction: (fn) => client.transaction((tx) => fn(executor(tx))),
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        release();
      }
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    // Every session in UTC: timestamps are instants; calendar dates are computed in code.
    options: "-c TimeZone=UTC",
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", (err) => options.logger?.warn({ err }, "database connection lost"));

  const deadline = Date.now() + (options.connectTimeoutMs ?? 60_000);
  for (let attempt = 1, delay = 500; ; attempt++, delay = Math.min(delay * 2, 10_000)) {
    try {
      await pool.query("SELECT 1");
      break;
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      if (Date.now() + delay > deadline) {
        await pool.end().catch(() => {});
        throw new DatabaseUnavailableError(
          `Cannot reach the database at ${redactUrl(url)} after ${attempt} attempts (${reason}).`,
          err,
        );
      }
      options.logger?.warn(
        { attempt, retryInMs: delay, reason },
        "database not reachable yet; retrying",
      );
      await sleep(delay);
    }
  }

  const db = drizzlePg({ client: pool }) as unknown as Db;
  const executor = (c: pg.Pool | pg.PoolClient) =>
    rawExecutor({ query: (sql, params) => c.query(sql, params), exec: (sql) => c.query(sql) });
  return {
    kind: "postgres",
    db,
    ...executor(pool),
    async rawTransaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(executor(client));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** A connection URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/** Whether an error (or one it was caused by) is PostgreSQL's unique_violation (23505), on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
