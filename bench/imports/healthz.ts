/**
 * F13 (security review 2026-12, test 20): does the server keep answering while it reads a
 * large CSV import? Starts the product in a process of its own on a loopback port (its demo
 * region on a fresh data directory, or on a fresh PostgreSQL database when DATABASE_URL is
 * set: startServer below), then posts an arrears position CSV (1 and k in parallel) while sampling
 * `GET /healthz` one request after the other, and reports the latency of those samples (p50,
 * p99, max), how long each import took and how large its answer was.
 *
 * The files are synthetic (names `Synth…`). `bad` lines repeat the review's file: every line
 * refused (about 26 bytes a line, several errors each); `good` lines are imported (and then
 * written in one transaction, in parts of 50 rows with a turn of the event loop between them;
 * /healthz answers from its last probe meanwhile, D-791). The CLI is run.ts; a test runs this at
 * a tiny scale so that it cannot rot.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createTestDatabase } from "../../src/platform/db/test-database.ts";
import { cliEnv, freePort, MAIN } from "../../src/testing/cli.ts";

export const AS_OF = "2026-05-31";
const HEADER =
  "tenancyRef,initials,surname,street,houseNumber,postcode,city,monthlyRentCents,arrearsCents,oldestUnpaidDueDate";

/** A name part from a number: names hold letters only. */
function letters(n: number) {
  let out = "";
  for (let k = n % 17_576; out.length < 3; k = Math.floor(k / 26))
    out += "abcdefghijklmnopqrstuvwxyz"[k % 26];
  return out;
}

/** A position CSV of `lines` data lines; `prefix` keeps tenancy references apart between files. */
export function positionsCsv(lines: number, kind: "bad" | "good", prefix = "T"): string {
  const out = [HEADER];
  for (let i = 0; i < lines; i++) {
    out.push(
      kind === "bad"
        ? // Short lines that break several rules at once (postcode, amounts, date), as test 20.
          `${prefix}${i},A.,S,K,1,9,L,x,-1,`
        : `${prefix}-${i},A.,Synth${letters(i)},Kerkpad,${(i % 200) + 1},9901 AB,Lindendal,70000,${
            i % 3 === 0 ? 0 : 140_000
          },2026-04-01`,
    );
  }
  return `${out.join("\n")}\n`;
}

export interface Stats {
  samples: number;
  p50: number;
  p99: number;
  max: number;
  /** Samples that took longer than 50 ms (the target for p99). */
  over50: number;
}

export interface ImportRun {
  parallel: number;
  kind: "bad" | "good";
  lines: number;
  /** Bytes of one file. */
  fileBytes: number;
  /** Per import: HTTP status, milliseconds, bytes of the answer, errors listed / counted. */
  imports: {
    status: number;
    ms: number;
    answerBytes: number;
    imported: number;
    listed: number;
    errorCount: number;
  }[];
  healthz: Stats;
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function statsOf(ms: number[]): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    samples: sorted.length,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    over50: sorted.filter((ms) => ms > 50).length,
  };
}

/**
 * The product as it runs: `woonsignaal demo-seed` and `woonsignaal serve` in a process of their
 * own on a throw-away data directory (the embedded database on disk, as `npm start`), or on a
 * fresh database of the PostgreSQL server that `DATABASE_URL` names. The measuring client (this
 * process) is outside the server, as a load balancer's probe is.
 */
async function startServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "woonsignaal-bench-import-"));
  const database = process.env.DATABASE_URL ? await createTestDatabase() : undefined;
  const env = cliEnv({
    NODE_ENV: "development",
    DATA_DIR: path.join(dir, "data"),
    WOONSIGNAAL_AUDIT_CHECKPOINT_DIR: path.join(dir, "checkpoints"),
    ...(database?.url ? { DATABASE_URL: database.url } : {}),
  });
  const cleanUp = async () => {
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const seeded = spawnSync(process.execPath, [MAIN, "demo-seed", "--json"], {
      env,
      encoding: "utf8",
      timeout: 300_000,
    });
    if (seeded.status !== 0) throw new Error(`demo-seed failed: ${seeded.stderr}`);
    const demo = JSON.parse(seeded.stdout) as { organisations: { apiKeys: { officer: string } }[] };
    const port = await freePort();
    const server = spawn(process.execPath, [MAIN, "serve", "--port", String(port)], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    server.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const base = `http://127.0.0.1:${port}`;
    const answers = () =>
      fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    for (let i = 0; ; i++) {
      if (server.exitCode !== null) throw new Error(`the server stopped: ${stderr}`);
      if (await answers()) break;
      if (i > 600) throw new Error(`the server did not answer /healthz: ${stderr}`);
      await sleep(100);
    }
    return {
      base,
      officer: `Bearer ${demo.organisations[0]!.apiKeys.officer}`,
      async stop() {
        const exited = new Promise((r) => server.once("exit", r));
        server.kill("SIGTERM");
        await exited;
        await cleanUp();
      },
    };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}

/**
 * Runs the measurement: a baseline of /healthz with nothing else going on, then one round per
 * entry of `parallel` (files of `kind` lines), then one per entry of `rounds` (each its own
 * kind).
 */
export async function measureImportHealthz(options: {
  lines: number;
  parallel: number[];
  kind?: "bad" | "good";
  rounds?: { parallel: number; kind: "bad" | "good" }[];
  /** Pause between two /healthz samples. */
  sampleEveryMs?: number;
  baselineSamples?: number;
}): Promise<{ store: "pglite" | "postgres"; baseline: Stats; runs: ImportRun[] }> {
  const kind = options.kind ?? "bad";
  const every = options.sampleEveryMs ?? 10;
  const server = await startServer();
  try {
    const { base, officer } = server;
    const healthz = async () => {
      const t = performance.now();
      const res = await fetch(`${base}/healthz`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
      return performance.now() - t;
    };
    for (let i = 0; i < 20; i++) await healthz(); // warm-up, not counted
    const baseline: number[] = [];
    for (let i = 0; i < (options.baselineSamples ?? 200); i++) {
      baseline.push(await healthz());
      await sleep(every);
    }
    const runs: ImportRun[] = [];
    const rounds = [
      ...options.parallel.map((parallel) => ({ parallel, kind })),
      ...(options.rounds ?? []),
    ];
    for (const [round, { parallel, kind }] of rounds.entries()) {
      const files = Array.from({ length: parallel }, (_, i) =>
        positionsCsv(options.lines, kind, `${"abcdefghij"[round % 10]}${i}`),
      );
      let running = parallel;
      const imports = files.map(async (body) => {
        const t = performance.now();
        const res = await fetch(`${base}/api/v1/arrears/positions?asOf=${AS_OF}`, {
          method: "POST",
          headers: { authorization: officer, "content-type": "text/csv" },
          body,
        });
        const text = await res.text();
        const ms = performance.now() - t;
        running--;
        const answer = JSON.parse(text) as {
          imported?: number;
          errors?: unknown[];
          errorCount?: number;
        };
        return {
          status: res.status,
          ms: Math.round(ms),
          answerBytes: Buffer.byteLength(text),
          imported: answer.imported ?? 0,
          listed: answer.errors?.length ?? 0,
          errorCount: answer.errorCount ?? 0,
        };
      });
      const samples: number[] = [];
      const sampling = (async () => {
        while (running > 0) {
          samples.push(await healthz());
          await sleep(every);
        }
      })();
      const done = await Promise.all(imports);
      await sampling;
      runs.push({
        parallel,
        kind,
        lines: options.lines,
        fileBytes: Buffer.byteLength(files[0]!),
        imports: done,
        healthz: statsOf(samples),
      });
    }
    return {
      store: process.env.DATABASE_URL ? "postgres" : "pglite",
      baseline: statsOf(baseline),
      runs,
    };
  } finally {
    await server.stop();
  }
}
