import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { isoDateBetween } from "../../testing/arbitraries.ts";
import {
  type BirthDateLevel,
  compareBirthDates,
  compareGivenNames,
  compareSurnames,
  compareWholeSurnames,
  damerauLevenshtein,
  type GivenNameLevel,
  isPlaceholderDate,
  jaro,
  jaroWinkler,
  optimalStringAlignment,
  type SurnameLevel,
  withinOneEdit,
} from "./compare.ts";
import {
  normaliseFirstNames,
  normaliseSurname,
  parseBirthDate,
  parseInitials,
} from "./normalise.ts";

const close = (actual: number, expected: number, digits = 3) =>
  assert.ok(Math.abs(actual - expected) < 10 ** -digits, `${actual} ≉ ${expected}`);

/** One test per row of a table, named after the row. */
function testEachRow<Row extends readonly unknown[]>(
  rows: readonly Row[],
  name: (...row: Row) => string,
  check: (...row: Row) => void,
) {
  for (const row of rows) test(name(...row), () => check(...row));
}

/** One test per row: the comparison gives the expected level both ways round. */
function levelsBothWays<T, L>(
  cases: readonly (readonly [T, T, L])[],
  name: (a: T, b: T, level: L) => string,
  levelOf: (a: T, b: T) => L,
) {
  testEachRow<readonly [T, T, L]>(cases, name, (a, b, level) => {
    assert.equal(levelOf(a, b), level);
    assert.equal(levelOf(b, a), level);
  });
}

describe("Jaro and Jaro-Winkler: known values", () => {
  const cases: [string, string, number, number][] = [
    // a, b, Jaro, Jaro-Winkler (Winkler 1990; the usual textbook pairs)
    ["MARTHA", "MARHTA", 0.944, 0.961],
    ["DWAYNE", "DUANE", 0.822, 0.84],
    ["DIXON", "DICKSONX", 0.767, 0.813],
    ["JONES", "JOHNSON", 0.79, 0.832],
    ["abc", "abc", 1, 1],
    ["abc", "xyz", 0, 0],
    ["", "", 1, 1],
    ["", "a", 0, 0],
  ];
  testEachRow(
    cases,
    (a, b, j, jw) => `${a} / ${b}: Jaro ${j}, JW ${jw}`,
    (a, b, j, jw) => {
      close(jaro(a, b), j);
      close(jaroWinkler(a, b), jw);
    },
  );
  test("symmetric", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        assert.equal(jaroWinkler(a, b), jaroWinkler(b, a));
      }),
      { numRuns: 300 },
    );
  });
});

describe("Damerau-Levenshtein (true, unrestricted) and optimal string alignment", () => {
  const cases: [string, string, number, number][] = [
    // a, b, DL, OSA
    ["ca", "abc", 2, 3],
    ["", "", 0, 0],
    ["", "abc", 3, 3],
    ["jansen", "jansen", 0, 0],
    ["jansen", "jasnen", 1, 1],
    ["jansen", "janssen", 1, 1],
    ["jansen", "hansen", 1, 1],
    ["kitten", "sitting", 3, 3],
    ["abcdef", "badcfe", 3, 3],
    ["abc", "ca", 2, 3],
  ];
  testEachRow(
    cases,
    (a, b, dl, osa) => `${a || "∅"} / ${b || "∅"}: DL ${dl}, OSA ${osa}`,
    (a, b, dl, osa) => {
      assert.equal(damerauLevenshtein(a, b), dl);
      assert.equal(optimalStringAlignment(a, b), osa);
    },
  );
  test("metric properties: symmetric, DL ≤ OSA, triangle inequality for DL", () => {
    const s = fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 7 });
    fc.assert(
      fc.property(s, s, s, (a, b, c) => {
        assert.equal(damerauLevenshtein(a, b), damerauLevenshtein(b, a));
        assert.ok(damerauLevenshtein(a, b) <= optimalStringAlignment(a, b));
        assert.ok(damerauLevenshtein(a, c) <= damerauLevenshtein(a, b) + damerauLevenshtein(b, c));
      }),
      { numRuns: 300 },
    );
  });
  test("withinOneEdit answers exactly DL ≤ 1", () => {
    for (const [a, b, expected] of [
      ["jansen", "jansen", true],
      ["jansen", "jasnen", true],
      ["jansen", "janssen", true],
      ["jansen", "ansen", true],
      ["jansen", "janse", true],
      ["jansen", "hansen", true],
      ["jansen", "snajen", false],
      ["jansen", "jnasne", false],
      ["jansen", "jansenn ", false],
      ["", "a", true],
      ["ab", "ba", true],
      ["abc", "ca", false],
    ] as const) {
      assert.equal(withinOneEdit(a, b), expected, `${a} / ${b}`);
    }
    const s = fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 6 });
    fc.assert(
      fc.property(s, s, (a, b) => {
        assert.equal(withinOneEdit(a, b), damerauLevenshtein(a, b) <= 1, `${a} / ${b}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("birth-date levels: the same as comparing digit strings", () => {
  // The straightforward reading of the levels, on YYYYMMDD digit strings.
  const reference = (x: string, y: string): BirthDateLevel => {
    const [a, b] = [x.replace(/-/g, ""), y.replace(/-/g, "")];
    const swap = (s: string, i: number) => s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    const transposedIn = (from: number, to: number) =>
      a !== b &&
      Array.from({ length: to - from - 1 }, (_, k) => from + k).some((i) => swap(a, i) === b);
    const sameYear = a.slice(0, 4) === b.slice(0, 4);
    if (a === b) return "exact";
    if (sameYear && a.slice(4, 6) === b.slice(6) && a.slice(6) === b.slice(4, 6)) {
      return "day_month_swapped";
    }
    if (a.slice(4) === b.slice(4) && transposedIn(0, 4)) return "year_digits_transposed";
    if (a.slice(4) === b.slice(4) && Math.abs(+a.slice(0, 4) - +b.slice(0, 4)) === 100) {
      return "century";
    }
    const apart = [...a].filter((c, i) => c !== b[i]).length;
    if (
      apart === 1 ||
      (sameYear && a.slice(4, 6) === b.slice(4, 6) && transposedIn(6, 8)) ||
      (sameYear && a.slice(6) === b.slice(6) && transposedIn(4, 6))
    ) {
      return "one_digit_off";
    }
    if (sameYear && a.slice(4, 6) === b.slice(4, 6)) return "same_year_month";
    if (sameYear && (isPlaceholderDate(x) || isPlaceholderDate(y))) return "placeholder_same_year";
    return "different";
  };
  test("for dates near each other and far apart", () => {
    const date = isoDateBetween("1930-01-01", "2009-12-31");
    // The second date is often a small edit of the first, so that every level occurs.
    const pair = fc.tuple(
      date,
      date,
      fc.integer({ min: 0, max: 9 }),
      fc.integer({ min: 0, max: 9 }),
    );
    fc.assert(
      fc.property(pair, ([x, other, at, digit]) => {
        const positions = [0, 1, 2, 3, 5, 6, 8, 9];
        const i = positions[at % positions.length]!;
        const edited = x.slice(0, i) + String(digit) + x.slice(i + 1);
        const valid = (d: string) => {
          try {
            parseBirthDate(d);
            return true;
          } catch {
            return false;
          }
        };
        const y = valid(edited) ? edited : other;
        assert.equal(compareBirthDates(x, y).level, reference(x, y), `${x} / ${y}`);
        assert.equal(compareBirthDates(x, other).level, reference(x, other), `${x} / ${other}`);
        // Two neighbouring digits swapped (a transposed year, day or month).
        if (i !== 3 && i !== 6 && i !== 9) {
          const swapped = x.slice(0, i) + x[i + 1] + x[i] + x.slice(i + 2);
          if (valid(swapped)) {
            assert.equal(compareBirthDates(x, swapped).level, reference(x, swapped), swapped);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("birth-date levels", () => {
  const cases: [string, string, BirthDateLevel][] = [
    ["1985-03-14", "1985-03-14", "exact"],
    ["1985-03-04", "1985-04-03", "day_month_swapped"],
    ["1985-01-10", "1985-10-01", "day_month_swapped"],
    ["1985-03-14", "1958-03-14", "year_digits_transposed"],
    ["1985-03-14", "1895-03-14", "year_digits_transposed"],
    ["1985-03-14", "1985-03-15", "one_digit_off"],
    ["1985-03-14", "1986-03-14", "one_digit_off"],
    ["1985-03-14", "1985-08-14", "one_digit_off"],
    ["1985-03-12", "1985-03-21", "one_digit_off"],
    ["1985-03-14", "1985-03-27", "same_year_month"],
    ["1985-01-01", "1985-06-23", "placeholder_same_year"],
    ["1985-07-01", "1985-11-30", "placeholder_same_year"],
    ["1985-03-14", "1985-11-30", "different"],
    ["1960-05-12", "1988-05-12", "different"],
    ["1985-01-01", "1986-06-23", "different"],
  ];
  levelsBothWays(
    cases,
    (a, b, level) => `${a} vs ${b} → ${level}`,
    (a, b) => compareBirthDates(a, b).level,
  );
  test("placeholder dates are 1 January and 1 July", () => {
    assert.equal(isPlaceholderDate("1970-01-01"), true);
    assert.equal(isPlaceholderDate("1970-07-01"), true);
    assert.equal(isPlaceholderDate("1970-01-02"), false);
    assert.equal(compareBirthDates("1970-01-01", "1970-01-01").placeholder, true);
    assert.equal(compareBirthDates("1970-03-01", "1970-03-01").placeholder, false);
  });
  test("year gap", () => assert.equal(compareBirthDates("1960-05-12", "1988-05-12").yearGap, 28));
});

describe("surname levels", () => {
  const cases: [string, string, SurnameLevel][] = [
    ["van der Berg", "Berg, van der", "exact"],
    ["van den Berg", "v.d. Berg", "exact"],
    ["van den Berg", "van der Berg", "exact"],
    ["Müller", "Mueller", "exact"],
    ["Jansen-de Vries", "de Vries-Jansen", "exact"],
    ["Jansen-de Vries", "Jansen de Vries", "exact"],
    ["van der Berg", "Berg", "exact_core"],
    ["ter Horst", "ten Horst", "exact_core"],
    ["Meijer", "Meier", "phonetic"],
    ["de Bruijn", "de Bruin", "phonetic"],
    ["Jansen", "Jamsen", "typo"],
    ["Hoogendoorn", "Hoogedoorn", "typo"],
    ["Jansen", "Janssens", "similar"],
    ["Dijkstra", "Dijkstraa", "phonetic"],
    ["Bakker", "Bakkers", "typo"],
    ["Vermeulen", "Vermeeren", "similar"],
    ["Hoogendoorn", "Hoogendorp", "similar"],
    ["Jansen", "Yilmaz", "different"],
    ["de Vries", "de Groot", "different"],
  ];
  levelsBothWays(
    cases,
    (a, b, level) => `${a} vs ${b} → ${level}`,
    (a, b) => compareWholeSurnames(normaliseSurname(a), normaliseSurname(b)),
  );
  test("a part of a double name agrees as part_exact", () => {
    const levels = compareSurnames(
      normaliseSurname("Jansen-de Vries"),
      normaliseSurname("de Vries"),
    ).map((c) => c.level);
    assert.ok(levels.includes("part_exact"), levels.join());
  });
  test("a simple name pair yields only the whole comparison", () => {
    assert.equal(compareSurnames(normaliseSurname("Jansen"), normaliseSurname("Bakker")).length, 1);
  });
});

describe("given-name levels", () => {
  const g = (initials: string, firstNames = "") => ({
    initials: parseInitials(initials),
    firstNames: normaliseFirstNames(firstNames),
  });
  const cases: [ReturnType<typeof g>, ReturnType<typeof g>, GivenNameLevel][] = [
    [g("J.P.", "Jan Pieter"), g("JP", "Jan-Pieter"), "first_names_exact"],
    [g("J.P."), g("j. p."), "initials_exact"],
    [g("J.-P."), g("JP"), "initials_exact"],
    [g("IJ."), g("Y."), "initials_exact"],
    [g("I.J."), g("ij"), "initials_exact"],
    [g("I.J.K."), g("IJ"), "initials_partial"],
    [g("M.", "Mohamed"), g("M.", "Mohammed"), "initials_exact"],
    [g("J.", "Jo"), g("J.", "Johanna"), "initials_exact"],
    [g("J."), g("J.P."), "initials_partial"],
    [g("J.M."), g("J.P.M."), "initials_partial"],
    [g("P.J."), g("J.P."), "initials_overlap"],
    [g("P."), g("J.P."), "initials_overlap"],
    [g("P.", "Petrus"), g("J.P.", "Johannes Petrus"), "initials_overlap"],
    [g("M.", "Maria"), g("H.M.", "Hendrik Michiel"), "different"],
    [g("J.", "Jacob"), g("T.J.", "Theodorus Jan"), "different"],
    [g("M.", "Maria"), g("H.M."), "initials_overlap"],
    [g("J.P."), g("J.K."), "first_initial"],
    [g("J.", "Jan"), g("J.", "Joost"), "first_names_differ"],
    [g("J.P."), g("M.A."), "different"],
    [g(""), g("J."), "missing"],
  ];
  levelsBothWays(
    cases,
    (a, b, level) =>
      `${a.initials.join(".")} ${a.firstNames.join(" ")} vs ${b.initials.join(".")} ${b.firstNames.join(" ")} → ${level}`,
    (a, b) => compareGivenNames(a, b).level,
  );
});
