/**
 * Field comparisons: birth-date levels, surname and given-name levels (string similarity is
 * in similarity.ts, re-exported here).
 *
 * Every function here is symmetric (compare(a, b) and compare(b, a) give the same level and
 * value), which scoring relies on: whether a registration is compared with a seeker or the
 * other way round must not change the outcome.
 */

import {
  type BirthDate,
  initialClass,
  initialOfName,
  type NamePart,
  type NormalisedName,
  parseBirthDate,
  prefixClass,
} from "./normalise.ts";
import { phoneticKey } from "./phonetic.ts";
import { jaroWinkler } from "./similarity.ts";

export {
  damerauLevenshtein,
  jaro,
  jaroWinkler,
  optimalStringAlignment,
} from "./similarity.ts";

// ---------------------------------------------------------------------------------------------
// Birth dates
// ---------------------------------------------------------------------------------------------

/**
 * Birth-date agreement levels, best first.
 * - `exact`: the same date.
 * - `day_month_swapped`: same year, day and month exchanged (1985-03-04 vs 1985-04-03).
 * - `year_digits_transposed`: same day and month, two adjacent year digits exchanged
 *   (1985 vs 1958, 1985 vs 9185).
 * - `century`: same day and month, the year a century off with the same last two digits
 *   (1905 vs 2005): a two-digit year read in the wrong century.
 * - `one_digit_off`: one keying error outside that: one digit of YYYYMMDD different
 *   (1985-03-14 vs 1985-03-15, 1985 vs 1986), or the two digits of the day or of the month
 *   exchanged (12 vs 21).
 * - `same_year_month`: same year and month, another day.
 * - `placeholder_same_year`: one date is a placeholder (see `isPlaceholderDate`) and the
 *   years agree: the day and month were probably never known. Not in the list; it
 *   exists so that `different` can veto a match without vetoing records whose date was a
 *   stand-in.
 * - `different`: anything else.
 */
export type BirthDateLevel =
  | "exact"
  | "day_month_swapped"
  | "year_digits_transposed"
  | "century"
  | "one_digit_off"
  | "same_year_month"
  | "placeholder_same_year"
  | "different";

export const BIRTH_DATE_LEVELS: readonly BirthDateLevel[] = [
  "exact",
  "day_month_swapped",
  "year_digits_transposed",
  "century",
  "one_digit_off",
  "same_year_month",
  "placeholder_same_year",
  "different",
];

/**
 * Month-day combinations registers use when only the birth year is known: 1 January (the
 * usual stand-in in Dutch and many foreign civil registers, e.g. for refugees without papers)
 * and 1 July (mid-year, used by some systems). Agreement on such a date says less.
 */
export const PLACEHOLDER_MONTH_DAYS: readonly string[] = ["01-01", "07-01"];

const PLACEHOLDER_MONTHS_DAYS = PLACEHOLDER_MONTH_DAYS.map((md) => md.split("-").map(Number));

export function isPlaceholderDate(date: BirthDate | string): boolean {
  if (typeof date === "string") return PLACEHOLDER_MONTH_DAYS.includes(date.slice(5));
  for (const [m, d] of PLACEHOLDER_MONTHS_DAYS) if (date.month === m && date.day === d) return true;
  return false;
}

/**
 * Levels that are one keying error in the year of an otherwise equal date (1985 vs 1958,
 * 1905 vs 2005, 1976 vs 1906): however far apart the years, such dates are not a generation
 * apart, so the parent/child guard does not apply (score.ts). Two placeholder dates
 * (1 January) share day and month anyway, so for them only transposed digits count, as
 * before (a parent and child registered on 1 January 1960 and 1990 are not one person).
 */
export function yearKeyingError(date: BirthDateComparison): boolean {
  if (date.level === "year_digits_transposed") return true;
  if (date.placeholder) return false;
  // One digit off with different years: the digit is in the year, day and month agree.
  return date.level === "century" || (date.level === "one_digit_off" && date.yearGap > 0);
}

export interface BirthDateComparison {
  level: BirthDateLevel;
  /** Either date is a placeholder (1 January or 1 July). */
  placeholder: boolean;
  /** Absolute difference of the birth years. */
  yearGap: number;
}

// Both dates are YYYY-MM-DD (parseBirthDate), so they are compared character by character
// in place: the dashes agree, and no digit strings are built (this runs for every candidate).

/** How many digits of two ISO dates differ. */
function digitsApart(x: string, y: string): number {
  let n = 0;
  for (let i = 0; i < 10; i++) if (x.charCodeAt(i) !== y.charCodeAt(i)) n++;
  return n;
}

/** Whether x and y differ in [from, to) exactly by two neighbouring characters swapped. */
function adjacentTransposition(x: string, y: string, from: number, to: number): boolean {
  let first = -1;
  let second = -1;
  for (let i = from; i < to; i++) {
    if (x.charCodeAt(i) === y.charCodeAt(i)) continue;
    if (first < 0) first = i;
    else if (second < 0) second = i;
    else return false;
  }
  return (
    second === first + 1 &&
    x.charCodeAt(first) === y.charCodeAt(second) &&
    x.charCodeAt(second) === y.charCodeAt(first)
  );
}

export function compareBirthDates(
  first: BirthDate | string,
  second: BirthDate | string,
): BirthDateComparison {
  const a = typeof first === "string" ? parseBirthDate(first) : first;
  const b = typeof second === "string" ? parseBirthDate(second) : second;
  const placeholder = isPlaceholderDate(a) || isPlaceholderDate(b);
  const yearGap = Math.abs(a.year - b.year);
  const result = (level: BirthDateLevel): BirthDateComparison => ({ level, placeholder, yearGap });
  if (a.iso === b.iso) return result("exact");
  if (a.year === b.year && a.day === b.month && a.month === b.day)
    return result("day_month_swapped");
  const sameMonthDay = a.month === b.month && a.day === b.day;
  if (sameMonthDay && adjacentTransposition(a.iso, b.iso, 0, 4)) {
    return result("year_digits_transposed");
  }
  if (sameMonthDay && yearGap === 100) return result("century");
  const sameYear = a.year === b.year;
  if (
    digitsApart(a.iso, b.iso) === 1 ||
    (sameYear && a.month === b.month && adjacentTransposition(a.iso, b.iso, 8, 10)) ||
    (sameYear && a.day === b.day && adjacentTransposition(a.iso, b.iso, 5, 7))
  ) {
    return result("one_digit_off");
  }
  if (sameYear && a.month === b.month) return result("same_year_month");
  if (sameYear && placeholder) return result("placeholder_same_year");
  return result("different");
}

// ---------------------------------------------------------------------------------------------
// Surnames
// ---------------------------------------------------------------------------------------------

/**
 * Surname agreement levels, best first.
 * - `exact`: the same name, allowing spelling variants (IJ/Y, ü/ue), written together or
 *   apart, tussenvoegsel anywhere, v.d./van der/van den, the parts of a double name in any
 *   order or separated by hyphen or space.
 * - `exact_core`: the same name without tussenvoegsel, the tussenvoegsel differing or missing
 *   on one side ("Berg" vs "van der Berg").
 * - `part_exact`: one part of a double or partner name equals a part of the other
 *   ("Jansen-de Vries" vs "de Vries").
 * - `phonetic`: the same Dutch phonetic key (phonetic.ts).
 * - `typo`: Damerau-Levenshtein distance 1 (names of 4+ letters).
 * - `similar`: Jaro-Winkler ≥ 0.88.
 * - `different`: none of these.
 */
export type SurnameLevel =
  | "exact"
  | "exact_core"
  | "part_exact"
  | "phonetic"
  | "typo"
  | "similar"
  | "different";

export const SURNAME_LEVELS: readonly SurnameLevel[] = [
  "exact",
  "exact_core",
  "part_exact",
  "phonetic",
  "typo",
  "similar",
  "different",
];

export const SIMILAR_JARO_WINKLER = 0.88;

export interface SurnameComparison {
  level: SurnameLevel;
  /** The names (or name parts, for `part_exact`) that agreed, as compared. */
  a: NamePart;
  b: NamePart;
  detail: string;
}

function intersects(x: readonly string[], y: readonly string[]): boolean {
  return x.some((v) => y.includes(v));
}

/** The same name part: same spelling (any variant), or same core with the same prefix class. */
function sameName(a: NamePart, b: NamePart): boolean {
  if (a.variants.length === 0 || b.variants.length === 0) return false;
  if (intersects(a.variants, b.variants)) return true;
  return (
    intersects(a.coreVariants, b.coreVariants) && prefixClass(a.prefix) === prefixClass(b.prefix)
  );
}

function sameParts(a: NormalisedName, b: NormalisedName): boolean {
  if (a.parts.length < 2 || a.parts.length !== b.parts.length) return false;
  const left = [...b.parts];
  for (const part of a.parts) {
    const at = left.findIndex((candidate) => sameName(part, candidate));
    if (at < 0) return false;
    left.splice(at, 1);
  }
  return true;
}

/**
 * Whether two strings are at most one edit apart: equal, or one insertion, deletion,
 * substitution or transposition of adjacent characters. The same answer as
 * `damerauLevenshtein(x, y) <= 1`, in one pass and without allocating.
 */
export function withinOneEdit(x: string, y: string): boolean {
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  if (short.length < long.length) {
    // One insertion at i: the rest must agree shifted by one.
    for (let k = i; k < short.length; k++) {
      if (short.charCodeAt(k) !== long.charCodeAt(k + 1)) return false;
    }
    return true;
  }
  // Same length: one substitution at i, or the transposition of i and i + 1.
  const swapped =
    i + 1 < short.length &&
    short.charCodeAt(i) === long.charCodeAt(i + 1) &&
    short.charCodeAt(i + 1) === long.charCodeAt(i);
  for (let k = swapped ? i + 2 : i + 1; k < short.length; k++) {
    if (short.charCodeAt(k) !== long.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * A typo: one edit (`withinOneEdit`), for names of 4+ letters; shorter names one edit apart
 * are too close to tell apart, so only equal ones count.
 */
function isTypo(x: string, y: string): boolean {
  return Math.min(x.length, y.length) >= 4 ? withinOneEdit(x, y) : x === y;
}

/** Compares two whole surnames (no part pairs). */
export function compareWholeSurnames(a: NormalisedName, b: NormalisedName): SurnameLevel {
  const ca = a.coreVariants[0] ?? "";
  const cb = b.coreVariants[0] ?? "";
  const fa = a.variants[0] ?? "";
  const fb = b.variants[0] ?? "";
  if (!ca || !cb) return "different";
  if (sameName(a, b) || sameParts(a, b)) return "exact";
  if (intersects(a.coreVariants, b.coreVariants)) return "exact_core";
  if (phoneticKey(ca) === phoneticKey(cb) || phoneticKey(fa) === phoneticKey(fb)) return "phonetic";
  if (isTypo(ca, cb) || isTypo(fa, fb)) return "typo";
  if (Math.max(jaroWinkler(ca, cb), jaroWinkler(fa, fb)) >= SIMILAR_JARO_WINKLER) return "similar";
  return "different";
}

/**
 * All comparisons worth scoring between two surnames: the whole names, and, when either is a
 * double or partner name, every pair of parts that agree exactly. Scoring takes the one with
 * the highest weight (which depends on how common the agreeing name is).
 */
export function compareSurnames(a: NormalisedName, b: NormalisedName): SurnameComparison[] {
  const level = compareWholeSurnames(a, b);
  const out: SurnameComparison[] = [{ level, a, b, detail: `"${a.full}" vs "${b.full}"` }];
  if (level !== "exact" && (a.parts.length > 1 || b.parts.length > 1)) {
    for (const pa of a.parts) {
      for (const pb of b.parts) {
        if (!sameName(pa, pb) && !intersects(pa.coreVariants, pb.coreVariants)) continue;
        out.push({
          level: "part_exact",
          a: pa,
          b: pb,
          detail: `part "${pa.full}" of "${a.full}" vs part "${pb.full}" of "${b.full}"`,
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Given names (initials and first names)
// ---------------------------------------------------------------------------------------------

/**
 * Given-name agreement levels, best first.
 * - `first_names_exact`: both have first names and they are the same.
 * - `initials_exact`: the same initials in the same order (first names, where both have
 *   them, compatible).
 * - `initials_partial`: the same first initial and one set of initials contained in the
 *   other in order ("J." vs "J.P.").
 * - `initials_overlap`: some initial shared, not the first ("P.J." vs "J.P.", "P." vs "J.P.":
 *   a call name recorded as the only name).
 * - `first_initial`: the same first initial but conflicting further initials ("J.P." vs
 *   "J.K.").
 * - `first_names_differ`: initials agree but both have first names and the first ones are
 *   clearly different names ("Jan" vs "Joost").
 * - `different`: no initial in common; or only later initials in common whose spelled-out
 *   first names differ on both sides ("Maria" vs "Hendrik Michiel").
 * - `missing`: nothing to compare on one side.
 */
export type GivenNameLevel =
  | "first_names_exact"
  | "initials_exact"
  | "initials_partial"
  | "initials_overlap"
  | "first_initial"
  | "first_names_differ"
  | "different"
  | "missing";

export const GIVEN_NAME_LEVELS: readonly GivenNameLevel[] = [
  "first_names_exact",
  "initials_exact",
  "initials_partial",
  "initials_overlap",
  "first_initial",
  "first_names_differ",
  "different",
  "missing",
];

export interface GivenNames {
  initials: readonly string[];
  firstNames: readonly string[];
}

export interface GivenNameComparison {
  level: GivenNameLevel;
  detail: string;
}

/**
 * Two first names that may be the same name: equal, same phonetic key, Jaro-Winkler ≥ 0.9
 * ("Mohamed"/"Mohammed"), or one a short form at the start of the other ("Jo"/"Johanna").
 */
export function compatibleFirstNames(x: string, y: string): boolean {
  if (x === y || phoneticKey(x) === phoneticKey(y)) return true;
  if (jaroWinkler(x, y) >= 0.9) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 2 && long.startsWith(short);
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let k = 0;
  for (const c of long) if (k < short.length && short[k] === c) k++;
  return k === short.length;
}

/**
 * Both sides spell out first names, and for every initial they share no pair of first names
 * behind it is compatible: the shared letter is a coincidence, not a call name.
 */
function sharedInitialNamesConflict(a: GivenNames, b: GivenNames): boolean {
  if (a.firstNames.length === 0 || b.firstNames.length === 0) return false;
  let shared = false;
  const initialOf = (name: string) => initialClass(initialOfName(name));
  for (const x of a.firstNames) {
    for (const y of b.firstNames) {
      if (initialOf(x) !== initialOf(y)) continue;
      shared = true;
      if (compatibleFirstNames(x, y)) return false;
    }
  }
  return shared;
}

export function compareGivenNames(a: GivenNames, b: GivenNames): GivenNameComparison {
  const shown = (g: GivenNames) =>
    g.firstNames.length > 0
      ? `${g.firstNames.join(" ")} (${g.initials.join(".")}.)`
      : g.initials.length > 0
        ? `${g.initials.join(".")}.`
        : "—";
  const detail = `${shown(a)} vs ${shown(b)}`;
  // "IJ" written without a dot is the digraph (IJsbrand) or two initials (I.J.): the better
  // reading counts.
  let level = givenNameLevel(a, b);
  for (const [x, y] of [
    [splitIj(a), b],
    [a, splitIj(b)],
  ] as const) {
    if (!x || !y) continue;
    const other = givenNameLevel(x, y);
    if (GIVEN_NAME_LEVELS.indexOf(other) < GIVEN_NAME_LEVELS.indexOf(level)) level = other;
  }
  return { level, detail };
}

/** The initials with the IJ digraph read as I and J; undefined when there is none. */
function splitIj(g: GivenNames): GivenNames | undefined {
  if (!g.initials.includes("ij")) return undefined;
  return { ...g, initials: g.initials.flatMap((i) => (i === "ij" ? ["i", "j"] : [i])) };
}

function givenNameLevel(a: GivenNames, b: GivenNames): GivenNameLevel {
  const fa = a.firstNames;
  const fb = b.firstNames;
  if (fa.length > 0 && fa.length === fb.length && fa.every((n, k) => n === fb[k])) {
    return "first_names_exact";
  }
  const ia = a.initials.map(initialClass);
  const ib = b.initials.map(initialClass);
  if (ia.length === 0 || ib.length === 0) return "missing";
  const firstNamesConflict =
    fa.length > 0 && fb.length > 0 && !compatibleFirstNames(fa[0]!, fb[0]!);
  const [short, long] = ia.length <= ib.length ? [ia, ib] : [ib, ia];
  if (ia.length === ib.length && ia.every((c, k) => c === ib[k])) {
    return firstNamesConflict ? "first_names_differ" : "initials_exact";
  }
  if (ia[0] === ib[0] && isSubsequence(short, long)) {
    return firstNamesConflict ? "first_names_differ" : "initials_partial";
  }
  if (ia[0] === ib[0]) return "first_initial";
  if (ia.some((c) => ib.includes(c))) {
    // A call name recorded alone ("P." vs "J.P."): where both sides spell the names out, the
    // names behind the shared initial must be compatible ("Maria" is not "Hendrik Michiel"),
    // or the shared letter is a coincidence and no given name is in common.
    return sharedInitialNamesConflict(a, b) ? "different" : "initials_overlap";
  }
  return "different";
}
