import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type AgreementTerms,
  assessSignal,
  monthsInArrears,
  type TenancyFacts,
} from "./eligibility.ts";
import { municipalityOfPostcode, POSTCODE_MUNICIPALITIES } from "./municipalities.ts";
import { arrangementStatus, earlyWarnings } from "./prevention.ts";

const SIGNAL_DATE = "2026-06-01";
const signed: AgreementTerms = { status: "signed", minDaysLate: 30, minAmountCents: null };

function facts(over: Partial<TenancyFacts> = {}): TenancyFacts {
  return {
    arrearsCents: 90_000,
    monthlyRentCents: 80_000,
    oldestUnpaidDueDate: "2026-05-01",
    arrearsBeganOn: "2026-05-01",
    asOf: "2026-05-31",
    latestAsOf: "2026-05-31",
    events: [
      { type: "contact_attempt", date: "2026-05-10" },
      { type: "debt_help_referral", date: "2026-05-10" },
      { type: "reminder_with_sharing_offer", date: "2026-05-15" },
    ],
    onSchuldenrust: false,
    ...over,
  };
}
const codes = (f: TenancyFacts, a: AgreementTerms | null = signed, d = SIGNAL_DATE) =>
  assessSignal(f, a ?? undefined, d).reasons.map((r) =>
    r.missing ? `${r.code}:${r.missing}` : r.code,
  );

describe("eligibility for a vroegsignaal", () => {
  test("all preconditions proven, late enough, agreement signed: eligible", () => {
    const a = assessSignal(facts(), signed, SIGNAL_DATE);
    assert.equal(a.eligible, true);
    assert.equal(a.repeated, false);
    assert.equal(a.daysLate, 31);
    assert.equal(a.monthsInArrears, 2);
  });

  for (const missing of ["contact_attempt", "debt_help_referral", "reminder_with_sharing_offer"]) {
    test(`no ${missing} in the file: no signal`, () => {
      const f = facts();
      f.events = f.events.filter((e) => e.type !== missing);
      assert.deepEqual(codes(f), [`precondition_missing:${missing}`]);
    });
  }

  test("a precondition from before the arrears began does not count", () => {
    const f = facts({
      events: [
        { type: "contact_attempt", date: "2026-04-20" },
        { type: "debt_help_referral", date: "2026-05-10" },
        { type: "reminder_with_sharing_offer", date: "2026-05-15" },
      ],
    });
    assert.deepEqual(codes(f), ["precondition_missing:contact_attempt"]);
  });

  test("the tenant refused: no signal", () => {
    const f = facts();
    f.events = [...f.events, { type: "tenant_refused", date: "2026-05-20" }];
    assert.deepEqual(codes(f), ["tenant_refused"]);
  });

  test("29 days late: no signal; 30 days late: signal (default threshold)", () => {
    assert.deepEqual(
      codes(facts({ oldestUnpaidDueDate: "2026-05-03", arrearsBeganOn: "2026-05-03" })),
      ["not_late_enough"],
    );
    assert.deepEqual(
      codes(facts({ oldestUnpaidDueDate: "2026-05-02", arrearsBeganOn: "2026-05-02" })),
      [],
    );
  });

  test("the municipality's thresholds: days late and amount", () => {
    const strict: AgreementTerms = { status: "signed", minDaysLate: 60, minAmountCents: 100_000 };
    assert.deepEqual(codes(facts(), strict), ["not_late_enough", "below_amount_threshold"]);
    assert.deepEqual(codes(facts({ arrearsCents: 100_000 }), { ...strict, minDaysLate: 30 }), []);
  });

  test("no agreement, or not signed by both: no signal", () => {
    assert.deepEqual(codes(facts(), null), ["no_agreement"]);
    for (const status of ["requested", "sent", "ended"] as const) {
      assert.deepEqual(codes(facts(), { ...signed, status }), ["agreement_not_signed"]);
    }
  });

  test("a position that is not the latest, or too old, proves nothing", () => {
    assert.deepEqual(codes(facts({ latestAsOf: "2026-06-01" })), ["position_not_current"]);
    assert.deepEqual(codes(facts(), signed, "2026-07-20"), ["position_not_current"]);
  });

  test("herhaalde melding: the same arrears go again only when they have grown", () => {
    /** The usual facts (90,000 in arrears since 2026-05-01), the last signal having gone for these. */
    const after = (arrearsBeganOn: string, arrearsCents: number) =>
      facts({ lastSignal: { arrearsBeganOn, arrearsCents } });
    assert.deepEqual(codes(after("2026-05-01", 90_000)), ["already_signalled"]);
    assert.deepEqual(codes(after("2026-05-01", 95_000)), ["already_signalled"]);
    const grown = assessSignal(after("2026-05-01", 80_000), signed, SIGNAL_DATE);
    assert.equal(grown.eligible, true);
    assert.equal(grown.repeated, true);
    // New arrears after earlier ones ended: a first signal again, not a repeat.
    const fresh = assessSignal(after("2025-01-01", 200_000), signed, SIGNAL_DATE);
    assert.equal(fresh.eligible, true);
    assert.equal(fresh.repeated, false);
  });

  test("no arrears, or schuldenrust running: no signal", () => {
    assert.deepEqual(codes(facts({ arrearsCents: 0 })), ["no_arrears"]);
    assert.deepEqual(codes(facts({ onSchuldenrust: true })), ["on_collection_hold"]);
  });

  test("months in arrears: whole rents, a part month counts", () => {
    assert.equal(monthsInArrears(80_000, 80_000), 1);
    assert.equal(monthsInArrears(80_001, 80_000), 2);
    assert.equal(monthsInArrears(0, 80_000), 0);
  });
});

describe("municipality table", () => {
  test("ranges are disjoint and derive a code from a postcode", () => {
    const sorted = [...POSTCODE_MUNICIPALITIES].sort((a, b) => a.from - b.from);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i]!.from > sorted[i - 1]!.to);
    assert.equal(municipalityOfPostcode("9901 AB")?.municipalityCode, "1979");
    assert.equal(municipalityOfPostcode("1012ab")?.municipalityCode, "0363");
    assert.equal(municipalityOfPostcode("7411 AB"), undefined);
    assert.equal(municipalityOfPostcode("B-1000"), undefined);
  });
});

describe("prevention rules", () => {
  const inst = (dueDate: string, amountCents: number, paidCents: number) => ({
    seq: 1,
    dueDate,
    amountCents,
    paidCents,
    paidOn: null,
  });
  test("arrangement: on track, broken after the grace days, kept when all is paid", () => {
    assert.equal(arrangementStatus([inst("2026-06-01", 100, 0)], "2026-06-08").status, "on_track");
    assert.equal(arrangementStatus([inst("2026-06-01", 100, 50)], "2026-06-09").status, "broken");
    assert.equal(arrangementStatus([inst("2026-06-01", 100, 100)], "2026-06-09").status, "kept");
  });
  test("early warnings: each rule with its facts", () => {
    const p = (asOf: string, arrearsCents: number, lastPaymentDate: string | null) => ({
      asOf,
      arrearsCents,
      monthlyRentCents: 80_000,
      lastPaymentDate,
    });
    const rules = earlyWarnings(
      [
        p("2026-02-28", 0, "2026-02-01"),
        p("2026-03-31", 20_000, "2026-03-03"),
        p("2026-04-30", 40_000, "2026-04-08"),
        p("2026-05-31", 60_000, "2026-05-15"),
      ],
      true,
    ).map((r) => r.rule);
    assert.deepEqual(rules, [
      "paying_later",
      "partial_payments",
      "growing_arrears",
      "broken_arrangement",
    ]);
    assert.deepEqual(earlyWarnings([p("2026-05-31", 0, "2026-05-01")], false), []);
  });
});
