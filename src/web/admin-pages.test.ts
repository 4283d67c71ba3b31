import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { DemoRegion } from "../demo/demo-region.ts";
import { createDemoApp, type DemoApp } from "../testing/demo-app.ts";
import { bearer, placeRegistrationThroughApi } from "../testing/http.ts";
import { startSmtpSink } from "../testing/smtp-sink.ts";
import {
  browserOn,
  csrfIn,
  demoUser,
  FORM,
  form,
  signInByForm as signInByFormAt,
} from "../testing/web.ts";

let fx: DemoApp;
let demo: DemoRegion;

const userOf = (role: string, orgIndex = 0) => demoUser(demo, role, orgIndex);

/** Signs in through the pages (password, TOTP, declaration) and posts a session's forms: src/testing/web.ts. */
const { signInByForm, post: postAs } = browserOn(() => fx);

before(async () => {
  fx = await createDemoApp({ today: "2026-06-01" });
  demo = fx.demo;
});
after(async () => fx?.close());

const get = (url: string, cookie?: string) =>
  fx.app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });
const post = (url: string, fields: [string, string][], cookie?: string) =>
  fx.app.inject({
    method: "POST",
    url,
    headers: cookie ? { ...FORM, cookie } : FORM,
    payload: form(fields),
  });

describe("consortium admin pages", () => {
  test("the admin changes a region setting, and sees linked errors for bad values", async () => {
    const admin = await signInByForm(userOf("consortium_admin"));
    const page = await get("/beheer/instellingen", admin.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Instellingen van de regio/);
    assert.match(page.body, /Bewaartermijn auditlog/);
    assert.match(page.body, /href="\/beheer\/deelnemers"/, "the admin's menu");
    assert.doesNotMatch(page.body, /href="\/audit"/, "no auditor pages in the admin's menu");
    const csrf = csrfIn(page.body);
    const bad = await postAs(
      admin,
      "/beheer/instellingen",
      [
        ["matchThreshold", "5"],
        ["screeningBurstPerHour", "veel"],
        ["caseRetentionMonths", "24"],
      ],
      csrf,
    );
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /<a href="#f-matchThreshold">Vul een getal in van ten minste 10\.<\/a>/);
    assert.match(bad.body, /<a href="#f-screeningBurstPerHour">Vul een getal in\.<\/a>/);
    assert.equal((await fx.ctx.services.organisations.settings()).matchThreshold, 18);
    const ok = await postAs(
      admin,
      "/beheer/instellingen",
      [
        ["matchThreshold", "20"],
        ["screeningBurstPerHour", "80"],
        ["caseRetentionMonths", "36"],
      ],
      csrf,
    );
    assert.equal(ok.statusCode, 303, ok.body);
    const settings = await fx.ctx.services.organisations.settings();
    assert.equal(settings.matchThreshold, 20);
    assert.equal(settings.caseRetentionMonths, 36);
    const after = await get(String(ok.headers.location), admin.cookie);
    assert.match(after.body, /De instellingen zijn opgeslagen/);
    assert.match(after.body, /value="20"/);
    // English
    const en = await get("/beheer/instellingen?lang=en", admin.cookie);
    assert.match(en.body, /Region settings/);
  });

  test("the admin sets the region's SMTP server, tests it, and clears it", async () => {
    const sink = await startSmtpSink({ credentials: { user: "regio", password: "Zomer-2026!" } });
    try {
      const admin = await signInByForm(userOf("consortium_admin"));
      const page = await get("/beheer/instellingen", admin.cookie);
      assert.match(page.body, /E-mail \(SMTP-server\)/);
      assert.match(page.body, /de instellingen van de installatie/);
      const csrf = csrfIn(page.body);
      const smtpForm = (extra: [string, string][] = []): [string, string][] => [
        ["_csrf", csrf],
        ["smtp.host", "127.0.0.1"],
        ["smtp.port", String(sink.port)],
        ["smtp.tls", "none"],
        ["smtp.username", "regio"],
        ["smtp.from", "brieven@regio.example"],
        ...extra,
      ];
      const bad = await postAs(
        admin,
        "/beheer/instellingen/smtp",
        [
          ["smtp.host", "mail server!"],
          ["smtp.port", "99999"],
          ["smtp.tls", "starttls"],
          ["smtp.from", "geen-adres"],
          ["smtp.password", "Zomer-2026!"],
        ],
        csrf,
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /<a href="#f-smtp-host">Vul een servernaam in/);
      assert.match(bad.body, /<a href="#f-smtp-port">Vul een poortnummer in/);
      assert.match(bad.body, /<a href="#f-smtp-from">/);
      assert.ok(!bad.body.includes("Zomer-2026!"), "a typed password is never sent back");
      assert.equal((await fx.ctx.services.organisations.settingsView()).smtp, null);
      const saved = await post(
        "/beheer/instellingen/smtp",
        smtpForm([["smtp.password", "Zomer-2026!"]]),
        admin.cookie,
      );
      assert.equal(saved.statusCode, 303, saved.body);
      const after = await get(String(saved.headers.location), admin.cookie);
      assert.match(after.body, /De e-mailinstellingen zijn opgeslagen/);
      assert.match(after.body, /de server van de regio, 127\.0\.0\.1/);
      assert.match(after.body, /data-testid="smtp-password">ingesteld</);
      assert.ok(!after.body.includes("Zomer-2026!"), "the password is never shown");
      assert.match(after.body, /type="password"[^>]*value=""/);
      /** The settings page's test e-mail, sent to `to`. */
      const mailTestTo = (to: string) =>
        postAs(admin, "/beheer/instellingen/smtp/test", [["test.to", to]], csrf);
      const sent = await mailTestTo("beheer@regio.example");
      assert.equal(sent.statusCode, 200, sent.body);
      assert.match(
        sent.body,
        /Het testbericht is aangenomen voor beheer@regio\.example, via de server van de regio/,
      );
      assert.equal(sink.messages.at(-1)?.user, "regio");
      // An empty password field keeps the password; a new one replaces it.
      const kept = await post("/beheer/instellingen/smtp", smtpForm(), admin.cookie);
      assert.equal(kept.statusCode, 303);
      assert.equal((await fx.ctx.services.organisations.settingsView()).smtp?.passwordSet, true);
      await post("/beheer/instellingen/smtp", smtpForm([["smtp.password", "fout"]]), admin.cookie);
      const failed = await mailTestTo("beheer@regio.example");
      assert.equal(failed.statusCode, 422);
      assert.match(failed.body, /role="alert" data-testid="mail-test-error"/);
      assert.match(failed.body, /De server weigert de aanmelding/);
      assert.match(failed.body, /EAUTH/);
      assert.match(failed.body, /535/);
      const badTo = await mailTestTo("niemand");
      assert.equal(badTo.statusCode, 422);
      assert.match(badTo.body, /<a href="#f-test-to">/);
      // Clearing the password: then the user name alone is kept.
      const cleared = await post(
        "/beheer/instellingen/smtp",
        smtpForm([["smtp.clearPassword", "yes"]]),
        admin.cookie,
      );
      assert.equal(cleared.statusCode, 303);
      assert.equal((await fx.ctx.services.organisations.settingsView()).smtp?.passwordSet, false);
      const removed = await postAs(admin, "/beheer/instellingen/smtp/verwijderen", [], csrf);
      assert.equal(removed.statusCode, 303);
      assert.equal((await fx.ctx.services.organisations.settingsView()).smtp, null);
      const noCsrf = await post(
        "/beheer/instellingen/smtp",
        smtpForm().filter(([k]) => k !== "_csrf"),
        admin.cookie,
      );
      assert.equal(noCsrf.statusCode, 403);
      const en = await get("/beheer/instellingen?lang=en", admin.cookie);
      assert.match(en.body, /E-mail \(SMTP server\)/);
      await get("/beheer/instellingen?lang=nl", admin.cookie);
    } finally {
      await sink.close();
    }
  });

  test("the admin issues an API key, shown once, and revokes it", async () => {
    const admin = await signInByForm(userOf("consortium_admin"));
    const page = await get("/beheer/gebruikers", admin.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Gebruikers en API-sleutels/);
    const org = demo.organisations[0]!.id;
    const missing = await postAs(admin, "/beheer/sleutels", [
      ["key.organisationId", org],
      ["key.role", "querier"],
      ["key.label", ""],
    ]);
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /<a href="#f-key-label">/);
    const issued = await postAs(admin, "/beheer/sleutels", [
      ["key.organisationId", org],
      ["key.role", "querier"],
      ["key.label", "Koppeling test"],
    ]);
    assert.equal(issued.statusCode, 200, issued.body);
    const key = /data-testid="secret">([^<]+)</.exec(issued.body)?.[1];
    assert.ok(key, "the key is shown");
    const api = await fx.app.inject({
      method: "POST",
      url: "/api/v1/screenings",
      headers: bearer(key),
      payload: {},
    });
    assert.equal(api.statusCode, 400, "the key works (the empty body is refused, not the key)");
    const again = await get("/beheer/gebruikers", admin.cookie);
    assert.ok(!again.body.includes(key), "never shown again");
    assert.match(again.body, /Koppeling test/);
    const keys = await fx.ctx.services.identity.listApiKeys(
      { kind: "user", id: "x", organisationId: org, roles: ["consortium_admin"] } as never,
      org,
    );
    const row = keys.find((k) => k.label === "Koppeling test")!;
    const revoked = await postAs(admin, `/beheer/sleutels/${row.id}/intrekken`, []);
    assert.equal(revoked.statusCode, 303);
    const refused = await fx.app.inject({
      method: "POST",
      url: "/api/v1/screenings",
      headers: bearer(key),
      payload: {},
    });
    assert.equal(refused.statusCode, 401);
  });

  test("participants: list, accession with validation, suspension needs a date, withdrawal a confirmation", async () => {
    const admin = await signInByForm(userOf("consortium_admin"));
    const list = await get("/beheer/deelnemers", admin.cookie);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(demo.organisations[0]!.name.replace(/[()]/g, "\\$&")));
    const bad = await postAs(admin, "/beheer/deelnemers/nieuw", [
      ["name", ""],
      ["kind", "housing_corporation"],
      ["dpo.email", "geen-adres"],
    ]);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /<a href="#f-name">/);
    const created = await postAs(admin, "/beheer/deelnemers/nieuw", [
      ["name", "Woningstichting Nieuw"],
      ["kind", "housing_corporation"],
      ["protocolSignedOn", "2026-05-01"],
    ]);
    assert.equal(created.statusCode, 303, created.body);
    const org = (await fx.ctx.services.organisations.listPublicParticipants()).find(
      (o) => o.name === "Woningstichting Nieuw",
    );
    assert.ok(org, "the new participant is on the public list");
    const noDate = await postAs(admin, `/beheer/deelnemers/${org.id}/schorsen`, []);
    assert.equal(noDate.statusCode, 422);
    assert.match(noDate.body, /<a href="#f-suspend-date">/);
    const noConfirm = await postAs(admin, `/beheer/deelnemers/${org.id}/uittreden`, [
      ["withdraw.date", "2026-07-01"],
    ]);
    assert.equal(noConfirm.statusCode, 422);
    assert.match(noConfirm.body, /<a href="#f-withdraw-confirm">/);
    const suspended = await postAs(admin, `/beheer/deelnemers/${org.id}/schorsen`, [
      ["suspend.date", "2026-06-01"],
    ]);
    assert.equal(suspended.statusCode, 303, suspended.body);
    const detail = await get(String(suspended.headers.location), admin.cookie);
    assert.match(detail.body, /De organisatie is geschorst/);
    assert.match(detail.body, /Schorsing opheffen/);
    // Dates read as words, with the machine form kept (D-401).
    assert.match(detail.body, /<time datetime="2026-05-01">1 mei 2026<\/time>/);
    assert.match(detail.body, /<time datetime="2026-06-01">1 juni 2026<\/time>/);
    assert.doesNotMatch(detail.body, />2026-05-01</);
    const en = await get(`/beheer/deelnemers/${org.id}?lang=en`, admin.cookie);
    assert.match(en.body, /<time datetime="2026-05-01">1 May 2026<\/time>/);
  });

  test("the admin changes a user's roles; a role that does not fit the organisation is refused on the form", async () => {
    const admin = await signInByForm(userOf("consortium_admin"));
    const querier = userOf("querier");
    /** The accounts of the querier's organisation, as the identity service lists them. */
    const usersOfOrganisation = () =>
      fx.ctx.services.identity.listUsers({
        kind: "user",
        id: "x",
        organisationId: querier.organisationId,
        roles: ["consortium_admin"],
      } as never);
    const target = (await usersOfOrganisation()).find((u) => u.email === querier.email)!;
    const list = await get("/beheer/gebruikers", admin.cookie);
    assert.match(list.body, new RegExp(`href="/beheer/gebruikers/${target.id}"`));
    const page = await get(`/beheer/gebruikers/${target.id}`, admin.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Gebruiker wijzigen/);
    assert.match(page.body, /name="roles" value="querier" checked/);
    const csrf = csrfIn(page.body);
    /** Sends the user's form with a display name and roles. */
    const saveUser = (displayName: string, roles: string[]) =>
      postAs(
        admin,
        `/beheer/gebruikers/${target.id}`,
        [["displayName", displayName], ...roles.map((r): [string, string] => ["roles", r])],
        csrf,
      );
    const none = await saveUser("Demo querier", []);
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /<a href="#f-roles">/);
    const wrong = await saveUser("Demo querier", ["querier", "auditor"]);
    assert.equal(wrong.statusCode, 422);
    assert.match(
      wrong.body,
      /<a href="#f-roles">Een organisatie van deze soort kan deze rol niet hebben/,
    );
    assert.match(wrong.body, /role_not_allowed_for_organisation/);
    assert.match(wrong.body, /name="roles" value="auditor" checked/, "the choice is kept");
    const ok = await saveUser("Bevrager en functionaris", ["querier", "officer"]);
    assert.equal(ok.statusCode, 303, ok.body);
    const after = (await usersOfOrganisation()).find((u) => u.id === target.id)!;
    assert.deepEqual([...after.roles].sort(), ["officer", "querier"]);
    assert.equal(after.displayName, "Bevrager en functionaris");
    const done = await get(String(ok.headers.location), admin.cookie);
    assert.match(done.body, /De gebruiker is gewijzigd/);
    const unknown = await get(
      "/beheer/gebruikers/00000000-0000-4000-8000-000000000000",
      admin.cookie,
    );
    assert.equal(unknown.statusCode, 404);
  });

  test("the admin records an accession date on a participant's details", async () => {
    const admin = await signInByForm(userOf("consortium_admin"));
    const created = await fx.ctx.services.organisations.createOrganisation(
      {
        kind: "user",
        id: "x",
        organisationId: demo.organisations[0]!.id,
        roles: ["consortium_admin"],
      } as never,
      { requestId: null, clientAddress: null },
      { name: "Verhuurder Zonder Handtekening", kind: "housing_corporation" },
    );
    const detail = await get(`/beheer/deelnemers/${created.id}`, admin.cookie);
    assert.match(detail.body, /toetreding vastleggen/);
    const edit = await get(`/beheer/deelnemers/${created.id}/wijzigen`, admin.cookie);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /value="Verhuurder Zonder Handtekening"/);
    const csrf = csrfIn(edit.body);
    const bad = await postAs(
      admin,
      `/beheer/deelnemers/${created.id}/wijzigen`,
      [
        ["kind", "housing_corporation"],
        ["protocolSignedOn", "1 mei"],
      ],
      csrf,
    );
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /<a href="#f-protocolSignedOn">/);
    const ok = await postAs(
      admin,
      `/beheer/deelnemers/${created.id}/wijzigen`,
      [
        ["kind", "housing_corporation"],
        ["protocolSignedOn", "2026-05-15"],
        ["kvkNumber", "12345678"],
      ],
      csrf,
    );
    assert.equal(ok.statusCode, 303, ok.body);
    const view = await fx.ctx.services.organisations.getOrganisation(
      { kind: "user", id: "x", organisationId: created.id, roles: ["consortium_admin"] } as never,
      created.id,
    );
    assert.equal(view.protocolSignedOn, "2026-05-15");
    assert.equal(view.kvkNumber, "12345678");
    assert.equal(view.name, "Verhuurder Zonder Handtekening", "an empty field keeps the value");
    const shown = await get(String(ok.headers.location), admin.cookie);
    assert.match(shown.body, /De gegevens zijn gewijzigd/);
  });

  test("the protocol profile is shown as readable rules with articles", async () => {
    const admin = await signInByForm(userOf("consortium_admin"));
    const page = await get("/beheer/protocol", admin.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Het protocol van de regio/);
    assert.match(page.body, /Termijnen/);
    assert.match(page.body, /003 §/);
  });
});

describe("auditor pages", () => {
  test("the auditor searches the log with pagination and gets CSV", async () => {
    const auditor = await signInByForm(userOf("auditor"));
    // Every look is logged: enough looks for a second page.
    for (let i = 0; i < 50; i++) await get("/audit?action=nothing.here", auditor.cookie);
    const page = await get("/audit", auditor.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /gebeurtenissen<\/caption>/);
    assert.match(page.body, /Volgende pagina/);
    const filtered = await get(
      "/audit?action=session.*&outcome=success&from=2026-01-01",
      auditor.cookie,
    );
    assert.equal(filtered.statusCode, 200);
    assert.match(filtered.body, /session\./);
    assert.doesNotMatch(filtered.body, /<code>registration\.created<\/code>/);
    const csvLink = /href="(\/audit\/export\.csv\?[^"]+)"/.exec(filtered.body)?.[1];
    assert.ok(csvLink);
    const csv = await get(csvLink.replace(/&amp;/g, "&"), auditor.cookie);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers["content-type"]), /text\/csv/);
    assert.match(csv.body, /^seq,id,occurred_at/);
    const bad = await get("/audit?from=gisteren&action=Wat%20dan", auditor.cookie);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /<a href="#f-from">/);
    assert.match(bad.body, /<a href="#f-action">/);
    const none = await get("/audit?action=nothing.here", auditor.cookie);
    assert.match(none.body, /Geen gebeurtenissen gevonden/);
  });

  test("verify shows the log intact", async () => {
    const auditor = await signInByForm(userOf("auditor"));
    const page = await get("/audit/controle", auditor.cookie);
    assert.equal(page.statusCode, 200);
    const run = await postAs(auditor, "/audit/controle", [], csrfIn(page.body));
    assert.equal(run.statusCode, 200, run.body);
    assert.match(run.body, /data-verify="intact"/);
    assert.match(run.body, /Het auditlog is intact/);
  });

  test("the annual report renders, and comes as PDF; access review and signals open", async () => {
    const auditor = await signInByForm(userOf("auditor"));
    const page = await get("/audit/jaarverslag?jaar=2026", auditor.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Jaarverslag 2026/);
    assert.match(page.body, /<table/);
    assert.match(page.body, /<h2>Samenvatting<\/h2>/);
    const en = await get("/audit/jaarverslag?jaar=2026&lang=en", auditor.cookie);
    assert.match(en.body, /<h2>Summary<\/h2>/);
    assert.match(en.body, /Screenings by purpose/);
    assert.doesNotMatch(en.body, /Samenvatting|Toetsingen per doel/);
    const enPdf = await fx.app.inject({
      method: "GET",
      url: "/audit/jaarverslag.pdf?jaar=2026&lang=en",
      headers: { cookie: auditor.cookie },
    });
    assert.equal(enPdf.statusCode, 200);
    assert.match(String(enPdf.headers["content-disposition"]), /annual-report-2026\.pdf/);
    const pdf = await get("/audit/jaarverslag.pdf?jaar=2026", auditor.cookie);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.equal(pdf.rawPayload.subarray(0, 4).toString(), "%PDF");
    const badYear = await get("/audit/jaarverslag?jaar=twee", auditor.cookie);
    assert.equal(badYear.statusCode, 422);
    assert.match(badYear.body, /<a href="#f-jaar">/);
    const review = await get("/audit/toegang", auditor.cookie);
    assert.equal(review.statusCode, 200);
    assert.match(review.body, /Toegangsreview/);
    const signals = await get("/audit/signalen?from=2026-05-01&to=2026-06-01", auditor.cookie);
    assert.equal(signals.statusCode, 200);
    assert.match(signals.body, /toetsingen in deze periode/);
    const reversed = await get("/audit/signalen?from=2026-06-01&to=2026-05-01", auditor.cookie);
    assert.equal(reversed.statusCode, 422);
  });

  test("a querier gets 403 on admin and auditor pages; the auditor on admin pages", async () => {
    const querier = await signInByForm(userOf("querier"));
    for (const url of [
      "/beheer/deelnemers",
      "/beheer/gebruikers",
      "/beheer/instellingen",
      "/beheer/protocol",
      "/audit",
      "/audit/controle",
      "/audit/toegang",
      "/audit/signalen",
      "/audit/jaarverslag",
      "/audit/export.csv",
    ]) {
      const res = await get(url, querier.cookie);
      assert.equal(res.statusCode, 403, url);
      assert.match(res.body, /Geen toegang/);
    }
    assert.doesNotMatch((await get("/toetsen", querier.cookie)).body, /href="\/beheer/);
    const auditor = await signInByForm(userOf("auditor"));
    assert.equal((await get("/beheer/instellingen", auditor.cookie)).statusCode, 403);
    const admin = await signInByForm(userOf("consortium_admin"));
    assert.equal((await get("/audit", admin.cookie)).statusCode, 403);
  });
});

describe("public pages and the request form", () => {
  /** Sends the public request form from a client address, without sign-in. */
  const postRequestForm = (remoteAddress: string, fields: [string, string][]) =>
    fx.app.inject({
      method: "POST",
      url: "/verzoek",
      remoteAddress,
      headers: FORM,
      payload: form(fields),
    });

  test("the public pages open without sign-in, in Dutch and English", async () => {
    for (const [url, text] of [
      ["/signaleringslijst", /Wat is de signaleringslijst/],
      ["/categorieen", /Categorieën en termijnen/],
      ["/deelnemers", /Woonstichting De Linde/],
      ["/rechten", /Uw rechten/],
      ["/bezwaar", /Bezwaar maken/],
      ["/contact", /Contact/],
      ["/verzoek", /Verzoek indienen/],
    ] as const) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, text, url);
      assert.match(res.body, /aria-label="Informatie"/);
    }
    const en = await get("/rechten?lang=en");
    assert.match(en.body, /Your rights/);
    const home = await get("/");
    assert.match(home.body, /<h2>Uw rechten<\/h2>/);
    assert.match(home.body, /<html lang="nl"/);
    const homeEn = await get("/?lang=en");
    assert.match(homeEn.body, /<html lang="en"/);
    assert.match(homeEn.body, /<h2>Your rights<\/h2>/);
    assert.match(homeEn.body, /What is the register\?/);
    assert.doesNotMatch(homeEn.body, /Uw rechten|Wat is de signaleringslijst/);
  });

  const person = (surname: string): [string, string][] => [
    ["person.initials", "J."],
    ["person.surname", surname],
    ["person.birthDate", "1980-02-03"],
    ["person.email", "j@example.org"],
  ];

  test("the request form creates a case for the chosen organisation and reveals nothing", async () => {
    const org = demo.organisations[1]!;
    const res = await fx.app.inject({
      method: "POST",
      url: "/verzoek",
      headers: { ...FORM, "x-forwarded-for": "198.51.100.1" },
      remoteAddress: "198.51.100.1",
      payload: form([["type", "access"], ["organisationId", org.id], ...person("Jansen")]),
    });
    assert.equal(res.statusCode, 200, res.body);
    const ref = /confirmation-panel__reference">(Z-[0-9A-F]{8})/.exec(res.body)?.[1];
    assert.ok(ref, "the reference is shown");
    const officer = demo.users.find((u) => u.role === "officer" && u.organisationId === org.id)!;
    const cases = await fx.app.inject({
      method: "GET",
      url: "/api/v1/cases",
      headers: bearer(org.apiKeys.officer),
    });
    assert.equal(cases.statusCode, 200, cases.body);
    const found = cases.json().items.find((c: { reference: string }) => c.reference === ref);
    assert.ok(found, `the case is the organisation's (${officer.email})`);
    assert.equal(found.type, "access");
    assert.equal(found.registrationId ?? null, null);
    const other = await fx.app.inject({
      method: "GET",
      url: "/api/v1/cases",
      headers: bearer(demo.organisations[0]!.apiKeys.officer),
    });
    assert.ok(!other.json().items.some((c: { reference: string }) => c.reference === ref));
    // A registered and an unknown person get the very same answer (apart from the reference).
    const registered = demo.organisations[0]!;
    const a = await postRequestForm("198.51.100.2", [
      ["type", "objection"],
      ["organisationId", registered.id],
      ...person("Bakker"),
    ]);
    const b = await postRequestForm("198.51.100.2", [
      ["type", "objection"],
      ["organisationId", registered.id],
      ...person("Zzyzxonbekend"),
    ]);
    assert.equal(a.statusCode, 200);
    assert.equal(a.body.replace(/Z-[0-9A-F]{8}/g, "REF"), b.body.replace(/Z-[0-9A-F]{8}/g, "REF"));
    assert.doesNotMatch(a.body, /geregistreerd|staat op de lijst|treffer/i);
  });

  test("bad input is refused with errors linked to their fields", async () => {
    const res = await postRequestForm("198.51.100.3", [
      ["person.initials", "j1"],
      ["person.birthDate", "3-2-1980"],
      ["phone", "bel me"],
    ]);
    assert.equal(res.statusCode, 422);
    for (const id of [
      "f-type",
      "f-organisationId",
      "f-person-initials",
      "f-person-surname",
      "f-person-birthDate",
      "f-phone",
    ]) {
      assert.match(res.body, new RegExp(`<a href="#${id}">`), id);
    }
    assert.match(res.body, /value="3-2-1980"/, "the values are kept");
    const noContact = await postRequestForm("198.51.100.3", [
      ["type", "erasure"],
      ["organisationId", demo.organisations[0]!.id],
      ["person.initials", "J."],
      ["person.surname", "Jansen"],
      ["person.birthDate", "1980-02-03"],
    ]);
    assert.equal(noContact.statusCode, 422);
    assert.match(noContact.body, /<a href="#f-address-street">/);
  });

  test("the form is rate limited per client address", async () => {
    const org = demo.organisations[0]!;
    const send = (address: string) =>
      postRequestForm(address, [
        ["type", "access"],
        ["organisationId", org.id],
        ...person("Visser"),
      ]);
    for (let i = 0; i < 5; i++) assert.equal((await send("203.0.113.9")).statusCode, 200);
    const sixth = await send("203.0.113.9");
    assert.equal(sixth.statusCode, 429);
    assert.match(sixth.body, /Te veel verzoeken/);
    assert.equal((await send("203.0.113.10")).statusCode, 200, "another address is not limited");
  });
});

describe("POST /api/v1/public/requests", () => {
  const body = (extra: Record<string, unknown> = {}) => ({
    organisationId: demo.organisations[0]!.id,
    type: "rectification",
    person: { initials: "A.", surname: "de Vries", birthDate: "1975-05-05" },
    address: { street: "Dorpsstraat", houseNumber: "1", postcode: "1234 AB", city: "Utrecht" },
    ...extra,
  });
  /** Sends a public request from a client address, without sign-in. */
  const postRequest = (remoteAddress: string, payload: object = body()) =>
    fx.app.inject({ method: "POST", url: "/api/v1/public/requests", remoteAddress, payload });
  /** Links the public case to a registration as the given organisation's officer. */
  const linkRegistration = (
    headers: Record<string, string>,
    caseId: string,
    registrationId: string,
  ) =>
    fx.app.inject({
      method: "POST",
      url: `/api/v1/cases/${caseId}/registration`,
      headers,
      payload: { registrationId },
    });

  test("records a case and answers only the reference, without sign-in", async () => {
    const res = await postRequest("192.0.2.50");
    assert.equal(res.statusCode, 201, res.body);
    const json = res.json();
    assert.deepEqual(Object.keys(json).sort(), [
      "dueDates",
      "message",
      "receivedDate",
      "reference",
    ]);
    assert.match(json.reference, /^Z-[0-9A-F]{8}$/);
    const events = await fx.app.inject({
      method: "GET",
      url: "/api/v1/audit?action=case.received",
      headers: bearer(demo.auditor.apiKey),
    });
    const last = events.json().items.at(-1);
    assert.equal(last.actor.type, "public");
    assert.equal(last.details.channel, "public");
    assert.doesNotMatch(JSON.stringify(last), /Vries/);
  });

  test("a strict schema: unknown fields, a non-participant and a bad type are refused", async () => {
    const unknown = await postRequest(
      "192.0.2.51",
      body({ registrationId: "00000000-0000-4000-8000-000000000000" }),
    );
    assert.equal(unknown.statusCode, 400);
    const type = await postRequest("192.0.2.51", body({ type: "appeal" }));
    assert.equal(type.statusCode, 400);
    const stranger = await postRequest(
      "192.0.2.51",
      body({ organisationId: demo.auditor.organisationId }),
    );
    assert.equal(stranger.statusCode, 400, stranger.body);
    assert.equal(stranger.json().error.code, "not_a_participant");
  });

  test("rate limited per client address", async () => {
    let last = 0;
    for (let i = 0; i < 6; i++) {
      const res = await postRequest("192.0.2.60");
      last = res.statusCode;
      if (i < 5) assert.equal(res.statusCode, 201, res.body);
    }
    assert.equal(last, 429);
  });

  test("the organisation links the registration itself; an objection then restricts it", async () => {
    const org = demo.organisations[0]!;
    const officer = bearer(org.apiKeys.officer);
    const reg = await placeRegistrationThroughApi(fx.app, officer, {
      person: { initials: "P.", surname: "Koppelaar", birthDate: "1970-01-02" },
      address: { street: "Kerkstraat", houseNumber: "3", postcode: "9901 AB", city: "Lindendal" },
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    });
    const registrationId = reg.id;
    const res = await postRequest(
      "192.0.2.70",
      body({
        type: "objection",
        person: { initials: "P.", surname: "Koppelaar", birthDate: "1970-01-02" },
      }),
    );
    assert.equal(res.statusCode, 201, res.body);
    const list = await fx.app.inject({ method: "GET", url: "/api/v1/cases", headers: officer });
    const c = list
      .json()
      .items.find((x: { reference: string }) => x.reference === res.json().reference);
    const other = bearer(demo.organisations[1]!.apiKeys.officer);
    const foreign = await linkRegistration(other, c.id, registrationId);
    assert.equal(foreign.statusCode, 404, "another organisation cannot link it");
    const linked = await linkRegistration(officer, c.id, registrationId);
    assert.equal(linked.statusCode, 200, linked.body);
    assert.equal(linked.json().registrationId, registrationId);
    const again = await linkRegistration(officer, c.id, registrationId);
    assert.equal(again.statusCode, 409);
    const view = await fx.app.inject({
      method: "GET",
      url: `/api/v1/registrations/${registrationId}`,
      headers: officer,
    });
    assert.equal(view.json().objectionPending, true, view.body);
  });
});

describe("user roles under a protocol with an officer cap (keurmerk-2013: at most two)", () => {
  let kfx: DemoApp;
  before(async () => {
    kfx = await createDemoApp({ today: "2026-06-01", profile: "keurmerk-2013" });
  });
  after(async () => kfx?.close());

  test("a third officer is refused on the form with the protocol's limit", async () => {
    const adminUser = demoUser(kfx.demo, "consortium_admin");
    const admin = await signInByFormAt(kfx.app, kfx.ctx.clock, adminUser);
    const org = kfx.demo.organisations[0]!.id;
    const principal = {
      kind: "user",
      id: "x",
      organisationId: org,
      roles: ["consortium_admin"],
    } as never;
    const meta = { requestId: null, clientAddress: null };
    const second = await kfx.ctx.services.identity.createUser(principal, meta, {
      organisationId: org,
      email: "tweede@example.org",
      displayName: "Tweede Functionaris",
      roles: ["officer"],
    });
    const third = await kfx.ctx.services.identity.createUser(principal, meta, {
      organisationId: org,
      email: "derde@example.org",
      displayName: "Derde Bevrager",
      roles: ["querier"],
    });
    const page = await kfx.app.inject({
      method: "GET",
      url: `/beheer/gebruikers/${third.user.id}`,
      headers: { cookie: admin.cookie },
    });
    assert.equal(page.statusCode, 200, page.body);
    const refused = await kfx.app.inject({
      method: "POST",
      url: `/beheer/gebruikers/${third.user.id}`,
      headers: { ...FORM, cookie: admin.cookie },
      payload: form([
        ["_csrf", csrfIn(page.body)],
        ["displayName", "Derde Bevrager"],
        ["roles", "officer"],
      ]),
    });
    assert.equal(refused.statusCode, 422);
    assert.match(
      refused.body,
      /<a href="#f-roles">Deze organisatie heeft al 2 geautoriseerde functionarissen; het protocol staat er niet meer toe\. \(officer_cap_reached\)<\/a>/,
    );
    const roles = (await kfx.ctx.services.identity.listUsers(principal, org)).find(
      (u) => u.id === third.user.id,
    )?.roles;
    assert.deepEqual(roles, ["querier"], "nothing changed");
    assert.ok(second.user.id);
  });
});
