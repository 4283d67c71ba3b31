/**
 * The product's initial load of house seekers (issue #5, `woonsignaal seekers import`), timed:
 * N synthetic seekers (the matching benchmark's population, bench/matching/generate.ts) go
 * through `seekers.importSeekers` as the CLI's second pass hands them over: encrypted with the
 * organisation's data key, fingerprinted, blind-indexed (blocking keys and surname counts), and
 * written in one transaction; then the registrations in effect (the demo region's) are matched
 * against them. On PGlite (in memory) and on the local PostgreSQL in a throw-away database.
 *
 * Then, against that index, the "pending matches appear within 2 seconds": through the
 * HTTP API, `--changes` registrations of the population are created (each is matched against
 * every seeker: some of the seekers are these persons, written differently) and as many
 * seekers are PUT again as copies of registered persons (each matched against the
 * registrations in effect). Each request is timed until it answers (the proposal is made
 * inside it), and every proposal is checked on `GET /matches?status=pending`.
 *
 *   node bench/seekers/import.ts [--seekers 100000] [--changes 200] [--engines pglite,postgres]
 *
 * Lines the contract would refuse (the generator also writes "jp" as initials) are left out and
 * counted, as the CLI's first pass would report them. Prints one JSON document on stdout; the
 * figures go to docs/benchmarks.md ("The product's import").
 */
import { parseArgs } from "node:util";
import { type Person, personSchema } from "../../src/modules/registrations/schemas.ts";
import { createDemoApp } from "../../src/testing/demo-app.ts";
import { withEvidence } from "../../src/testing/evidence.ts";
import { bearer } from "../../src/testing/http.ts";
import { type Engine, runOnEngines } from "../engines.ts";
import { Population } from "../matching/generate.ts";

const { values } = parseArgs({
  options: {
    seekers: { type: "string", default: "100000" },
    engines: { type: "string", default: "pglite,postgres" },
    "postgres-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    seed: { type: "string", default: "20250501" },
    changes: { type: "string", default: "200" },
  },
});
const N = Number(values.seekers);
if (!Number.isInteger(N) || N < 1) throw new Error("--seekers must be a positive whole number");
const CHANGES = Number(values.changes);
if (!Number.isInteger(CHANGES) || CHANGES < 0) {
  throw new Error("--changes must be a whole number, 0 or more");
}

/** p50, p99 and max of a list of milliseconds. */
function latency(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    n: ms.length,
    p50: +at(0.5).toFixed(1),
    p99: +at(0.99).toFixed(1),
    max: +at(1).toFixed(1),
  };
}

async function bench(engine: Engine) {
  const { ctx, app, demo, close } = await createDemoApp({ today: "2026-06-01" });
  try {
    const population = new Population({
      seed: Number(values.seed),
      // As in the matching benchmark (2,000,000 seekers, 100,000 registrations): a registered
      // person is among the seekers about 0.4 times, so a new registration proposes 0 to 2.
      registrations: Math.max(1_000, Math.round(N / 20)),
      seekers: N,
    });
    let refused = 0;
    async function* rows(): AsyncGenerator<{ seekerNumber: string; person: Person }> {
      for (let i = 0; i < N; i++) {
        const parsed = personSchema.safeParse(population.seeker(i).person);
        if (!parsed.success) {
          refused++;
          continue;
        }
        yield { seekerNumber: `W-${i}`, person: parsed.data };
      }
    }
    const consortium = await ctx.services.organisations.consortiumId();
    if (!consortium) throw new Error("the demo region has no consortium");
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const result = await ctx.services.seekers.importSeekers(consortium, rows());
    const ms = performance.now() - t0;
    const used = process.cpuUsage(cpu);

    // The changes that follow the load, each timed through the API.
    const officer = bearer(demo.organisations[0]!.apiKeys.officer);
    const allocation = bearer(demo.allocationSystem.apiKey);
    const registrationMs: number[] = [];
    const seekerMs: number[] = [];
    const registered: Person[] = [];
    for (const r of population.registrations) {
      if (registered.length >= CHANGES) break;
      const parsed = personSchema.safeParse(r.person);
      if (!parsed.success) continue;
      const t = performance.now();
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/registrations",
        headers: officer,
        payload: withEvidence({
          person: parsed.data,
          categories: ["A.I"],
          criteria: ["a"],
          placementDate: "2026-05-01",
        }),
      });
      registrationMs.push(performance.now() - t);
      if (res.statusCode !== 201) throw new Error(`registration: ${res.body}`);
      registered.push(parsed.data);
    }
    for (const [k, person] of registered.entries()) {
      const t = performance.now();
      const res = await app.inject({
        method: "PUT",
        url: `/api/v1/seekers/NEW-${k}`,
        headers: allocation,
        payload: { person },
      });
      seekerMs.push(performance.now() - t);
      if (res.statusCode !== 201) throw new Error(`seeker: ${res.body}`);
    }
    const pending = (
      await app.inject({
        method: "GET",
        url: "/api/v1/matches?status=pending",
        headers: officer,
      })
    ).json() as { total: number };
    return {
      engine,
      seekers: N,
      imported: result.imported,
      refusedByTheContract: refused,
      matchesProposed: result.matchesProposed,
      seconds: +(ms / 1000).toFixed(1),
      seekersPerSecond: Math.round((1000 * result.imported) / ms),
      // This process only: on PostgreSQL the server's work is not in it.
      cpuSeconds: +((used.user + used.system) / 1e6).toFixed(1),
      peakRssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
      // Milliseconds until the answer, the proposals made inside the request.
      newRegistrationMs: latency(registrationMs),
      seekerPutMs: latency(seekerMs),
      pendingMatchesAfterwards: pending.total,
    };
  } finally {
    await close();
  }
}

await runOnEngines(
  `seekers import bench, ${N} seekers`,
  values.engines,
  values["postgres-url"],
  bench,
);
