/**
 * The municipality's feedback as CSV on the API (issue #11): streamed, each bad line reported
 * with its physical line number, good lines written together and a bad line not at all — the
 * same rule as the JSON path and the position import. `help_accepted` starts the hold.
 */

import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { after, before, describe, test } from "node:test";
import type { DemoRegion } from "../../demo/demo-region.ts";
import type { App } from "../../platform/context.ts";
import type { TestContext } from "../../testing/context.ts";
import { createDemoApp } from "../../testing/demo-app.ts";
import { apiRequest, assertRefused, bearer } from "../../testing/http.ts";
import { parseFeedbackCsv } from "./import.ts";

let ctx: TestContext;
let app: App;
let demo: DemoRegion;
let officerA: Record<string, string>;

const TODAY = "2026-06-01";
const EVENTS = [
  { type: "contact_attempt", date: "2026-05-10", channel: "phone" },
  { type: "debt_help_referral", date: "2026-05-10" },
  { type: "reminder_with_sharing_offer", date: "2026-05-15" },
];

function item(ref: string) {
  return {
    tenancyRef: ref,
    person: { initials: "F.", surname: `Terugmelding${ref.replaceAll(/[^A-Za-z]/g, "")}` },
    address: { street: "Kerkpad", houseNumber: "4", postcode: "9901 AB", city: "Lindendal" },
    monthlyRentCents: 70_000,
    arrearsCents: 140_000,
    oldestUnpaidDueDate: "2026-04-01",
    events: EVENTS,
  };
}

function postCsv(csv: string, query = "?municipalityCode=1979", headers = officerA) {
  return apiRequest(
    app,
    "POST",
    `/api/v1/arrears/feedback${query}`,
    { ...headers, "content-type": "text/csv" },
    csv,
  );
}

async function feedbackRows() {
  const rows = await ctx.database.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM arrears_feedback",
  );
  return rows[0]!.n;
}

async function holdOf(ref: string) {
  const res = await apiRequest(
    app,
    "GET",
    `/api/v1/arrears/tenancies/${ref}/collection-hold`,
    officerA,
  );
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

before(async () => {
  ({ ctx, app, demo } = await createDemoApp({ today: TODAY }));
  officerA = bearer(demo.organisations[0]!.apiKeys.officer);
  const agreement = await apiRequest(app, "PUT", "/api/v1/arrears/agreements/1979", officerA, {
    status: "signed",
    reportingPoint: "ris",
  });
  assert.equal(agreement.statusCode, 200, agreement.body);
  const imported = await apiRequest(app, "POST", "/api/v1/arrears/positions", officerA, {
    asOf: "2026-05-31",
    items: ["F-1", "F-2", "F-3", "F-4"].map(item),
  });
  assert.equal(imported.json().imported, 4, imported.body);
  const run = await ctx.services.arrears.runMonthlySignals(TODAY);
  assert.equal(run.signals, 4);
  ctx.clock.set("2026-06-20");
});

after(async () => {
  await app?.close();
  await ctx?.close();
});

describe("feedback as CSV", () => {
  test("a good file: every line recorded, help_accepted starts 30 days of schuldenrust", async () => {
    const res = await postCsv(
      "tenancyRef,outcome,date\r\nF-1,help_accepted,2026-06-15\r\nF-2,no_contact,2026-06-16\r\n",
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      recorded: 2,
      duplicates: 0,
      rejected: 0,
      errors: [],
      lines: 2,
      errorCount: 0,
      errorsByCode: {},
    });
    assert.deepEqual(await holdOf("F-1"), {
      onHold: true,
      until: "2026-07-15",
      reason: "help_accepted",
    });
    assert.deepEqual(await holdOf("F-2"), { onHold: false });
    const worklist = await apiRequest(app, "GET", "/api/v1/arrears/worklist", officerA);
    const tasks = worklist
      .json()
      .items.map((i: { tenancyRef: string; task: string }) => `${i.tenancyRef}:${i.task}`);
    assert.ok(tasks.includes("F-1:collection_hold"), tasks.join(" "));
    assert.ok(tasks.includes("F-2:feedback_received"), tasks.join(" "));
    // The same file again: nothing new, counted as duplicates.
    const again = await postCsv(
      "tenancyRef,outcome,date\nF-1,help_accepted,2026-06-15\nF-2,no_contact,2026-06-16\n",
    );
    assert.deepEqual(again.json(), {
      recorded: 0,
      duplicates: 2,
      rejected: 0,
      errors: [],
      lines: 2,
      errorCount: 0,
      errorsByCode: {},
    });
  });

  test("bad lines: reported with their physical line numbers and written not at all", async () => {
    const before = await feedbackRows();
    const csv = [
      "date,outcome,tenancyRef", // any column order
      "2026-06-17,paid_or_arranged,F-3",
      "2026-06-17,evicted,F-4",
      "2026-06-17,help_accepted,F-NOPE",
      "2026-06-17,help_accepted",
      '"2026-06-17","help_accepted","F-4',
      '"",help_accepted,F-4"',
      "2099-01-01,help_accepted,F-4",
      "2026-05-01,help_accepted,F-4",
    ].join("\n");
    const res = await postCsv(csv);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(
      body.errors.map((e: { line: number; code: string }) => [e.line, e.code]),
      [
        [3, "invalid_input"],
        [4, "unknown_tenancy"],
        [5, "wrong_column_count"],
        // A quoted cell over two physical lines: the record starts on line 6.
        [6, "invalid_input"],
        [8, "date_in_future"],
        [9, "feedback_before_signal"],
      ],
    );
    assert.match(body.errors[0].message, /^outcome: /);
    assert.equal(body.recorded, 1);
    assert.equal(body.rejected, 6);
    assert.equal(await feedbackRows(), before + 1, "only the good line was written");
    // F-4 got no hold from any of its bad lines.
    assert.deepEqual(await holdOf("F-4"), { onHold: false });
  });

  test("a file of bad lines only writes nothing", async () => {
    const before = await feedbackRows();
    const res = await postCsv("tenancyRef,outcome,date\nF-4,help_accepted,01-06-2026\n");
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().recorded, 0);
    assert.deepEqual(
      res.json().errors.map((e: { line: number; code: string }) => [e.line, e.code]),
      [[2, "invalid_input"]],
    );
    assert.equal(await feedbackRows(), before);
    assert.deepEqual(await holdOf("F-4"), { onHold: false });
  });

  test("the whole file is refused for its structure, without writing anything", async () => {
    const before = await feedbackRows();
    const unknown = await postCsv(
      "tenancyRef,outcome,date,remarks\nF-4,help_accepted,2026-06-17,x\n",
    );
    assertRefused(unknown, 400, "unknown_column");
    const missing = await postCsv("tenancyRef,outcome\nF-4,help_accepted\n");
    assertRefused(missing, 400, "missing_column");
    const empty = await postCsv("");
    assert.equal(empty.statusCode, 400);
    const noMunicipality = await postCsv(
      "tenancyRef,outcome,date\nF-4,help_accepted,2026-06-17\n",
      "",
    );
    assertRefused(noMunicipality, 400, "municipality_code_required");
    const badMunicipality = await postCsv(
      "tenancyRef,outcome,date\nF-4,help_accepted,2026-06-17\n",
      "?municipalityCode=GM1979",
    );
    assert.equal(badMunicipality.statusCode, 400);
    // Another municipality than the one signalled: reported per line.
    const other = await postCsv(
      "tenancyRef,outcome,date\nF-4,help_accepted,2026-06-17\n",
      "?municipalityCode=0363",
    );
    assert.deepEqual(
      other.json().errors.map((e: { code: string }) => e.code),
      ["not_signalled"],
    );
    assert.equal(await feedbackRows(), before);
  });

  test("the JSON path is unchanged and refuses a municipality in the query", async () => {
    const json = await apiRequest(app, "POST", "/api/v1/arrears/feedback", officerA, {
      municipalityCode: "1979",
      items: [{ tenancyRef: "F-4", outcome: "help_declined", date: "2026-06-18" }],
    });
    assert.equal(json.statusCode, 200, json.body);
    assert.equal(json.json().recorded, 1);
    const unknownField = await apiRequest(app, "POST", "/api/v1/arrears/feedback", officerA, {
      municipalityCode: "1979",
      items: [],
      remarks: "x",
    });
    assertRefused(unknownField, 400, "unknown_field");
    const both = await apiRequest(
      app,
      "POST",
      "/api/v1/arrears/feedback?municipalityCode=1979",
      officerA,
      {
        municipalityCode: "1979",
        items: [{ tenancyRef: "F-4", outcome: "help_declined", date: "2026-06-18" }],
      },
    );
    assert.equal(both.statusCode, 400);
  });

  test("the parser reads a stream record by record and counts physical lines", async () => {
    const chunks = [
      "tenancyRef,outc",
      "ome,date\nF-1,help_acc",
      "epted,2026-06-15\n\nF-2,x,2026-06-15\n",
    ];
    const parsed = await parseFeedbackCsv(Readable.from(chunks));
    assert.equal(parsed.total, 2);
    assert.deepEqual(
      parsed.lines.map((l) => [l.line, l.item.tenancyRef]),
      [[2, "F-1"]],
    );
    assert.deepEqual(
      parsed.errors.summary().errors.map((e) => [e.line, e.code]),
      [[4, "invalid_input"]],
    );
    // CRLF line ends (a spreadsheet's export), a quoted cell over two lines, a chunk boundary
    // between CR and LF: every physical line counts once.
    const crlf = await parseFeedbackCsv(
      Readable.from([
        'tenancyRef,outcome,date\r\nF-1,"help\r\naccepted",2026-06-15\r',
        "\nF-2,no_contact,2026-06-15\r\n\r\nF-3,no_contact,2026-06-15",
      ]),
    );
    assert.deepEqual(
      crlf.errors.summary().errors.map((e) => [e.line, e.code]),
      [[2, "invalid_input"]],
    );
    assert.deepEqual(
      crlf.lines.map((l) => [l.line, l.item.tenancyRef]),
      [
        [4, "F-2"],
        [6, "F-3"],
      ],
    );
  });
});
