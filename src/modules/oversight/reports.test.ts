import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { before, describe, test } from "node:test";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiRequest, placeRegistrationThroughApi } from "../../testing/http.ts";
import {
  burstSignals,
  fishingSignals,
  offHoursSignals,
  type ScreeningRecord,
  withoutAllocationSignals,
} from "./signals.ts";

let n = 0;
function rec(at: string, extra: Partial<ScreeningRecord> = {}): ScreeningRecord {
  n++;
  return {
    id: `s${n}`,
    organisationId: "org-1",
    actorId: "user-1",
    purpose: "allocation",
    hit: false,
    subjectRef: `person-${n}`,
    nameRef: "jansen",
    createdAt: new Date(at),
    ...extra,
  };
}

describe("misuse signal rules (pure)", () => {
  test("a burst: more than the threshold within one hour, per user", () => {
    const within = ["10:00", "10:20", "10:40", "10:59"].map((t) => rec(`2026-06-02T${t}:00Z`));
    const [signal] = burstSignals(within, 3);
    assert.equal(signal?.kind, "screening_burst");
    assert.equal(signal?.count, 4);
    const spread = ["10:00", "10:30", "11:00", "11:30"].map((t) => rec(`2026-06-02T${t}:00Z`));
    assert.deepEqual(burstSignals(spread, 3), [], "never four within the same hour");
    const twoUsers = [
      ...within.slice(0, 2),
      ...within.slice(2).map((r) => ({ ...r, actorId: "user-2" })),
    ];
    assert.deepEqual(burstSignals(twoUsers, 3), []);
  });

  test("outside office hours: night, weekend and public holidays (Europe/Amsterdam)", () => {
    const rows = [
      rec("2026-06-02T08:00:00Z"), // Tuesday 10:00 in Amsterdam: office hours
      rec("2026-06-02T04:30:00Z"), // 06:30 local
      rec("2026-06-02T18:30:00Z"), // 20:30 local
      rec("2026-06-06T09:00:00Z"), // Saturday
      rec("2026-04-27T09:00:00Z"), // Koningsdag
    ];
    const [signal] = offHoursSignals(rows);
    assert.deepEqual(
      signal?.screenings.map((s) => s.id),
      rows.slice(1).map((r) => r.id),
    );
  });

  test("fishing: five no-hits on one surname for three or more people within a day", () => {
    const base = Date.parse("2026-06-02T08:00:00Z");
    const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
    const five = [0, 10, 20, 30, 40].map((m, i) =>
      rec(at(m), { subjectRef: `p${i % 3}`, nameRef: "fish" }),
    );
    assert.equal(fishingSignals(five)[0]?.kind, "fishing_similar_names");
    assert.deepEqual(fishingSignals(five.slice(0, 4)), [], "four is not enough");
    const samePerson = five.map((r) => ({ ...r, subjectRef: "one" }));
    assert.deepEqual(fishingSignals(samePerson), [], "one person asked about repeatedly");
    const withHits = five.map((r, i) => ({ ...r, hit: i < 2 }));
    assert.deepEqual(fishingSignals(withHits), [], "hits are not fishing");
  });

  test("a screening for an allocation of someone who never became a house seeker", () => {
    const old = rec("2026-04-01T09:00:00Z", { subjectRef: "ghost" });
    const seeker = rec("2026-04-01T09:10:00Z", { subjectRef: "seeker" });
    const urgency = rec("2026-04-01T09:20:00Z", { subjectRef: "x", purpose: "urgency" });
    const recent = rec("2026-05-30T09:00:00Z", { subjectRef: "recent" });
    const signals = withoutAllocationSignals(
      [old, seeker, urgency, recent],
      new Set(["seeker"]),
      new Date("2026-05-02T00:00:00Z"),
    );
    assert.deepEqual(
      signals.flatMap((s) => s.screenings.map((x) => x.id)),
      [old.id],
    );
  });
});

describe("oversight reports over the API", () => {
  const fixture = useDemoApi({ today: "2026-06-06" });
  const person = { initials: "J.", surname: "Verslaggever", birthDate: "1979-09-19" };

  before(async () => {
    const call = (url: string, headers: Record<string, string>, payload: object) =>
      apiRequest(fixture.app, "POST", url, headers, payload);
    await placeRegistrationThroughApi(fixture.app, fixture.officerA, {
      person,
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    });
    const other = await placeRegistrationThroughApi(fixture.app, fixture.officerA, {
      person: { ...person, surname: "Tweede", birthDate: "1980-01-20" },
      categories: ["B.II"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    });
    // Saturday: a screening outside office hours, a hit for the primary source itself.
    await call("/api/v1/screenings", fixture.officerA, { person, purpose: "allocation" });
    await call("/api/v1/screenings", fixture.querierB, { person, purpose: "urgency" });
    const objection = await call("/api/v1/cases", fixture.officerA, {
      type: "objection",
      registrationId: other.id,
      receivedDate: "2026-06-01",
    });
    const id = objection.json().id;
    await call(`/api/v1/cases/${id}/acknowledgement`, fixture.officerA, {});
    await call(`/api/v1/cases/${id}/decision`, fixture.officerA, {
      outcome: "upheld",
      reasons: "Gegrond.",
    });
    await call(`/api/v1/cases/${id}/execution`, fixture.officerA, { action: "removed" });
  });
  const get = (url: string, headers: Record<string, string>) =>
    apiRequest(fixture.app, "GET", url, headers);

  test("the annual report counts placements, endings by reason, screenings, letters and cases", async () => {
    const res = await get("/api/v1/oversight/annual-report?year=2026", fixture.admin);
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json();
    assert.equal(r.registrations.placed, 2);
    assert.deepEqual(r.registrations.placedByCategory, { "A.I": 1, "B.II": 1 });
    assert.deepEqual(r.registrations.placedByOrganisation, [
      {
        id: fixture.demo.organisations[0]!.id,
        name: fixture.demo.organisations[0]!.name,
        count: 2,
      },
    ]);
    assert.deepEqual(r.registrations.endedByReason, { objection_upheld: 1 });
    assert.equal(r.screenings.total, 2);
    assert.equal(r.screenings.hits, 1);
    assert.deepEqual(r.screenings.byPurpose, { allocation: 1, urgency: 1 });
    assert.equal(r.cases.received, 1);
    assert.equal(r.cases.byType.objection.upheld, 1);
    assert.equal(r.cases.deadlines.overdue, 0);
    assert.ok(r.letters.placement.owed >= 2);
    assert.ok(r.letters.removal.owed >= 1);
    assert.ok(!res.body.includes("Verslaggever"), "no personal data");
    const empty = await get("/api/v1/oversight/annual-report?year=2025", fixture.auditor);
    assert.equal(empty.json().registrations.placed, 0);
  });

  test("as HTML and as PDF", async () => {
    const page = await get(
      "/api/v1/oversight/annual-report?year=2026&format=html",
      fixture.auditor,
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.headers["content-type"] as string, /text\/html/);
    assert.match(page.body, /Jaarverslag 2026/);
    assert.match(page.body, /bezwaar, klacht of beroep gegrond/);
    const pdf = await get("/api/v1/oversight/annual-report?year=2026&format=pdf", fixture.auditor);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), "%PDF-");
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], {
      input: pdf.rawPayload,
    }).toString();
    assert.match(text, /Jaarverslag 2026/);
    assert.match(text, /Geplaatst per categorie/);
    assert.ok(!text.includes("Verslaggever"));
    const querier = await get("/api/v1/oversight/annual-report?year=2026", fixture.querierB);
    assert.equal(querier.statusCode, 403);
  });

  test("misuse signals for the auditor, with the screenings behind them", async () => {
    const res = await get(
      "/api/v1/oversight/misuse-signals?from=2026-06-01&to=2026-06-30",
      fixture.auditor,
    );
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.screenings, 2);
    const offHours = body.signals.filter(
      (s: { kind: string }) => s.kind === "outside_office_hours",
    );
    assert.equal(offHours.length, 2, "Saturday: both screeners");
    assert.ok(offHours.every((s: { screenings: unknown[] }) => s.screenings.length === 1));
    const adminLook = await get(
      "/api/v1/oversight/misuse-signals?from=2026-06-01&to=2026-06-30",
      fixture.admin,
    );
    assert.equal(adminLook.statusCode, 403, "the auditor's report");
    const backwards = await get(
      "/api/v1/oversight/misuse-signals?from=2026-06-30&to=2026-06-01",
      fixture.auditor,
    );
    assert.equal(backwards.statusCode, 400);
  });
});
