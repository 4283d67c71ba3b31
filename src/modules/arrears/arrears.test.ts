/**
 * Vroegsignalering through the API on the demo region: import, preconditions, the monthly
 * run, deliveries, feedback and schuldenrust, prevention, retention — and that the register
 * never changes, however the arrears data look (design.md §2.8).
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { after, before, describe, test } from "node:test";
import type { DemoRegion } from "../../demo/demo-region.ts";
import type { App } from "../../platform/context.ts";
import type { TestContext } from "../../testing/context.ts";
import { createDemoApp, demoKeys } from "../../testing/demo-app.ts";
import {
  apiCalls,
  assertRefused,
  bearer,
  placeRegistrationThroughApi,
} from "../../testing/http.ts";
import { tablesSnapshot } from "../../testing/snapshot.ts";
import { parsePositionsCsv } from "./import.ts";

let ctx: TestContext;
let app: App;
let demo: DemoRegion;
let officerA: Record<string, string>;
let officerB: Record<string, string>;
let admin: Record<string, string>;

const ASOF = "2026-05-31";
const TODAY = "2026-06-01";

function item(ref: string, over: Record<string, unknown> = {}) {
  return {
    tenancyRef: ref,
    person: {
      initials: "J.",
      prefix: "van",
      surname: `Huurder${ref.replaceAll(/[^A-Za-z]/g, "")}`,
      birthDate: "1980-02-03",
      email: `${ref.toLowerCase()}@example.org`,
    },
    address: {
      street: "Lindelaan",
      houseNumber: "12",
      houseNumberAddition: "B",
      postcode: "9901 AB",
      city: "Lindendal",
    },
    phone: "+31 6 1234 5678",
    monthlyRentCents: 80_000,
    arrearsCents: 90_000,
    oldestUnpaidDueDate: "2026-05-01",
    ...over,
  };
}

const ALL_EVENTS = [
  { type: "contact_attempt", date: "2026-05-10", channel: "phone" },
  { type: "debt_help_referral", date: "2026-05-10" },
  { type: "reminder_with_sharing_offer", date: "2026-05-15" },
];

const { call } = apiCalls(() => app);

async function importJson(asOf: string, items: unknown[], headers = officerA) {
  const res = await call("POST", "/api/v1/arrears/positions", headers, { asOf, items });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as {
    imported: number;
    rejected: number;
    errors: { line: number; code: string }[];
  };
}

const registerSnapshot = () =>
  tablesSnapshot(ctx, [
    "registration",
    "registration_blind_index",
    "seeker",
    "seeker_blind_index",
    "seeker_match",
    "seeker_block",
    "notification_duty",
  ]);

let registerBefore: string;

before(async () => {
  ({ ctx, app, demo } = await createDemoApp({ today: TODAY }));
  ({ officerA, officerB, admin } = demoKeys(demo));
  // A registration in the register, to see that it stays exactly as it is.
  await placeRegistrationThroughApi(app, officerA, {
    person: { initials: "J.", prefix: "van", surname: "HuurderTA", birthDate: "1980-02-03" },
    categories: ["A.I"],
    criteria: ["a"],
    placementDate: "2026-05-01",
  });
  registerBefore = await registerSnapshot();
});

after(async () => {
  await app?.close();
  await ctx?.close();
});

describe("agreements", () => {
  test("PUT an agreement; signals go only where it is signed", async () => {
    const res = await call("PUT", "/api/v1/arrears/agreements/1979", officerA, {
      status: "signed",
      reportingPoint: "ris",
      deliveryWindow: { fromDay: 1, toDay: 10 },
      contactPerson: { name: "A. Contact", email: "vroegsignalering@gemeente.example" },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().minDaysLate, 30);
    assert.equal(res.json().signalsAllowed, true);
    const sent = await call("PUT", "/api/v1/arrears/agreements/0363", officerA, {
      status: "sent",
      reportingPoint: "vps",
    });
    assert.equal(sent.json().signalsAllowed, false);
    const bad = await call("PUT", "/api/v1/arrears/agreements/0363", officerA, {
      status: "signed",
      reportingPoint: "vps",
      remarks: "free text",
    });
    assertRefused(bad, 400, "unknown_field");
    const code = await call("PUT", "/api/v1/arrears/agreements/GM363", officerA, {
      status: "signed",
      reportingPoint: "vps",
    });
    assert.equal(code.statusCode, 400);
    // The consortium admin acts for a landlord with onBehalfOf; without it, 422.
    const noLandlord = await call("GET", "/api/v1/arrears/agreements", admin);
    assertRefused(noLandlord, 422, "landlord_required");
    const onBehalf = await call(
      "GET",
      `/api/v1/arrears/agreements?onBehalfOf=${demo.organisations[0]!.id}`,
      admin,
    );
    assert.equal(onBehalf.statusCode, 200);
    assert.equal(onBehalf.json().items.length, 2);
    const otherOfficer = await call(
      "GET",
      `/api/v1/arrears/agreements?onBehalfOf=${demo.organisations[0]!.id}`,
      officerB,
    );
    assert.equal(otherOfficer.statusCode, 403);
  });
});

describe("position import", () => {
  test("JSON: good lines imported, each bad line reported with its number and code, none half-imported", async () => {
    const r = await importJson(ASOF, [
      item("T-OK", { events: ALL_EVENTS }),
      item("T-UNKNOWN-FIELD", { note: "free text" }),
      item("T-NO-DATE", { oldestUnpaidDueDate: undefined }),
      item("T-NOWHERE", {
        address: { street: "Markt", houseNumber: "1", postcode: "7411 AB", city: "Deventer" },
      }),
      item("T-OK"),
      item("T-FUTURE", { oldestUnpaidDueDate: "2026-06-15" }),
      item("T-NAME", { person: { initials: "J.", surname: "Jansen; reason: nuisance" } }),
    ]);
    assert.equal(r.imported, 1);
    assert.equal(r.rejected, 6);
    assert.deepEqual(
      r.errors.map((e) => [e.line, e.code]),
      [
        [2, "unknown_field"],
        [3, "oldest_unpaid_due_date_required"],
        [4, "municipality_unknown"],
        [5, "duplicate_tenancy_ref"],
        [6, "due_date_after_position"],
        [7, "invalid_input"],
      ],
    );
    for (const ref of ["T-UNKNOWN-FIELD", "T-NO-DATE", "T-NOWHERE", "T-FUTURE", "T-NAME"]) {
      const res = await call("GET", `/api/v1/arrears/tenancies/${ref}`, officerA);
      assert.equal(res.statusCode, 404, ref);
    }
    const ok = await call("GET", "/api/v1/arrears/tenancies/T-OK", officerA);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().municipalityCode, "1979");
    assert.equal(ok.json().municipalityDerived, true);
    assert.equal(ok.json().events.length, 3);
    // Another landlord does not see it.
    assert.equal((await call("GET", "/api/v1/arrears/tenancies/T-OK", officerB)).statusCode, 404);
  });

  test("personal data is stored encrypted", async () => {
    const rows = await ctx.database.query<{ person_ciphertext: string }>(
      "SELECT person_ciphertext FROM arrears_tenancy",
    );
    assert.ok(rows.length > 0);
    for (const r of rows) {
      assert.ok(r.person_ciphertext.startsWith("ws1."));
      assert.ok(!r.person_ciphertext.includes("Huurder"));
    }
  });

  test("CSV (streamed): line numbers, codes, and the whole file refused for unknown columns", async () => {
    const header =
      "tenancyRef,initials,prefix,surname,birthDate,email,phone,street,houseNumber,houseNumberAddition,postcode,city,municipalityCode,monthlyRentCents,arrearsCents,oldestUnpaidDueDate,contactAttemptDate,contactAttemptChannel,debtHelpReferralDate,reminderWithSharingOfferDate,tenantRefusedDate";
    const csv = [
      header,
      "C-1,P.,,Csvhuurder,1970-01-01,c1@example.org,0612345678,Kadeweg,3,,9902 BB,Havenstad,,80000,170000,2026-04-01,2026-04-10,visit,2026-04-10,2026-04-20,",
      "C-2,P.,,Csvhuurder,1970-01-01,,,Kadeweg,3,,9902 BB,Havenstad,,80000,abc,2026-04-01,,,,,",
      "C-3,P.,,Csvhuurder,,,,Kadeweg,3,,9902 BB,Havenstad,1234,80000,85000,2026-05-01,2026-05-05,phone,2026-05-05,2026-05-06,2026-05-07",
      "C-4,too,few",
    ].join("\n");
    const res = await call(
      "POST",
      `/api/v1/arrears/positions?asOf=${ASOF}`,
      { ...officerA, "content-type": "text/csv" },
      csv,
    );
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.imported, 2);
    assert.deepEqual(
      body.errors.map((e: { line: number; code: string }) => [e.line, e.code]),
      [
        [3, "invalid_input"],
        [5, "wrong_column_count"],
      ],
    );
    const unknownColumn = await call(
      "POST",
      `/api/v1/arrears/positions?asOf=${ASOF}`,
      { ...officerA, "content-type": "text/csv" },
      `${header},remarks\n`,
    );
    assertRefused(unknownColumn, 400, "unknown_column");
    const noAsOf = await call(
      "POST",
      "/api/v1/arrears/positions",
      { ...officerA, "content-type": "text/csv" },
      csv,
    );
    assert.equal(noAsOf.json().error.code, "as_of_required");
  });

  test("the CSV parser reads a stream record by record and counts physical lines", async () => {
    const parsed = await parsePositionsCsv(
      Readable.from([
        "tenancyRef,initials,surname,street,houseNumber,postcode,city,monthlyRentCents,arrearsCents,oldestUnpaidDueDate\n",
        'S-1,A.,Stroom,"Lange\nstraat",1,9901 AA,X,100,0,\n',
        "S-2,A.,Stroom,Straat,1,9901 AA,X,100,-5,\n",
      ]),
      ASOF,
    );
    assert.equal(parsed.lines.length, 0);
    // S-1 starts on line 2 (its quoted street runs on to line 3); S-2 is line 4.
    assert.deepEqual(
      parsed.errors.summary().errors.map((e) => [e.line, e.code]),
      [
        [2, "invalid_input"],
        [4, "invalid_input"],
      ],
    );
  });

  test("an older position than the one on file is refused for that line", async () => {
    const r = await importJson("2026-04-30", [item("T-OK", { oldestUnpaidDueDate: "2026-04-01" })]);
    assert.equal(r.imported, 0);
    assert.equal(r.errors[0]!.code, "position_older_than_current");
  });
});

describe("preconditions, the monthly run and deliveries", () => {
  test("events through the API; bad ones refused with stable codes", async () => {
    await importJson(ASOF, [
      item("T-OK", { events: ALL_EVENTS }),
      item("T-MISSING"),
      item("T-REFUSED", {
        events: [...ALL_EVENTS, { type: "tenant_refused", date: "2026-05-20" }],
      }),
      item("T-29", { oldestUnpaidDueDate: "2026-05-03", events: ALL_EVENTS }),
      item("T-30", { oldestUnpaidDueDate: "2026-05-02", events: ALL_EVENTS }),
      item("T-AMS", {
        address: { street: "Dam", houseNumber: "1", postcode: "1012 JS", city: "Amsterdam" },
        events: ALL_EVENTS,
      }),
    ]);
    const res = await call("POST", "/api/v1/arrears/tenancies/T-MISSING/events", officerA, {
      type: "contact_attempt",
      date: "2026-05-12",
      channel: "visit",
    });
    assert.equal(res.statusCode, 201, res.body);
    const future = await call("POST", "/api/v1/arrears/tenancies/T-MISSING/events", officerA, {
      type: "debt_help_referral",
      date: "2026-07-01",
    });
    assert.equal(future.json().error.code, "date_in_future");
    const channel = await call("POST", "/api/v1/arrears/tenancies/T-MISSING/events", officerA, {
      type: "debt_help_referral",
      date: "2026-05-12",
      channel: "visit",
    });
    assert.equal(channel.json().error.code, "channel_not_applicable");
    const unknown = await call("POST", "/api/v1/arrears/tenancies/NOPE/events", officerA, {
      type: "debt_help_referral",
      date: "2026-05-12",
    });
    assert.equal(unknown.statusCode, 404);
  });

  test("the worklist names what is missing, without names", async () => {
    const res = await call("GET", "/api/v1/arrears/worklist", officerA);
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as {
      tenancyRef: string;
      task: string;
      details: { missing?: string[] };
    }[];
    const of = (ref: string) => items.filter((i) => i.tenancyRef === ref).map((i) => i.task);
    assert.deepEqual(of("T-OK"), ["signal_due"]);
    assert.deepEqual(of("T-MISSING"), ["preconditions_missing"]);
    assert.deepEqual(items.find((i) => i.tenancyRef === "T-MISSING")!.details.missing, [
      "debt_help_referral",
      "reminder_with_sharing_offer",
    ]);
    assert.deepEqual(of("T-REFUSED"), ["tenant_refused"]);
    assert.deepEqual(of("T-29"), []);
    assert.deepEqual(of("T-AMS"), ["agreement_needed"]);
    assert.ok(!res.body.includes("Huurder"));
  });

  test("the arrears-signals job: one delivery per municipality with the eligible tenants only", async () => {
    const outcome = await ctx.services.arrears.runMonthlySignals(TODAY);
    assert.equal(outcome.deliveries, 1);
    const res = await call("GET", "/api/v1/arrears/deliveries?month=2026-06", officerA);
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items;
    assert.equal(items.length, 1);
    assert.equal(items[0].municipalityCode, "1979");
    const refs = items[0].signals.map((s: { tenancyRef: string }) => s.tenancyRef).sort();
    // C-1 (from the CSV, postcode 9902, preconditions in its columns) is eligible too.
    assert.deepEqual(refs, ["C-1", "T-30", "T-OK"]);
    const ok = items[0].signals.find((s: { tenancyRef: string }) => s.tenancyRef === "T-OK");
    assert.equal(ok.arrearsCents, 90_000);
    assert.equal(ok.monthsInArrears, 2);
    assert.equal(ok.repeated, false);
    assert.ok(!res.body.includes("Huurder"), "the list carries no personal data");
    // Running again in the same month adds nothing.
    const again = await ctx.services.arrears.runMonthlySignals(TODAY);
    assert.equal(again.deliveries, 0);
    // Other landlords see nothing.
    const b = await call("GET", "/api/v1/arrears/deliveries?month=2026-06", officerB);
    assert.deepEqual(b.json().items, []);
    assert.equal(
      (await call("GET", `/api/v1/arrears/deliveries/${items[0].id}/csv`, officerB)).statusCode,
      404,
    );
  });

  test("the delivery as CSV and JSON, with every signal field", async () => {
    const list = (await call("GET", "/api/v1/arrears/deliveries?month=2026-06", officerA)).json();
    const id = list.items[0].id;
    const csv = await call("GET", `/api/v1/arrears/deliveries/${id}/csv`, officerA);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers["content-type"]), /^text\/csv/);
    assert.match(String(csv.headers["content-disposition"]), /vroegsignalen-ris-1979-2026-06\.csv/);
    const [header, ...rows] = csv.body.trim().split("\r\n");
    assert.equal(
      header,
      "reference,initials,prefix,surname,birthDate,street,houseNumber,houseNumberAddition,postcode,city,phone,email,arrearsAmount,monthsInArrears,arrearsBeganOn,signalDate,repeatedSignal,landlordName,landlordKvk",
    );
    const okRow = rows.find((r) => r.startsWith("T-OK,"))!;
    assert.equal(
      okRow,
      "T-OK,J.,van,HuurderTOK,1980-02-03,Lindelaan,12,B,9901 AB,Lindendal,+31 6 1234 5678,t-ok@example.org,900.00,2,2026-05-01,2026-06-01,no,Woonstichting De Linde (demo),99000011",
    );
    const json = await call("GET", `/api/v1/arrears/deliveries/${id}`, officerA);
    assert.equal(json.statusCode, 200);
    assert.equal(json.json().landlord.kvk, "99000011");
    assert.equal(json.json().signals.length, 3);
    // Reading personal data is audited.
    const audit = await ctx.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'arrears.delivery_read'",
    );
    assert.equal(audit[0]!.n, 2);
  });

  test("the documented CSV columns match the adapter", () => {
    const doc = readFileSync(
      path.join(import.meta.dirname, "../../../docs/vroegsignalering.md"),
      "utf8",
    );
    for (const column of [
      "reference",
      "initials",
      "arrearsAmount",
      "monthsInArrears",
      "arrearsBeganOn",
      "signalDate",
      "repeatedSignal",
      "landlordKvk",
    ]) {
      assert.ok(doc.includes(`| \`${column}\``), `docs/vroegsignalering.md documents ${column}`);
    }
  });

  test("herhaalde melding: next month only the tenant whose arrears grew is signalled again", async () => {
    ctx.clock.set("2026-07-01");
    await importJson("2026-06-30", [
      item("T-OK", { arrearsCents: 170_000 }),
      item("T-30", { oldestUnpaidDueDate: "2026-05-02" }),
    ]);
    await ctx.services.arrears.runMonthlySignals("2026-07-01");
    const res = await call("GET", "/api/v1/arrears/deliveries?month=2026-07", officerA);
    const signals = res.json().items[0].signals;
    assert.deepEqual(
      signals.map((s: { tenancyRef: string; repeated: boolean }) => [s.tenancyRef, s.repeated]),
      [["T-OK", true]],
    );
  });
});

describe("feedback and the collection hold", () => {
  test("feedback: unknown or unsignalled tenancies are reported per line", async () => {
    const res = await call("POST", "/api/v1/arrears/feedback", officerA, {
      municipalityCode: "1979",
      items: [
        { tenancyRef: "T-NOPE", outcome: "no_contact", date: "2026-07-01" },
        { tenancyRef: "T-MISSING", outcome: "no_contact", date: "2026-07-01" },
        { tenancyRef: "T-30", outcome: "help_declined", date: "2026-06-20" },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      res.json().errors.map((e: { line: number; code: string }) => [e.line, e.code]),
      [
        [1, "unknown_tenancy"],
        [2, "not_signalled"],
      ],
    );
    assert.equal(res.json().recorded, 1);
    const badOutcome = await call("POST", "/api/v1/arrears/feedback", officerA, {
      municipalityCode: "1979",
      items: [{ tenancyRef: "T-30", outcome: "evicted", date: "2026-06-20" }],
    });
    assert.equal(badOutcome.statusCode, 400);
    // Not on hold: regular collection continues (002 step 4).
    const hold = await call("GET", "/api/v1/arrears/tenancies/T-30/collection-hold", officerA);
    assert.deepEqual(hold.json(), { onHold: false });
  });

  test("help_accepted starts 30 days of schuldenrust from the feedback date", async () => {
    const res = await call("POST", "/api/v1/arrears/feedback", officerA, {
      municipalityCode: "1979",
      items: [{ tenancyRef: "T-OK", outcome: "help_accepted", date: "2026-07-01" }],
    });
    assert.equal(res.json().recorded, 1, res.body);
    const url = "/api/v1/arrears/tenancies/T-OK/collection-hold";
    assert.deepEqual((await call("GET", url, officerA)).json(), {
      onHold: true,
      until: "2026-07-31",
      reason: "help_accepted",
    });
    ctx.clock.set("2026-07-31");
    assert.equal((await call("GET", url, officerA)).json().onHold, true);
    ctx.clock.set("2026-08-01");
    assert.deepEqual((await call("GET", url, officerA)).json(), { onHold: false });
    ctx.clock.set("2026-07-01");
    const worklist = (await call("GET", "/api/v1/arrears/worklist", officerA)).json();
    assert.ok(
      worklist.items.some(
        (i: { tenancyRef: string; task: string }) =>
          i.tenancyRef === "T-OK" && i.task === "collection_hold",
      ),
    );
    // No new signal for it while schuldenrust runs.
    const file = (await call("GET", "/api/v1/arrears/tenancies/T-OK", officerA)).json();
    assert.ok(file.signal.reasons.some((r: { code: string }) => r.code === "on_collection_hold"));
  });

  test("a position showing new rent unpaid ends the hold early, with the reason on the worklist", async () => {
    ctx.clock.set("2026-07-15");
    await importJson("2026-07-14", [item("T-OK", { arrearsCents: 250_000 })]);
    const hold = await call("GET", "/api/v1/arrears/tenancies/T-OK/collection-hold", officerA);
    assert.deepEqual(hold.json(), { onHold: false, reason: "hold_ended_new_rent_unpaid" });
    const worklist = (await call("GET", "/api/v1/arrears/worklist", officerA)).json();
    const ended = worklist.items.find(
      (i: { tenancyRef: string; task: string }) =>
        i.tenancyRef === "T-OK" && i.task === "hold_ended_early",
    );
    assert.ok(ended);
    assert.equal(ended.details.reason, "new_rent_unpaid");
  });

  test("a position with the same or less arrears keeps the hold", async () => {
    await importJson("2026-07-14", [item("T-30", { oldestUnpaidDueDate: "2026-05-02" })]);
    ctx.services.arrears; // (T-30 had no hold; the feedback above was help_declined)
    const res = await call("POST", "/api/v1/arrears/feedback", officerA, {
      municipalityCode: "1979",
      items: [{ tenancyRef: "T-30", outcome: "help_accepted", date: "2026-07-15" }],
    });
    assert.equal(res.json().recorded, 1);
    ctx.clock.set("2026-08-05");
    await importJson("2026-08-04", [
      item("T-30", { oldestUnpaidDueDate: "2026-05-02", arrearsCents: 60_000 }),
    ]);
    const hold = await call("GET", "/api/v1/arrears/tenancies/T-30/collection-hold", officerA);
    assert.deepEqual(hold.json(), { onHold: true, until: "2026-08-14", reason: "help_accepted" });
  });
});

describe("prevention toolkit (004)", () => {
  test("pause button, measures, an arrangement that breaks, early warnings and the dashboard", async () => {
    ctx.clock.set("2026-08-05");
    const pause = await call("POST", "/api/v1/arrears/tenancies/T-MISSING/pause", officerA, {
      from: "2026-08-05",
      until: "2026-09-04",
      reason: "income_loss",
    });
    assert.equal(pause.statusCode, 201, pause.body);
    assert.deepEqual(
      (await call("GET", "/api/v1/arrears/tenancies/T-MISSING/collection-hold", officerA)).json(),
      { onHold: true, until: "2026-09-04", reason: "pause_income_loss" },
    );
    const tooLong = await call("POST", "/api/v1/arrears/tenancies/T-MISSING/pause", officerA, {
      from: "2026-08-05",
      until: "2026-12-31",
      reason: "income_loss",
    });
    assert.equal(tooLong.json().error.code, "pause_too_long");
    const end = await call("DELETE", "/api/v1/arrears/tenancies/T-MISSING/pause", officerA);
    assert.equal(end.statusCode, 204);
    assert.equal(
      (await call("GET", "/api/v1/arrears/tenancies/T-MISSING/collection-hold", officerA)).json()
        .onHold,
      false,
    );

    for (const body of [
      { kind: "pre_due_reminder", date: "2026-08-01", daysBeforeDue: 3, channel: "sms" },
      { kind: "debit_date_aligned", date: "2026-08-01", debitDay: 25, incomeDay: 24 },
      {
        kind: "rent_reduction",
        date: "2026-08-01",
        monthlyReductionCents: 5000,
        from: "2026-09-01",
      },
      { kind: "arrears_forgiven", date: "2026-08-01", amountCents: 10_000 },
      { kind: "budget_coaching_referral", date: "2026-08-01" },
    ]) {
      const res = await call(
        "POST",
        "/api/v1/arrears/tenancies/T-MISSING/measures",
        officerA,
        body,
      );
      assert.equal(res.statusCode, 201, res.body);
    }
    const freeText = await call("POST", "/api/v1/arrears/tenancies/T-MISSING/measures", officerA, {
      kind: "budget_coaching_referral",
      date: "2026-08-01",
      note: "drinks",
    });
    assert.equal(freeText.statusCode, 400);

    const arrangement = await call(
      "POST",
      "/api/v1/arrears/tenancies/T-MISSING/arrangements",
      officerA,
      {
        agreedOn: "2026-08-01",
        instalments: [
          { dueDate: "2026-08-10", amountCents: 30_000 },
          { dueDate: "2026-09-10", amountCents: 30_000 },
        ],
      },
    );
    assert.equal(arrangement.statusCode, 201, arrangement.body);
    assert.equal(arrangement.json().status, "on_track");
    const id = arrangement.json().id;
    const paid = await call("POST", `/api/v1/arrears/arrangements/${id}/payments`, officerA, {
      date: "2026-08-09",
      amountCents: 30_000,
    });
    assert.equal(paid.json().instalmentsPaid, 1);
    const over = await call("POST", `/api/v1/arrears/arrangements/${id}/payments`, officerA, {
      date: "2026-08-09",
      amountCents: 40_000,
    });
    assert.equal(over.json().error.code, "payment_exceeds_arrangement");
    assert.equal(
      (
        await call("POST", `/api/v1/arrears/arrangements/${id}/payments`, officerB, {
          date: "2026-08-09",
          amountCents: 1,
        })
      ).statusCode,
      404,
    );
    // The September instalment is not paid: broken after the grace days.
    ctx.clock.set("2026-09-20");
    const warnings = (await call("GET", "/api/v1/arrears/early-warnings", officerA)).json();
    const alert = warnings.items.find((i: { tenancyRef: string }) => i.tenancyRef === "T-MISSING");
    assert.ok(alert, JSON.stringify(warnings));
    const broken = alert.alerts.find((a: { rule: string }) => a.rule === "broken_arrangement");
    assert.ok(broken.explanation.length > 10, "each alert shows its rule");
    const worklist = (await call("GET", "/api/v1/arrears/worklist", officerA)).json();
    assert.ok(worklist.items.some((i: { task: string }) => i.task === "arrangement_broken"));

    const dashboard = await call("GET", "/api/v1/arrears/dashboard", officerA);
    assert.equal(dashboard.statusCode, 200, dashboard.body);
    const d = dashboard.json();
    assert.ok(d.inArrears.tenancies >= 5);
    assert.equal(d.arrangements.broken, 1);
    assert.equal(d.measures.pre_due_reminder, 1);
    assert.ok(d.signals.length >= 2);
    assert.equal(d.outcomes.help_accepted, 2);
    assert.ok(!dashboard.body.includes("T-"), "no references on the overview");
    assert.ok(!dashboard.body.includes("Huurder"), "no names on the overview");
  });
});

describe("vroegsignalering never feeds the register (design.md §2.8)", () => {
  test("after every arrears operation above, the register is exactly as it was", async () => {
    assert.equal(await registerSnapshot(), registerBefore);
    // The arrears tenant with the registered person's name and birth date is no hit because of it.
    const querier = bearer(demo.organisations[1]!.apiKeys.querier);
    const before = await call("POST", "/api/v1/screenings", querier, {
      person: { initials: "J.", surname: "HuurderTOK", birthDate: "1980-02-03" },
      purpose: "allocation",
    });
    assert.equal(before.statusCode, 200, before.body);
    assert.equal(before.json().hit, false);
  });
  // That no code path joins them (no import either way) is a dependency rule:
  // .dependency-cruiser.cjs, "register-does-not-import-arrears" and its converse (npm run deps).
});

describe("retention (docs/retention.md)", () => {
  test("12 months after the arrears ended, the tenancy, its signals and feedback are erased", async () => {
    ctx.clock.set("2026-09-20");
    // T-30's arrears end (a position with no arrears).
    await importJson("2026-09-19", [item("T-30", { arrearsCents: 0, oldestUnpaidDueDate: null })]);
    const early = await ctx.services.arrears.eraseExpiredArrears("2027-09-18");
    assert.equal(
      (await call("GET", "/api/v1/arrears/tenancies/T-30", officerA)).statusCode,
      200,
      `kept until 12 months have passed ${JSON.stringify(early)}`,
    );
    const result = await ctx.services.arrears.eraseExpiredArrears("2027-09-19");
    assert.ok(result.tenancies >= 1, JSON.stringify(result));
    ctx.clock.set("2027-09-19");
    assert.equal((await call("GET", "/api/v1/arrears/tenancies/T-30", officerA)).statusCode, 404);
    const signals = await ctx.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM arrears_signal WHERE tenancy_ref = 'T-30'",
    );
    assert.equal(signals[0]!.n, 0);
    // The June delivery held T-30 and T-OK: T-OK's tenancy was not mentioned since 2026-07-14,
    // so it went too; the delivery files are erased once empty.
    const deliveries = await ctx.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM arrears_delivery",
    );
    assert.equal(deliveries[0]!.n, 0);
    assert.equal(await registerSnapshot(), registerBefore);
  });

  test("a rewritten delivery keeps only the signals that remain", async () => {
    // Both tenants were contacted, referred to debt help and reminded with the offer to share.
    const stepsTaken = [
      { type: "contact_attempt", date: "2027-08-10" },
      { type: "debt_help_referral", date: "2027-08-10" },
      { type: "reminder_with_sharing_offer", date: "2027-08-15" },
    ];
    ctx.clock.set("2027-10-01");
    await importJson("2027-09-30", [
      item("R-1", { oldestUnpaidDueDate: "2027-08-01", events: stepsTaken }),
      item("R-2", { oldestUnpaidDueDate: "2027-08-01", events: stepsTaken }),
    ]);
    await ctx.services.arrears.runMonthlySignals("2027-10-01");
    // R-1's arrears end; R-2's continue.
    ctx.clock.set("2027-11-01");
    await importJson("2027-10-31", [
      item("R-1", { arrearsCents: 0, oldestUnpaidDueDate: null }),
      item("R-2", { oldestUnpaidDueDate: "2027-08-01" }),
    ]);
    for (const m of ["2028-01", "2028-04", "2028-07", "2028-10"]) {
      ctx.clock.set(`${m}-01`);
      await importJson(`${m}-01`, [item("R-2", { oldestUnpaidDueDate: "2027-08-01" })]);
    }
    const result = await ctx.services.arrears.eraseExpiredArrears("2028-11-01");

    assert.equal(result.deliveriesRewritten, 1, JSON.stringify(result));
    ctx.clock.set("2028-11-01");
    const list = (await call("GET", "/api/v1/arrears/deliveries?month=2027-10", officerA)).json();
    assert.equal(list.items.length, 1);
    const doc = (
      await call("GET", `/api/v1/arrears/deliveries/${list.items[0].id}`, officerA)
    ).json();
    assert.deepEqual(
      doc.signals.map((s: { tenancyRef: string }) => s.tenancyRef),
      ["R-2"],
    );
  });
});
