import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { DemoRegion } from "../demo/demo-region.ts";
import { totpCodeAt } from "../platform/auth/index.ts";
import { createDemoApp, type DemoApp } from "../testing/demo-app.ts";
import { bearer, sessionCookieOf } from "../testing/http.ts";
import { browserOn, csrfIn, demoUser, FORM, form, postSignInForm } from "../testing/web.ts";

let fx: DemoApp;
let demo: DemoRegion;

const userOf = (role: string, orgIndex = 0) => demoUser(demo, role, orgIndex);

/** Signs in, GETs and POSTs forms through the pages as a browser does: src/testing/web.ts. */
const { signInByForm, get, post } = browserOn(() => fx);

before(async () => {
  fx = await createDemoApp({ today: "2026-06-01" });
  demo = fx.demo;
});
after(async () => fx?.close());

describe("sign-in pages", () => {
  test("officers start at the worklist, queriers at screening; the page is Dutch by default", async () => {
    const officer = await signInByForm(userOf("officer"));
    assert.equal(officer.start, "/werklijst");
    const querier = await signInByForm(userOf("querier"));
    assert.equal(querier.start, "/toetsen");
    const page = await get(officer, "/werklijst");
    assert.match(page.body, /<html lang="nl"/);
    assert.match(page.body, /Woonstichting De Linde \(demo\)/);
    assert.match(page.body, /Brieven te versturen/);
    const en = await get(officer, "/werklijst?lang=en");
    assert.match(en.body, /<html lang="en"/);
    assert.match(en.body, /Letters to send/);
  });

  test("a wrong password names no detail, and the form keeps the e-mail address", async () => {
    const res = await postSignInForm(fx.app, [
      ["email", "functionaris@de-linde.example"],
      ["password", "wrong"],
    ]);
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /Het e-mailadres of wachtwoord klopt niet/);
    assert.match(res.body, /href="#f-email"/);
    assert.match(res.body, /value="functionaris@de-linde.example"/);
  });

  test("empty fields are named in an error summary linked to the fields", async () => {
    const res = await postSignInForm(fx.app, []);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /role="alert"/);
    assert.match(res.body, /href="#f-email">Vul uw e-mailadres in/);
    assert.match(res.body, /href="#f-password">Vul uw wachtwoord in/);
  });

  test("a page without a session sends to sign-in; an expired session says so", async () => {
    const none = await fx.app.inject({ method: "GET", url: "/werklijst" });
    assert.equal(none.statusCode, 303);
    assert.equal(none.headers.location, "/aanmelden");
    const stale = await fx.app.inject({
      method: "GET",
      url: "/werklijst",
      headers: { cookie: "__Host-woonsignaal=not-a-live-session" },
    });
    assert.equal(stale.statusCode, 303);
    assert.equal(stale.headers.location, "/aanmelden?reden=verlopen");
    const page = await fx.app.inject({ method: "GET", url: "/aanmelden?reden=verlopen" });
    assert.match(page.body, /Uw sessie is verlopen/);
  });

  test("enrolment shows a QR code, and a first code gives recovery codes once", async () => {
    const admin = bearer(demo.consortiumAdmin.apiKey);
    const created = await fx.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: admin,
      payload: {
        organisationId: demo.organisations[2]!.id,
        email: "nieuw@vallei.example",
        displayName: "Nieuwe Bevrager",
        roles: ["querier"],
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const password = created.json().activationPassword as string;
    const first = await postSignInForm(fx.app, [
      ["email", "nieuw@vallei.example"],
      ["password", password],
    ]);
    assert.equal(first.headers.location, "/aanmelden/koppelen");
    const pre = sessionCookieOf(first.headers["set-cookie"]);
    const enrol = await fx.app.inject({
      method: "GET",
      url: "/aanmelden/koppelen",
      headers: { cookie: pre },
    });
    assert.equal(enrol.statusCode, 200);
    assert.match(enrol.body, /<img class="qr" src="data:image\/svg\+xml;base64,/);
    const secret = /<code class="secret">([A-Z2-7]+)<\/code>/.exec(enrol.body)?.[1];
    assert.ok(secret);
    const enrolWith = (fields: [string, string][]) =>
      fx.app.inject({
        method: "POST",
        url: "/aanmelden/koppelen",
        headers: { ...FORM, cookie: pre },
        payload: form([["_csrf", csrfIn(enrol.body)], ...fields]),
      });
    const wrong = await enrolWith([
      ["secret", secret],
      ["otpauthUri", `otpauth://totp/Woonsignaal:x?secret=${secret}`],
      ["code", "000000"],
    ]);
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, new RegExp(secret), "the same secret is shown again");
    fx.ctx.clock.advance(31_000);
    const done = await enrolWith([["code", totpCodeAt(secret, fx.ctx.clock.now())]]);
    assert.equal(done.statusCode, 200, done.body);
    assert.match(done.body, /Uw herstelcodes/);
    assert.equal((done.body.match(/<li><code>/g) ?? []).length, 10);
    // A new account must choose its own password first.
    assert.match(done.body, /href="\/account\/wachtwoord"/);
  });

  test("signing out ends the session; without the form's token it is refused", async () => {
    const s = await signInByForm(userOf("querier", 1));
    const refused = await fx.app.inject({
      method: "POST",
      url: "/afmelden",
      headers: { ...FORM, cookie: s.cookie },
      payload: "",
    });
    assert.equal(refused.statusCode, 403);
    const ok = await post(s, "/afmelden", []);
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, "/aanmelden?reden=afgemeld");
    const after = await get(s, "/toetsen");
    assert.equal(after.headers.location, "/aanmelden?reden=verlopen");
  });
});

describe("CSRF and access on pages", () => {
  test("a form post without the session's token is refused with a page, and nothing happens", async () => {
    const s = await signInByForm(userOf("querier"));
    const res = await fx.app.inject({
      method: "POST",
      url: "/toetsen",
      headers: { ...FORM, cookie: s.cookie },
      payload: form([
        ["purpose", "allocation"],
        ["person.initials", "J."],
        ["person.surname", "Jansen"],
        ["person.birthDate", "1980-01-02"],
      ]),
    });
    assert.equal(res.statusCode, 403);
    assert.match(res.headers["content-type"] as string, /text\/html/);
    assert.match(res.body, /Het formulier is verlopen/);
    const wrong = await post(s, "/toetsen", [["purpose", "allocation"]], "x".repeat(s.csrf.length));
    assert.equal(wrong.statusCode, 403);
  });

  test("the API does not take the form field instead of the header (JSON bodies refuse it)", async () => {
    const s = await signInByForm(userOf("querier"));
    const res = await fx.app.inject({
      method: "POST",
      url: "/api/v1/screenings",
      headers: { cookie: s.cookie },
      payload: {
        _csrf: s.csrf,
        purpose: "allocation",
        person: { initials: "J.", surname: "Jansen", birthDate: "1980-01-02" },
      },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, "csrf_failed");
  });

  test("003-46 a querier cannot open the register: a 403 page, no menu item", async () => {
    const s = await signInByForm(userOf("querier"));
    const anyId = "00000000-0000-4000-8000-000000000000";
    for (const url of [
      "/registraties/nieuw",
      "/werklijst",
      "/registraties",
      `/registraties/${anyId}`,
      "/matches",
    ]) {
      const res = await get(s, url);
      assert.equal(res.statusCode, 403, url);
      assert.match(res.body, /Geen toegang/);
    }
    const menu = await get(s, "/toetsen");
    assert.doesNotMatch(
      menu.body,
      /href="\/registraties\/nieuw"/,
      "no link to a page the role cannot open",
    );
    assert.doesNotMatch(menu.body, /href="\/registraties"/, "no register in the menu");
    assert.match(menu.body, /href="\/toetsen"/, "screening stays");
  });

  test("every page route declares its access", () => {
    const pages = fx.app.routeTable.filter(
      (r) => !r.url.startsWith("/api/") && r.url !== "/healthz" && !r.url.startsWith("/static/*"),
    );
    assert.ok(pages.length >= 20, `pages in the route table: ${pages.length}`);
    assert.deepEqual(
      pages.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`),
      [],
    );
  });
});

describe("register, screen, match", () => {
  let officer: { cookie: string; csrf: string };
  let registrationId = "";
  const person: [string, string][] = [
    ["person.initials", "P.J."],
    ["person.firstNames", "Pieter Jan"],
    ["person.prefix", "van"],
    ["person.surname", "Stapvoet"],
    ["person.birthDate", "1984-07-21"],
  ];

  before(async () => {
    officer = await signInByForm(userOf("officer"));
  });

  /** A step of the register form. */
  const registerStep = (fields: [string, string][]) => post(officer, "/registraties/nieuw", fields);

  test("step 1 demands a category; step 2 demands the criteria and the confirmation, naming the rule", async () => {
    const none = await registerStep([
      ["step", "1"],
      ["action", "next"],
    ]);
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /Kies minstens één categorie/);
    const two = await registerStep([
      ["step", "1"],
      ["action", "next"],
      ["categories", "A.I"],
    ]);
    assert.equal(two.statusCode, 200);
    assert.match(two.body, /Stap 2 van 4/);
    assert.match(two.body, /Bij twijfel niet invoeren/);
    const missing = await registerStep([
      ["step", "2"],
      ["action", "next"],
      ["categories", "A.I"],
      ["criteria", "e.i"],
    ]);
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /regel criterion_(does_not_fit|missing_for_category)/);
    assert.match(missing.body, /Bevestig dat de criteria zijn vastgesteld/);
  });

  test("step 3 validates the person with the API's rules; step 4 shows term, end date, scope and the rules", async () => {
    const base: [string, string][] = [
      ["categories", "A.I"],
      ["criteria", "a"],
      ["confirmCriteria", "yes"],
      ["interestsWeighed", "yes"],
      ["weighingTerm", "standard"],
    ];
    const bad = await registerStep([
      ["step", "3"],
      ["action", "next"],
      ...base,
      ["person.initials", "J.2"],
      ["person.surname", "X1"],
      ["placementDate", "2026-05-01"],
    ]);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#f-person-initials">Een naam bevat geen cijfers/);
    assert.match(bad.body, /href="#f-person-birthDate">Vul dit in/);
    const future = await registerStep([
      ["step", "3"],
      ["action", "next"],
      ...base,
      ...person,
      ["placementDate", "2026-07-01"],
    ]);
    assert.equal(future.statusCode, 422);
    assert.match(future.body, /regel placement_in_future/);
    // Issue 20: the evidence of each ticked criterion, and the rented dwelling (here the person
    // left it: the letter is documented until an address is known).
    const grounds: [string, string][] = [
      ["evidence.a.vonnis.date", "2026-04-01"],
      ["evidence.a.vonnis.reference", "C/09/612345 / KG ZA 26-123"],
      ["address.street", "Kerkstraat"],
      ["address.houseNumber", "5"],
      ["address.postcode", "9901 AB"],
      ["address.city", "Lindendal"],
      ["dwellingOnly", "yes"],
      ["tenancyRelation", "huurder"],
    ];
    const noEvidence = await registerStep([
      ["step", "3"],
      ["action", "next"],
      ...base,
      ...person,
      ["placementDate", "2026-05-01"],
    ]);
    assert.equal(noEvidence.statusCode, 422);
    assert.match(noEvidence.body, /Bewijs voor criterium a/);
    assert.match(noEvidence.body, /regel evidence_missing/);
    assert.match(noEvidence.body, /regel dwelling_address_missing/);
    // 003-09 a description is no case number: refused on its own field, the text kept (D-961).
    const prose = await registerStep([
      ["step", "3"],
      ["action", "next"],
      ...base,
      ...person,
      ...grounds.filter(([k]) => k !== "evidence.a.vonnis.reference"),
      ["evidence.a.vonnis.reference", "vonnis wegens overlast"],
      ["placementDate", "2026-05-01"],
    ]);
    assert.equal(prose.statusCode, 422, prose.body);
    assert.match(
      prose.body,
      /href="#f-evidence-a-vonnis-reference">Vul alleen een zaaknummer of ECLI in/,
    );
    assert.match(prose.body, /value="vonnis wegens overlast"/);
    const check = await registerStep([
      ["step", "3"],
      ["action", "next"],
      ...base,
      ...person,
      ...grounds,
      ["placementDate", "2026-05-01"],
    ]);
    assert.equal(check.statusCode, 200, check.body);
    assert.match(check.body, /Vonnis of beschikking van de rechter \(2026-04-01, C\/09\/612345/);
    assert.match(check.body, /Stap 4 van 4/);
    assert.match(check.body, /Einddatum/);
    assert.match(check.body, /<code>end_date<\/code>/);
    assert.match(check.body, /<code>scope<\/code>/);
    const created = await registerStep([
      ["step", "4"],
      ["action", "next"],
      ...base,
      ...person,
      ...grounds,
      ["placementDate", "2026-05-01"],
    ]);
    assert.equal(created.statusCode, 303, created.body);
    const location = String(created.headers.location);
    assert.match(location, /^\/registraties\/[0-9a-f-]{36}\?melding=nieuw$/);
    registrationId = location.split("/")[2]!.split("?")[0]!;
    const detail = await get(officer, location);
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /De registratie is opgeslagen/);
    assert.match(detail.body, /Stapvoet/);
    assert.match(detail.body, /geregistreerd/, "history names the creation");
    assert.match(detail.body, /Brief over plaatsing/);
  });

  test("the registrations list filters by status and category, and shows an empty state", async () => {
    const list = await get(officer, "/registraties?category=A.I");
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`/registraties/${registrationId}`));
    const none = await get(officer, "/registraties?category=E.IX");
    assert.match(none.body, /Geen registraties die aan het filter voldoen/);
  });

  test("a querier of the primary source sees the hit and the duty to inform", async () => {
    const querier = await signInByForm(userOf("querier"));
    const page = await get(querier, "/toetsen");
    const res = await post(
      querier,
      "/toetsen",
      [["purpose", "allocation"], ...person],
      csrfIn(page.body),
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /Treffer/);
    assert.match(res.body, /Geldt voor uw organisatie/);
    assert.match(res.body, /binnen 4 weken schriftelijk informeren/);
    const none = await post(
      querier,
      "/toetsen",
      [
        ["purpose", "allocation"],
        ["person.initials", "Q."],
        ["person.surname", "Onbekend"],
        ["person.birthDate", "1990-01-05"],
      ],
      csrfIn(page.body),
    );
    assert.match(none.body, /Geen treffer/);
  });

  test("a seeker put by the allocation system becomes a proposal the officer confirms", async () => {
    const put = await fx.app.inject({
      method: "PUT",
      url: "/api/v1/seekers/WZ-4711",
      headers: bearer(demo.allocationSystem.apiKey),
      payload: {
        person: { initials: "P.J.", surname: "Stapvoet", prefix: "van", birthDate: "1984-07-21" },
      },
    });
    assert.equal(put.statusCode, 201, put.body);
    const list = await get(officer, "/matches");
    assert.match(list.body, /WZ-4711/);
    const id = /href="\/matches\/([0-9a-f-]{36})"/.exec(list.body)?.[1];
    assert.ok(id);
    const detail = await get(officer, `/matches/${id}`);
    assert.match(detail.body, /achternaam/);
    assert.match(detail.body, /geboortedatum/);
    // The first click asks once more (D-991); the second blocks.
    const asked = await post(officer, `/matches/${id}/besluit`, [["decision", "confirm"]]);
    assert.equal(asked.statusCode, 200, asked.body);
    assert.match(asked.body, /U blokkeert hiermee woningzoekende WZ-4711 tot en met/);
    const decided = await post(officer, `/matches/${id}/besluit`, [
      ["decision", "confirm"],
      ["zeker", "ja"],
    ]);
    assert.equal(decided.statusCode, 303, decided.body);
    const after = await get(officer, String(decided.headers.location));
    assert.match(after.body, /De match is bevestigd/);
    const block = await fx.app.inject({
      method: "GET",
      url: "/api/v1/seekers/WZ-4711/block",
      headers: bearer(demo.allocationSystem.apiKey),
    });
    assert.equal(block.json().blocked, true);
  });

  test("restrict, lift and erase with confirmation", async () => {
    const restrict = await post(officer, `/registraties/${registrationId}/beperken`, [
      ["reason", "accuracy_contested"],
    ]);
    assert.equal(restrict.statusCode, 303, restrict.body);
    const lift = await post(officer, `/registraties/${registrationId}/beperking-opheffen`, []);
    assert.equal(lift.statusCode, 303, lift.body);
    const unconfirmed = await post(officer, `/registraties/${registrationId}/verwijderen`, []);
    assert.equal(unconfirmed.statusCode, 422);
    assert.match(unconfirmed.body, /definitief is/);
    const erased = await post(officer, `/registraties/${registrationId}/verwijderen`, [
      ["confirm", "yes"],
    ]);
    assert.equal(erased.statusCode, 200, erased.body);
    const gone = await get(officer, `/registraties/${registrationId}`);
    assert.equal(gone.statusCode, 404);
  });
});
