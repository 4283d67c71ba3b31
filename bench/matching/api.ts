/**
 * The matching benchmark through the front door (issue #24 part 2): a sample of the benchmark's
 * cases goes through the HTTP API of a running server — `POST /api/v1/screenings` and
 * `PUT /api/v1/seekers/{n}` followed by `GET /api/v1/matches` — and the API's recall and
 * precision are set beside the engine's on exactly the same registrations and cases.
 *
 * The server is the real app on a fresh database with the demo region (createDemoApp), listening
 * on a loopback port; every request is a real HTTP request (fetch). The registrations are
 * created with `POST /api/v1/registrations` by organisation A's officer (the primary source,
 * who sees every field of a hit); each has its own placement and end date, so that a
 * screening's results can be told apart. The engine runs in this process over the same registrations (those
 * the API accepted, as sent) with the region's threshold (bench/matching/engine.ts).
 *
 * The cases: every positive and look-alike of a population (bench/matching/generate.ts: all
 * corruption kinds), some unrelated people, and the written forms people and systems really
 * use (issue #24 part 1, `WRITTEN_FORMS` below) of registered persons. A case the API refuses
 * (400) counts as a miss (or as no proposal) for the API, and is counted per label with the
 * field and rule it was refused for.
 *
 *   node bench/matching/api-run.ts [--cases 5000] [--registrations 2000] [--seed 20250501]
 *
 * A test runs this at a small scale (src/modules/seekers/api-benchmark.test.ts, D-931).
 */

import type { AddressInfo } from "node:net";
import { DEFAULT_SCORING_CONFIG, type MatchPerson } from "../../src/modules/matching/index.ts";
import { createDemoApp } from "../../src/testing/demo-app.ts";
import { withEvidence } from "../../src/testing/evidence.ts";
import { EngineIndex, keyObjectHasher } from "./engine.ts";
import { int, Population, type Rng, rngFor, type Seeker } from "./generate.ts";

// ---------------------------------------------------------------------------------------------
// Written forms (issue #24 part 1)
// ---------------------------------------------------------------------------------------------

const PREFIX_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  "van der": ["v.d.", "v/d", "vd", "V.D."],
  "van den": ["v.d.", "v/d", "vd"],
  "van de": ["v.d.", "v/d"],
  van: ["v."],
  de: ["d'"],
  het: ["'t"],
};

/** The ways people and systems write a name that the issue lists, each applied to a copy. */
export const WRITTEN_FORMS = {
  /** "Berg, van der" in the surname field, no prefix. */
  prefix_after_comma: (p: MatchPerson) =>
    p.prefix ? { ...p, surname: `${p.surname}, ${p.prefix}`, prefix: undefined } : undefined,
  /** "Berg v.d." in the surname field, no prefix. */
  prefix_abbreviated_after: (p: MatchPerson) => {
    const short = p.prefix ? PREFIX_ABBREVIATIONS[p.prefix.toLowerCase()]?.[0] : undefined;
    return short ? { ...p, surname: `${p.surname} ${short}`, prefix: undefined } : undefined;
  },
  /** "v.d.", "v/d", "vd", "v.", "d'", "'t" as the prefix. */
  prefix_abbreviated: (p: MatchPerson, rng: Rng) => {
    const options = p.prefix ? PREFIX_ABBREVIATIONS[p.prefix.toLowerCase()] : undefined;
    return options ? { ...p, prefix: options[int(rng, options.length)] } : undefined;
  },
  /** "van der Berg" in the surname field, the prefix field empty. */
  prefix_in_surname: (p: MatchPerson) =>
    p.prefix ? { ...p, surname: `${p.prefix} ${p.surname}`, prefix: undefined } : undefined,
  /** "m. c." */
  initials_lowercase_spaced: (p: MatchPerson) => ({
    ...p,
    initials: letters(p.initials)
      .map((c) => `${c.toLowerCase()}.`)
      .join(" "),
  }),
  /** "MC" */
  initials_without_dots: (p: MatchPerson) => ({ ...p, initials: letters(p.initials).join("") }),
  /** "m.c" */
  initials_lowercase_last_dot_missing: (p: MatchPerson) => ({
    ...p,
    initials: letters(p.initials)
      .map((c) => c.toLowerCase())
      .join("."),
  }),
  /** "Maria Christina" in the initials field. */
  first_names_as_initials: (p: MatchPerson) =>
    p.firstNames ? { ...p, initials: p.firstNames } : undefined,
  /** "JANSEN", "M.C.", "VAN DER". */
  all_caps: (p: MatchPerson) => ({
    ...p,
    surname: p.surname.toUpperCase(),
    ...(p.prefix ? { prefix: p.prefix.toUpperCase() } : {}),
    ...(p.firstNames ? { firstNames: p.firstNames.toUpperCase() } : {}),
    ...(p.birthName ? { birthName: p.birthName.toUpperCase() } : {}),
  }),
  /** A double name with the partner's name first: "de Vries-Jansen" for "Jansen-de Vries". */
  double_name_reversed: (p: MatchPerson) => {
    const parts = p.surname.split("-");
    return parts.length === 2 ? { ...p, surname: `${parts[1]}-${parts[0]}` } : undefined;
  },
  /** Diacritics decomposed (NFD), as some systems send them. */
  unicode_nfd: (p: MatchPerson) =>
    /[^\x20-\x7e]/.test(`${p.surname}${p.firstNames ?? ""}`)
      ? {
          ...p,
          surname: p.surname.normalize("NFD"),
          ...(p.firstNames ? { firstNames: p.firstNames.normalize("NFD") } : {}),
        }
      : undefined,
  /** Leading, trailing and double spaces. */
  extra_spaces: (p: MatchPerson) => ({
    ...p,
    surname: `  ${p.surname.replace(/ /g, "  ")} `,
    initials: ` ${p.initials} `,
  }),
} satisfies Record<string, (p: MatchPerson, rng: Rng) => MatchPerson | undefined>;

export type WrittenForm = keyof typeof WRITTEN_FORMS;

function letters(initials: string): string[] {
  return [...initials.replace(/[^\p{L}]/gu, "")].map((c) => c.toUpperCase());
}

const STREAM_WRITTEN = 7;

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

export interface ApiBenchmarkOptions {
  /** Cases to run (positives and look-alikes first, then unrelated people, then written forms). */
  cases: number;
  registrations: number;
  seed?: number;
  /** Share of the cases that are written forms of registered persons (default 0.15). */
  writtenShare?: number;
  /** Share of the cases that are unrelated people (default 0.2). */
  unrelatedShare?: number;
}

interface Case {
  number: string;
  person: MatchPerson;
  /** Index into the accepted registrations; null for a negative. */
  truth: number | null;
  label: string;
}

interface Counts {
  tp: number;
  fp: number;
}

export interface PathFigures {
  recall: number;
  precision: number;
  truePositives: number;
  falsePositives: number;
}

export interface ApiBenchmarkResult {
  seed: number;
  registrations: {
    requested: number;
    created: number;
    refused: number;
    refusals: Record<string, number>;
  };
  cases: number;
  positives: number;
  negatives: number;
  threshold: number;
  /** Every case; a refused case is a miss (or no proposal) for both API paths. */
  all: { engine: PathFigures; screenings: PathFigures; seekers: PathFigures };
  /** Only the cases the API accepted (what the engine and the API both saw). */
  accepted: {
    cases: number;
    engine: PathFigures;
    screenings: PathFigures;
    seekers: PathFigures;
  };
  /** Per label: cases, refused, recall (positives) or proposals (negatives) per path. */
  perLabel: Record<
    string,
    { n: number; refused: number; engine: number; screenings: number; seekers: number }
  >;
  /** Refusals by field and rule, as the API named them. */
  refusals: Record<string, number>;
  /** Cases where the engine and an API path proposed different registrations. */
  disagreements: { label: string; engine: number[]; screenings: number[]; seekers: number[] }[];
  seconds: number;
}

/** Counts a 400 answer by field and rule (contract §2: `details` lists the fields). */
function countRefusal(into: Record<string, number>, body: Record<string, unknown>) {
  const error = body.error as { code: string; details?: { path?: string; message?: string }[] };
  for (const d of error.details ?? [{ path: error.code }]) {
    const what = `${d.path ?? "?"}: ${d.message ?? ""}`;
    into[what] = (into[what] ?? 0) + 1;
  }
}

function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

function figures(c: Counts, positives: number): PathFigures {
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    recall: round(positives === 0 ? 1 : c.tp / positives),
    precision: round(c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp)),
    truePositives: c.tp,
    falsePositives: c.fp,
  };
}

/** The cases: positives and look-alikes in population order, unrelated people, written forms. */
function casesOf(population: Population, seekers: number, o: Required<ApiBenchmarkOptions>) {
  const written = Math.round(o.cases * o.writtenShare);
  const unrelated = Math.round(o.cases * o.unrelatedShare);
  const related = o.cases - written - unrelated;
  const out: { seeker: Pick<Seeker, "person" | "truth"> & { label: string }; number: string }[] =
    [];
  let takenRelated = 0;
  let takenUnrelated = 0;
  for (let i = 0; i < seekers && (takenRelated < related || takenUnrelated < unrelated); i++) {
    const role = population.role(i);
    if (role === "unrelated" ? takenUnrelated >= unrelated : takenRelated >= related) continue;
    if (role === "unrelated") takenUnrelated++;
    else takenRelated++;
    out.push({ seeker: population.seeker(i), number: `B-${i}` });
  }
  const forms = Object.keys(WRITTEN_FORMS) as WrittenForm[];
  let made = 0;
  for (let k = 0; made < written && k < written * 50; k++) {
    const rng = rngFor(o.seed, STREAM_WRITTEN, k);
    const form = forms[k % forms.length]!;
    const truth = int(rng, population.registrations.length);
    const person = WRITTEN_FORMS[form](population.registrations[truth]!.person, rng);
    if (!person) continue;
    out.push({ seeker: { person, truth, label: `written:${form}` }, number: `F-${k}` });
    made++;
  }
  return out;
}

export async function measureApiAgreement(
  options: ApiBenchmarkOptions,
): Promise<ApiBenchmarkResult> {
  const o: Required<ApiBenchmarkOptions> = {
    seed: 20250501,
    writtenShare: 0.15,
    unrelatedShare: 0.2,
    ...options,
  };
  const started = performance.now();
  // Positives and look-alikes are 3.5% of the seekers.
  const related = o.cases * (1 - o.writtenShare - o.unrelatedShare);
  const seekerCount = Math.ceil(related / 0.035) + 1_000;
  const population = new Population({
    seed: o.seed,
    registrations: o.registrations,
    seekers: seekerCount,
  });
  const fixture = await createDemoApp({ today: "2026-06-01" });
  try {
    await fixture.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = fixture.app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/api/v1`;
    const officer = { authorization: `Bearer ${fixture.demo.organisations[0]!.apiKeys.officer}` };
    const allocation = { authorization: `Bearer ${fixture.demo.allocationSystem.apiKey}` };
    const call = async (method: string, path: string, headers: object, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...headers,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const threshold = (await fixture.ctx.services.organisations.settings()).matchThreshold;

    // Registrations: created through the API. Registration k is told apart in a screening's
    // results by its placement date and end date (k days back, 24 - k / 500 months).
    const accepted: { person: MatchPerson; id: string; tag: string }[] = [];
    const byPopulation = new Map<number, number>();
    let refusedRegistrations = 0;
    const registrationRefusals: Record<string, number> = {};
    for (const [r, registration] of population.registrations.entries()) {
      const k = accepted.length + refusedRegistrations;
      const res = await call(
        "POST",
        "/registrations",
        officer,
        withEvidence({
          person: registration.person,
          categories: ["A.I"],
          criteria: ["a"],
          placementDate: daysBefore("2026-05-31", k % 500),
          termMonths: 24 - Math.floor(k / 500),
        }),
      );
      if (res.status !== 201) {
        if (res.status !== 400)
          throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
        refusedRegistrations++;
        countRefusal(registrationRefusals, res.body);
        continue;
      }
      byPopulation.set(r, accepted.length);
      accepted.push({
        person: registration.person,
        id: String(res.body.id),
        tag: `${res.body.placementDate}|${res.body.endDate}`,
      });
    }
    const byTag = new Map(accepted.map((a, k) => [a.tag, k]));
    const registrationIndex = new Map(accepted.map((a, k) => [a.id, k]));

    const cases: Case[] = [];
    for (const { seeker, number } of casesOf(population, seekerCount, o)) {
      // A case whose registration the API refused has no truth left to find: left out.
      if (seeker.truth !== null && !byPopulation.has(seeker.truth)) continue;
      cases.push({
        number,
        person: seeker.person,
        truth: seeker.truth === null ? null : byPopulation.get(seeker.truth)!,
        label: seeker.label,
      });
    }

    // The engine, on the same registrations and cases.
    const engine = new EngineIndex(
      keyObjectHasher(Buffer.alloc(32, 7)),
      accepted.map((a) => a.person),
      { ...DEFAULT_SCORING_CONFIG, thresholds: { match: threshold } },
    );
    const engineProposals = cases.map((c) =>
      engine.screen(c.person).proposals.sort((a, b) => a - b),
    );

    // POST /screenings.
    const refusals: Record<string, number> = {};
    const refused = new Set<number>();
    const screeningProposals: number[][] = [];
    for (const [k, c] of cases.entries()) {
      const res = await call("POST", "/screenings", officer, {
        person: c.person,
        purpose: "allocation",
      });
      if (res.status === 400) {
        refused.add(k);
        countRefusal(refusals, res.body);
        screeningProposals.push([]);
        continue;
      }
      if (res.status !== 200)
        throw new Error(`screening answered ${res.status}: ${JSON.stringify(res.body)}`);
      const results = res.body.results as { placementDate?: string; until?: string }[];
      screeningProposals.push(
        results
          .map((r) => {
            const k = byTag.get(`${r.placementDate}|${r.until}`);
            if (k === undefined) throw new Error("a hit that is none of the registrations");
            return k;
          })
          .sort((a, b) => a - b),
      );
    }

    // PUT /seekers, then the proposals on GET /matches.
    const caseOf = new Map<string, number>();
    for (const [k, c] of cases.entries()) {
      caseOf.set(c.number, k);
      const res = await call("PUT", `/seekers/${c.number}`, allocation, { person: c.person });
      if (res.status === 400) {
        if (!refused.has(k)) throw new Error(`only the seeker path refused ${c.number}`);
        continue;
      }
      if (res.status !== 201)
        throw new Error(`seeker answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    const seekerProposals: number[][] = cases.map(() => []);
    for (let page = 1; ; page++) {
      const res = await call("GET", `/matches?status=pending&pageSize=200&page=${page}`, officer);
      const items = res.body.items as { registrationId: string; seekerNumber: string }[];
      for (const m of items) {
        const k = caseOf.get(m.seekerNumber);
        const r = registrationIndex.get(m.registrationId);
        if (k !== undefined && r !== undefined) seekerProposals[k]!.push(r);
      }
      if (items.length < 200) break;
    }
    for (const p of seekerProposals) p.sort((a, b) => a - b);

    // Counting (per pair, as the benchmark counts).
    const tally = () => ({ tp: 0, fp: 0 });
    const all = { engine: tally(), screenings: tally(), seekers: tally() };
    const acc = { engine: tally(), screenings: tally(), seekers: tally() };
    const perLabel: ApiBenchmarkResult["perLabel"] = {};
    const disagreements: ApiBenchmarkResult["disagreements"] = [];
    let positives = 0;
    let acceptedPositives = 0;
    for (const [k, c] of cases.entries()) {
      const isRefused = refused.has(k);
      perLabel[c.label] ??= { n: 0, refused: 0, engine: 0, screenings: 0, seekers: 0 };
      const row = perLabel[c.label]!;
      row.n++;
      if (isRefused) row.refused++;
      if (c.truth !== null) {
        positives++;
        if (!isRefused) acceptedPositives++;
      }
      const paths = {
        engine: engineProposals[k]!,
        screenings: screeningProposals[k]!,
        seekers: seekerProposals[k]!,
      };
      for (const path of ["engine", "screenings", "seekers"] as const) {
        const proposals = paths[path];
        const tp = c.truth !== null && proposals.includes(c.truth) ? 1 : 0;
        const fp = proposals.length - tp;
        all[path].tp += tp;
        all[path].fp += fp;
        if (!isRefused) {
          acc[path].tp += tp;
          acc[path].fp += fp;
        }
        row[path] += c.truth !== null ? tp : proposals.length;
      }
      const same = (x: number[], y: number[]) =>
        x.length === y.length && x.every((v, i) => v === y[i]);
      if (
        !isRefused &&
        (!same(paths.engine, paths.screenings) || !same(paths.engine, paths.seekers))
      ) {
        disagreements.push({ label: c.label, ...paths });
      }
    }
    const acceptedCases = cases.length - refused.size;
    return {
      seed: o.seed,
      registrations: {
        requested: population.registrations.length,
        created: accepted.length,
        refused: refusedRegistrations,
        refusals: registrationRefusals,
      },
      cases: cases.length,
      positives,
      negatives: cases.length - positives,
      threshold,
      all: {
        engine: figures(all.engine, positives),
        screenings: figures(all.screenings, positives),
        seekers: figures(all.seekers, positives),
      },
      accepted: {
        cases: acceptedCases,
        engine: figures(acc.engine, acceptedPositives),
        screenings: figures(acc.screenings, acceptedPositives),
        seekers: figures(acc.seekers, acceptedPositives),
      },
      perLabel,
      refusals,
      disagreements: disagreements.slice(0, 50),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await fixture.close();
  }
}
