import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { isoDateBetween } from "../../testing/arbitraries.ts";
import {
  BLOCKING_KINDS,
  type BlockingKey,
  blockingKeys,
  shareBlockingKey,
  surnamePhoneticKeys,
} from "./blocking.ts";
import { BASE, SAME_PERSON_CORRUPTIONS, SAME_PERSON_SPELLINGS } from "./fixtures.ts";
import { type MatchPerson, normalisePerson, normaliseSurname } from "./normalise.ts";

const ofKind = (keys: BlockingKey[], kind: string) =>
  keys.filter((k) => k.kind === kind).map((k) => k.value);

describe("blockingKeys", () => {
  test("stable kind names", () => {
    assert.deepEqual(BLOCKING_KINDS, [
      "birth_date",
      "birth_date_unordered",
      "year_surname",
      "initial_surname",
      "month_day_surname",
      "initial_letter_date",
    ]);
  });

  test("the keys of one person", () => {
    const keys = blockingKeys(BASE);
    assert.deepEqual(ofKind(keys, "birth_date"), ["1985-03-04"]);
    assert.deepEqual(ofKind(keys, "birth_date_unordered"), ["1985|03|04"]);
    assert.deepEqual(ofKind(keys, "year_surname"), ["1985|fandenheuvel", "1985|heuvel"]);
    assert.deepEqual(ofKind(keys, "initial_surname"), ["j|fandenheuvel", "j|heuvel"]);
    assert.deepEqual(ofKind(keys, "month_day_surname"), ["03-04|fandenheuvel", "03-04|heuvel"]);
    assert.deepEqual(ofKind(keys, "initial_letter_date"), [
      "j|f|03-04",
      "j|f|1985-03",
      "j|h|03-04",
      "j|h|1985-03",
    ]);
  });

  test("issue 24: a surname typo and a wrong year or day still share a key", () => {
    const typo = { ...BASE, surname: "Heuvle" };
    for (const birthDate of ["1958-03-04", "1985-03-14", "1905-03-04"]) {
      assert.ok(shareBlockingKey(BASE, { ...typo, birthDate }), birthDate);
    }
    // A wrong month with a typo is the one pair of errors left without a key.
    assert.ok(!shareBlockingKey(BASE, { ...typo, birthDate: "1985-08-04" }));
  });

  test("no unordered date when day and month cannot be swapped", () => {
    const keys = blockingKeys({ ...BASE, birthDate: "1985-03-14" });
    assert.deepEqual(ofKind(keys, "birth_date_unordered"), []);
    assert.deepEqual(
      ofKind(blockingKeys({ ...BASE, birthDate: "1985-03-03" }), "birth_date_unordered"),
      [],
    );
  });

  test("a swapped date gives the same unordered key", () => {
    assert.deepEqual(
      ofKind(blockingKeys({ ...BASE, birthDate: "1985-04-03" }), "birth_date_unordered"),
      ofKind(blockingKeys(BASE), "birth_date_unordered"),
    );
  });

  test("double names and birth names contribute their parts", () => {
    const keys = surnamePhoneticKeys(normaliseSurname("Jansen-de Vries"));
    assert.ok(keys.includes("jansen"));
    assert.ok(keys.includes("fris"));
    const person = normalisePerson({
      ...BASE,
      prefix: "de",
      surname: "Vries",
      birthName: "Bakker",
    });
    assert.ok(ofKind(blockingKeys(person), "year_surname").includes("1985|baker"));
  });

  test("accepts a normalised person", () => {
    assert.deepEqual(blockingKeys(normalisePerson(BASE)), blockingKeys(BASE));
  });

  test("no initial, no initial key", () => {
    const keys = blockingKeys({ initials: "", surname: "Bakker", birthDate: "1990-02-03" });
    assert.deepEqual(ofKind(keys, "initial_surname"), []);
  });
});

describe("recall: the same person under every corruption shares a key", () => {
  for (const [what, other] of SAME_PERSON_CORRUPTIONS) {
    test(what, () => assert.ok(shareBlockingKey(BASE, other)));
  }
  for (const [what, a, b] of SAME_PERSON_SPELLINGS) {
    test(what, () => assert.ok(shareBlockingKey(a, b)));
  }
  const pairs: [string, MatchPerson, MatchPerson][] = [
    [
      "surname typo and year one digit off (initial + day-month)",
      { initials: "J.", surname: "Hoogendoorn", birthDate: "1985-03-14" },
      { initials: "J.", surname: "Hoogendorn", birthDate: "1986-03-14" },
    ],
    [
      "year transposed and call-name initial (day-month + surname)",
      { initials: "J.P.", surname: "Hoogendoorn", birthDate: "1985-03-14" },
      { initials: "P.", surname: "Hoogendoorn", birthDate: "1958-03-14" },
    ],
    [
      "concatenated name without a split",
      { initials: "A.", surname: "Vannieuwenhuizen", birthDate: "1970-05-06" },
      { initials: "A.", prefix: "van", surname: "Nieuwenhuizen", birthDate: "1971-05-06" },
    ],
  ];
  for (const [what, a, b] of pairs) {
    test(what, () => assert.ok(shareBlockingKey(a, b)));
  }
});

describe("properties", () => {
  const person = fc.record({
    initials: fc.constantFrom("J.P.", "A.", "IJ.", "M.H.K."),
    surname: fc.constantFrom("van der Berg", "Jansen-de Vries", "Yılmaz", "IJzerman", "d'Hondt"),
    birthDate: isoDateBetween("1920-01-01", "2007-12-31"),
  });
  test("deterministic, sorted, without duplicates, always with a birth_date key", () => {
    fc.assert(
      fc.property(person, (p) => {
        const keys = blockingKeys(p);
        assert.deepEqual(keys, blockingKeys({ ...p }));
        const ids = keys.map((k) => `${k.kind}:${k.value}`);
        assert.equal(new Set(ids).size, ids.length);
        assert.deepEqual(ofKind(keys, "birth_date"), [p.birthDate]);
        assert.ok(keys.every((k) => BLOCKING_KINDS.includes(k.kind) && k.value.length > 0));
      }),
      { numRuns: 200 },
    );
  });
});
