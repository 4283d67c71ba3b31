/**
 * F13 (security review 2026-12, test 20): does the server keep answering while it reads a
 * large CSV import? Starts the app on a loopback port (fresh in-memory database with the
 * demo region), then posts an arrears position CSV (1 and k in parallel) while sampling
 * `GET /healthz` one request after the other, and reports the latency of those samples (p50,
 * p99, max), how long each import took and how large its answer was.
 *
 * The files are synthetic (names `Synth…`). `bad` lines repeat the review's file: every line
 * refused (about 26 bytes a line, several errors each); `good` lines are imported (and then
 * written in one transaction: on PGlite /healthz waits for that transaction, see
 * docs/benchmarks.md). The CLI is run.ts; a test runs this at a tiny scale so that it cannot rot.
 */
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { createDemoApp } from "../../src/testing/demo-app.ts";

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
  };
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
}): Promise<{ baseline: Stats; runs: ImportRun[] }> {
  const kind = options.kind ?? "bad";
  const every = options.sampleEveryMs ?? 10;
  const fixture = await createDemoApp({ today: "2026-06-01" });
  try {
    await fixture.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = fixture.app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const officer = `Bearer ${fixture.demo.organisations[0]!.apiKeys.officer}`;
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
    return { baseline: statsOf(baseline), runs };
  } finally {
    await fixture.close();
  }
}
