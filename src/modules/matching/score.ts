/**
 * Fellegi–Sunter scoring of a pair of persons.
 *
 * For each field the comparison lands on a level; each level has an m-probability (the chance
 * of this level when the two records are the same person) and a u-probability (the chance
 * when they are two different people). The field's weight is log2(m/u), in bits; the score
 * is the sum. A positive weight is evidence for "same person", a negative one against.
 *
 * Reading the score: comparing one registration with an index of N house seekers, the prior
 * odds that a given pair is the same person are about 1 : N, i.e. -log2(N) bits (≈ -17 for
 * 100,000 seekers). The default match threshold of 18 bits therefore means posterior odds of
 * roughly 2 : 1 or better against an index of that size before a human looks, and far better
 * for the typical match (25–35 bits). Matching only proposes; a human of the primary source
 * confirms every match (design.md §2.7), so the threshold trades reviewer time against missed
 * matches, and the guards below keep the known look-alikes out altogether.
 *
 * Guards (explicit, because independence-based weights get them wrong):
 * - twins: same surname and birth date, different given names (no initial in common, the
 *   same first initial with conflicting further ones or first names, or, with two or more
 *   initials on both sides, different first initials and different sets: "W.M.M." vs
 *   "L.M.M.") → strongly negative, veto;
 * - parent and child: the same names, birth years 15+ years apart (not explained by two
 *   transposed year digits) → strongly negative, veto;
 * - any other `different` birth date vetoes a match (configurable, default on);
 * - a `different` surname (surname and birth name both tried) vetoes a match (configurable,
 *   default on).
 */

import {
  type BirthDateComparison,
  type BirthDateLevel,
  compareBirthDates,
  compareGivenNames,
  compareSurnames,
  type GivenNameLevel,
  isPlaceholderDate,
  type SurnameComparison,
  type SurnameLevel,
} from "./compare.ts";
import {
  compact,
  initialClass,
  type MatchPerson,
  type NamePart,
  type NormalisedName,
  type NormalisedPerson,
  normalisePerson,
  normaliseSurname,
  prefixClass,
} from "./normalise.ts";
import { phoneticKey } from "./phonetic.ts";
import { SURNAME_FREQUENCIES, SURNAME_FREQUENCY_BASE } from "./surname-frequencies.ts";

export interface LevelParameter {
  /** P(level | same person). */
  m: number;
  /**
   * P(level | different people). For levels whose u depends on the value (surname frequency,
   * initials), this is the floor / the value for names and initials not in the tables.
   */
  u: number;
  /** Where the numbers come from. */
  source: string;
}

export interface MatchParameters {
  surname: Record<SurnameLevel, LevelParameter>;
  givenNames: Record<Exclude<GivenNameLevel, "missing">, LevelParameter>;
  birthDate: Record<BirthDateLevel, LevelParameter> & { exact_placeholder: LevelParameter };
  gender: { agree: LevelParameter; disagree: LevelParameter };
  /** Share of people whose first initial is this letter (initial classes, see `initialClass`). */
  initialFrequencies: Readonly<Record<string, number>>;
  guards: {
    /** Added when twins are suspected; also vetoes the match. */
    twinsWeight: number;
    /** Added when birth years are a generation apart; also vetoes the match. */
    parentChildWeight: number;
    /** Birth years at least this far apart count as a generation. */
    generationGapYears: number;
  };
}

const ESTIMATE =
  "reasoned estimate (no linked Dutch register data available to fit it); revisit with confirmed/rejected matches";

/**
 * The m/u probabilities. All are reasoned estimates, stated with their reasoning; they
 * should be re-estimated (e.g. by EM, or by counting) once confirmed and rejected matches
 * exist. Within each field the m's add up to about 1.
 */
export const DEFAULT_PARAMETERS: MatchParameters = {
  surname: {
    exact: {
      m: 0.85,
      u: 5e-5,
      source: `${ESTIMATE}. m: most records of one person carry the same surname once spelling, tussenvoegsel position and double-name order are normalised; the rest is married names, typos, dropped prefixes. u: the surname's frequency (surname-frequencies.ts, phonetic variants summed); 5e-5 (5 per 100,000) for names not in the table and as a floor`,
    },
    exact_core: {
      m: 0.03,
      u: 1e-4,
      source: `${ESTIMATE}. m: tussenvoegsel dropped or different on one side. u: frequency of all names with this core whatever the prefix ("berg": van den Berg, van der Berg, ten Berg, Berg…); 1e-4 floor`,
    },
    part_exact: {
      m: 0.04,
      u: 5e-5,
      source: `${ESTIMATE}. m: one source records a double/partner name, the other one part of it. u: frequency of the agreeing part (a random person named "Jansen" agrees with "Jansen-de Vries"); 5e-5 floor`,
    },
    phonetic: {
      m: 0.03,
      u: 1e-4,
      source: `${ESTIMATE}. m: spelling variants that survive normalisation (Meijer/Meyer/Meier, Bruijn/Bruin). u: frequency of the names sharing the phonetic key; 1e-4 floor`,
    },
    typo: {
      m: 0.02,
      u: 1e-3,
      source: `${ESTIMATE}. m: keying errors (one edit). u: about 1 in 1,000 random pairs of names are one edit apart (dense near short common names)`,
    },
    similar: {
      m: 0.01,
      u: 0.02,
      source: `${ESTIMATE}. Jaro-Winkler ≥ 0.88 happens for ~2% of random name pairs; rarely the only link between records of one person`,
    },
    different: {
      m: 0.02,
      u: 0.97,
      source: `${ESTIMATE}. m: name changes not covered by the birth name (both surname and birth name are tried)`,
    },
  },
  givenNames: {
    // Scored instead of initials_exact when both sides have first names (an alternative to
    // it, so its m is not part of the sum of the others).
    first_names_exact: {
      m: 0.8,
      u: 0.02,
      source: `${ESTIMATE}. u is per first name (a common first name is borne by ~1-2% of people), multiplied for each further name, floor 1e-4`,
    },
    initials_exact: {
      m: 0.85,
      u: 1e-4,
      source: `${ESTIMATE}. u: product of the initials' letter frequencies (initialFrequencies; later initials treated like first ones), floor 1e-4`,
    },
    initials_partial: {
      m: 0.08,
      u: 0.03,
      source: `${ESTIMATE}. m: one source records only the first initial(s)`,
    },
    initials_overlap: {
      m: 0.03,
      u: 0.1,
      source: `${ESTIMATE}. m: call name recorded as the only name, initials in another order`,
    },
    first_initial: {
      m: 0.02,
      u: 0.04,
      source: `${ESTIMATE}. first initials agree, later ones conflict`,
    },
    first_names_differ: {
      m: 0.01,
      u: 0.05,
      source: `${ESTIMATE}. initials agree but the first names are different names (Jan/Joost)`,
    },
    different: {
      m: 0.01,
      u: 0.75,
      source: `${ESTIMATE}. u: share of random pairs with no initial in common`,
    },
  },
  birthDate: {
    exact: {
      m: 0.9,
      u: 5e-5,
      source: `${ESTIMATE}. u: adults spread over ~70 birth years × 365 days ≈ 1/25,000, rounded up for clustering`,
    },
    exact_placeholder: {
      m: 0.9,
      u: 5e-4,
      source: `${ESTIMATE}. u: 1 January / 1 July stand in for unknown dates, so ~10× more people share one than an ordinary date`,
    },
    day_month_swapped: {
      m: 0.015,
      u: 5e-5,
      source: `${ESTIMATE}. m: US-style or swapped entry; u: one specific other date`,
    },
    year_digits_transposed: {
      m: 0.005,
      u: 5e-5,
      source: `${ESTIMATE}. m: keying error 1985→1958; u: about one specific other date`,
    },
    one_digit_off: {
      m: 0.04,
      u: 1.5e-3,
      source: `${ESTIMATE}. m: the most common keying error; u: ~30 valid dates are one digit away, × 5e-5`,
    },
    same_year_month: {
      m: 0.02,
      u: 1.2e-3,
      source: `${ESTIMATE}. u: 1 / (70 years × 12 months)`,
    },
    placeholder_same_year: {
      m: 0.3,
      u: 0.014,
      source: `${ESTIMATE}. Only arises when one date is a placeholder; m: the other source often knows the real date; u: 1/70 random pairs share a birth year`,
    },
    different: {
      m: 0.01,
      u: 0.997,
      source: `${ESTIMATE}. m: errors beyond the levels above are rare; also vetoes the match by default`,
    },
  },
  gender: {
    agree: { m: 0.98, u: 0.5, source: `${ESTIMATE}. u: two genders in roughly equal shares` },
    disagree: {
      m: 0.02,
      u: 0.5,
      source: `${ESTIMATE}. m: entry errors, registered gender changed between records`,
    },
  },
  // Share of first initials among adults in the Netherlands, per initial class; a rough
  // estimate (J, M, A and H lead because of Johannes/Jan/Jacob, Maria/Mohamed, Anna/Ahmed,
  // Hendrik/Hans/Hassan). Unlisted letters count 0.01.
  initialFrequencies: {
    a: 0.09,
    b: 0.03,
    c: 0.05,
    d: 0.04,
    e: 0.04,
    f: 0.03,
    g: 0.04,
    h: 0.06,
    i: 0.02,
    j: 0.12,
    k: 0.04,
    l: 0.04,
    m: 0.1,
    n: 0.03,
    o: 0.01,
    p: 0.04,
    r: 0.05,
    s: 0.05,
    t: 0.04,
    w: 0.04,
    y: 0.02,
    z: 0.01,
  },
  // Large enough to make the score clearly negative even for a rare surname agreeing with an
  // exact birth date (≈ +28 bits): the guard is evidence, not only a veto.
  guards: { twinsWeight: -30, parentChildWeight: -30, generationGapYears: 15 },
};

/**
 * Thresholds, configurable per region. `match`: a score at or above it (and no veto) is a
 * match, proposed to the primary source; nothing below it is proposed (the issue's rule).
 * `review`: optional lower bound of a band a region may want to look at later (e.g. in
 * oversight statistics); it does not change the decision. See `inReviewBand`.
 */
export interface Thresholds {
  match: number;
  review?: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { match: 18 };

export interface ScoringConfig {
  thresholds: Thresholds;
  parameters: MatchParameters;
  /** A `different` birth date vetoes a match (default true). */
  vetoDifferentBirthDate: boolean;
  /**
   * A `different` surname (nothing in common with the other side's surname or birth name,
   * not even a typo or a similar spelling) vetoes a match (default true). Against a register
   * of 100,000 people, the same birth date and initials alone are met by strangers too often
   * (docs/benchmarks.md).
   */
  vetoDifferentSurname?: boolean;
  /**
   * Surname shares observed in the region's own data (its house seekers), keyed by
   * `surnameFrequencyKeys`. Where a name is more frequent in the region than the national
   * table says (a Polish or Moroccan name in a city with many bearers), agreeing on it is
   * weaker evidence; the larger of the two shares is used. Optional: without it only the
   * national table counts.
   */
  regionalFrequencies?: RegionalFrequencies;
}

/** Shares (0–1) of people in the region bearing a surname, by `surnameFrequencyKeys`. */
export interface RegionalFrequencies {
  share(key: string): number | undefined;
}

/**
 * When a region's own counts are trusted: only with enough house seekers for a share to mean
 * something, and only for names borne by enough of them. Below that the national table alone
 * decides (a small region's one "Kowalczyk" must not weaken every match on that name).
 */
export const REGIONAL_FREQUENCY_RULES = { minSeekers: 10_000, minBearers: 10 } as const;

/**
 * Regional shares from counts of seekers per key (the product counts blind keys; `count`
 * answers for the plain key). The person being matched may be one of the bearers, so one is
 * taken off each count. Undefined when the region is too small to say.
 */
export function regionalFrequencies(
  count: (key: string) => number | undefined,
  seekers: number,
  rules: { minSeekers: number; minBearers: number } = REGIONAL_FREQUENCY_RULES,
): RegionalFrequencies | undefined {
  if (seekers < rules.minSeekers) return undefined;
  return {
    share(key) {
      const n = count(key);
      return n === undefined || n < rules.minBearers ? undefined : (n - 1) / seekers;
    },
  };
}

export const DEFAULT_SCORING_CONFIG: ScoringConfig = {
  thresholds: DEFAULT_THRESHOLDS,
  parameters: DEFAULT_PARAMETERS,
  vetoDifferentBirthDate: true,
  vetoDifferentSurname: true,
};

/** Checks a region's thresholds; throws a RangeError when they make no sense. */
export function validateThresholds(thresholds: Thresholds): Thresholds {
  if (!Number.isFinite(thresholds.match)) throw new RangeError("match threshold must be a number");
  if (thresholds.review !== undefined) {
    if (!Number.isFinite(thresholds.review))
      throw new RangeError("review threshold must be a number");
    if (thresholds.review > thresholds.match) {
      throw new RangeError("review threshold must not be above the match threshold");
    }
  }
  return thresholds;
}

export type MatchField = "surname" | "given_names" | "birth_date" | "gender" | "guard";

export interface MatchReason {
  field: MatchField;
  /** The agreement level (or, for field "guard", the guard: twins, parent_child, birth_date_different). */
  level: string;
  /** The weight in bits (log2 m/u), rounded to 0.01. */
  weight: number;
  /** What was compared, for the human who judges. */
  detail: string;
}

export interface MatchResult {
  score: number;
  decision: "match" | "no_match";
  /** Every field's contribution and every guard that fired; `veto` reasons say so in detail. */
  reasons: MatchReason[];
}

// ---------------------------------------------------------------------------------------------
// Surname frequencies
// ---------------------------------------------------------------------------------------------

function nameKey(part: NamePart): string {
  return `${prefixClass(part.prefix)}|${phoneticKey(compact(part.core))}`;
}

/**
 * The keys under which a region counts its house seekers' surnames for `regionalFrequencies`:
 * the phonetic core of the whole name and of each of its parts ("van der Berg" counts for
 * "berg"; "Jansen-de Vries" for the whole and for "jansen" and "vries"), whatever the
 * tussenvoegsel. The product stores them keyed (blind), one count per key.
 */
export function surnameFrequencyKeys(name: NormalisedName): readonly string[] {
  // Remembered with the (shared, frozen) parse of a repeated name.
  const known = frequencyKeysOf.get(name);
  if (known) return known;
  const keys = new Set<string>();
  for (const part of [name, ...name.parts]) {
    if (part.core) keys.add(surnameCountKey(part));
  }
  const answer = Object.freeze([...keys]);
  frequencyKeysOf.set(name, answer);
  return answer;
}

const frequencyKeysOf = new WeakMap<NormalisedName, readonly string[]>();

function surnameCountKey(part: NamePart): string {
  return phoneticKey(compact(part.core));
}

interface FrequencyIndex {
  byName: Map<string, number>;
  byCore: Map<string, number>;
}

let frequencyIndex: FrequencyIndex | undefined;

function frequencies(): FrequencyIndex {
  if (frequencyIndex) return frequencyIndex;
  const byName = new Map<string, number>();
  const byCore = new Map<string, number>();
  for (const [name, per] of SURNAME_FREQUENCIES) {
    const parsed = normaliseSurname(name);
    const share = per / SURNAME_FREQUENCY_BASE;
    const key = nameKey(parsed);
    byName.set(key, (byName.get(key) ?? 0) + share);
    const core = phoneticKey(compact(parsed.core));
    byCore.set(core, (byCore.get(core) ?? 0) + share);
  }
  frequencyIndex = { byName, byCore };
  return frequencyIndex;
}

/**
 * Estimated share of people bearing this surname (0 when not in the table). A double name
 * not in the table is at most as frequent as its rarest part.
 */
export function surnameFrequency(name: NamePart | NormalisedName): number {
  const direct = frequencies().byName.get(nameKey(name));
  if (direct !== undefined) return direct;
  if ("parts" in name && name.parts.length > 1) {
    return Math.min(...name.parts.map((p) => frequencies().byName.get(nameKey(p)) ?? 0));
  }
  return 0;
}

/** Estimated share of people whose surname has this core, whatever the tussenvoegsel. */
export function surnameCoreFrequency(name: NamePart): number {
  return Math.max(
    frequencies().byCore.get(phoneticKey(compact(name.core))) ?? 0,
    surnameFrequency(name),
  );
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

function bits(m: number, u: number): number {
  return Math.log2(m / u);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function surnameU(
  c: SurnameComparison,
  p: MatchParameters,
  regional: RegionalFrequencies | undefined,
): number {
  const floor = p.surname[c.level].u;
  // The region's share of bearers of the agreeing core (an upper bound for the full name).
  const local = regional
    ? Math.max(regional.share(surnameCountKey(c.a)) ?? 0, regional.share(surnameCountKey(c.b)) ?? 0)
    : 0;
  switch (c.level) {
    case "exact":
    case "part_exact":
      return Math.max(surnameFrequency(c.a), surnameFrequency(c.b), local, floor);
    case "exact_core":
    case "phonetic":
      return Math.max(surnameCoreFrequency(c.a), surnameCoreFrequency(c.b), local, floor);
    default:
      return floor;
  }
}

function surnameReason(
  a: NormalisedPerson,
  b: NormalisedPerson,
  p: MatchParameters,
  regional?: RegionalFrequencies,
): MatchReason {
  const sides = (x: NormalisedPerson): [string, NormalisedName][] =>
    x.birthName
      ? [
          ["surname", x.surname],
          ["birth name", x.birthName],
        ]
      : [["surname", x.surname]];
  // The detail text is written for the best comparison only (this runs for every candidate).
  let best:
    | { c: SurnameComparison; u: number; weight: number; labelA: string; labelB: string }
    | undefined;
  for (const [labelA, na] of sides(a)) {
    for (const [labelB, nb] of sides(b)) {
      if (!na.variants[0] || !nb.variants[0]) continue;
      for (const c of compareSurnames(na, nb)) {
        const u = surnameU(c, p, regional);
        const weight = round(bits(p.surname[c.level].m, u));
        if (!best || weight > best.weight) best = { c, u, weight, labelA, labelB };
      }
    }
  }
  if (!best) {
    return {
      field: "surname",
      level: "missing",
      weight: 0,
      detail: "no surname letters on one side",
    };
  }
  const { c, u, weight, labelA, labelB } = best;
  const frequency =
    c.level === "exact" || c.level === "part_exact" ? `, frequency ≈ ${u.toPrecision(2)}` : "";
  return {
    field: "surname",
    level: c.level,
    weight,
    detail: `${labelA} ${c.detail}${labelB === labelA ? "" : ` (${labelB})`}${frequency}`,
  };
}

function givenNamesReason(
  a: NormalisedPerson,
  b: NormalisedPerson,
  p: MatchParameters,
): MatchReason {
  const c = compareGivenNames(a, b);
  if (c.level === "missing")
    return { field: "given_names", level: "missing", weight: 0, detail: c.detail };
  // Two full sets of initials that share only a later letter ("J.M.C." vs "W.J.") are
  // different names, not a call name recorded alone: weighed as `different`.
  const param =
    c.level === "initials_overlap" && differentInitialSets(a, b)
      ? p.givenNames.different
      : p.givenNames[c.level];
  let u = param.u;
  if (c.level === "first_names_exact") {
    u = Math.max(param.u ** a.firstNames.length, 1e-4);
  } else if (c.level === "initials_exact") {
    const product = a.initials
      .map((i) => p.initialFrequencies[initialClass(i)] ?? 0.01)
      .reduce((x, y) => x * y, 1);
    u = Math.max(product, param.u);
  }
  return {
    field: "given_names",
    level: c.level,
    weight: round(bits(param.m, u)),
    detail:
      param === p.givenNames.different && c.level !== "different"
        ? `${c.detail} (different sets of initials: weighed as different)`
        : c.detail,
  };
}

/**
 * Both sides have two or more initials and not the same ones in another order: "W.M.M." vs
 * "L.M.M." (twins sharing a family middle name), not "P.J." vs "J.P." (order) and not "P." vs
 * "J.P." (a call name recorded as the only name).
 */
function differentInitialSets(a: NormalisedPerson, b: NormalisedPerson): boolean {
  if (a.initials.length < 2 || b.initials.length < 2) return false;
  const sorted = (x: NormalisedPerson) => x.initials.map(initialClass).sort().join(" ");
  return sorted(a) !== sorted(b);
}

/**
 * The guard a birth-date comparison alone decides, whatever the names: years a generation
 * apart (parent and child), or dates that differ beyond any single keying error (when the
 * region vetoes those). `scoreNormalised` applies it; `vetoedByBirthDate` asks it first.
 */
function birthDateGuard(
  date: BirthDateComparison,
  p: MatchParameters,
  vetoDifferentBirthDate: boolean,
): MatchReason | undefined {
  if (date.yearGap >= p.guards.generationGapYears && date.level !== "year_digits_transposed") {
    return {
      field: "guard",
      level: "parent_child",
      weight: p.guards.parentChildWeight,
      detail: `veto: birth years ${date.yearGap} years apart: parent and child (or grandparent) can share every name`,
    };
  }
  if (date.level === "different" && vetoDifferentBirthDate) {
    return {
      field: "guard",
      level: "birth_date_different",
      weight: 0,
      detail: "veto: the birth dates differ beyond any single keying error",
    };
  }
  return undefined;
}

/**
 * Whether the birth dates alone already veto the pair, so that `scoreNormalised` can only
 * answer "no_match". A cheap test for loops over many candidates: most candidates found by
 * initial and phonetic surname were born in another year. Callers that show the reasons of a
 * rejected pair call `scoreNormalised` instead.
 */
export function vetoedByBirthDate(
  a: NormalisedPerson,
  b: NormalisedPerson,
  config: Partial<ScoringConfig> = {},
): boolean {
  // No merged config: this runs for every candidate.
  const guard = birthDateGuard(
    compareBirthDates(a.birthDate, b.birthDate),
    config.parameters ?? DEFAULT_SCORING_CONFIG.parameters,
    config.vetoDifferentBirthDate ?? DEFAULT_SCORING_CONFIG.vetoDifferentBirthDate,
  );
  return guard !== undefined;
}

export function scoreNormalised(
  a: NormalisedPerson,
  b: NormalisedPerson,
  config: Partial<ScoringConfig> = {},
): MatchResult {
  const cfg: ScoringConfig = { ...DEFAULT_SCORING_CONFIG, ...config };
  const p = cfg.parameters;
  const thresholds = validateThresholds(cfg.thresholds);
  const reasons: MatchReason[] = [];
  let veto = false;

  const surname = surnameReason(a, b, p, cfg.regionalFrequencies);
  const given = givenNamesReason(a, b, p);
  reasons.push(surname, given);

  const date = compareBirthDates(a.birthDate, b.birthDate);
  // Two placeholder dates that differ only in the year (1978-01-01 vs 1987-01-01) are not a
  // keying error of one date: people registered on 1 January share day and month anyway, so
  // agreeing on them is as much weaker as for an exact placeholder date.
  const yearOnlyOnPlaceholders =
    (date.level === "one_digit_off" || date.level === "year_digits_transposed") &&
    isPlaceholderDate(a.birthDate) &&
    isPlaceholderDate(b.birthDate) &&
    a.birthDate.month === b.birthDate.month &&
    a.birthDate.day === b.birthDate.day;
  const placeholderFactor = p.birthDate.exact_placeholder.u / p.birthDate.exact.u;
  const dateParam =
    date.level === "exact" && date.placeholder
      ? p.birthDate.exact_placeholder
      : yearOnlyOnPlaceholders
        ? {
            ...p.birthDate[date.level],
            u: Math.min(1, p.birthDate[date.level].u * placeholderFactor),
          }
        : p.birthDate[date.level];
  reasons.push({
    field: "birth_date",
    level: date.level,
    weight: round(bits(dateParam.m, dateParam.u)),
    detail: `${a.birthDate.iso} vs ${b.birthDate.iso}${
      yearOnlyOnPlaceholders
        ? " (both placeholder dates, only the year differs: weighed down)"
        : date.placeholder
          ? " (placeholder date: 1 January or 1 July)"
          : ""
    }`,
  });

  if (a.gender && b.gender && a.gender !== "X" && b.gender !== "X") {
    const g = a.gender === b.gender ? p.gender.agree : p.gender.disagree;
    reasons.push({
      field: "gender",
      level: a.gender === b.gender ? "agree" : "disagree",
      weight: round(bits(g.m, g.u)),
      detail: `${a.gender} vs ${b.gender}`,
    });
  }

  // Guards.
  // A part of a double or partner name counts: "Berg" and "Walveld-Berg" born the same day
  // with different given names are two people of one family, not one person.
  const sameSurname =
    surname.level === "exact" || surname.level === "exact_core" || surname.level === "part_exact";
  const givenConflict =
    given.level === "different" ||
    given.level === "first_initial" ||
    given.level === "first_names_differ" ||
    (given.level === "initials_overlap" && differentInitialSets(a, b));
  if (sameSurname && date.level === "exact" && givenConflict) {
    veto = true;
    reasons.push({
      field: "guard",
      level: "twins",
      weight: p.guards.twinsWeight,
      detail:
        "veto: same surname and birth date but different given names: twins or siblings, not one person",
    });
  }
  const dateGuard = birthDateGuard(date, p, cfg.vetoDifferentBirthDate);
  if (dateGuard) {
    veto = true;
    reasons.push(dateGuard);
  }

  if (surname.level === "different" && cfg.vetoDifferentSurname !== false) {
    veto = true;
    reasons.push({
      field: "guard",
      level: "surname_different",
      weight: 0,
      detail: "veto: the surnames (and birth names) have nothing in common",
    });
  }

  const score = round(reasons.reduce((sum, r) => sum + r.weight, 0));
  const decision = !veto && score >= thresholds.match ? "match" : "no_match";
  return { score, decision, reasons };
}

/** Scores two contract persons (normalising both; normalise once yourself when scoring many). */
export function scorePersons(
  a: MatchPerson,
  b: MatchPerson,
  config: Partial<ScoringConfig> = {},
): MatchResult {
  return scoreNormalised(normalisePerson(a), normalisePerson(b), config);
}

/** Whether a non-match scored within a region's optional review band (never a decision). */
export function inReviewBand(result: MatchResult, thresholds: Thresholds): boolean {
  return (
    result.decision === "no_match" &&
    thresholds.review !== undefined &&
    result.score >= thresholds.review &&
    result.score < thresholds.match
  );
}
