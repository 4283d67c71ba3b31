import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useDemoApp } from "../testing/demo-app.ts";
import { bearer, placeRegistrationThroughApi } from "../testing/http.ts";
import { browserOn, type PageSession as Session } from "../testing/web.ts";

/** The case, letter and committee pages (issue #10) through app.inject, as a browser posts. */
const fx = useDemoApp({ today: "2026-06-01" });

/** Signs in, GETs and POSTs forms through the pages as a browser does: src/testing/web.ts. */
const { signInByForm, get, post } = browserOn(() => fx);

function user(role: string) {
  const orgA = fx.demo.organisations[0]!.id;
  const u = fx.demo.users.find(
    (x) => x.role === role && (role === "committee" || x.organisationId === orgA),
  );
  assert.ok(u, role);
  return u;
}

let n = 0;
/** A registration of organisation A, made through the API (the register form has its own tests). */
async function registration(): Promise<string> {
  n++;
  const res = await placeRegistrationThroughApi(
    fx.app,
    bearer(fx.demo.organisations[0]!.apiKeys.officer),
    {
      person: {
        initials: "Z.",
        surname: `Zaakpagina${"abcdefgh"[n]}`,
        birthDate: `1971-0${n}-1${n}`,
      },
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    },
  );
  return res.id;
}

/** Registers an objection through the form; returns the case id from the redirect. */
async function objection(officer: Session, registrationId: string): Promise<string> {
  const created = await post(officer, "/zaken/nieuw", [
    ["type", "objection"],
    ["registrationId", registrationId],
    ["receivedDate", "2026-06-01"],
    ["noticeDate", "2026-05-20"],
  ]);
  assert.equal(created.statusCode, 303, created.body);
  const location = String(created.headers.location);
  assert.match(location, /^\/zaken\/[0-9a-f-]{36}\?melding=nieuw$/);
  return location.slice("/zaken/".length, "/zaken/".length + 36);
}

describe("case pages", () => {
  test("objection through the form, acknowledged, upheld with reasons, carried out: the registration is gone", async () => {
    const officer = await signInByForm(user("officer"));
    const regId = await registration();

    // The registration is chosen by search (issue 21 part 6, D-973): the form names the person
    // of the chosen registration to the officer and carries its id; the URL holds no person.
    const formPage = await get(officer, `/zaken/nieuw?registratie=${regId}`);
    assert.equal(formPage.statusCode, 200);
    assert.match(formPage.body, new RegExp(`name="registrationId" value="${regId}"`));
    assert.match(formPage.body, /Z\. Zaakpagina/);
    assert.match(formPage.body, /href="\/zoeken"/);

    const caseId = await objection(officer, regId);
    let page = await get(officer, `/zaken/${caseId}?melding=nieuw`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /De zaak is geregistreerd/);
    assert.match(page.body, /Ontvangst bevestigen \(bezwaar\)/);
    assert.match(page.body, /2026-06-15/, "acknowledgement deadline with its date");
    assert.match(page.body, /<td>loopt<\/td>/);

    // Deciding before acknowledging is refused with the rule named.
    const early = await post(officer, `/zaken/${caseId}/besluit`, [
      ["outcome", "upheld"],
      ["reasons", "Onterecht geregistreerd."],
    ]);
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /acknowledgement_first/);

    const ack = await post(officer, `/zaken/${caseId}/ontvangst`, []);
    assert.equal(ack.statusCode, 303, ack.body);
    page = await get(officer, `/zaken/${caseId}`);
    assert.match(page.body, /gehaald op 1 juni 2026/);
    assert.match(page.body, /Ontvangstbevestiging/, "the acknowledgement letter is listed");
    assert.match(page.body, /\/api\/v1\/letters\/[0-9a-f-]{36}\/pdf/);

    const decided = await post(officer, `/zaken/${caseId}/besluit`, [
      ["outcome", "upheld"],
      ["reasons", "De registratie was onterecht: het criterium is niet vastgesteld."],
    ]);
    assert.equal(decided.statusCode, 303, decided.body);
    page = await get(officer, `/zaken/${caseId}?melding=besloten`);
    assert.match(page.body, /gegrond/);
    assert.match(page.body, /het criterium is niet vastgesteld/);
    assert.match(page.body, new RegExp(`href="/zaken/${caseId}/uitvoeren"`));

    // Carrying out needs a choice and a confirmation.
    const confirmPage = await get(officer, `/zaken/${caseId}/uitvoeren`);
    assert.equal(confirmPage.statusCode, 200);
    const unconfirmed = await post(officer, `/zaken/${caseId}/uitvoeren`, [["action", "removed"]]);
    assert.equal(unconfirmed.statusCode, 422);
    assert.match(unconfirmed.body, /href="#f-confirm"/);
    const executed = await post(officer, `/zaken/${caseId}/uitvoeren`, [
      ["action", "removed"],
      ["confirm", "yes"],
    ]);
    assert.equal(executed.statusCode, 303, executed.body);
    page = await get(officer, `/zaken/${caseId}?melding=uitgevoerd`);
    assert.match(page.body, /De beslissing is uitgevoerd/);
    assert.match(page.body, /Registratie verwijderd/);

    const gone = await get(officer, `/registraties/${regId}`);
    assert.equal(gone.statusCode, 404);
  });

  test("validation errors are shown and linked to their fields, in Dutch and English", async () => {
    const officer = await signInByForm(user("officer"));
    const res = await post(officer, "/zaken/nieuw", [
      ["type", ""],
      ["receivedDate", "2026-13-45"],
    ]);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Er is iets niet goed ingevuld/);
    assert.match(res.body, /href="#f-type">Kies de soort zaak\./);
    assert.match(res.body, /href="#f-receivedDate">Vul een bestaande datum in/);
    assert.match(res.body, /id="f-receivedDate"[^>]*aria-invalid="true"/);

    // A rule of the service lands on its field: a received date in the future.
    const regId = await registration();
    const future = await post(officer, "/zaken/nieuw", [
      ["type", "objection"],
      ["registrationId", regId],
      ["receivedDate", "2026-07-01"],
    ]);
    assert.equal(future.statusCode, 422);
    assert.match(
      future.body,
      /href="#f-receivedDate">De datum van ontvangst mag niet na vandaag liggen/,
    );

    // The decision form: outcome and reasons are required.
    const caseId = await objection(officer, regId);
    await post(officer, `/zaken/${caseId}/ontvangst`, []);
    const empty = await post(officer, `/zaken/${caseId}/besluit?lang=en`, [["outcome", ""]]);
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /href="#f-outcome">Choose one of the options\./);
    assert.match(empty.body, /href="#f-reasons">/);

    const en = await get(officer, "/zaken?lang=en");
    assert.match(en.body, /<h1>Cases<\/h1>/);
    assert.match(en.body, /Objection/);
    const nl = await get(officer, "/zaken?lang=nl");
    assert.match(nl.body, /<h1>Zaken<\/h1>/);
  });

  test("a form without the right CSRF token is refused", async () => {
    const officer = await signInByForm(user("officer"));
    const regId = await registration();
    const res = await post(
      officer,
      "/zaken/nieuw",
      [
        ["type", "objection"],
        ["registrationId", regId],
        ["receivedDate", "2026-06-01"],
      ],
      "not-the-token",
    );
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /Het formulier is verlopen/);
    const list = await get(officer, `/registraties/${regId}`);
    assert.match(list.body, /Er zijn geen zaken over deze registratie/);
  });

  test("a querier gets 403 on the case, letter and committee pages, and sees no links to them", async () => {
    const querier = await signInByForm(user("querier"));
    for (const url of ["/zaken", "/zaken/nieuw", "/brieven", "/brieven/plichten", "/commissie"]) {
      const res = await get(querier, url);
      assert.equal(res.statusCode, 403, url);
    }
    const start = await get(querier, "/toetsen");
    assert.doesNotMatch(start.body, /href="\/zaken"|href="\/brieven"|href="\/commissie"/);
  });

  test("lists: filters, the worklist leads with cases, the registration page shows its cases", async () => {
    const officer = await signInByForm(user("officer"));
    const regId = await registration();
    const caseId = await objection(officer, regId);
    const list = await get(officer, "/zaken?type=objection&status=received");
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`/zaken/${caseId}`));
    const none = await get(officer, "/zaken?type=erasure");
    assert.match(none.body, /Er zijn geen zaken die aan dit filter voldoen/);
    const nav = await get(officer, "/werklijst");
    assert.match(nav.body, /href="\/zaken"/);
    assert.match(nav.body, /href="\/brieven"/);
    assert.doesNotMatch(nav.body, /href="\/commissie"/);
    assert.match(nav.body, /Zaken met een termijn/);
    assert.match(nav.body, new RegExp(`/zaken/${caseId}`));
    const reg = await get(officer, `/registraties/${regId}`);
    assert.match(reg.body, /Zaken over deze registratie/);
    assert.match(reg.body, new RegExp(`/zaken/${caseId}`));
    assert.match(reg.body, /Bezwaar/);
  });
});

describe("committee pages", () => {
  test("the committee sees only its cases and records the binding advice on an appeal", async () => {
    const officer = await signInByForm(user("officer"));
    const regId = await registration();
    const objectionId = await objection(officer, regId);
    await post(officer, `/zaken/${objectionId}/ontvangst`, []);
    const rejected = await post(officer, `/zaken/${objectionId}/besluit`, [
      ["outcome", "rejected"],
      ["reasons", "Het gedrag is vastgesteld door de rechter."],
    ]);
    assert.equal(rejected.statusCode, 303, rejected.body);

    const committee = await signInByForm(user("committee"));
    assert.equal(committee.start, "/commissie");
    assert.match(
      (await get(committee, "/commissie")).body,
      /Er zijn geen zaken aan de commissie voorgelegd/,
    );
    // The objection belongs to the landlord: the committee cannot open it.
    assert.equal((await get(committee, `/zaken/${objectionId}`)).statusCode, 404);
    assert.equal((await get(committee, "/zaken")).statusCode, 403);

    // The committee names the objection by the reference printed on the decision letter.
    const objectionPage = await get(officer, `/zaken/${objectionId}`);
    const reference = /Z-[0-9A-F]{8}/.exec(objectionPage.body)?.[0];
    assert.ok(reference, "the case page prints its reference");
    const form = await get(committee, "/zaken/nieuw");
    assert.match(form.body, /Kenmerk van de zaak waarop het beroep volgt/);
    for (const [typed, message] of [
      ["Z-12", /Vul een kenmerk in zoals Z-3F9A1C2B/],
      ["Z-00000000", /Er is geen bezwaar of klacht met dit kenmerk/],
    ] as const) {
      const refused = await post(committee, "/zaken/nieuw", [
        ["type", "appeal"],
        ["parentCaseId", typed],
        ["receivedDate", "2026-06-01"],
      ]);
      assert.equal(refused.statusCode, 422, typed);
      assert.match(refused.body, /<a href="#f-parentCaseId">/);
      assert.match(refused.body, message);
    }
    const created = await post(committee, "/zaken/nieuw", [
      ["type", "appeal"],
      ["parentCaseId", reference.toLowerCase().replace("-", " ")],
      ["receivedDate", "2026-06-01"],
    ]);
    assert.equal(created.statusCode, 303, created.body);
    // The lookup shows nothing the caller may not see: another landlord gets 404, and the
    // committee resolves only objections and complaints, only for an appeal.
    const principalOf = (organisationId: string, roles: string[]) =>
      ({ kind: "user", id: "x", organisationId, roles }) as never;
    const otherOfficer = principalOf(fx.demo.organisations[1]!.id, ["officer"]);
    await assert.rejects(fx.ctx.services.cases.caseIdByReference(otherOfficer, reference), {
      status: 404,
    });
    const ownOfficer = principalOf(fx.demo.organisations[0]!.id, ["officer"]);
    assert.equal(await fx.ctx.services.cases.caseIdByReference(ownOfficer, reference), objectionId);
    // Issue 21 part 5 (D-914): once an appeal to it follows the objection, the committee opens
    // that objection ("Volgt op zaak"), to read, not to act on.
    const committeePrincipal = principalOf(user("committee").organisationId, ["committee"]);
    assert.equal(
      await fx.ctx.services.cases.caseIdByReference(committeePrincipal, reference, "view"),
      objectionId,
    );
    const appealId = String(created.headers.location).slice(7, 43);
    // The primary source's officer sees the appeal but has no step of the committee's to take:
    // the page offers exactly what the cases policy (canActOnCase) lets the officer do.
    const beforeAdvice = await get(officer, `/zaken/${appealId}`);
    assert.equal(beforeAdvice.statusCode, 200);
    for (const step of ["ontvangst", "besluit", "hoorzitting", "wraking", "uitvoeren"]) {
      assert.doesNotMatch(beforeAdvice.body, new RegExp(`/zaken/${appealId}/${step}"`), step);
    }
    assert.equal(
      (await post(officer, `/zaken/${appealId}/ontvangst`, [])).statusCode,
      403,
      "the use case refuses what the page does not offer",
    );
    // The appeal's page names its parent by the same printed reference.
    assert.match(
      (await get(committee, `/zaken/${appealId}`)).body,
      new RegExp(`<a href="/zaken/${objectionId}">${reference}</a>`),
    );
    const list = await get(committee, "/commissie");
    assert.match(list.body, new RegExp(`/zaken/${appealId}`));
    assert.doesNotMatch(list.body, new RegExp(`/zaken/${objectionId}`));

    assert.equal((await post(committee, `/zaken/${appealId}/ontvangst`, [])).statusCode, 303);
    const challenge = await post(committee, `/zaken/${appealId}/wraking`, [
      ["kind", "recusal"],
      ["member", "mr. A. de Vries"],
      ["challengeOutcome", "granted"],
      ["challengeDate", "2026-06-01"],
    ]);
    assert.equal(challenge.statusCode, 303, challenge.body);
    const hearing = await post(committee, `/zaken/${appealId}/hoorzitting`, [
      ["hearingDate", "2026-06-01"],
      ["report", "Beide partijen gehoord."],
    ]);
    assert.equal(hearing.statusCode, 303, hearing.body);

    const noMembers = await post(committee, `/zaken/${appealId}/besluit`, [
      ["outcome", "upheld"],
      ["reasons", "Het bezwaar had gegrond moeten zijn."],
      ["members", ""],
    ]);
    assert.equal(noMembers.statusCode, 422);
    assert.match(noMembers.body, /href="#f-members"/);
    const advice = await post(committee, `/zaken/${appealId}/besluit`, [
      ["outcome", "upheld"],
      ["reasons", "Het bezwaar had gegrond moeten zijn."],
      ["members", "mr. B. Jansen\nC. Pietersen"],
    ]);
    assert.equal(advice.statusCode, 303, advice.body);
    const page = await get(committee, `/zaken/${appealId}`);
    assert.match(page.body, /Verschoning/);
    assert.match(page.body, /Hoorzitting gehouden/);
    assert.match(page.body, /gegrond/);
    assert.doesNotMatch(
      page.body,
      /\/uitvoeren"/,
      "the landlord carries it out, not the committee",
    );

    // The officer (primary source) sees the appeal and may carry it out.
    const officerView = await get(officer, `/zaken/${appealId}`);
    assert.equal(officerView.statusCode, 200);
    assert.match(officerView.body, new RegExp(`/zaken/${appealId}/uitvoeren`));
  });
});

describe("letter pages", () => {
  test("letters and open duties are listed; a letter left for the post is marked sent", async () => {
    const officer = await signInByForm(user("officer"));
    // A registration with a postal address only: its placement letter waits for the post.
    await placeRegistrationThroughApi(fx.app, bearer(fx.demo.organisations[0]!.apiKeys.officer), {
      person: { initials: "P.", surname: "Postbrief", birthDate: "1980-02-02" },
      address: { street: "Dorpsstraat", houseNumber: "3", postcode: "1234 AB", city: "Ergens" },
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    });
    const page = await get(officer, "/brieven");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Brieven<\/h1>/);
    const action = /action="\/brieven\/([0-9a-f-]{36})\/verstuurd"/.exec(page.body);
    assert.ok(action, "a draft letter for the post has a mark-sent form");
    const letterId = action[1]!;

    const badDate = await post(officer, `/brieven/${letterId}/verstuurd`, [["sentOn", "gisteren"]]);
    assert.equal(badDate.statusCode, 422);
    assert.match(badDate.body, new RegExp(`href="#f-sentOn-${letterId}"`));

    const sent = await post(officer, `/brieven/${letterId}/verstuurd`, [["sentOn", "2026-06-01"]]);
    assert.equal(sent.statusCode, 303, sent.body);
    const after = await get(officer, "/brieven?melding=verstuurd");
    assert.match(after.body, /De brief staat op verstuurd/);
    assert.doesNotMatch(after.body, new RegExp(`/brieven/${letterId}/verstuurd`));
    const api = await fx.app.inject({
      method: "GET",
      url: `/api/v1/letters/${letterId}`,
      headers: bearer(fx.demo.organisations[0]!.apiKeys.officer),
    });
    assert.equal(api.json().status, "sent");
    assert.equal(api.json().sentOn, "2026-06-01");

    const duties = await get(officer, "/brieven/plichten?lang=en");
    assert.equal(duties.statusCode, 200);
    assert.match(duties.body, /<h1>Letters owed<\/h1>/);
  });

  test("D-1050 the consortium admin has the letters desk too: it sends for the committee, which has no officers", async () => {
    await placeRegistrationThroughApi(fx.app, bearer(fx.demo.organisations[0]!.apiKeys.officer), {
      person: { initials: "Q.", surname: "Secretariaat", birthDate: "1981-03-03" },
      address: { street: "Dorpsstraat", houseNumber: "5", postcode: "1234 AB", city: "Ergens" },
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    });
    const admin = fx.demo.users.find((x) => x.role === "consortium_admin");
    assert.ok(admin);
    const session = await signInByForm(admin);
    const page = await get(session, "/brieven");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/brieven"/, "the menu offers the letters desk");
    assert.match(
      page.body,
      /action="\/brieven\/[0-9a-f-]{36}\/verstuurd"/,
      "a participant's letter for the post can be marked sent by the consortium admin",
    );
    assert.equal((await get(session, "/brieven/plichten")).statusCode, 200);
  });
});
