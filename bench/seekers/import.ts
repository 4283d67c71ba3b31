/**
 * The product's initial load of house seekers (issue #5, `woonsignaal seekers import`), timed:
 * N synthetic seekers (the matching benchmark's population, bench/matching/generate.ts) go
 * through `seekers.importSeekers` as the CLI's second pass hands them over: encrypted with the
 * organisation's data key, fingerprinted, blind-indexed (blocking keys and surname counts), and
 * written in one transaction; then the registrations in effect (the demo region's) are matched
 * against them. On PGlite (in memory) and on the local PostgreSQL in a throw-away database.
 *
 *   node bench/seekers/import.ts [--seekers 100000] [--engines pglite,postgres]
 *
 * Lines the contract would refuse (the generator also writes "jp" as initials) are left out and
 * counted, as the CLI's first pass would report them. Prints one JSON document on stdout; the
 * figures go to docs/benchmarks.md ("The product's import").
 */
import { parseArgs } from "node:util";
import { seedDemoRegion } from "../../src/demo/demo-region.ts";
import { type Person, personSchema } from "../../src/modules/registrations/schemas.ts";
import { createTestContext } from "../../src/testing/context.ts";
import { type Engine, runOnEngines } from "../engines.ts";
import { Population } from "../matching/generate.ts";

const { values } = parseArgs({
  options: {
    seekers: { type: "string", default: "100000" },
    engines: { type: "string", default: "pglite,postgres" },
    "postgres-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    seed: { type: "string", default: "20250501" },
  },
});
const N = Number(values.seekers);
if (!Number.isInteger(N) || N < 1) throw new Error("--seekers must be a positive whole number");

async function bench(engine: Engine) {
  const ctx = await createTestContext({ today: "2026-06-01" });
  try {
    await seedDemoRegion(ctx.services, "aedes-2021");
    const population = new Population({
      seed: Number(values.seed),
      registrations: 1_000,
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
    };
  } finally {
    await ctx.close();
  }
}

await runOnEngines(
  `seekers import bench, ${N} seekers`,
  values.engines,
  values["postgres-url"],
  bench,
);
