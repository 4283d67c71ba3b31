/**
 * The numbers scoring runs on (score.ts): the m/u probabilities per field and level, the
 * region's thresholds and scoring configuration, and the shape of a result.
 */

import type { BirthDateLevel, GivenNameLevel, SurnameLevel } from "./compare.ts";

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
      m: 0.06,
      u: 1e-4,
      source: `${ESTIMATE}. m: spelling variants that survive normalisation (Meijer/Meyer/Meier, Bruijn/Bruin); 0.03 until issue #24 (D-894). u: frequency of the names sharing the phonetic key; 1e-4 floor`,
    },
    typo: {
      m: 0.02,
      u: 2.5e-4,
      source: `${ESTIMATE}. m: keying errors (one edit). u: about 1 in 4,000 random pairs of names are one edit apart (2.1e-4 measured on random pairs of the benchmark population, issue #24; 1e-3 before, D-894)`,
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
      m: 0.01,
      u: 5e-5,
      source: `${ESTIMATE}. m: keying error 1985→1958 (0.005 until issue #24, D-894); u: about one specific other date`,
    },
    century: {
      m: 0.002,
      u: 5e-5,
      source: `${ESTIMATE}. m: a two-digit year (05) read in the wrong century (1905 for 2005); u: about one specific other date`,
    },
    one_digit_off: {
      m: 0.055,
      u: 1.5e-3,
      source: `${ESTIMATE}. m: the most common keying error (0.04 until issue #24: the benchmark's error model has one in twelve records one digit off, registers' own checks fewer; 0.055 keeps its precision); u: ~30 valid dates are one digit away, × 5e-5 (1.4e-3 measured on random pairs of the benchmark population)`,
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
 * match, proposed to the primary source; nothing below it is proposed (the rule).
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
