/**
 * Benchmark of the monthly vroegsignalering run (issue #11): N synthetic tenancies (synthetic
 * names only) of one landlord in ten municipalities, eight with a signed agreement; then the
 * `arrears-signals` run is timed. On PGlite (in memory) and, when reachable, on the local
 * PostgreSQL in a throw-away database (dropped afterwards).
 *
 *   node bench/arrears/run.ts [--tenancies 100000] [--engines pglite,postgres]
 *
 * Figures go to docs/benchmarks.md "Vroegsignalering". Prints one JSON document on stdout.
 */
import { parseArgs } from "node:util";
import { seedDemoRegion } from "../../src/demo/demo-region.ts";
import { parsePositionItems } from "../../src/modules/arrears/import.ts";
import { addDays } from "../../src/platform/werkdagen.ts";
import { createTestContext } from "../../src/testing/context.ts";
import { type Engine, runOnEngines } from "../engines.ts";

const { values } = parseArgs({
  options: {
    tenancies: { type: "string", default: "100000" },
    engines: { type: "string", default: "pglite,postgres" },
    "postgres-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
  },
});
const N = Number(values.tenancies);
const SIGNAL_DATE = "2026-06-05";
const AS_OF = "2026-05-31";
const MUNICIPALITIES = [
  "0363",
  "0518",
  "0599",
  "0344",
  "0772",
  "0014",
  "1979",
  "0200",
  "0202",
  "0307",
];
const SIGNED = new Set(MUNICIPALITIES.slice(0, 8));

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A synthetic surname: "Synth" + the index in letters (no real names). */
function synthName(i: number) {
  let s = "";
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `Synth${s}`;
}

function items(from: number, to: number, random: () => number) {
  const out = [];
  for (let i = from; i < to; i++) {
    const rent = 50_000 + Math.floor(random() * 60_000);
    const daysLate = 5 + Math.floor(random() * 120);
    const oldest = addDays(AS_OF, -daysLate);
    const r = random();
    const events =
      r < 0.75
        ? [
            { type: "contact_attempt", date: addDays(oldest, 3), channel: "phone" },
            { type: "debt_help_referral", date: addDays(oldest, 3) },
            { type: "reminder_with_sharing_offer", date: addDays(oldest, 4) },
          ]
        : r < 0.8
          ? [
              { type: "contact_attempt", date: addDays(oldest, 3) },
              { type: "reminder_with_sharing_offer", date: addDays(oldest, 4) },
              { type: "tenant_refused", date: addDays(oldest, 4) },
            ]
          : [{ type: "contact_attempt", date: addDays(oldest, 3) }];
    out.push({
      tenancyRef: `B-${i}`,
      person: {
        initials: "A.",
        surname: synthName(i),
        birthDate: "1980-01-01",
        email: `tenant${i}@example.invalid`,
      },
      address: {
        street: "Synthstraat",
        houseNumber: String(1 + (i % 300)),
        postcode: "9901 AA",
        city: "Synthdorp",
      },
      phone: "0612345678",
      municipalityCode: MUNICIPALITIES[i % MUNICIPALITIES.length],
      monthlyRentCents: rent,
      arrearsCents: Math.max(1, Math.floor(rent * (daysLate / 30) * (0.5 + random() / 2))),
      oldestUnpaidDueDate: oldest,
      events: events.filter((e) => e.date <= AS_OF),
    });
  }
  return out;
}

async function bench(engine: Engine) {
  const ctx = await createTestContext({ today: SIGNAL_DATE });
  try {
    const { demo } = await seedDemoRegion(ctx.services, "aedes-2021");
    const landlord = demo.organisations[0]!.id;
    const principal = {
      kind: "api_key" as const,
      id: "00000000-0000-4000-8000-000000000001",
      organisationId: landlord,
      organisationKind: "housing_corporation" as const,
      roles: ["officer" as const],
      declarationRequired: false,
      mustChangePassword: false,
    };
    const meta = { requestId: null, clientAddress: null };
    for (const code of MUNICIPALITIES) {
      await ctx.services.arrears.putAgreement(principal, meta, code, {
        status: SIGNED.has(code) ? "signed" : "sent",
        reportingPoint: code < "0500" ? "ris" : "vps",
      });
    }
    const random = rng(42);
    const t0 = performance.now();
    const BATCH = 10_000;
    for (let from = 0; from < N; from += BATCH) {
      const parsed = await parsePositionItems(
        AS_OF,
        items(from, Math.min(N, from + BATCH), random),
      );
      const r = await ctx.services.arrears.importPositions(principal, meta, AS_OF, parsed);
      if (r.rejected > 0) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    }
    const importMs = performance.now() - t0;
    const t1 = performance.now();
    const cpu = process.cpuUsage();
    const run = await ctx.services.arrears.runMonthlySignals(SIGNAL_DATE);
    const runMs = performance.now() - t1;
    const runCpu = process.cpuUsage(cpu);
    return {
      engine,
      tenancies: N,
      importSeconds: +(importMs / 1000).toFixed(2),
      runSeconds: +(runMs / 1000).toFixed(2),
      // CPU time of this process during the run (PGlite runs in-process; on a shared machine
      // this is steadier than the wall time).
      runCpuSeconds: +((runCpu.user + runCpu.system) / 1e6).toFixed(2),
      run,
    };
  } finally {
    await ctx.close();
  }
}

await runOnEngines(`arrears bench, ${N} tenancies`, values.engines, values["postgres-url"], bench);
