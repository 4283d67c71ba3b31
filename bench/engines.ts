/**
 * What the benchmarks that run on both database engines share: PGlite in memory, and the local
 * PostgreSQL in a throw-away database (createTestContext makes and drops it) when it answers;
 * otherwise its run is reported as skipped. Prints one JSON document on stdout.
 */
import os from "node:os";
import pg from "pg";

export type Engine = "pglite" | "postgres";

async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Runs `bench` on each engine of the comma-separated list, one after the other. */
export async function runOnEngines(
  what: string,
  engines: string,
  postgresUrl: string,
  bench: (engine: Engine) => Promise<object>,
): Promise<void> {
  const results: object[] = [];
  for (const engine of engines.split(",") as Engine[]) {
    if (engine === "postgres" && !(await postgresReachable(postgresUrl))) {
      results.push({ engine, skipped: "not reachable" });
      continue;
    }
    if (engine === "postgres") process.env.DATABASE_URL = postgresUrl;
    else delete process.env.DATABASE_URL;
    console.error(`${what}: ${engine}…`);
    results.push(await bench(engine));
  }
  console.log(JSON.stringify({ node: process.version, cpus: os.cpus().length, results }, null, 2));
}
