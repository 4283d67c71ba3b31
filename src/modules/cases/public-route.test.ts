/**
 * Issue 21 parts 1–5, the person's route, through the front door: every request type on
 * POST /public/requests with the person's own words; the request finds the registration itself
 * (provisional restriction, the case on each candidate's desk, linking or "niet deze persoon");
 * the requester on the case for the handling officer only; "geen registratie gevonden"; the
 * receipt with its due dates and e-mail; the committee opening the objection an appeal follows.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { setImmediate } from "node:timers/promises";
import { caseSteps } from "../../testing/case-steps.ts";
import { type DemoApi, useDemoApi } from "../../testing/demo-app.ts";
import { apiCalls, assertRefused, signIn } from "../../testing/http.ts";
import { pdfText } from "../../testing/letter-fixtures.ts";
import { browserOn, FORM, form } from "../../testing/web.ts";
import { PUBLIC_REQUEST_TYPES } from "./procedures.ts";

type Headers = Record<string, string>;

describe("issue 21: the person's route (aedes-2021)", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "aedes-2021" }) as DemoApi & {
    committee: Headers;
  };
  before(async () => {
    const member = fx.demo.users.find((u) => u.role === "committee")!;
    fx.committee = (await signIn(fx.app, fx.ctx.clock, member)).headers;
  });
  const { call, ok } = apiCalls(() => fx.app);
  const { register } = caseSteps(() => fx.app);
  const page = browserOn(() => fx);
  const userOf = (role: string, organisationId?: string) =>
    fx.demo.users.find(
      (u) => u.role === role && (!organisationId || u.organisationId === organisationId),
    )!;
  const orgA = () => fx.demo.organisations[0]!;
  const orgB = () => fx.demo.organisations[1]!;
  let address = 10;
  /** A public request from its own client address (the limit is per address). */
  const publicRequest = async (payload: Record<string, unknown>) => {
    address += 1;
    const res = await fx.app.inject({
      method: "POST",
      url: "/api/v1/public/requests",
      remoteAddress: `198.51.100.${address}`,
      payload,
    });
    await setImmediate();
    return res;
  };
  const caseOf = async (headers: Headers, reference: string) => {
    const list = await ok("GET", "/api/v1/cases?pageSize=200", headers);
    return list.items.find((x: { reference: string }) => x.reference === reference) as
      | { id: string; organisationId: string; status: string }
      | undefined;
  };
  const screenHit = async (headers: Headers, person: object) =>
    (await ok("POST", "/api/v1/screenings", headers, { person, purpose: "allocation" }))
      .hit as boolean;
  /**
   * Registered at A and blocked as house seeker `seeker` (A's officer confirms the match), so
   * that another participant's screening of the seeker is a hit (aedes-2021: others see the
   * block only, 003 §6).
   */
  const registeredAndBlocked = async (person: object, seeker: string) => {
    const reg = await register(fx.officerA, person, ["B.II", "a"]);
    await ok("PUT", `/api/v1/seekers/${seeker}`, fx.allocation, { person }, 201);
    const matches = await ok("GET", "/api/v1/matches?status=pending", fx.officerA);
    const match = matches.items.find(
      (x: { registrationId: string }) => x.registrationId === reg.id,
    );
    await ok("POST", `/api/v1/matches/${match.id}/decision`, fx.officerA, { decision: "confirm" });
    return reg;
  };

  test("21-1 every request type of the profile is accepted, with the person's own words", async () => {
    const types = PUBLIC_REQUEST_TYPES;
    for (const type of types) {
      const res = await publicRequest({
        organisationId: orgA().id,
        type,
        person: { initials: "E.", surname: "Elkesoort", birthDate: "1980-02-02" },
        explanation: `Mijn redenen voor ${type}.`,
      });
      assert.equal(res.statusCode, 201, `${type}: ${res.body}`);
      assert.match(res.json().reference, /^Z-[0-9A-F]{8}$/);
    }
    const tooLong = await publicRequest({
      organisationId: orgA().id,
      type: "objection",
      person: { initials: "E.", surname: "Elkesoort", birthDate: "1980-02-02" },
      explanation: "x".repeat(5001),
    });
    assert.equal(tooLong.statusCode, 400, tooLong.body);
  });

  test("21-1 21-5 a hardship request goes to the disputes committee, which reads the person's words", async () => {
    const res = await publicRequest({
      organisationId: orgA().id,
      type: "hardship",
      person: { initials: "H.", surname: "Hardheid", birthDate: "1981-03-03" },
      explanation: "Ik heb drie kinderen en geen ander huis.",
    });
    assert.equal(res.statusCode, 201, res.body);
    const c = await caseOf(fx.committee, res.json().reference);
    assert.ok(c, "on the committee's desk");
    const requester = await ok("GET", `/api/v1/cases/${c.id}/requester`, fx.committee);
    assert.equal(requester.explanation, "Ik heb drie kinderen en geen ander huis.");
    assert.equal(await caseOf(fx.officerA, res.json().reference), undefined);
  });

  test("21-2 a public objection restricts the matching registration at once: another participant's screening gets no hit; the primary source links it, and the case moves there", async () => {
    const person = { initials: "B.", surname: "Bezwaarmaker", birthDate: "1979-05-23" };
    const reg = await registeredAndBlocked(person, "S-2101");
    const seeker = { ...person, seekerNumber: "S-2101" };
    assert.equal(await screenHit(fx.querierB, seeker), true, "a hit before the objection");
    // The person names Havenstad (B); the registration is Linde's (A).
    const res = await publicRequest({
      organisationId: orgB().id,
      type: "objection",
      person,
      explanation: "Ik heb de overlast niet veroorzaakt; het was de vorige huurder.",
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(await screenHit(fx.querierB, seeker), false, "no hit from the moment of receipt");
    const atB = await caseOf(fx.officerB, res.json().reference);
    const atA = await caseOf(fx.officerA, res.json().reference);
    assert.ok(atB && atA, "on the desk of the participant named and of the primary source");
    // B never learns of A's registration; A sees its candidate with the comparison.
    assert.deepEqual(
      (await ok("GET", `/api/v1/cases/${atB.id}/candidates`, fx.officerB)).candidates,
      [],
    );
    const seen = await ok("GET", `/api/v1/cases/${atA.id}/candidates`, fx.officerA);
    assert.equal(seen.candidates.length, 1);
    assert.equal(seen.candidates[0].registrationId, reg.id);
    assert.equal(seen.candidates[0].provisionalRestriction, true);
    assert.ok(
      seen.candidates[0].comparison.some(
        (f: { field: string; same: boolean }) => f.field === "surname" && f.same,
      ),
    );
    // B cannot link A's registration; A links it.
    assertRefused(
      await call("POST", `/api/v1/cases/${atB.id}/registration`, fx.officerB, {
        registrationId: reg.id,
      }),
      404,
      "not_found",
    );
    const linked = await ok("POST", `/api/v1/cases/${atA.id}/registration`, fx.officerA, {
      registrationId: reg.id,
    });
    assert.equal(linked.organisationId, orgA().id, "the primary source handles it now");
    assert.equal(linked.registrationId, reg.id);
    assert.equal(await screenHit(fx.querierB, seeker), false, "still restricted once linked");
    // The handling officer reads who asked and why (audited).
    const requester = await ok("GET", `/api/v1/cases/${atA.id}/requester`, fx.officerA);
    assert.equal(requester.person.surname, "Bezwaarmaker");
    assert.match(requester.explanation, /vorige huurder/);
    const audit = await ok("GET", "/api/v1/audit?action=case.requester_viewed", fx.auditor);
    assert.ok(audit.items.some((e: { objectId: string }) => e.objectId === atA.id));
    assertRefused(
      await call("GET", `/api/v1/cases/${atA.id}/requester`, fx.officerB),
      404,
      "not_found",
    );
    // Decided: rejected, the restriction ends and the decision letter is produced.
    await ok("POST", `/api/v1/cases/${atA.id}/acknowledgement`, fx.officerA, {});
    const decided = await ok("POST", `/api/v1/cases/${atA.id}/decision`, fx.officerA, {
      outcome: "rejected",
      reasons: "Het vonnis noemt u als veroorzaker.",
    });
    assert.equal(decided.status, "decided");
    assert.equal(await screenHit(fx.querierB, seeker), true, "hits return after the decision");
    const letters = await ok("GET", "/api/v1/letters?pageSize=200", fx.officerA);
    assert.ok(
      letters.items.some(
        (l: { caseId: string; kind: string }) => l.caseId === atA.id && l.kind === "decision",
      ),
    );
  });

  test("21-2 'niet deze persoon': the primary source rejects the candidate, the provisional restriction ends and the case leaves its desk", async () => {
    const person = { initials: "N.", surname: "Naamgenoot", birthDate: "1990-07-07" };
    await registeredAndBlocked(person, "S-2102");
    const seeker = { ...person, seekerNumber: "S-2102" };
    assert.equal(await screenHit(fx.querierB, seeker), true);
    const res = await publicRequest({ organisationId: orgB().id, type: "rectification", person });
    assert.equal(await screenHit(fx.querierB, seeker), false);
    const atA = (await caseOf(fx.officerA, res.json().reference))!;
    const { candidates } = await ok("GET", `/api/v1/cases/${atA.id}/candidates`, fx.officerA);
    assertRefused(
      await call("POST", `/api/v1/cases/${atA.id}/candidate-rejections`, fx.officerB, {
        registrationId: candidates[0].registrationId,
      }),
      404,
      "not_a_candidate",
    );
    await ok("POST", `/api/v1/cases/${atA.id}/candidate-rejections`, fx.officerA, {
      registrationId: candidates[0].registrationId,
    });
    assert.equal(await screenHit(fx.querierB, seeker), true, "the restriction ended");
    assert.equal(await caseOf(fx.officerA, res.json().reference), undefined, "off A's desk");
    assert.ok(await caseOf(fx.officerB, res.json().reference), "still with B");
  });

  test("21-3 an objection cannot be decided unlinked; 'geen registratie gevonden' closes it and the letter says so", async () => {
    const res = await publicRequest({
      organisationId: orgA().id,
      type: "objection",
      person: { initials: "O.", surname: "Onbekend", birthDate: "1970-01-01" },
      address: { street: "Laan", houseNumber: "4", postcode: "9901 AA", city: "Lindendal" },
    });
    const c = (await caseOf(fx.officerA, res.json().reference))!;
    await ok("POST", `/api/v1/cases/${c.id}/acknowledgement`, fx.officerA, {});
    assertRefused(
      await call("POST", `/api/v1/cases/${c.id}/decision`, fx.officerA, {
        outcome: "rejected",
        reasons: "Geen grond.",
      }),
      422,
      "case_not_linked",
    );
    assertRefused(
      await call("POST", `/api/v1/cases/${c.id}/decision`, fx.officerA, {
        outcome: "upheld",
        reasons: "x",
        closedReason: "no_registration_found",
      }),
      400,
      "closed_reason_not_applicable",
    );
    const closed = await ok("POST", `/api/v1/cases/${c.id}/decision`, fx.officerA, {
      outcome: "rejected",
      reasons: "Wij vonden niemand met uw naam en geboortedatum.",
      closedReason: "no_registration_found",
    });
    assert.equal(closed.status, "closed");
    const letters = await ok("GET", "/api/v1/letters?pageSize=200", fx.officerA);
    const letter = letters.items.find(
      (l: { caseId: string; kind: string }) => l.caseId === c.id && l.kind === "decision",
    );
    assert.ok(letter, "the person gets an answer letter");
    const pdf = await call("GET", `/api/v1/letters/${letter.id}/pdf`, fx.officerA);
    const text = pdfText(pdf.rawPayload);
    assert.match(text, /geen registratie over u gevonden/);
    assert.doesNotMatch(text, /ongegrond/);
  });

  test("21-4 the receipt answers the dates by which the person hears back, and e-mails them", async () => {
    const res = await publicRequest({
      organisationId: orgA().id,
      type: "objection",
      person: {
        initials: "M.",
        surname: "Mailtje",
        birthDate: "1988-08-08",
        email: "m.mailtje@example.org",
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const { reference, dueDates } = res.json();
    assert.deepEqual(Object.keys(dueDates).sort(), [
      "objection_acknowledgement",
      "objection_decision",
    ]);
    const outbox = fx.ctx.services.letters.outboxDir!;
    const file = readdirSync(outbox).find((f) => f.endsWith(`${reference}.eml`));
    assert.ok(file, "a receipt e-mail in the outbox");
    const eml = readFileSync(path.join(outbox, file), "utf8").replace(/=\r?\n/g, "");
    assert.match(eml, new RegExp(reference));
    assert.match(eml, /m\.mailtje@example\.org/);
  });

  test("21-5 the committee opens the objection an appeal follows, with the person's words", async () => {
    const person = { initials: "A.", surname: "Appellant", birthDate: "1975-09-09" };
    const reg = await register(fx.officerA, person, ["B.II", "a"]);
    const res = await publicRequest({
      organisationId: orgA().id,
      type: "objection",
      person,
      explanation: "De rechter heeft mij vrijgesproken.",
    });
    const c = (await caseOf(fx.officerA, res.json().reference))!;
    await ok("POST", `/api/v1/cases/${c.id}/registration`, fx.officerA, { registrationId: reg.id });
    await ok("POST", `/api/v1/cases/${c.id}/acknowledgement`, fx.officerA, {});
    await ok("POST", `/api/v1/cases/${c.id}/decision`, fx.officerA, {
      outcome: "rejected",
      reasons: "Het vonnis staat.",
    });
    assert.equal((await call("GET", `/api/v1/cases/${c.id}`, fx.committee)).statusCode, 404);
    await ok(
      "POST",
      "/api/v1/cases",
      fx.committee,
      { type: "appeal", parentCaseId: c.id, receivedDate: "2026-06-01" },
      201,
    );
    const parent = await ok("GET", `/api/v1/cases/${c.id}`, fx.committee);
    assert.equal(parent.reasons, "Het vonnis staat.");
    const requester = await ok("GET", `/api/v1/cases/${c.id}/requester`, fx.committee);
    assert.equal(requester.explanation, "De rechter heeft mij vrijgesproken.");
    assertRefused(
      await call("POST", `/api/v1/cases/${c.id}/withdrawal`, fx.committee, {}),
      403,
      "forbidden",
    );
  });

  test("21-1 21-4 the form offers every type, takes the person's words and answers with a confirmation panel and dates", async () => {
    const blank = await fx.app.inject({ method: "GET", url: "/verzoek" });
    for (const type of ["restriction", "complaint", "new_chance", "hardship"]) {
      assert.match(blank.body, new RegExp(`value="${type}"`), type);
    }
    assert.match(blank.body, /name="explanation"/);
    assert.match(blank.body, /niet om een kopie van uw identiteitsbewijs/);
    const send = (fields: [string, string][]) => {
      address += 1;
      return fx.app.inject({
        method: "POST",
        url: "/verzoek",
        headers: FORM,
        remoteAddress: `198.51.100.${address}`,
        payload: form([
          ["organisationId", orgA().id],
          ["person.initials", "F."],
          ["person.surname", "Formulier"],
          ["person.birthDate", "1983-04-04"],
          ["person.email", "f@example.org"],
          ...fields,
        ]),
      });
    };
    const long = `${"Dit klopt niet. ".repeat(320)}einde`;
    const tooLong = await send([
      ["type", "objection"],
      ["explanation", long],
    ]);
    assert.equal(tooLong.statusCode, 422);
    assert.match(tooLong.body, /<a href="#f-explanation">[^<]*te lang/);
    assert.ok(tooLong.body.includes("einde</textarea>"), "nothing typed is lost");
    const sent = await send([
      ["type", "objection"],
      ["explanation", "De overlast kwam van de buren."],
    ]);
    assert.equal(sent.statusCode, 200, sent.body);
    assert.match(sent.body, /class="confirmation-panel"/);
    assert.match(sent.body, /confirmation-panel__reference">Z-[0-9A-F]{8}</);
    assert.match(sent.body, /Uiterlijk 15 juni 2026: een bevestiging/);
    assert.match(sent.body, /Uiterlijk 29 juni 2026: een schriftelijke beslissing/);
  });

  test("21-3 the officer's case page shows who asked and why, and links the registration (koppelen)", async () => {
    const person = { initials: "K.", surname: "Koppelpagina", birthDate: "1972-02-12" };
    const reg = await register(fx.officerA, person, ["B.II", "a"]);
    const res = await publicRequest({
      organisationId: orgA().id,
      type: "objection",
      person,
      explanation: "Ik woonde daar toen niet meer.",
    });
    const c = (await caseOf(fx.officerA, res.json().reference))!;
    const officer = await page.signInByForm(userOf("officer", orgA().id));
    const before = await page.get(officer, `/zaken/${c.id}`);
    assert.equal(before.statusCode, 200, before.body);
    assert.match(before.body, /Ik woonde daar toen niet meer\./);
    assert.match(before.body, /Koppelpagina/);
    assert.match(before.body, /Koppelen: dit is dezelfde persoon/);
    assert.match(before.body, /Geen registratie gevonden/);
    const linked = await page.post(officer, `/zaken/${c.id}/koppelen`, [
      ["registrationId", reg.id],
    ]);
    assert.equal(linked.statusCode, 303, linked.body);
    const after = await page.get(officer, `/zaken/${c.id}`);
    assert.match(after.body, /Gekoppeld/);
    assert.doesNotMatch(after.body, /Koppelen: dit is dezelfde persoon/);
  });

  test("21-5 the committee's appeal page shows the objection, its decision and the registration; the button says what the heading says", async () => {
    const person = { initials: "C.", surname: "Commissiedossier", birthDate: "1974-04-14" };
    const reg = await register(fx.officerA, person, ["B.II", "a"]);
    const res = await publicRequest({
      organisationId: orgA().id,
      type: "objection",
      person,
      explanation: "Ik heb alles terugbetaald.",
    });
    const c = (await caseOf(fx.officerA, res.json().reference))!;
    await ok("POST", `/api/v1/cases/${c.id}/registration`, fx.officerA, { registrationId: reg.id });
    await ok("POST", `/api/v1/cases/${c.id}/acknowledgement`, fx.officerA, {});
    await ok("POST", `/api/v1/cases/${c.id}/decision`, fx.officerA, {
      outcome: "rejected",
      reasons: "De schuld stond open op de dag van plaatsing.",
    });
    const appeal = await ok(
      "POST",
      "/api/v1/cases",
      fx.committee,
      { type: "appeal", parentCaseId: c.id, receivedDate: "2026-06-01" },
      201,
    );
    await ok("POST", `/api/v1/cases/${appeal.id}/acknowledgement`, fx.committee, {});
    const member = await page.signInByForm(userOf("committee"));
    const view = await page.get(member, `/zaken/${appeal.id}`);
    assert.equal(view.statusCode, 200, view.body);
    assert.match(view.body, /Ik heb alles terugbetaald\./);
    assert.match(view.body, /De schuld stond open op de dag van plaatsing\./);
    assert.match(view.body, /B\.II/);
    assert.match(view.body, /<h3 id="h-decision">Bindend advies vastleggen<\/h3>/);
    assert.match(
      view.body,
      /<button type="submit" class="button button--primary">Bindend advies vastleggen<\/button>/,
    );
    const parent = await page.get(member, `/zaken/${c.id}`);
    assert.equal(parent.statusCode, 200, "the 'Volgt op zaak' link works");
  });
});
