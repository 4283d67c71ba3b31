import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { isoDateBetween } from "../../testing/arbitraries.ts";
import { BASE, SAME_PERSON_CORRUPTIONS, SAME_PERSON_SPELLINGS } from "./fixtures.ts";
import { type MatchPerson, normalisePerson, normaliseSurname } from "./normalise.ts";
import {
  DEFAULT_PARAMETERS,
  DEFAULT_THRESHOLDS,
  inReviewBand,
  type MatchResult,
  regionalFrequencies,
  scorePersons,
  surnameFrequency,
  surnameFrequencyKeys,
  validateThresholds,
  vetoedByBirthDate,
} from "./score.ts";
import { SURNAME_FREQUENCIES } from "./surname-frequencies.ts";

const reason = (r: MatchResult, field: string) => r.reasons.find((x) => x.field === field);
const guards = (r: MatchResult) => r.reasons.filter((x) => x.field === "guard").map((x) => x.level);
const explain = (r: MatchResult) =>
  `${r.score}: ${r.reasons.map((x) => `${x.field}/${x.level}/${x.weight}`).join(" ")}`;

describe("same person, one corruption at a time → match", () => {
  for (const [what, other] of SAME_PERSON_CORRUPTIONS) {
    test(what, () => {
      const r = scorePersons(BASE, other);
      assert.equal(r.decision, "match", explain(r));
      assert.deepEqual(guards(r), []);
    });
  }
  for (const [what, a, b] of SAME_PERSON_SPELLINGS) {
    test(what, () => {
      const r = scorePersons(a, b);
      assert.equal(r.decision, "match", explain(r));
    });
  }
});

describe("look-alikes who are not the same person → no_match", () => {
  const rare: MatchPerson = { initials: "J.P.", surname: "Ploegmakers", birthDate: "1985-03-04" };
  const cases: [string, MatchPerson, MatchPerson, string | undefined][] = [
    ["twins: different initials", rare, { ...rare, initials: "K.L." }, "twins"],
    [
      "twins: same initial, different first names",
      { ...rare, initials: "J.", firstNames: "Jan" },
      { ...rare, initials: "J.", firstNames: "Joost" },
      "twins",
    ],
    ["twins: conflicting second initial", rare, { ...rare, initials: "J.K." }, "twins"],
    [
      "twins: one uses a partner name, different initials",
      { ...rare, initials: "W.M.", firstNames: "Wilhelmina Maria" },
      { ...rare, initials: "J.L.", surname: "Walveld-Ploegmakers" },
      "twins",
    ],
    [
      "twins: the only shared initial stands for different names",
      { ...rare, initials: "M.", firstNames: "Maria" },
      { ...rare, initials: "H.M.", firstNames: "Hendrik Michiel" },
      "twins",
    ],
    [
      "twins: different first initials, the same middle initials",
      { ...rare, initials: "W.M.M." },
      { ...rare, initials: "L.M.M." },
      "twins",
    ],
    [
      "parent and child (1960 vs 1988), every name the same",
      { ...BASE, birthDate: "1960-05-12" },
      { ...BASE, birthDate: "1988-05-12" },
      "parent_child",
    ],
    [
      "parent and child, the years one digit apart (1960 vs 1980), another birthday",
      { ...rare, birthDate: "1960-05-12" },
      { ...rare, birthDate: "1980-07-12" },
      "parent_child",
    ],
    [
      "common surname, same birth date, different initials (Jansen)",
      { initials: "J.P.", surname: "Jansen", birthDate: "1985-03-04" },
      { initials: "M.A.", surname: "Jansen", birthDate: "1985-03-04" },
      "twins",
    ],
    [
      "common surname, same birth date, different initials (de Jong)",
      { initials: "A.", prefix: "de", surname: "Jong", birthDate: "1970-10-10" },
      { initials: "H.", surname: "de Jong", birthDate: "1970-10-10" },
      "twins",
    ],
    [
      "same names, unrelated birth dates",
      rare,
      { ...rare, birthDate: "1987-11-22" },
      "birth_date_different",
    ],
    [
      "common name and single initial, same month only",
      { initials: "J.", prefix: "de", surname: "Jong", birthDate: "1970-01-05" },
      { initials: "J.", prefix: "de", surname: "Jong", birthDate: "1970-01-19" },
      undefined,
    ],
    [
      "different surnames, same birth date and initials",
      { initials: "J.P.", surname: "Bakker", birthDate: "1985-03-04" },
      { initials: "J.P.", surname: "Visser", birthDate: "1985-03-04" },
      "surname_different",
    ],
    [
      "different surnames, same birth date, three initials and first names",
      {
        initials: "M.H.L.",
        firstNames: "Milan Hendrik Lucas",
        surname: "Kuipers",
        birthDate: "1962-02-21",
        gender: "M",
      },
      {
        initials: "M.H.L.",
        firstNames: "Milan Hendrik Lucas",
        surname: "Meerje",
        birthDate: "1962-02-21",
        gender: "M",
      },
      "surname_different",
    ],
  ];
  for (const [what, a, b, guard] of cases) {
    test(what, () => {
      const r = scorePersons(a, b);
      assert.equal(r.decision, "no_match", explain(r));
      if (guard) assert.ok(guards(r).includes(guard), explain(r));
    });
  }

  test("the twin guard is strongly negative", () => {
    const r = scorePersons(rare, { ...rare, initials: "K.L." });
    assert.ok(r.score < 0, explain(r));
  });

  test("a different birth date vetoes even a score above the threshold", () => {
    const a: MatchPerson = {
      initials: "J.P.M.",
      firstNames: "Johannes Petrus Maria",
      surname: "Ploegmakers",
      birthDate: "1985-03-14",
      gender: "M",
    };
    const r = scorePersons(a, { ...a, birthDate: "1987-11-02" }, { thresholds: { match: 10 } });
    assert.ok(r.score >= 10, explain(r));
    assert.equal(r.decision, "no_match");
    const lenient = scorePersons(
      a,
      { ...a, birthDate: "1987-11-02" },
      { thresholds: { match: 10 }, vetoDifferentBirthDate: false },
    );
    assert.equal(lenient.decision, "match", explain(lenient));
  });
});

describe("weights", () => {
  test("a frequent surname weighs less than a rare one", () => {
    const w = (surname: string) =>
      reason(
        scorePersons(
          { initials: "A.", surname, birthDate: "1980-01-02" },
          { initials: "A.", surname, birthDate: "1980-01-02" },
        ),
        "surname",
      )!.weight;
    assert.ok(w("de Jong") < w("Dijkstra"));
    assert.ok(w("Dijkstra") < w("Ploegmakers"));
    assert.ok(w("Yılmaz") < w("Ploegmakers"));
    assert.ok(w("Jansen") < w("Hoogendoorn"));
  });

  test("the u of an agreeing surname is its frequency (spelling variants summed)", () => {
    const f = (n: string) => surnameFrequency(normaliseSurname(n));
    assert.ok(Math.abs(f("de Jong") - 528 / 100_000) < 1e-9);
    assert.equal(f("de Bruijn"), f("de Bruin"));
    assert.ok(f("de Bruijn") > 133 / 100_000);
    assert.equal(f("Ploegmakers"), 0);
    assert.ok(f("Jansen-de Vries") > 0 && f("Jansen-de Vries") <= f("de Vries"));
  });

  test("a placeholder date agrees with less weight than an ordinary one", () => {
    const p = (birthDate: string): MatchPerson => ({
      initials: "A.",
      surname: "Haidari",
      birthDate,
    });
    const ordinary = reason(scorePersons(p("1990-03-17"), p("1990-03-17")), "birth_date")!;
    const placeholder = reason(scorePersons(p("1990-01-01"), p("1990-01-01")), "birth_date")!;
    assert.ok(placeholder.weight < ordinary.weight);
    assert.match(placeholder.detail, /placeholder/);
  });

  test("a placeholder date does not veto another date in the same year", () => {
    const a: MatchPerson = { initials: "A.H.", surname: "Haidari", birthDate: "1990-01-01" };
    const r = scorePersons(a, { ...a, birthDate: "1990-06-23" });
    assert.equal(reason(r, "birth_date")!.level, "placeholder_same_year");
    assert.deepEqual(guards(r), []);
  });

  test("birth-date levels are ordered by weight", () => {
    const p = DEFAULT_PARAMETERS.birthDate;
    const w = (k: keyof typeof p) => Math.log2(p[k].m / p[k].u);
    assert.ok(w("exact") > w("exact_placeholder"));
    assert.ok(w("exact_placeholder") > w("day_month_swapped"));
    assert.ok(w("day_month_swapped") > w("one_digit_off"));
    assert.ok(w("one_digit_off") > w("same_year_month"));
    assert.ok(w("same_year_month") > 0);
    assert.ok(w("different") < 0);
  });

  test("m-probabilities of each field add up to about 1", () => {
    const { first_names_exact: _alternative, ...initialsLevels } = DEFAULT_PARAMETERS.givenNames;
    for (const field of [
      DEFAULT_PARAMETERS.surname,
      initialsLevels,
      DEFAULT_PARAMETERS.birthDate,
    ]) {
      // The placeholder levels are conditional on a placeholder date: not in the sum.
      const {
        exact_placeholder: _exact,
        placeholder_same_year: _sameYear,
        ...levels
      } = field as Record<string, { m: number }>;
      const sum = Object.values(levels).reduce((s, l) => s + l.m, 0);
      assert.ok(Math.abs(sum - 1) < 0.05, String(sum));
    }
  });

  test("every parameter documents its source", () => {
    const all = [
      ...Object.values(DEFAULT_PARAMETERS.surname),
      ...Object.values(DEFAULT_PARAMETERS.givenNames),
      ...Object.values(DEFAULT_PARAMETERS.birthDate),
      ...Object.values(DEFAULT_PARAMETERS.gender),
    ];
    for (const p of all) {
      assert.ok(p.source.length > 20);
      assert.ok(p.m > 0 && p.m < 1 && p.u > 0 && p.u < 1);
    }
  });

  test("the frequency table has a few hundred distinct names", () => {
    const names = SURNAME_FREQUENCIES.map(([n]) => n.toLowerCase());
    assert.ok(names.length >= 300, String(names.length));
    assert.equal(new Set(names).size, names.length);
    for (const [, per] of SURNAME_FREQUENCIES) assert.ok(per > 0 && per < 1000);
  });
});

describe("reasons", () => {
  test("every result explains surname, given names and birth date; gender when both have one", () => {
    const r = scorePersons(BASE, { ...BASE, surname: "Hevel" });
    assert.deepEqual(
      r.reasons.map((x) => x.field),
      ["surname", "given_names", "birth_date", "gender"],
    );
    assert.equal(reason(r, "surname")!.level, "typo");
    assert.match(reason(r, "surname")!.detail, /van den heuvel/);
    const sum = r.reasons.reduce((s, x) => s + x.weight, 0);
    assert.ok(Math.abs(sum - r.score) < 0.011);
    const noGender = scorePersons(BASE, { ...BASE, gender: undefined });
    assert.equal(reason(noGender, "gender"), undefined);
  });

  test("the birth name is compared when it helps, and the reason says so", () => {
    const r = scorePersons(BASE, {
      ...BASE,
      prefix: "de",
      surname: "Vries",
      birthName: "van den Heuvel",
    });
    assert.equal(reason(r, "surname")!.level, "exact");
    assert.match(reason(r, "surname")!.detail, /birth name/);
  });

  test("guards explain themselves", () => {
    const r = scorePersons(
      { ...BASE, birthDate: "1960-05-12" },
      { ...BASE, birthDate: "1988-05-12" },
    );
    const guard = r.reasons.find((x) => x.field === "guard")!;
    assert.equal(guard.level, "parent_child");
    assert.match(guard.detail, /^veto: birth years 28 years apart/);
  });
});

describe("thresholds per region", () => {
  test("default", () => assert.deepEqual(DEFAULT_THRESHOLDS, { match: 18 }));
  test("a stricter region proposes less", () => {
    const other = { ...BASE, birthDate: "1985-03-05" };
    assert.equal(scorePersons(BASE, other).decision, "match");
    assert.equal(scorePersons(BASE, other, { thresholds: { match: 30 } }).decision, "no_match");
  });
  test("validation", () => {
    assert.deepEqual(validateThresholds({ match: 20, review: 12 }), { match: 20, review: 12 });
    assert.throws(() => validateThresholds({ match: 20, review: 25 }), RangeError);
    assert.throws(() => validateThresholds({ match: Number.NaN }), RangeError);
    assert.throws(
      () => scorePersons(BASE, BASE, { thresholds: { match: 10, review: 11 } }),
      RangeError,
    );
  });
  test("the review band never changes the decision", () => {
    const other = { ...BASE, birthDate: "1985-03-05" };
    const t = { match: 30, review: 15 };
    const r = scorePersons(BASE, other, { thresholds: t });
    assert.equal(r.decision, "no_match");
    assert.equal(inReviewBand(r, t), true);
    assert.equal(inReviewBand(scorePersons(BASE, BASE, { thresholds: t }), t), false);
  });
});

describe("properties", () => {
  const surname = fc.oneof(
    fc.constantFrom(
      "Jansen",
      "de Jong",
      "Berg",
      "Heuvel",
      "Yılmaz",
      "El Amrani",
      "Jansen-de Vries",
      "IJzerman",
      "Müller",
      "Nguyen",
      "Ramsoekh",
    ),
    fc
      .array(fc.constantFrom(..."abdeghijklmnoprstuvz".split("")), { minLength: 3, maxLength: 12 })
      .map((cs) => cs.join("")),
  );
  const initials = fc
    .array(fc.constantFrom(..."ABCDEFGHIJKLMNOPRSTWY".split("")), { minLength: 1, maxLength: 3 })
    .chain((letters) =>
      fc.constantFrom(`${letters.join(".")}.`, letters.join(""), `${letters.join(". ")}.`),
    );
  const birthDate = isoDateBetween("1920-01-01", "2007-12-31");
  const person: fc.Arbitrary<MatchPerson> = fc.record(
    {
      initials,
      firstNames: fc.constantFrom("Jan Pieter", "Mohamed", "Anna-Maria", "Ayşe", "Willem"),
      prefix: fc.constantFrom("van", "van der", "de", "ter", "el"),
      surname,
      birthName: surname,
      birthDate,
      gender: fc.constantFrom("M" as const, "V" as const, "X" as const),
    },
    { requiredKeys: ["initials", "surname", "birthDate"] },
  );

  test("score and decision are symmetric", () => {
    fc.assert(
      fc.property(person, person, (a, b) => {
        const ab = scorePersons(a, b);
        const ba = scorePersons(b, a);
        assert.equal(ab.score, ba.score);
        assert.equal(ab.decision, ba.decision);
      }),
      { numRuns: 300 },
    );
  });

  test("vetoedByBirthDate is true exactly when scoring vetoes on the birth dates", () => {
    // The second date is either unrelated or the first one a few years off, so that both
    // answers occur.
    const pair = fc.tuple(person, person, fc.integer({ min: -40, max: 40 }), fc.boolean());
    let vetoed = 0;
    let runs = 0;
    fc.assert(
      fc.property(pair, ([a, other, years, related]) => {
        const year = Number(a.birthDate.slice(0, 4)) + years;
        const b = related ? { ...other, birthDate: `${year}${a.birthDate.slice(4)}` } : other;
        if (b.birthDate.endsWith("02-29")) return;
        runs++;
        const [na, nb] = [normalisePerson(a), normalisePerson(b)];
        const dateGuards = guards(scorePersons(a, b)).filter(
          (g) => g === "parent_child" || g === "birth_date_different",
        );
        assert.equal(vetoedByBirthDate(na, nb), dateGuards.length > 0, explain(scorePersons(a, b)));
        if (vetoedByBirthDate(na, nb)) {
          vetoed++;
          assert.equal(scorePersons(a, b).decision, "no_match");
        }
        const lenient = { vetoDifferentBirthDate: false };
        assert.equal(
          vetoedByBirthDate(na, nb, lenient),
          guards(scorePersons(a, b, lenient)).includes("parent_child"),
        );
      }),
      { numRuns: 400 },
    );
    assert.ok(
      vetoed >= 10 && runs - vetoed >= 10,
      `${vetoed} of ${runs} vetoed: both answers tested`,
    );
  });

  test("a person always matches themselves", () => {
    fc.assert(
      fc.property(person, (a) => {
        const r = scorePersons(a, a);
        assert.equal(r.decision, "match", explain(r));
      }),
      { numRuns: 300 },
    );
  });

  test("a person matches a copy whose names are written differently", () => {
    fc.assert(
      fc.property(person, (a) => {
        const rewritten: MatchPerson = {
          ...a,
          initials: a.initials.replace(/[.\s]/g, "").toLowerCase(),
          surname: a.prefix ? `${a.surname}, ${a.prefix}` : a.surname.toUpperCase(),
          prefix: undefined,
        };
        const r = scorePersons(a, rewritten);
        assert.equal(r.decision, "match", explain(r));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the twin guard leaves reordered initials and call names alone", () => {
  const rare: MatchPerson = { initials: "J.P.", surname: "Ploegmakers", birthDate: "1985-03-04" };
  for (const initials of ["P.J.", "P."]) {
    test(`J.P. vs ${initials}`, () => {
      const r = scorePersons(rare, { ...rare, initials });
      assert.deepEqual(guards(r), []);
      assert.equal(r.decision, "match", explain(r));
    });
  }
});

describe("two sets of initials sharing only a later letter", () => {
  test("weigh as different initials", () => {
    const a: MatchPerson = { initials: "J.M.C.", surname: "Hofstede", birthDate: "1997-12-17" };
    const r = scorePersons(a, { ...a, initials: "W.J.", birthDate: "1997-12-15" });
    assert.equal(reason(r, "given_names")?.level, "initials_overlap");
    assert.equal(
      reason(r, "given_names")?.weight,
      Math.round(
        Math.log2(
          DEFAULT_PARAMETERS.givenNames.different.m / DEFAULT_PARAMETERS.givenNames.different.u,
        ) * 100,
      ) / 100,
    );
    assert.equal(r.decision, "no_match", explain(r));
  });
});

describe("regional surname frequencies", () => {
  const kowalczyk = surnameFrequencyKeys(normaliseSurname("Kowalczyk"))[0]!;
  const counts = new Map([[kowalczyk, 400]]);
  const count = (k: string) => counts.get(k);

  test("keys: the phonetic core of the whole name and of each part, prefix ignored", () => {
    assert.deepEqual(surnameFrequencyKeys(normaliseSurname("van der Berg")), ["berg"]);
    assert.deepEqual(
      new Set(surnameFrequencyKeys(normaliseSurname("Jansen-de Vries"))).size,
      3,
      "whole name, jansen, vries",
    );
    assert.deepEqual(
      surnameFrequencyKeys(normaliseSurname("Meijer")),
      surnameFrequencyKeys(normaliseSurname("Meyer")),
    );
  });

  test("only a large enough region, only names with enough bearers; the person is not counted", () => {
    assert.equal(regionalFrequencies(count, 9_999), undefined);
    const r = regionalFrequencies(count, 20_000)!;
    assert.equal(r.share(kowalczyk), 399 / 20_000);
    assert.equal(r.share("zeldzaam"), undefined);
    const few = regionalFrequencies(() => 9, 20_000)!;
    assert.equal(few.share("x"), undefined, "9 bearers are fewer than the 10 the rule asks");
  });

  test("a regionally common name weighs less; the larger share wins; levels are unchanged", () => {
    const a = { initials: "J.", surname: "Kowalczyk", birthDate: "1980-04-03" };
    const b = { initials: "J.", surname: "Kowalczyk", birthDate: "1980-04-03" };
    const national = scorePersons(a, b);
    const regional = scorePersons(a, b, {
      regionalFrequencies: regionalFrequencies(count, 20_000),
    });
    const w = (r: typeof national) => r.reasons.find((x) => x.field === "surname")!;
    assert.equal(w(regional).level, w(national).level);
    assert.ok(Math.abs(w(regional).weight - Math.log2(0.85 / (399 / 20_000))) < 0.01);
    assert.ok(w(regional).weight < w(national).weight);
    // A share below the national one changes nothing (de Vries is common everywhere).
    const dv = { initials: "J.", surname: "de Vries", birthDate: "1980-04-03" };
    const rareHere = regionalFrequencies(() => 10, 1_000_000);
    assert.equal(
      w(scorePersons(dv, dv, { regionalFrequencies: rareHere })).weight,
      w(scorePersons(dv, dv)).weight,
    );
  });
});

describe("placeholder birth dates", () => {
  const person = (birthDate: string) => ({ initials: "M.", surname: "Bouzidi", birthDate });
  const dateReason = (x: string, y: string) =>
    scorePersons(person(x), person(y)).reasons.find((r) => r.field === "birth_date")!;

  test("two 1 January dates a year digit apart weigh ten times less than a real keying error", () => {
    const onPlaceholders = dateReason("2003-01-01", "2005-01-01");
    const keyingError = dateReason("2003-03-14", "2005-03-14");
    assert.equal(onPlaceholders.level, "one_digit_off");
    assert.equal(keyingError.level, "one_digit_off");
    assert.ok(Math.abs(keyingError.weight - onPlaceholders.weight - Math.log2(10)) < 0.02);
    assert.match(onPlaceholders.detail, /only the year differs/);
    const transposed = dateReason("1978-07-01", "1987-07-01");
    assert.equal(transposed.level, "year_digits_transposed");
    assert.ok(transposed.weight < dateReason("1978-03-14", "1987-03-14").weight - 3);
  });

  test("one placeholder and one real date keep their levels and weights", () => {
    const mixed = dateReason("2003-01-01", "2003-01-07");
    assert.equal(mixed.level, "one_digit_off");
    assert.equal(mixed.weight, dateReason("2003-03-01", "2003-03-07").weight);
  });
});

describe("issue 24: keying errors in the year are not a generation", () => {
  const rare: MatchPerson = { initials: "J.P.", surname: "Ploegmakers", birthDate: "1976-09-10" };
  test("the decade keyed wrong (1976 vs 1906): one digit off, a match, not parent and child", () => {
    const r = scorePersons(rare, { ...rare, birthDate: "1906-09-10" });
    assert.equal(reason(r, "birth_date")?.level, "one_digit_off", explain(r));
    assert.deepEqual(guards(r), [], explain(r));
    assert.equal(r.decision, "match", explain(r));
  });

  test("2005 vs 1905 is the century, a match", () => {
    const r = scorePersons(
      { ...rare, birthDate: "2005-04-03" },
      { ...rare, birthDate: "1905-04-03" },
    );
    assert.equal(reason(r, "birth_date")?.level, "century", explain(r));
    assert.equal(r.decision, "match", explain(r));
  });

  test("two 1 January dates a generation apart stay parent and child", () => {
    const r = scorePersons(
      { ...rare, birthDate: "1960-01-01" },
      { ...rare, birthDate: "1990-01-01" },
    );
    assert.ok(guards(r).includes("parent_child"), explain(r));
    assert.equal(r.decision, "no_match");
  });
});
