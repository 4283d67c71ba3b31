/**
 * Issue #20 part 1: one registration, one part per category group, each with its own term,
 * scope and expiry (003 §5, §7, §12.4; review item 1, rows 003-23, 003-42, 003-43). Through
 * the front door: HTTP on a real PGlite database, the retention job as the CLI runs it.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { setImmediate } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { auditEvent } from "../../platform/audit/tables.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import { withEvidence } from "../../testing/evidence.ts";
import { apiCalls, assertRefused } from "../../testing/http.ts";
import { flat, pdfText } from "../../testing/letter-fixtures.ts";

const TODAY = "2026-06-01";
const fx = useDemoApi({ today: TODAY });
const { call, ok } = apiCalls(() => fx.app);
const address = { street: "Kerkstraat", houseNumber: "12", postcode: "9901 AB", city: "Lindendal" };

let n = 0;
function personFor(surname: string) {
  n++;
  return { initials: "P.", surname, birthDate: `1970-04-${10 + n}` };
}

interface Part {
  categories: string[];
  startDate: string;
  endDate: string;
  termMonths: number;
  scope: string;
}

async function place(surname: string, body: Record<string, unknown>) {
  const person = personFor(surname);
  const reg = await ok(
    "POST",
    "/api/v1/registrations",
    fx.officerA,
    withEvidence({ person, address, placementDate: "2026-05-01", ...body }),
    201,
  );
  return { reg, person };
}

const shape = (parts: Part[]) => parts.map((p) => [p.categories, p.endDate, p.scope]);

async function letterText(registrationId: string, kind: string) {
  const letters = await ok("GET", `/api/v1/letters?registrationId=${registrationId}`, fx.officerA);
  const letter = (letters.items as { id: string; kind: string }[]).find((l) => l.kind === kind);
  assert.ok(letter, `a ${kind} letter`);
  const res = await call("GET", `/api/v1/letters/${letter.id}/pdf`, fx.officerA);
  assert.equal(res.statusCode, 200, res.body);
  return pdfText(
    res.rawPayload,
    fx.demo.organisations.map((o) => o.name),
  );
}

describe("a registration in parts (issue #20 part 1)", () => {
  // These tests are about parts, not about the second look: the region takes B.III from under
  // four eyes (its audited choice, D-842), so one officer's registration takes effect at once.
  before(async () => {
    await ok("PUT", "/api/v1/region/four-eyes/B.III", fx.admin, { required: false });
  });

  test("003-23 B.III + D.VII no longer gives one 60-month regional exclusion: two parts, each its own term and scope", async () => {
    const { reg } = await place("Deeltwee", { categories: ["B.III", "D.VII"], criteria: ["a"] });
    assert.deepEqual(shape(reg.parts), [
      [["B.III"], "2028-05-01", "region"],
      [["D.VII"], "2031-05-01", "organisation"],
    ]);
    assert.equal(reg.endDate, undefined, "no top-level end date when the parts end apart");
    assert.equal(reg.scope, undefined, "no top-level scope when the parts reach apart");
    const read = await ok("GET", `/api/v1/registrations/${reg.id}`, fx.officerA);
    assert.deepEqual(shape(read.parts), shape(reg.parts));
    // A single group reads as before, with its parts as well.
    const { reg: single } = await place("Deeleen", { categories: ["A.I"], criteria: ["a"] });
    assert.equal(single.endDate, "2028-05-01");
    assert.equal(single.scope, "organisation");
    assert.deepEqual(shape(single.parts), [[["A.I"], "2028-05-01", "organisation"]]);
  });

  test("003-23 the placement letter lists each part's term and what it means", async () => {
    const { reg } = await place("Deelbrief", { categories: ["B.III", "D.VII"], criteria: ["a"] });
    const text = flat(await letterText(reg.id, "placement"));
    assert.ok(text.includes("bestaat uit delen"), text);
    assert.ok(text.includes("B.III Bedreiging en agressie: tot 1 mei 2028 (24 maanden)"), text);
    assert.ok(text.includes("D.VII Huurachterstand: tot 1 mei 2031 (60 maanden)"), text);
    assert.ok(text.includes("Tot 1 mei 2028 bent u uitgesloten"), "B part: the region");
    assert.ok(
      text.includes("kan u tot 1 mei 2031 weigeren als huurder"),
      "D part: the corporation",
    );
    assert.ok(!text.includes("60 maanden, gerekend"), "no single 60-month term for the whole");
  });

  test("003-42 claim settlement ends the D part only", async () => {
    // Review item 1: A.I + D.VIII (€ 2.500 → 36 months); after the D claim is paid the A
    // part stays with its own 24 months and the D part ends.
    const { reg } = await place("Deelbetaald", {
      categories: ["A.I", "D.VIII"],
      criteria: ["a", "d"],
      claimCents: 250_000,
    });
    assert.deepEqual(shape(reg.parts), [
      [["A.I"], "2028-05-01", "organisation"],
      [["D.VIII"], "2029-05-01", "organisation"],
    ]);
    const paid = await ok("POST", `/api/v1/registrations/${reg.id}/claim-settlement`, fx.officerA, {
      kind: "paid_in_full",
      date: "2026-05-30",
    });
    assert.deepEqual(paid, {
      id: reg.id,
      erased: false,
      ground: "claim_paid_in_full",
      endedCategories: ["D.VIII"],
    });
    const after = await ok("GET", `/api/v1/registrations/${reg.id}`, fx.officerA);
    assert.deepEqual(after.categories, ["A.I"]);
    assert.deepEqual(after.criteria, ["a"], "criterion d grounded only the ended part");
    assert.equal(after.claimCents, null, "the claim goes with its part");
    assert.deepEqual(shape(after.parts), [[["A.I"], "2028-05-01", "organisation"]]);
    assert.equal(after.endDate, "2028-05-01", "the A part's own end, not 36 months");
    // Paying again ends nothing: the A part does not end on a claim (422 naming the rule).
    const again = await call(
      "POST",
      `/api/v1/registrations/${reg.id}/claim-settlement`,
      fx.officerA,
      {
        kind: "paid_in_full",
        date: "2026-05-31",
      },
    );
    assertRefused(again, 422, "removal_rule_not_applicable");
    const audit = await fx.ctx.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.objectId, reg.id));
    const ended = audit.find((e) => e.action === "registration.part_ended");
    assert.ok(ended, "the part's end is in the audit log");
    assert.deepEqual((ended.details as { categories: string[] }).categories, ["D.VIII"]);
    // 003 §22: the annual report counts the part's end by its ground and category.
    const report = await ok("GET", "/api/v1/oversight/annual-report?year=2026", fx.auditor);
    assert.ok(report.registrations.partsEnded >= 1, JSON.stringify(report.registrations));
    assert.ok(report.registrations.endedByCategory["D.VIII"] >= 1);
    assert.ok(report.registrations.endedByReason.claim_paid_in_full >= 1);
  });

  test("003-42 a D-only registration is erased on settlement, as before", async () => {
    const { reg } = await place("Deelalleen", { categories: ["D.VII"], criteria: ["a"] });
    const settled = await ok(
      "POST",
      `/api/v1/registrations/${reg.id}/claim-settlement`,
      fx.officerA,
      { kind: "settled", date: "2026-05-30" },
    );
    assert.equal(settled.erased, true);
    const gone = await call("GET", `/api/v1/registrations/${reg.id}`, fx.officerA);
    assert.equal(gone.statusCode, 404);
  });

  test("003-43 the removal letter: contract again without reservation, except the participant still owed; the claim stays due", async () => {
    const { reg } = await place("Deelvoorbehoud", { categories: ["D.VII"], criteria: ["a"] });
    await ok("POST", `/api/v1/registrations/${reg.id}/claim-settlement`, fx.officerA, {
      kind: "settled",
      date: "2026-05-30",
    });
    // D.VII stores no amount; the exception is printed all the same (review G-7).
    const text = flat(await letterText(reg.id, "removal"));
    assert.ok(text.includes("weer zonder voorbehoud een huurovereenkomst met u sluiten"), text);
    assert.ok(text.includes("Een openstaande vordering blijft wel opeisbaar"), text);
    assert.ok(text.includes("alleen de deelnemer bij wie die openstaat"), text);
  });

  test("003-23 the retention job ends parts one by one; the last part's end erases the registration", async () => {
    const { reg } = await place("Deelverloop", { categories: ["B.III", "D.VII"], criteria: ["a"] });
    fx.ctx.clock.set("2028-05-01");
    try {
      const first = await fx.ctx.services.retention.run("2028-05-01");
      assert.ok(first.partsEnded >= 1, JSON.stringify(first));
      const left = await ok("GET", `/api/v1/registrations/${reg.id}`, fx.officerA);
      assert.deepEqual(shape(left.parts), [[["D.VII"], "2031-05-01", "organisation"]]);
      assert.deepEqual(left.categories, ["D.VII"]);
      assert.equal(left.scope, "organisation");
      fx.ctx.clock.set("2031-05-01");
      const last = await fx.ctx.services.retention.run("2031-05-01");
      assert.ok(last.termExpired >= 1);
      const gone = await call("GET", `/api/v1/registrations/${reg.id}`, fx.officerA);
      assert.equal(gone.statusCode, 404);
      const receipts = await fx.ctx.database.db
        .select()
        .from(auditEvent)
        .where(eq(auditEvent.objectId, reg.id));
      assert.ok(
        receipts.some((e) => e.action === "registration.erased"),
        "the receipt stays",
      );
    } finally {
      fx.ctx.clock.set(TODAY);
    }
  });

  test("contract §6 blocks per part: the allocation system sees the regional part and the corporation's part apart", async () => {
    const { reg, person } = await place("Deelblok", {
      categories: ["B.III", "D.VII"],
      criteria: ["a"],
    });
    await ok("PUT", "/api/v1/seekers/DEEL-1", fx.allocation, { person }, 201);
    await setImmediate();
    const matches = await ok("GET", "/api/v1/matches?status=pending", fx.officerA);
    const match = (matches.items as { id: string; registrationId: string }[]).find(
      (m) => m.registrationId === reg.id,
    );
    assert.ok(match, "a match was proposed");
    await ok("POST", `/api/v1/matches/${match.id}/decision`, fx.officerA, { decision: "confirm" });
    const block = await ok("GET", "/api/v1/seekers/DEEL-1/block", fx.allocation);
    const a = fx.demo.organisations[0]!;
    assert.deepEqual(block, {
      blocked: true,
      parts: [
        { until: "2028-05-01", scope: "region" },
        { until: "2031-05-01", scope: "organisation", organisations: [{ id: a.id, name: a.name }] },
      ],
    });
    // The primary source's own screening shows each part.
    const screening = await ok("POST", "/api/v1/screenings", fx.officerA, {
      person,
      purpose: "allocation",
    });
    assert.equal(screening.hit, true);
    const mine = (screening.results as { until?: string; scope?: string }[]).map((r) => [
      r.until,
      r.scope,
    ]);
    assert.deepEqual(mine, [
      ["2028-05-01", "region"],
      ["2031-05-01", "organisation"],
    ]);
  });

  test("003-23 a part already ended at placement is refused with 422 naming its categories; nothing is written", async () => {
    const before = await ok("GET", "/api/v1/registrations", fx.officerA);
    const res = await call(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      withEvidence({
        person: personFor("Deeloud"),
        categories: ["B.III", "D.VII"],
        criteria: ["a"],
        placementDate: "2024-01-01",
      }),
    );
    assertRefused(res, 422, "end_date_passed");
    assert.match(res.json().error.message, /B\.III/);
    const after = await ok("GET", "/api/v1/registrations", fx.officerA);
    assert.equal(after.total, before.total);
  });
});
