/**
 * The officer's search by name through HTTP (issue 21 part 6: "officer search by name with
 * 10,000 registrations in the store answers in < 300 ms p95"). A real server (createDemoApp on
 * a fresh embedded database with the demo region, listening on a loopback port) gets
 * `registrations` synthetic registrations of organisation A through its own front door — the
 * CSV initial load (`POST /api/v1/registrations/import`, files of at most 5,000 lines; imported
 * rows are drafts, which the search finds like any other status) — and then `searches` searches
 * `POST /api/v1/registrations/search`, each for a registered person written with one spelling
 * difference (a typo or a doubled letter in the surname, initials without dots), one request at
 * a time. It reports p50/p95/max latency, the mean number of results and how often the person
 * searched for came first.
 *
 *   node bench/desk/search.ts [--registrations 10000] [--searches 200] [--seed 7]
 *
 * A test runs it at a tiny scale (src/modules/registrations/search-benchmark.test.ts).
 */
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { createDemoApp } from "../../src/testing/demo-app.ts";

const COMMON = [
  "Jansen",
  "de Vries",
  "van den Berg",
  "Bakker",
  "Visser",
  "Smit",
  "Meijer",
  "de Boer",
  "Mulder",
  "de Groot",
  "Bos",
  "Vos",
  "Peters",
  "Hendriks",
  "van Leeuwen",
  "Dekker",
  "Brouwer",
  "de Wit",
  "Dijkstra",
  "Smits",
  "Yılmaz",
  "El Amrani",
  "Kowalski",
  "Nguyen",
];
const SYLLABLES = ["ker", "man", "hof", "stra", "berg", "wijk", "veld", "dam", "mer", "link"];
const STARTS = ["Ha", "Wes", "Kor", "Bra", "Ste", "Lo", "Ri", "Ma", "Tij", "Go", "Pe", "Zui"];

/** A small seeded PRNG (mulberry32): the same run gives the same people. */
function rngOf(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchPerson {
  initials: string;
  prefix?: string;
  surname: string;
  birthDate: string;
}

/** `n` people: a third with a common surname, the rest with a made-up one; birth dates 1940–2005. */
export function peopleFor(n: number, seed: number): BenchPerson[] {
  const rnd = rngOf(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: BenchPerson[] = [];
  for (let i = 0; i < n; i++) {
    const written =
      rnd() < 0.33
        ? pick(COMMON)
        : `${pick(STARTS)}${pick(SYLLABLES)}${rnd() < 0.5 ? pick(SYLLABLES) : ""}`;
    const words = written.split(" ");
    const surname = words.at(-1)!;
    const prefix = words.length > 1 ? words.slice(0, -1).join(" ") : undefined;
    const letters = "ABCDEFGHIJKLMNPRSTW";
    const initials = Array.from(
      { length: 1 + Math.floor(rnd() * 3) },
      () => `${pick([...letters])}.`,
    ).join("");
    const y = 1940 + Math.floor(rnd() * 66);
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    const birthDate = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    out.push({ initials, ...(prefix ? { prefix } : {}), surname, birthDate });
  }
  return out;
}

/** The person as an officer might type them from a letter: one small difference. */
export function variantOf(p: BenchPerson, rnd: () => number): BenchPerson {
  const s = p.surname;
  const at = 1 + Math.floor(rnd() * Math.max(1, s.length - 2));
  const kind = Math.floor(rnd() * 3);
  if (kind === 0) return { ...p, surname: `${s.slice(0, at)}${s[at]}${s.slice(at)}` }; // doubled letter
  if (kind === 1) return { ...p, initials: p.initials.replaceAll(".", "") };
  return { ...p, surname: `${s.slice(0, at)}${s[at + 1] ?? ""}${s[at]}${s.slice(at + 2)}` }; // swap
}

const CSV_HEADER =
  "initials,prefix,surname,birthDate,categories,criteria,placementDate,street,houseNumber,postcode,city,evidence";

function csvOf(people: readonly BenchPerson[]): string {
  const q = (v: string) => (/[",]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = people.map((p) =>
    [
      p.initials,
      p.prefix ?? "",
      p.surname,
      p.birthDate,
      "A.I",
      "a",
      "2026-05-01",
      "Kerkstraat",
      "1",
      "9901 AB",
      "Lindendal",
      "a|vonnis|2026-03-01",
    ]
      .map(q)
      .join(","),
  );
  return [CSV_HEADER, ...lines].join("\n");
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface SearchBenchResult {
  registrations: number;
  searches: number;
  loadSeconds: number;
  p50: number;
  p95: number;
  max: number;
  meanResults: number;
  /** Share of searches where the person searched for came first. */
  foundFirst: number;
}

export async function measureSearch(options: {
  registrations: number;
  searches: number;
  seed?: number;
}): Promise<SearchBenchResult> {
  const seed = options.seed ?? 7;
  const fixture = await createDemoApp({ today: "2026-06-01" });
  try {
    await fixture.app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = fixture.app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const auth = { authorization: `Bearer ${fixture.demo.organisations[0]!.apiKeys.officer}` };
    const people = peopleFor(options.registrations, seed);
    const started = performance.now();
    for (let i = 0; i < people.length; i += 5000) {
      const res = await fetch(`${base}/api/v1/registrations/import?dryRun=false`, {
        method: "POST",
        headers: { ...auth, "content-type": "text/csv" },
        body: csvOf(people.slice(i, i + 5000)),
      });
      const body = (await res.json()) as { imported?: number; ids?: string[] };
      if (res.status !== 200 || body.imported !== Math.min(5000, people.length - i)) {
        throw new Error(`import at ${i}: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
      }
    }
    const loadSeconds = (performance.now() - started) / 1000;
    const rnd = rngOf(seed + 1);
    const times: number[] = [];
    let results = 0;
    let first = 0;
    for (let i = 0; i < options.searches; i++) {
      const target = people[Math.floor(rnd() * people.length)]!;
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/registrations/search`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ person: variantOf(target, rnd), purpose: "person_contact" }),
      });
      const body = (await res.json()) as {
        results: { person: BenchPerson }[];
      };
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`search ${i}: ${res.status} ${JSON.stringify(body)}`);
      results += body.results.length;
      const top = body.results[0]?.person;
      if (top && top.birthDate === target.birthDate && top.surname === target.surname) first++;
    }
    times.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      registrations: options.registrations,
      searches: options.searches,
      loadSeconds: round(loadSeconds),
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      max: round(times.at(-1) ?? 0),
      meanResults: round(results / Math.max(1, options.searches)),
      foundFirst: Math.round((first / Math.max(1, options.searches)) * 1000) / 1000,
    };
  } finally {
    await fixture.close();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      registrations: { type: "string" },
      searches: { type: "string" },
      seed: { type: "string" },
    },
  });
  const result = await measureSearch({
    registrations: Number(values.registrations ?? 10_000),
    searches: Number(values.searches ?? 200),
    seed: Number(values.seed ?? 7),
  });
  console.log(JSON.stringify(result, null, 2));
  console.log(`search p95: ${result.p95} ms (target < 300 ms)`);
}
