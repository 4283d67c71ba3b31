import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { addDays, addMonths } from "../platform/werkdagen.ts";
import {
  describeProfile,
  type Evaluation,
  evaluateRegistration,
  type RegistrationProposal,
  termText,
} from "./engine.ts";
import { getProfile, type Profile, type ProfileId } from "./index.ts";

const TODAY = "2026-06-15";
const aedes = getProfile("aedes-2021");
const keurmerk = getProfile("keurmerk-2013");
const kkr = getProfile("kkr");

function evaluate(
  profile: Profile,
  proposal: Partial<RegistrationProposal>,
  today = TODAY,
): Evaluation {
  return evaluateRegistration(
    profile,
    { categories: [], criteria: [], placementDate: "2026-05-01", ...proposal },
    today,
  );
}

function ok(e: Evaluation): Extract<Evaluation, { ok: true }> {
  assert.equal(e.ok, true, e.ok ? "" : JSON.stringify(e.violations, null, 2));
  return e as Extract<Evaluation, { ok: true }>;
}

function rulesOf(e: Evaluation): string[] {
  assert.equal(e.ok, false, "expected a refusal");
  return e.ok ? [] : e.violations.map((v) => v.rule);
}

// ---------------------------------------------------------------------------
// Damage brackets: 003 §7 D and 001 Bijlage 1 W2 punten 4–8, both edges of every boundary.
// ---------------------------------------------------------------------------

/** [claim in cents, maximum term in months or the refusal] — the seeds' own amounts. */
const BRACKETS: [number, number | "claim_below_minimum"][] = [
  [0, "claim_below_minimum"],
  [49_999, "claim_below_minimum"], // € 499,99: below "€ 500,- of meer" (003 criterium d, 001 W2.2)
  [50_000, 12], // € 500,00 exactly: "tussen € 500,00 en € 1.000,00 … 1 jaar"
  [50_001, 12],
  [75_000, 12],
  [99_999, 12],
  [100_000, 12], // € 1.000,00: both "500–1.000" and "1.000–2.000"; the lower (shorter) wins
  [100_001, 24],
  [150_000, 24],
  [199_999, 24],
  [200_000, 24], // € 2.000,00 → lower bracket
  [200_001, 36],
  [499_999, 36],
  [500_000, 36], // € 5.000,00 → lower bracket
  [500_001, 48],
  [999_999, 48],
  [1_000_000, 48], // € 10.000,00: "tussen € 5.000 en € 10.000" and "€ 10.000 of meer" overlap → lower
  [1_000_001, 60],
  [2_500_000, 60],
  [100_000_000, 60],
];

describe("damage brackets (003 §7 D.VIII, 001 Bijlage 1 W2)", () => {
  const cases: [ProfileId, string, string][] = [
    ["aedes-2021", "D.VIII", "d"],
    ["keurmerk-2013", "W2", "W2.2"],
    ["keurmerk-2013", "W2", "W2.1"],
  ];
  for (const [id, category, criterion] of cases) {
    for (const [claimCents, expected] of BRACKETS) {
      test(`${id} ${category}/${criterion}: ${claimCents} cents → ${expected}`, () => {
        const e = evaluate(getProfile(id), {
          categories: [category],
          criteria: [criterion],
          claimCents,
        });
        if (expected === "claim_below_minimum") {
          assert.deepEqual(rulesOf(e), ["claim_below_minimum"]);
        } else {
          const r = ok(e);
          assert.equal(r.maxTermMonths, expected);
          assert.equal(
            r.termMonths,
            expected,
            "without termMonths the term is the bracket's maximum",
          );
          assert.equal(r.endDate, addMonths("2026-05-01", expected));
          assert.ok(r.explanation.some((x) => x.rule === "damage_bracket"));
        }
      });
    }
  }

  test("the bracket is a maximum: a shorter term may be chosen, a longer one not", () => {
    const base = { categories: ["D.VIII"], criteria: ["d"], claimCents: 150_000 };
    assert.equal(ok(evaluate(aedes, { ...base, termMonths: 6 })).termMonths, 6);
    assert.equal(ok(evaluate(aedes, { ...base, termMonths: 24 })).termMonths, 24);
    assert.deepEqual(rulesOf(evaluate(aedes, { ...base, termMonths: 25 })), [
      "term_exceeds_maximum",
    ]);
  });
});

// ---------------------------------------------------------------------------
// Every category: maximum term and scope (003 §7; 001 §5.4, Bijlage 1; 000 + 003 §7)
// ---------------------------------------------------------------------------

const CATEGORY_TABLE: {
  profile: ProfileId;
  category: string;
  criterion: string;
  claimCents?: number;
  maxMonths: number;
  scope: "organisation" | "region" | "national";
}[] = [
  { profile: "aedes-2021", category: "A.I", criterion: "a", maxMonths: 24, scope: "organisation" },
  { profile: "aedes-2021", category: "B.II", criterion: "a", maxMonths: 24, scope: "region" },
  { profile: "aedes-2021", category: "B.III", criterion: "a", maxMonths: 24, scope: "region" },
  { profile: "aedes-2021", category: "C.IV", criterion: "a", maxMonths: 24, scope: "region" },
  { profile: "aedes-2021", category: "C.V", criterion: "a", maxMonths: 24, scope: "region" },
  { profile: "aedes-2021", category: "C.VI", criterion: "c", maxMonths: 24, scope: "region" },
  {
    profile: "aedes-2021",
    category: "D.VII",
    criterion: "a",
    maxMonths: 60,
    scope: "organisation",
  },
  {
    profile: "aedes-2021",
    category: "D.VIII",
    criterion: "d",
    claimCents: 2_000_000,
    maxMonths: 60,
    scope: "organisation",
  },
  { profile: "aedes-2021", category: "E.IX", criterion: "e.ii", maxMonths: 24, scope: "region" },
  { profile: "keurmerk-2013", category: "W1", criterion: "W1.1", maxMonths: 60, scope: "region" },
  {
    profile: "keurmerk-2013",
    category: "W2",
    criterion: "W2.1",
    claimCents: 1_500_000,
    maxMonths: 60,
    scope: "region",
  },
  { profile: "keurmerk-2013", category: "W3", criterion: "W3.1", maxMonths: 60, scope: "region" },
  { profile: "kkr", category: "FIN", criterion: "FIN.1", maxMonths: 24, scope: "national" },
  { profile: "kkr", category: "CRIM", criterion: "CRIM.1", maxMonths: 24, scope: "national" },
  { profile: "kkr", category: "PSY", criterion: "PSY.2", maxMonths: 24, scope: "national" },
];

describe("term and scope per category", () => {
  for (const row of CATEGORY_TABLE) {
    test(`${row.profile} ${row.category}: at most ${row.maxMonths} months, scope ${row.scope}`, () => {
      const r = ok(
        evaluate(getProfile(row.profile), {
          categories: [row.category],
          criteria: [row.criterion],
          ...(row.claimCents !== undefined ? { claimCents: row.claimCents } : {}),
        }),
      );
      assert.equal(r.maxTermMonths, row.maxMonths);
      assert.equal(r.termMonths, row.maxMonths);
      assert.equal(r.scope, row.scope);
      assert.equal(r.startDate, "2026-05-01");
      assert.equal(r.endDate, addMonths("2026-05-01", row.maxMonths));
      if (row.maxMonths > 1) {
        const shorter = evaluate(getProfile(row.profile), {
          categories: [row.category],
          criteria: [row.criterion],
          ...(row.claimCents !== undefined ? { claimCents: row.claimCents } : {}),
          termMonths: row.maxMonths + 1,
        });
        assert.deepEqual(rulesOf(shorter), ["term_exceeds_maximum"]);
      }
    });
  }

  test("every category of every profile is in the table", () => {
    for (const id of ["aedes-2021", "keurmerk-2013", "kkr"] as const) {
      const inTable = CATEGORY_TABLE.filter((r) => r.profile === id).map((r) => r.category);
      assert.deepEqual(
        inTable,
        getProfile(id).categories.map((c) => c.code),
      );
    }
  });
});

// ---------------------------------------------------------------------------
// Which criterion grounds which category: every combination, allowed and refused.
// ---------------------------------------------------------------------------

/** From the seeds: 003 §5 formele criteria a–e; 001 Bijlage 1 (+ Toelichting 4); 000 via 003. */
const GROUNDS: Record<ProfileId, Record<string, string[]>> = {
  "aedes-2021": {
    a: ["A.I", "B.II", "B.III", "C.IV", "C.V", "C.VI", "D.VII"], // "voor de categorieën I tot en met VII"
    b: ["A.I"],
    c: ["C.VI"],
    d: ["D.VIII"],
    "e.i": ["E.IX"],
    "e.ii": ["E.IX"],
    "e.iii": ["E.IX"],
  },
  "keurmerk-2013": {
    "W1.1": ["W1"],
    "W1.2": ["W1"],
    "W2.1": ["W2"],
    "W2.2": ["W2"],
    "W3.1": ["W3", "W1"], // Toelichting punt 4: W1 in plaats van W3
    "W3.2": ["W3", "W1"],
  },
  kkr: {
    "FIN.1": ["FIN"],
    "FIN.2": ["FIN"],
    "CRIM.1": ["CRIM"],
    "CRIM.2": ["CRIM"],
    "PSY.1": ["PSY"],
    "PSY.2": ["PSY"],
  },
};

describe("criterion × category", () => {
  for (const id of ["aedes-2021", "keurmerk-2013", "kkr"] as const) {
    const profile = getProfile(id);
    for (const category of profile.categories) {
      for (const [criterion, grounds] of Object.entries(GROUNDS[id])) {
        const allowed = grounds.includes(category.code);
        test(`${id}: ${criterion} ${allowed ? "grounds" : "does not ground"} ${category.code}`, () => {
          const claim = category.claim.mode === "required" ? { claimCents: 120_000 } : {};
          const e = evaluate(profile, {
            categories: [category.code],
            criteria: [criterion],
            ...claim,
          });
          if (allowed) ok(e);
          else
            assert.deepEqual(rulesOf(e), [
              "criterion_does_not_fit",
              "criterion_missing_for_category",
            ]);
        });
      }
    }
    test(`${id}: the table covers every criterion of the profile`, () => {
      assert.deepEqual(
        Object.keys(GROUNDS[id]),
        profile.criteria.map((c) => c.code),
      );
    });
  }

  test("a criterion left over is refused even when every category is grounded", () => {
    assert.deepEqual(rulesOf(evaluate(aedes, { categories: ["A.I"], criteria: ["a", "d"] })), [
      "criterion_does_not_fit",
    ]);
  });

  test("a second category without its criterion is refused", () => {
    const e = evaluate(aedes, {
      categories: ["A.I", "D.VIII"],
      criteria: ["a"],
      claimCents: 60_000,
    });
    assert.deepEqual(rulesOf(e), ["criterion_missing_for_category"]);
  });

  test("003-23 several category groups: one part per group, each with its own term and scope", () => {
    const r = ok(
      evaluate(aedes, {
        categories: ["A.I", "B.III"],
        criteria: ["a"],
        placementDate: "2026-01-31",
      }),
    );
    assert.deepEqual(
      r.parts.map((p) => [p.categories, p.termMonths, p.endDate, p.scope]),
      [
        [["A.I"], 24, "2028-01-31", "organisation"],
        [["B.III"], 24, "2028-01-31", "region"],
      ],
      "A.I corporatie and B.III regio stay apart: no part lends its scope to the other",
    );
    assert.equal(r.scope, null, "no single scope when the parts reach differently");
    const d = ok(
      evaluate(aedes, {
        categories: ["A.I", "D.VIII"],
        criteria: ["a", "d"],
        claimCents: 1_200_000,
      }),
    );
    assert.deepEqual(
      d.parts.map((p) => [p.categories, p.termMonths, p.scope]),
      [
        [["A.I"], 24, "organisation"],
        [["D.VIII"], 60, "organisation"],
      ],
      "D.VIII € 12.000 → 5 jaar for the D part only; A.I keeps its 2 jaar",
    );
    assert.equal(d.endDate, d.parts[1]!.endDate, "the registration lasts until its last part ends");
    assert.equal(d.scope, "organisation", "both parts reach the corporation: one scope");
    const b = ok(
      evaluate(aedes, { categories: ["B.III", "D.VII"], criteria: ["a"], placementDate: TODAY }),
    );
    assert.deepEqual(
      b.parts.map((p) => [p.categories, p.termMonths, p.scope]),
      [
        [["B.III"], 24, "region"],
        [["D.VII"], 60, "organisation"],
      ],
      "review item 1: B.III + D.VII is two years regional and five years for the corporation",
    );
    const group = ok(
      evaluate(aedes, {
        categories: ["D.VII", "D.VIII"],
        criteria: ["a", "d"],
        claimCents: 60_000,
      }),
    );
    assert.equal(group.parts.length, 1, "one group, one part");
    assert.equal(group.parts[0]!.termMonths, 60, "within a group the longest maximum");
    const shorter = ok(
      evaluate(aedes, {
        categories: ["A.I", "D.VII"],
        criteria: ["a"],
        termMonths: 36,
      }),
    );
    assert.deepEqual(
      shorter.parts.map((p) => p.termMonths),
      [24, 36],
      "a chosen term caps every part; a part with a shorter maximum keeps it",
    );
    const w = ok(
      evaluate(keurmerk, {
        categories: ["W1", "W2"],
        criteria: ["W1.1", "W2.2"],
        claimCents: 60_000,
      }),
    );
    assert.deepEqual(
      w.parts.map((p) => [p.categories, p.termMonths]),
      [
        [["W1"], 60],
        [["W2"], 12],
      ],
    );
    assert.equal(w.maxTermMonths, 60);
    const k = ok(evaluate(kkr, { categories: ["FIN", "PSY"], criteria: ["FIN.2", "PSY.1"] }));
    assert.equal(k.scope, "national");
    assert.ok(r.explanation.some((x) => x.rule === "parts" && x.text.includes("categoriegroep")));
  });

  test("003-23 a part whose term has already run out is refused, naming its categories", () => {
    const e = evaluate(aedes, {
      categories: ["B.III", "D.VII"],
      criteria: ["a"],
      placementDate: "2024-01-01",
    });
    assert.deepEqual(rulesOf(e), ["end_date_passed"]);
    assert.ok(!e.ok && e.violations[0]!.message.includes("B.III"));
  });
});

// ---------------------------------------------------------------------------
// Placement date (003 §5 Moment van plaatsing; 001 §4.2 punt 5)
// ---------------------------------------------------------------------------

describe("placement date", () => {
  const tomorrow = addDays(TODAY, 1);
  const rows: [string, Profile, Partial<RegistrationProposal>, "ok" | string][] = [
    ["today is fine", aedes, { categories: ["A.I"], criteria: ["a"], placementDate: TODAY }, "ok"],
    [
      "tomorrow is refused",
      aedes,
      { categories: ["A.I"], criteria: ["b"], placementDate: tomorrow },
      "placement_in_future",
    ],
    [
      "E.IX on e.i: the moment of exclusion may lie ahead",
      aedes,
      { categories: ["E.IX"], criteria: ["e.i"], placementDate: tomorrow },
      "ok",
    ],
    [
      "E.IX on e.ii: refused",
      aedes,
      { categories: ["E.IX"], criteria: ["e.ii"], placementDate: tomorrow },
      "placement_in_future",
    ],
    [
      "E.IX on e.iii: refused",
      aedes,
      { categories: ["E.IX"], criteria: ["e.iii"], placementDate: tomorrow },
      "placement_in_future",
    ],
    [
      "E.IX on e.i and e.ii: refused (e.ii's moment has passed)",
      aedes,
      { categories: ["E.IX"], criteria: ["e.i", "e.ii"], placementDate: tomorrow },
      "placement_in_future",
    ],
    [
      "E.IX on e.i with A.I on a: refused (A.I needs an eviction)",
      aedes,
      { categories: ["E.IX", "A.I"], criteria: ["e.i", "a"], placementDate: tomorrow },
      "placement_in_future",
    ],
    [
      "keurmerk: never in the future",
      keurmerk,
      { categories: ["W1"], criteria: ["W1.2"], placementDate: tomorrow },
      "placement_in_future",
    ],
    [
      "kkr: never in the future",
      kkr,
      { categories: ["CRIM"], criteria: ["CRIM.2"], placementDate: tomorrow },
      "placement_in_future",
    ],
    [
      "not a date",
      aedes,
      { categories: ["A.I"], criteria: ["a"], placementDate: "2026-02-30" },
      "placement_date_invalid",
    ],
    [
      "wrong format",
      aedes,
      { categories: ["A.I"], criteria: ["a"], placementDate: "1-5-2026" },
      "placement_date_invalid",
    ],
  ];
  for (const [name, profile, proposal, expected] of rows) {
    test(name, () => {
      const e = evaluate(profile, proposal);
      if (expected === "ok") ok(e);
      else assert.deepEqual(rulesOf(e), [expected]);
    });
  }

  test("a future start under e.i: the term runs from the placement date", () => {
    const r = ok(
      evaluate(aedes, { categories: ["E.IX"], criteria: ["e.i"], placementDate: "2026-09-01" }),
    );
    assert.equal(r.startDate, "2026-09-01");
    assert.equal(r.endDate, "2028-09-01");
  });
});

// ---------------------------------------------------------------------------
// End date: exclusive, month-end clamp, already passed refused
// ---------------------------------------------------------------------------

describe("end date", () => {
  test("an end date of today is refused: on the end date the registration no longer applies", () => {
    const e = evaluate(aedes, {
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: addMonths(TODAY, -24),
    });
    assert.deepEqual(rulesOf(e), ["end_date_passed"]);
    const v = e.ok ? undefined : e.violations[0];
    assert.equal(v?.details?.endDate, TODAY);
  });

  test("an end date of tomorrow is accepted", () => {
    const placementDate = addDays(addMonths(TODAY, -24), 1);
    const r = ok(evaluate(aedes, { categories: ["A.I"], criteria: ["a"], placementDate }));
    assert.equal(r.endDate, addDays(TODAY, 1));
  });

  test("an end date long past is refused, also with a shorter term", () => {
    assert.deepEqual(
      rulesOf(
        evaluate(aedes, { categories: ["A.I"], criteria: ["a"], placementDate: "2023-01-01" }),
      ),
      ["end_date_passed"],
    );
    assert.deepEqual(
      rulesOf(
        evaluate(aedes, {
          categories: ["A.I"],
          criteria: ["a"],
          placementDate: "2026-01-15",
          termMonths: 5,
        }),
      ),
      ["end_date_passed"],
    );
  });

  for (const [placementDate, termMonths, endDate] of [
    ["2026-01-31", 1, "2026-02-28"],
    ["2024-02-29", 24, "2026-02-28"],
    ["2026-03-31", 6, "2026-09-30"],
    ["2026-05-15", 12, "2027-05-15"],
  ] as const) {
    test(`${placementDate} + ${termMonths} months ends ${endDate} (month-end clamp)`, () => {
      const r = ok(
        evaluate(
          aedes,
          { categories: ["D.VII"], criteria: ["a"], placementDate, termMonths },
          placementDate,
        ),
      );
      assert.equal(r.endDate, endDate);
    });
  }
});

// ---------------------------------------------------------------------------
// Term
// ---------------------------------------------------------------------------

describe("term", () => {
  const base = { categories: ["A.I"], criteria: ["a"], placementDate: "2026-06-01" };
  for (const [termMonths, expected] of [
    [1, "ok"],
    [12, "ok"],
    [24, "ok"],
    [25, "term_exceeds_maximum"],
    [120, "term_exceeds_maximum"],
    [0, "term_invalid"],
    [-3, "term_invalid"],
    [1.5, "term_invalid"],
    [Number.NaN, "term_invalid"],
  ] as const) {
    test(`A.I with termMonths ${termMonths}: ${expected}`, () => {
      const e = evaluate(aedes, { ...base, termMonths });
      if (expected === "ok") assert.equal(ok(e).termMonths, termMonths);
      else assert.deepEqual(rulesOf(e), [expected]);
    });
  }

  test("001 W3 has a fixed term of 5 years: shorter is refused, exactly 60 accepted", () => {
    const w3 = { categories: ["W3"], criteria: ["W3.2"] };
    assert.deepEqual(rulesOf(evaluate(keurmerk, { ...w3, termMonths: 59 })), ["term_fixed"]);
    assert.deepEqual(rulesOf(evaluate(keurmerk, { ...w3, termMonths: 61 })), [
      "term_exceeds_maximum",
    ]);
    assert.equal(ok(evaluate(keurmerk, { ...w3, termMonths: 60 })).termMonths, 60);
    assert.equal(ok(evaluate(keurmerk, w3)).termMonths, 60);
  });

  test("001 W1 (also on W3 facts, Toelichting 4) may be shorter than 5 years", () => {
    assert.equal(
      ok(evaluate(keurmerk, { categories: ["W1"], criteria: ["W3.1"], termMonths: 36 })).termMonths,
      36,
    );
  });

  test("the explanation names the officer's shorter choice and the maximum", () => {
    const r = ok(evaluate(aedes, { ...base, termMonths: 6 }));
    const term = r.explanation.find((x) => x.rule === "term");
    assert.match(term?.text ?? "", /6 maanden.*maximum is 24 maanden/);
  });
});

// ---------------------------------------------------------------------------
// Claim
// ---------------------------------------------------------------------------

describe("claim", () => {
  const rows: [string, Profile, Partial<RegistrationProposal>, string[]][] = [
    [
      "D.VIII without amount",
      aedes,
      { categories: ["D.VIII"], criteria: ["d"] },
      ["claim_required"],
    ],
    ["W2 without amount", keurmerk, { categories: ["W2"], criteria: ["W2.1"] }, ["claim_required"]],
    [
      "D.VIII € 400 (below € 500)",
      aedes,
      { categories: ["D.VIII"], criteria: ["d"], claimCents: 40_000 },
      ["claim_below_minimum"],
    ],
    [
      "A.I takes no amount",
      aedes,
      { categories: ["A.I"], criteria: ["a"], claimCents: 10_000 },
      ["claim_not_applicable"],
    ],
    [
      "D.VII takes no amount (003 §12.1)",
      aedes,
      { categories: ["D.VII"], criteria: ["a"], claimCents: 300_000 },
      ["claim_not_applicable"],
    ],
    [
      "W1 takes no amount",
      keurmerk,
      { categories: ["W1"], criteria: ["W1.1"], claimCents: 10_000 },
      ["claim_not_applicable"],
    ],
    [
      "kkr FIN takes no amount",
      kkr,
      { categories: ["FIN"], criteria: ["FIN.2"], claimCents: 80_000 },
      ["claim_not_applicable"],
    ],
    [
      "negative amount",
      aedes,
      { categories: ["D.VIII"], criteria: ["d"], claimCents: -1 },
      ["claim_invalid"],
    ],
    [
      "fractional cents",
      aedes,
      { categories: ["D.VIII"], criteria: ["d"], claimCents: 60_000.5 },
      ["claim_invalid"],
    ],
  ];
  for (const [name, profile, proposal, expected] of rows) {
    test(`${name}: ${expected.join(", ")}`, () => {
      assert.deepEqual(rulesOf(evaluate(profile, proposal)), expected);
    });
  }

  test("an amount is accepted when one chosen category takes it", () => {
    const r = ok(
      evaluate(aedes, { categories: ["A.I", "D.VIII"], criteria: ["a", "d"], claimCents: 60_000 }),
    );
    assert.equal(r.termMonths, 24);
  });
});

// ---------------------------------------------------------------------------
// Codes, status, explanation, messages
// ---------------------------------------------------------------------------

describe("codes and the shape of answers", () => {
  const rows: [string, Profile, Partial<RegistrationProposal>, string[]][] = [
    ["unknown category", aedes, { categories: ["Z.IX"], criteria: ["a"] }, ["unknown_category"]],
    [
      "another profile's category",
      aedes,
      { categories: ["W1"], criteria: ["a"] },
      ["unknown_category"],
    ],
    [
      "unknown criterion",
      aedes,
      { categories: ["A.I"], criteria: ["q"] },
      ["unknown_criterion", "criterion_missing_for_category"],
    ],
    [
      "another profile's criterion",
      keurmerk,
      { categories: ["W1"], criteria: ["a"] },
      ["unknown_criterion", "criterion_missing_for_category"],
    ],
    [
      "kkr: unknown category",
      kkr,
      { categories: ["FRAUD"], criteria: ["FIN.1"] },
      ["unknown_category"],
    ],
    ["no category", aedes, { categories: [], criteria: ["a"] }, ["category_required"]],
    ["no criterion", aedes, { categories: ["A.I"], criteria: [] }, ["criterion_required"]],
    ["nothing at all", kkr, {}, ["category_required", "criterion_required"]],
    [
      "a category twice",
      aedes,
      { categories: ["A.I", "A.I"], criteria: ["a"] },
      ["duplicate_category"],
    ],
    [
      "a criterion twice",
      aedes,
      { categories: ["A.I"], criteria: ["a", "a"] },
      ["duplicate_criterion"],
    ],
  ];
  for (const [name, profile, proposal, expected] of rows) {
    test(`${profile.id}: ${name} → ${expected.join(", ")}`, () => {
      assert.deepEqual(rulesOf(evaluate(profile, proposal)), expected);
    });
  }

  test("every violation has a snake_case rule, a message and an article", () => {
    const e = evaluate(aedes, {
      categories: ["A.I", "Z", "A.I"],
      criteria: ["d", "q"],
      claimCents: 10,
      termMonths: 0,
      placementDate: "2099-01-01",
    });
    assert.equal(e.ok, false);
    for (const v of e.ok ? [] : e.violations) {
      assert.match(v.rule, /^[a-z]+(_[a-z]+)*$/);
      assert.ok(v.message.length > 10, v.rule);
      assert.ok(v.source.trim().length > 0, v.rule);
    }
  });

  test("initial status follows twoStepPlacement: 003 and 001 inform after placement, kkr before", () => {
    assert.equal(
      ok(evaluate(aedes, { categories: ["A.I"], criteria: ["a"] })).initialStatus,
      "active",
    );
    assert.equal(
      ok(evaluate(keurmerk, { categories: ["W1"], criteria: ["W1.1"] })).initialStatus,
      "active",
    );
    assert.equal(
      ok(evaluate(kkr, { categories: ["PSY"], criteria: ["PSY.1"] })).initialStatus,
      "pending_notice",
    );
  });

  test("the explanation gives term, end date and scope in Dutch, each with its article", () => {
    const r = ok(evaluate(aedes, { categories: ["D.VIII"], criteria: ["d"], claimCents: 100_000 }));
    const rules = r.explanation.map((x) => x.rule);
    for (const rule of [
      "start_date",
      "damage_bracket",
      "term",
      "end_date",
      "scope",
      "initial_status",
    ]) {
      assert.ok(rules.includes(rule), rule);
    }
    for (const x of r.explanation) assert.ok(x.source.length > 0 && x.text.length > 0, x.rule);
    assert.match(
      r.explanation.find((x) => x.rule === "damage_bracket")?.text ?? "",
      /€ 1\.000,00.*12 maanden/,
    );
    assert.match(r.explanation.find((x) => x.rule === "scope")?.text ?? "", /corporatie/);
  });

  test("input straight from JSON with wrong types is refused, not trusted", () => {
    const e = evaluateRegistration(
      aedes,
      {
        categories: "A.I",
        criteria: null,
        placementDate: 20260501,
        claimCents: "5",
      } as unknown as RegistrationProposal,
      TODAY,
    );
    assert.deepEqual(rulesOf(e), [
      "category_required",
      "criterion_required",
      "placement_date_invalid",
      "claim_invalid",
    ]);
  });

  test("an invalid today is a programming error", () => {
    assert.throws(
      () => evaluate(aedes, { categories: ["A.I"], criteria: ["a"] }, "15-06-2026"),
      RangeError,
    );
  });
});

describe("describeProfile and termText", () => {
  test("plain data: JSON round-trips, every category lists its criteria", () => {
    for (const profile of [aedes, keurmerk, kkr]) {
      const d = describeProfile(profile);
      assert.deepEqual(JSON.parse(JSON.stringify(d)), d);
      assert.equal(d.categories.length, profile.categories.length);
      for (const c of d.categories) assert.ok(c.criteria.length > 0, `${profile.id} ${c.code}`);
      assert.equal(d.deadlines.length, Object.keys(profile.deadlines).length);
    }
    const w1 = describeProfile(keurmerk).categories.find((c) => c.code === "W1");
    assert.deepEqual(
      w1?.criteria.map((c) => c.code),
      ["W1.1", "W1.2", "W3.1", "W3.2"],
    );
    const d8 = describeProfile(aedes).categories.find((c) => c.code === "D.VIII");
    assert.deepEqual(d8?.term.brackets[0], { label: "€ 500,00 t/m € 1.000,00", termMonths: 12 });
  });

  test("terms in Dutch", () => {
    assert.equal(termText({ weeks: 4 }), "4 weken");
    assert.equal(termText({ weeks: 1 }), "1 week");
    assert.equal(termText({ workingDays: 5 }), "5 werkdagen");
    assert.equal(termText({ months: 6 }), "6 maanden");
    assert.equal(termText({ months: 1, weeks: 2 }), "1 maand en 2 weken");
  });
});
