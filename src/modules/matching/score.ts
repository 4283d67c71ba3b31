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
 * - parent and child: the same names, birth years 15+ years apart (not explained by one
 *   keying error in the year: two transposed digits, one digit, the century) → strongly
 *   negative, veto;
 * - any other `different` birth date vetoes a match (configurable, default on);
 * - a `different` surname (surname and birth name both tried) vetoes a match (configurable,
 *   default on).
 *
 * The parameters and result types are in parameters.ts, how common a surname is in
 * name-frequency.ts; both are re-exported here.
 */

import {
  type BirthDateComparison,
  compareBirthDates,
  compareGivenNames,
  compareSurnames,
  isPlaceholderDate,
  type SurnameComparison,
  yearKeyingError,
} from "./compare.ts";
import { surnameCoreFrequency, surnameCountKey, surnameFrequency } from "./name-frequency.ts";
import {
  initialClass,
  type MatchPerson,
  type NormalisedName,
  type NormalisedPerson,
  normalisePerson,
} from "./normalise.ts";
import {
  DEFAULT_SCORING_CONFIG,
  type MatchParameters,
  type MatchReason,
  type MatchResult,
  type RegionalFrequencies,
  type ScoringConfig,
  type Thresholds,
  validateThresholds,
} from "./parameters.ts";

export {
  surnameCoreFrequency,
  surnameFrequency,
  surnameFrequencyKeys,
} from "./name-frequency.ts";
export {
  DEFAULT_PARAMETERS,
  DEFAULT_SCORING_CONFIG,
  DEFAULT_THRESHOLDS,
  type LevelParameter,
  type MatchField,
  type MatchParameters,
  type MatchReason,
  type MatchResult,
  REGIONAL_FREQUENCY_RULES,
  type RegionalFrequencies,
  regionalFrequencies,
  type ScoringConfig,
  type Thresholds,
  validateThresholds,
} from "./parameters.ts";

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
  if (date.yearGap >= p.guards.generationGapYears && !yearKeyingError(date)) {
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
    (date.level === "one_digit_off" ||
      date.level === "year_digits_transposed" ||
      date.level === "century") &&
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
/**
 * The pair's result when it is a match, else undefined: the birth-date veto first (cheap, for
 * loops over candidates), then the full score. For callers that only act on a match (a
 * screening, an access request's region-wide search).
 */
export function matchScore(
  a: NormalisedPerson,
  b: NormalisedPerson,
  config: Partial<ScoringConfig> = {},
): MatchResult | undefined {
  if (vetoedByBirthDate(a, b, config)) return undefined;
  const result = scoreNormalised(a, b, config);
  return result.decision === "match" ? result : undefined;
}

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
