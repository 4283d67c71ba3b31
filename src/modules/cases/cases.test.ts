import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { type DemoApi, useDemoApi } from "../../testing/demo-app.ts";
import { withEvidence } from "../../testing/evidence.ts";
import { apiCalls, assertRefused, signIn } from "../../testing/http.ts";
import { flat, pdfText } from "../../testing/letter-fixtures.ts";
import { notificationDuty } from "../letters/tables.ts";

type Headers = Record<string, string>;

function harness(profile: "aedes-2021" | "keurmerk-2013", today = "2026-06-01") {
  const h = useDemoApi({ today, profile }) as DemoApi & { committee: Headers };
  before(async () => {
    const member = h.demo.users.find((u) => u.role === "committee")!;
    const session = await signIn(h.app, h.ctx.clock, member);
    h.committee = session.headers;
  });
  const { call, ok } = apiCalls(() => h.app);
  /** Opens a case through the API; the 201 is asserted. */
  const openCase = (headers: Headers, body: Record<string, unknown>) =>
    ok("POST", "/api/v1/cases", headers, body, 201);
  /** Opens a case of a type on a registration, received on the given date; the 201 is asserted. */
  const openCaseOn = (
    headers: Headers,
    type: string,
    registrationId: string,
    receivedDate: string,
  ) => openCase(headers, { type, registrationId, receivedDate });
  /** Tries to open a case; the response is returned unchecked (for refusals). */
  const tryOpenCase = (headers: Headers, body: Record<string, unknown>) =>
    call("POST", "/api/v1/cases", headers, body);
  /** Tries one step on a case; the response is returned unchecked (for refusals). */
  const tryCaseStep = (headers: Headers, caseId: string, step: string, body: unknown) =>
    call("POST", `/api/v1/cases/${caseId}/${step}`, headers, body);
  /** One step on a case (acknowledgement, decision, identity, execution, …); the 200 is asserted. */
  const caseStep = (headers: Headers, caseId: string, step: string, body: unknown) =>
    ok("POST", `/api/v1/cases/${caseId}/${step}`, headers, body);
  /** An objection's usual course: acknowledged first, then decided; both 200s are asserted. */
  const acknowledgeAndDecide = async (headers: Headers, caseId: string, decision: object) => {
    await caseStep(headers, caseId, "acknowledgement", {});
    return caseStep(headers, caseId, "decision", decision);
  };
  /** The registration as the owning officer sees it; the 200 is asserted. */
  const registration = (id: string) => ok("GET", `/api/v1/registrations/${id}`, h.officerA);
  /** The status code of reading the registration as its owning officer (404 once removed). */
  const registrationStatusCode = async (id: string) =>
    (await call("GET", `/api/v1/registrations/${id}`, h.officerA)).statusCode;
  let n = 0;
  const register = async (extra: Record<string, unknown> = {}) => {
    n++;
    const person = {
      initials: "C.",
      surname: `Casus${"abcdefghijklmnop"[n]}`,
      birthDate: `1970-0${(n % 9) + 1}-1${n % 9}`,
    };
    const categories = profile === "aedes-2021" ? ["A.I"] : ["W1"];
    const criteria = profile === "aedes-2021" ? ["a"] : ["W1.1"];
    const reg = await ok(
      "POST",
      "/api/v1/registrations",
      h.officerA,
      withEvidence({ person, categories, criteria, placementDate: "2026-05-01", ...extra }),
      201,
    );
    return { ...reg, person } as { id: string; endDate: string; person: typeof person };
  };
  const screenHit = async (headers: Headers, person: object) =>
    (await ok("POST", "/api/v1/screenings", headers, { person, purpose: "allocation" }))
      .hit as boolean;
  return {
    h,
    call,
    ok,
    tryOpenCase,
    tryCaseStep,
    register,
    screenHit,
    openCase,
    openCaseOn,
    caseStep,
    acknowledgeAndDecide,
    registration,
    registrationStatusCode,
  };
}

describe("objection under aedes-2021 (003 §16): received, acknowledged, decided, carried out", () => {
  const t = harness("aedes-2021");
  const { h } = t;

  test("a pending objection stops hits at once; upheld → removal within two weeks, the person told", async () => {
    const reg = await t.register();
    assert.equal(await t.screenHit(h.officerA, reg.person), true);
    const created = await t.openCaseOn(h.officerA, "objection", reg.id, "2026-06-01");
    assert.equal(created.status, "received");
    assert.deepEqual(created.deadlines, {
      objection_acknowledgement: "2026-06-15",
      objection_decision: "2026-06-29",
    });
    assert.equal(
      await t.screenHit(h.officerA, reg.person),
      false,
      "restricted while the objection is pending",
    );
    const view = await t.ok("GET", `/api/v1/registrations/${reg.id}`, h.officerA);
    assert.equal(view.objectionPending, true);
    const early = await t.tryCaseStep(h.officerA, created.id, "decision", {
      outcome: "upheld",
      reasons: "Onjuist vastgelegd.",
    });
    assertRefused(early, 422, "acknowledgement_first");
    const decided = await t.acknowledgeAndDecide(h.officerA, created.id, {
      outcome: "upheld",
      reasons: "De ontruiming is nooit voltrokken.",
    });
    assert.equal(decided.status, "decided");
    assert.equal(decided.deadlines.upheld_objection_removal, "2026-06-15");
    assert.equal(
      await t.screenHit(h.officerA, reg.person),
      false,
      "still no hit after the decision",
    );
    assert.equal((await t.registration(reg.id)).objectionOutcome, "upheld");
    const executed = await t.caseStep(h.officerA, created.id, "execution", {
      action: "removed",
    });
    assert.equal(executed.status, "executed");
    assert.equal(await t.registrationStatusCode(reg.id), 404);
    const detail = await t.ok("GET", `/api/v1/cases/${created.id}`, h.officerA);
    assert.equal(detail.reasons, "De ontruiming is nooit voltrokken.");
    assert.deepEqual(
      detail.events.map((e: { action: string }) => e.action),
      ["received", "acknowledged", "decided", "registration_removed"],
    );
    assert.ok(
      detail.deadlineDetails.every((d: { metOn: string | null }) => d.metOn !== null),
      "every deadline met",
    );
    const duties = await h.ctx.database.db
      .select()
      .from(notificationDuty)
      .where(eq(notificationDuty.caseId, created.id));
    assert.deepEqual(duties.map((d) => d.kind).sort(), ["acknowledgement", "decision"]);
  });

  test("an upheld objection not carried out is removed by the deadlines job on its due date", async () => {
    const reg = await t.register();
    const c = await t.openCaseOn(h.officerA, "objection", reg.id, "2026-06-01");
    await t.acknowledgeAndDecide(h.officerA, c.id, {
      outcome: "upheld",
      reasons: "Gegrond.",
    });
    assert.deepEqual(await h.ctx.services.cases.runDeadlines("2026-06-14"), {
      reminders: 1,
      consents: 0,
      removals: 0,
    });
    assert.equal(await t.registrationStatusCode(reg.id), 200);
    const run = await h.ctx.services.cases.runDeadlines("2026-06-15");
    assert.equal(run.removals, 1);
    assert.equal(await t.registrationStatusCode(reg.id), 404);
    assert.equal((await t.ok("GET", `/api/v1/cases/${c.id}`, h.officerA)).status, "executed");
  });

  test("rejected: the restriction ends and hits return; then an appeal to the committee", async () => {
    const reg = await t.register();
    const c = await t.openCaseOn(h.officerA, "objection", reg.id, "2026-06-01");
    const tooEarly = await t.tryOpenCase(h.committee, {
      type: "appeal",
      parentCaseId: c.id,
      receivedDate: "2026-06-01",
    });
    assertRefused(tooEarly, 422, "appeal_not_open");
    const rejected = await t.acknowledgeAndDecide(h.officerA, c.id, {
      outcome: "rejected",
      reasons: "Het vonnis is onherroepelijk.",
    });
    assert.equal(rejected.status, "decided");
    assert.equal(await t.screenHit(h.officerA, reg.person), true, "restriction lifted");
    // The committee registers the appeal; an officer cannot; other organisations do not see it.
    assert.equal(
      (
        await t.tryOpenCase(h.officerA, {
          type: "appeal",
          parentCaseId: c.id,
          receivedDate: "2026-06-01",
        })
      ).statusCode,
      403,
    );
    const appeal = await t.openCase(h.committee, {
      type: "appeal",
      parentCaseId: c.id,
      receivedDate: "2026-06-01",
    });
    assert.deepEqual(appeal.deadlines, { appeal_acknowledgement: "2026-06-15" });
    assert.equal(
      await t.screenHit(h.officerA, reg.person),
      false,
      "restricted again while the appeal runs",
    );
    assert.equal((await t.call("GET", `/api/v1/cases/${appeal.id}`, h.officerB)).statusCode, 404);
    const committeeList = await t.ok("GET", "/api/v1/cases", h.committee);
    assert.ok(
      committeeList.items.every((x: { type: string }) => ["appeal", "hardship"].includes(x.type)),
      "the committee sees only what is sent to it",
    );
    assert.equal(
      (await t.tryCaseStep(h.officerA, appeal.id, "acknowledgement", {})).statusCode,
      403,
    );
    // Issue 20 (003 §8): the committee sees what the registration rests on, for its own case.
    const seen = await t.ok("GET", `/api/v1/cases/${appeal.id}`, h.committee);
    assert.deepEqual(
      seen.registrationEvidence.map((e: { criterion: string; kind: string }) => [
        e.criterion,
        e.kind,
      ]),
      [["a", "vonnis"]],
    );
    const acked = await t.caseStep(h.committee, appeal.id, "acknowledgement", {});
    assert.equal(
      acked.deadlines.appeal_decision,
      "2026-07-13",
      "six weeks from the acknowledgement",
    );
    await t.caseStep(h.committee, appeal.id, "challenge", {
      kind: "recusal",
      member: "mr. A. de Voorzitter",
      outcome: "granted",
      date: "2026-06-02",
    });
    await t.caseStep(h.committee, appeal.id, "hearing", {
      date: "2026-06-20",
      report: "Partijen gehoord.",
    });
    const advice = await t.caseStep(h.committee, appeal.id, "decision", {
      outcome: "upheld",
      reasons: "Bindend advies: verwijderen.",
      members: ["mr. B. Lid", "C. Lid"],
    });
    assert.equal(advice.deadlines.upheld_appeal_removal, "2026-06-15");
    // 003-66 (003 §16.3): the committee's decision letter names the date of the decision the
    // appeal contests — the rejected objection's, decided on 1 June 2026.
    const [decisionDuty] = await h.ctx.database.db
      .select()
      .from(notificationDuty)
      .where(and(eq(notificationDuty.caseId, appeal.id), eq(notificationDuty.kind, "decision")));
    assert.ok(decisionDuty, "the appeal's decision owes a letter");
    const letters = await t.ok("GET", `/api/v1/letters?dutyId=${decisionDuty.id}`, h.admin);
    assert.equal(letters.items.length, 1);
    const pdf = await t.call("GET", `/api/v1/letters/${letters.items[0].id}/pdf`, h.admin);
    assert.equal(pdf.statusCode, 200);
    assert.match(
      flat(pdfText(pdf.rawPayload)),
      /Uw beroep richt zich tegen de beslissing van 1 juni 2026\./,
    );
    // The primary source carries it out.
    await t.caseStep(h.officerA, appeal.id, "execution", { action: "removed" });
    assert.equal(await t.registrationStatusCode(reg.id), 404);
  });

  test("no answer within the term opens the appeal too (003 §16.4)", async () => {
    const reg = await t.register();
    const c = await t.openCaseOn(h.officerA, "objection", reg.id, "2026-04-20");
    assert.equal(c.deadlines.objection_decision, "2026-05-18");
    const appeal = await t.openCase(h.committee, {
      type: "appeal",
      parentCaseId: c.id,
      receivedDate: "2026-05-25",
    });
    assert.equal(appeal.status, "received");
    const listed = await t.ok("GET", "/api/v1/cases?overdue=true", h.officerA);
    assert.ok(
      listed.items.some((x: { id: string }) => x.id === c.id),
      "the unanswered objection is overdue",
    );
  });

  test("rights requests: identity before disclosure; the access answer lists who screened", async () => {
    const reg = await t.register();
    await t.screenHit(h.querierB, reg.person);
    const c = await t.openCaseOn(h.officerA, "access", reg.id, "2026-06-01");
    assert.deepEqual(c.deadlines, { access_request_decision: "2026-06-29" });
    const refused = await t.call("GET", `/api/v1/cases/${c.id}/access-report`, h.officerA);
    assertRefused(refused, 422, "identity_not_verified");
    const grant = await t.tryCaseStep(h.officerA, c.id, "decision", {
      outcome: "upheld",
      reasons: "Inzage verleend.",
    });
    assert.equal(grant.json().error.code, "identity_not_verified");
    await t.caseStep(h.officerA, c.id, "identity", {
      method: "id_document_seen",
      date: "2026-06-01",
    });
    const report = await t.ok("GET", `/api/v1/cases/${c.id}/access-report`, h.officerA);
    assert.equal(report.source, h.demo.organisations[0]!.name);
    assert.deepEqual(
      report.screenings.map((s: { organisation: { id: string }; hit: boolean }) => [
        s.organisation.id,
        s.hit,
      ]),
      [[h.demo.organisations[1]!.id, false]],
    );
    const decided = await t.caseStep(h.officerA, c.id, "decision", {
      outcome: "upheld",
      reasons: "Inzage verleend.",
    });
    assert.equal(decided.status, "executed");
  });

  test("erasure granted erases at once; a restriction request restricts on receipt and a refusal lifts it", async () => {
    const reg = await t.register();
    const erasure = await t.openCaseOn(h.officerA, "erasure", reg.id, "2026-06-01");
    await t.caseStep(h.officerA, erasure.id, "identity", {
      method: "known_contact_details",
      date: "2026-06-01",
    });
    await t.caseStep(h.officerA, erasure.id, "decision", {
      outcome: "upheld",
      reasons: "Gewist.",
    });
    assert.equal(await t.registrationStatusCode(reg.id), 404);
    const other = await t.register();
    const restriction = await t.openCaseOn(h.officerA, "restriction", other.id, "2026-06-01");
    assert.equal((await t.registration(other.id)).status, "restricted");
    await t.caseStep(h.officerA, restriction.id, "decision", {
      outcome: "rejected",
      reasons: "Geen grond voor beperking.",
    });
    assert.equal((await t.registration(other.id)).status, "active");
  });

  test("a new chance accepted removes the registration at once", async () => {
    const reg = await t.register();
    const c = await t.openCaseOn(h.officerA, "new_chance", reg.id, "2026-06-01");
    assert.deepEqual(c.deadlines, { new_chance_decision: "2026-06-29" });
    const decided = await t.caseStep(h.officerA, c.id, "decision", {
      outcome: "upheld",
      reasons: "Voorwaardelijk huurcontract met begeleiding.",
    });
    assert.equal(decided.status, "executed");
    assert.equal(await t.registrationStatusCode(reg.id), 404);
  });

  test("hardship: only in the person's favour", async () => {
    const reg = await t.register();
    const c = await t.openCaseOn(h.committee, "hardship", reg.id, "2026-06-01");
    assert.deepEqual(c.deadlines, { hardship_decision: "2026-07-13" });
    const later = await t.tryCaseStep(h.committee, c.id, "decision", {
      outcome: "partly_upheld",
      reasons: "x",
      newEndDate: "2030-01-01",
    });
    assertRefused(later, 422, "hardship_only_favourable");
    await t.caseStep(h.committee, c.id, "decision", {
      outcome: "partly_upheld",
      reasons: "Termijn verkort.",
      newEndDate: "2027-01-01",
    });
    assert.equal((await t.registration(reg.id)).endDate, "2027-01-01");
  });

  test("the worklist: overdue cases of the responsible organisation; bad input refused", async () => {
    const reg = await t.register();
    const c = await t.openCaseOn(h.officerA, "rectification", reg.id, "2026-05-01");
    const overdue = await t.ok("GET", "/api/v1/cases?overdue=true", h.officerA);
    assert.ok(
      overdue.items.some((x: { id: string; overdue: boolean }) => x.id === c.id && x.overdue),
    );
    assert.ok(
      !(await t.ok("GET", "/api/v1/cases?overdue=true", h.officerB)).items.some(
        (x: { id: string }) => x.id === c.id,
      ),
    );
    const future = await t.tryOpenCase(h.officerA, {
      type: "access",
      registrationId: reg.id,
      receivedDate: "2026-06-02",
    });
    assert.equal(future.json().error.code, "received_in_future");
    const extra = await t.tryOpenCase(h.officerA, {
      type: "access",
      registrationId: reg.id,
      receivedDate: "2026-06-01",
      note: "boos",
    });
    assert.equal(extra.json().error.code, "unknown_field");
    assert.equal(
      (
        await t.tryOpenCase(h.officerB, {
          type: "objection",
          registrationId: reg.id,
          receivedDate: "2026-06-01",
        })
      ).statusCode,
      404,
    );
    assert.equal(
      (
        await t.tryOpenCase(h.querierA, {
          type: "access",
          registrationId: reg.id,
          receivedDate: "2026-06-01",
        })
      ).statusCode,
      403,
    );
    const none = await t.tryOpenCase(h.officerA, {
      type: "objection",
      receivedDate: "2026-06-01",
    });
    assert.equal(none.json().error.code, "registration_required");
    const keurmerkOnly = await t.tryOpenCase(h.officerA, {
      type: "support_team",
      registrationId: reg.id,
      receivedDate: "2026-06-01",
    });
    assertRefused(keurmerkOnly, 422, "case_type_not_in_profile");
  });

  test("deadlines across Ascension Day and Christmas (Algemene termijnenwet)", async () => {
    const reg = await t.register();
    const ascension = await t.openCaseOn(h.officerA, "complaint", reg.id, "2026-04-30");
    assert.equal(
      ascension.deadlines.complaint_acknowledgement,
      "2026-05-18",
      "14 May is Ascension Day; 15 May is equated with a holiday by royal decree",
    );
    h.ctx.clock.set("2026-12-15");
    const christmas = await t.openCaseOn(h.officerA, "access", reg.id, "2026-11-27");
    assert.equal(
      christmas.deadlines.access_request_decision,
      "2026-12-28",
      "25 and 26 December, then Sunday",
    );
    h.ctx.clock.set("2026-06-01");
  });
});

describe("keurmerk-2013 (001): windows, working days, support team and consent", () => {
  const t = harness("keurmerk-2013", "2026-06-15");
  const { h } = t;

  test("a late objection is inadmissible (Bijlage 2 art. 5); removal within five working days", async () => {
    const reg = await t.register();
    const late = await t.openCase(h.officerA, {
      type: "objection",
      registrationId: reg.id,
      noticeDate: "2026-04-20",
      receivedDate: "2026-06-05",
    });
    assert.equal(late.status, "inadmissible");
    assert.deepEqual(late.deadlines, {});
    assert.equal(
      (await t.registration(reg.id)).status,
      "active",
      "an inadmissible objection restricts nothing",
    );
    h.ctx.clock.set("2026-04-23");
    const reg2 = await t.register({ placementDate: "2026-04-01" });
    const c = await t.openCase(h.officerA, {
      type: "objection",
      registrationId: reg2.id,
      noticeDate: "2026-04-10",
      receivedDate: "2026-04-20",
    });
    assert.deepEqual(c.deadlines, {
      objection_acknowledgement: "2026-05-04",
      objection_decision: "2026-05-11",
    });
    const upheld = await t.acknowledgeAndDecide(h.officerA, c.id, {
      outcome: "upheld",
      reasons: "Gegrond.",
    });
    assert.equal(
      upheld.deadlines.upheld_objection_removal,
      "2026-05-01",
      "five working days, Koningsdag skipped",
    );
    const corrected = await t.caseStep(h.officerA, c.id, "execution", {
      action: "corrected",
    });
    assert.equal(corrected.status, "executed");
    const after = await t.ok("GET", `/api/v1/registrations/${reg2.id}`, h.officerA);
    assert.equal(after.status, "active", "corrected: in effect again");
    h.ctx.clock.set("2026-06-15");
  });

  test("support team: at most two; probation of a year, extended once; conditions met → removal", async () => {
    const reg = await t.register();
    const first = await t.openCaseOn(h.officerA, "support_team", reg.id, "2026-06-15");
    const refused = await t.caseStep(h.officerA, first.id, "decision", {
      outcome: "rejected",
      reasons: "Geen passende woning.",
      supportTeam: { house: false, support: false },
    });
    assert.equal(refused.status, "closed");
    const second = await t.openCaseOn(h.officerA, "support_team", reg.id, "2026-06-15");
    const third = await t.tryOpenCase(h.officerA, {
      type: "support_team",
      registrationId: reg.id,
      receivedDate: "2026-06-15",
    });
    assert.equal(third.json().error.code, "support_team_limit");
    const housed = await t.caseStep(h.officerA, second.id, "decision", {
      outcome: "upheld",
      reasons: "Woning met begeleiding.",
      supportTeam: { house: true, support: true },
    });
    assert.equal(housed.status, "probation");
    assert.equal(housed.deadlines.support_tenancy_review, "2027-06-15");
    const extended = await t.caseStep(h.officerA, second.id, "probation/extension", {});
    assert.equal(extended.deadlines.support_tenancy_review, "2027-12-15");
    assert.equal(
      (await t.tryCaseStep(h.officerA, second.id, "probation/extension", {})).json().error.code,
      "probation_extended_once",
    );
    await t.caseStep(h.officerA, second.id, "probation/end", {
      result: "conditions_met",
      date: "2026-06-15",
    });
    assert.equal(await t.registrationStatusCode(reg.id), 404);
  });

  test("consent to disclose the reason counts only after three working days' reflection", async () => {
    const reg = await t.register();
    const c = await t.openCaseOn(h.officerA, "consent", reg.id, "2026-06-12");
    assert.equal(c.status, "reflection");
    assert.deepEqual(c.deadlines, { consent_reflection: "2026-06-17" });
    const screen = async () =>
      (
        await t.ok("POST", "/api/v1/screenings", h.querierB, {
          person: reg.person,
          purpose: "allocation",
        })
      ).results[0] as Record<string, unknown>;
    assert.equal((await screen()).until, undefined);
    h.ctx.clock.set("2026-06-18");
    assert.equal(
      (await screen()).until,
      reg.endDate,
      "the end date once the consent counts (001 §5.5)",
    );
    assert.deepEqual(await h.ctx.services.cases.runDeadlines("2026-06-18"), {
      reminders: 0,
      consents: 1,
      removals: 0,
    });
    h.ctx.clock.set("2026-06-15");
  });

  test("a repeated access request within half a year may cost EUR 0.23 a page, at most EUR 5", async () => {
    const reg = await t.register();
    const first = await t.openCaseOn(h.officerA, "access", reg.id, "2026-06-01");
    await t.caseStep(h.officerA, first.id, "identity", {
      method: "in_person",
      date: "2026-06-01",
    });
    const noFee = await t.tryCaseStep(h.officerA, first.id, "decision", {
      outcome: "upheld",
      reasons: "Inzage.",
      feePages: 3,
    });
    assert.equal(noFee.json().error.code, "fee_not_allowed");
    await t.caseStep(h.officerA, first.id, "decision", {
      outcome: "upheld",
      reasons: "Inzage.",
    });
    const second = await t.openCaseOn(h.officerA, "access", reg.id, "2026-06-15");
    await t.caseStep(h.officerA, second.id, "identity", {
      method: "in_person",
      date: "2026-06-15",
    });
    await t.caseStep(h.officerA, second.id, "decision", {
      outcome: "upheld",
      reasons: "Inzage.",
      feePages: 40,
    });
    assert.equal((await t.ok("GET", `/api/v1/cases/${second.id}`, h.officerA)).facts.feeCents, 500);
  });
});
