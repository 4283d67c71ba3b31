/**
 * The vroegsignalering pages (issue #11) through app.inject, as a browser posts them: every
 * page (and its empty state), each form's success and validation errors, CSRF, role gating,
 * the file uploads (a bad line reported with its number, nothing half-imported), and that no
 * arrears action changes the register.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { DemoRegion } from "../demo/demo-region.ts";
import { createDemoApp, type DemoApp } from "../testing/demo-app.ts";
import { bearer, placeRegistrationThroughApi } from "../testing/http.ts";
import { tablesSnapshot } from "../testing/snapshot.ts";
import { browserOn, demoUser, type PageSession } from "../testing/web.ts";

let fx: DemoApp;
let demo: DemoRegion;
let officer: PageSession;
let officerKey: Record<string, string>;
let registerBefore: string;

const TODAY = "2026-06-01";
/** Signs in, GETs and POSTs forms through the pages as a browser does: src/testing/web.ts. */
const { signInByForm, get, post } = browserOn(() => fx);

type Part = { name: string; value: string } | { name: string; filename: string; content: string };
const BOUNDARY = "----woonsignaaltestboundary";
/** A multipart/form-data body as a browser sends it (fields in the form's order). */
function multipart(parts: Part[]): string {
  const lines: string[] = [];
  for (const p of parts) {
    lines.push(`--${BOUNDARY}`);
    if ("filename" in p) {
      lines.push(
        `Content-Disposition: form-data; name="${p.name}"; filename="${p.filename}"`,
        "Content-Type: text/csv",
        "",
        p.content,
      );
    } else {
      lines.push(`Content-Disposition: form-data; name="${p.name}"`, "", p.value);
    }
  }
  lines.push(`--${BOUNDARY}--`, "");
  return lines.join("\r\n");
}
const upload = (s: PageSession, url: string, parts: Part[]) =>
  fx.app.inject({
    method: "POST",
    url,
    headers: { cookie: s.cookie, "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    payload: multipart(parts),
  });

function item(ref: string, over: Record<string, unknown> = {}) {
  return {
    tenancyRef: ref,
    person: {
      initials: "W.",
      surname: `Paginahuurder${ref.replaceAll(/[^A-Za-z]/g, "")}`,
      birthDate: "1975-04-05",
    },
    address: { street: "Beukenlaan", houseNumber: "7", postcode: "9901 AB", city: "Lindendal" },
    phone: "0612345678",
    monthlyRentCents: 75_000,
    arrearsCents: 150_000,
    oldestUnpaidDueDate: "2026-04-01",
    ...over,
  };
}

async function api(method: string, url: string, payload?: object) {
  const res = await fx.app.inject({
    method: method as "GET",
    url,
    headers: officerKey,
    ...(payload ? { payload } : {}),
  });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const registerSnapshot = () =>
  tablesSnapshot(fx.ctx, [
    "registration",
    "registration_blind_index",
    "seeker",
    "seeker_match",
    "seeker_block",
    "notification_duty",
  ]);

async function count(sql: string, params: unknown[] = []) {
  const rows = await fx.ctx.database.query<{ n: number }>(sql, params);
  return rows[0]!.n;
}

before(async () => {
  fx = await createDemoApp({ today: TODAY });
  demo = fx.demo;
  officerKey = bearer(demo.organisations[0]!.apiKeys.officer);
  await placeRegistrationThroughApi(fx.app, officerKey, {
    person: { initials: "W.", surname: "PaginahuurderPA", birthDate: "1975-04-05" },
    categories: ["A.I"],
    criteria: ["a"],
    placementDate: "2026-05-01",
  });
  registerBefore = await registerSnapshot();
  officer = await signInByForm(demoUser(demo, "officer", 0));
});
after(async () => fx?.close());

describe("empty states and role gating", () => {
  test("a landlord without arrears data sees every page with its empty state", async () => {
    const other = await signInByForm(demoUser(demo, "officer", 1));
    const expectations: [string, RegExp][] = [
      ["/vroegsignalering", /Er is nu niets te doen voor vroegsignalering/],
      ["/vroegsignalering/huurders", /Er staan nog geen huurcontracten op de lijst/],
      ["/vroegsignalering/signalen", /Geen vroege signalen/],
      ["/vroegsignalering/afspraken", /Er zijn nog geen afspraken vastgelegd/],
      ["/vroegsignalering/importeren", /Leg eerst een afspraak met een gemeente vast/],
      ["/vroegsignalering/leveringen", /Er zijn nog geen leveringen/],
      ["/vroegsignalering/overzicht", /Nog geen standen/],
    ];
    for (const [url, text] of expectations) {
      const res = await get(other, url);
      assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
      assert.match(res.body, text, url);
      assert.match(res.body, /<h1>/, url);
    }
    assert.equal((await get(other, "/vroegsignalering/huurders/P-1")).statusCode, 404);
    // The officer's menu links the worklist.
    assert.match(
      (await get(other, "/vroegsignalering")).body,
      /<a href="\/vroegsignalering" aria-current="page">Vroegsignalering<\/a>/,
    );
  });

  test("a querier, an auditor and the consortium admin get 403, and no menu link", async () => {
    const urls = [
      "/vroegsignalering",
      "/vroegsignalering/huurders",
      "/vroegsignalering/huurders/P-1",
      "/vroegsignalering/afspraken",
      "/vroegsignalering/afspraken/1979",
      "/vroegsignalering/importeren",
      "/vroegsignalering/leveringen",
      "/vroegsignalering/signalen",
      "/vroegsignalering/overzicht",
    ];
    for (const role of ["querier", "auditor", "consortium_admin"]) {
      const s = await signInByForm(demoUser(demo, role, 0));
      for (const url of urls) {
        assert.equal((await get(s, url)).statusCode, 403, `${role} ${url}`);
      }
      const posted = await post(s, "/vroegsignalering/huurders/P-1/voorwaarden", [
        ["eventType", "contact_attempt"],
        ["eventDate", TODAY],
      ]);
      assert.equal(posted.statusCode, 403, role);
      const uploaded = await upload(s, "/vroegsignalering/importeren/stand", [
        { name: "_csrf", value: s.csrf },
        { name: "asOf", value: TODAY },
        { name: "mode", value: "import" },
        { name: "positionsFile", filename: "stand.csv", content: "tenancyRef\n" },
      ]);
      assert.equal(uploaded.statusCode, 403, role);
      assert.doesNotMatch((await get(s, s.start)).body, /href="\/vroegsignalering"/, role);
    }
  });
});

describe("agreements", () => {
  test("the form: validation errors tied to fields, then saved and listed", async () => {
    const add = await get(officer, "/vroegsignalering/afspraken/gemeente?code=GM19");
    assert.equal(add.statusCode, 422);
    assert.match(add.body, /href="#f-code"/);
    const go = await get(officer, "/vroegsignalering/afspraken/gemeente?code=1979");
    assert.equal(go.statusCode, 303);
    assert.equal(go.headers.location, "/vroegsignalering/afspraken/1979");
    const formPage = await get(officer, "/vroegsignalering/afspraken/1979");
    assert.equal(formPage.statusCode, 200);
    assert.match(formPage.body, /Nieuwe afspraak met Eemsdelta \(1979\)/);

    const bad = await post(officer, "/vroegsignalering/afspraken/1979", [
      ["status", "signed"],
      ["minDaysLate", "0"],
      ["minAmount", "twaalf"],
      ["fromDay", "5"],
      ["contactEmail", "niet-een-adres"],
    ]);
    assert.equal(bad.statusCode, 422);
    for (const field of ["reportingPoint", "minDaysLate", "minAmount", "toDay", "contactName"]) {
      assert.match(bad.body, new RegExp(`href="#f-${field}"`), field);
    }
    assert.match(bad.body, /aria-invalid="true"/);
    assert.match(bad.body, /value="niet-een-adres"/, "the form keeps what was typed");
    assert.equal(await count("SELECT count(*)::int AS n FROM arrears_agreement"), 0);

    const noCsrf = await post(
      officer,
      "/vroegsignalering/afspraken/1979",
      [
        ["status", "signed"],
        ["reportingPoint", "ris"],
        ["minDaysLate", "30"],
      ],
      "wrong",
    );
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(await count("SELECT count(*)::int AS n FROM arrears_agreement"), 0);

    const saved = await post(officer, "/vroegsignalering/afspraken/1979", [
      ["status", "signed"],
      ["reportingPoint", "ris"],
      ["minDaysLate", "30"],
      ["minAmount", "100,00"],
      ["signedOn", "2026-01-15"],
      ["fromDay", "1"],
      ["toDay", "10"],
      ["contactName", "A. Contactpersoon"],
      ["contactEmail", "vroegsignalering@gemeente.example"],
    ]);
    assert.equal(saved.statusCode, 303, saved.body);
    assert.equal(saved.headers.location, "/vroegsignalering/afspraken?melding=opgeslagen");
    const list = await get(officer, "/vroegsignalering/afspraken?melding=opgeslagen");
    assert.match(list.body, /De afspraak is opgeslagen/);
    assert.match(list.body, /Eemsdelta \(1979\)/);
    assert.match(list.body, /getekend door beide/);
    assert.match(list.body, /RIS \(xxllnc\)/);
    assert.match(list.body, /dag 1 tot en met 10 van de maand/);
    assert.match(list.body, /A\. Contactpersoon/);
    const edit = await get(officer, "/vroegsignalering/afspraken/1979");
    assert.match(edit.body, /Afspraak met Eemsdelta/);
    assert.match(edit.body, /value="100,00"/);
    // A second municipality, not signed: its tenants wait for the agreement.
    const requested = await post(officer, "/vroegsignalering/afspraken/0363", [
      ["status", "requested"],
      ["reportingPoint", "vps"],
      ["minDaysLate", "45"],
    ]);
    assert.equal(requested.statusCode, 303, requested.body);
  });
});

describe("imports", () => {
  const header =
    "tenancyRef,initials,surname,street,houseNumber,postcode,city,municipalityCode,monthlyRentCents,arrearsCents,oldestUnpaidDueDate,contactAttemptDate,contactAttemptChannel,debtHelpReferralDate,reminderWithSharingOfferDate";
  const positions = (csrf: string, mode: string, content: string): Part[] => [
    { name: "_csrf", value: csrf },
    { name: "asOf", value: "2026-05-31" },
    { name: "mode", value: mode },
    { name: "positionsFile", filename: "stand-mei.csv", content },
  ];
  const file = [
    header,
    "P-1,W.,Paginahuurdera,Beukenlaan,7,9901 AB,Lindendal,,75000,150000,2026-04-01,2026-04-10,phone,2026-04-10,",
    "P-2,W.,Paginahuurderb,Beukenlaan,9,9901 AB,Lindendal,,75000,150000,2026-04-01,2026-04-10,visit,2026-04-10,2026-04-20",
    "P-BAD,W.,Paginahuurderc,Beukenlaan,11,9901 AB,Lindendal,,75000,veel,2026-04-01,,,,",
    "P-3,W.,Paginahuurderd,Damrak,1,1012 AB,Amsterdam,0363,90000,100000,2026-04-15,,,,",
  ].join("\r\n");

  test("the page shows both forms, with the CSRF token first", async () => {
    const page = await get(officer, "/vroegsignalering/importeren");
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /enctype="multipart\/form-data"[^>]*>\s*<input type="hidden" name="_csrf"/,
    );
    assert.match(page.body, /<option value="1979">Eemsdelta \(1979\)<\/option>/);
  });

  test("check only: the lines are judged, nothing is written", async () => {
    const res = await upload(
      officer,
      "/vroegsignalering/importeren/stand",
      positions(officer.csrf, "preview", file),
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /Resultaat van de controle/);
    assert.match(res.body, /3 regels zouden worden ingelezen/);
    assert.match(res.body, /<th scope="row">4<\/th><td><span class="rule">invalid_input<\/span>/);
    assert.equal(await count("SELECT count(*)::int AS n FROM arrears_tenancy"), 0);
  });

  test("F13 a file of 250 bad lines: the count per kind in Dutch, then the first 100 lines", async () => {
    const bad = Array.from(
      { length: 250 },
      (_, i) =>
        `P-X${i},W.,Paginahuurderx,Beukenlaan,11,9901 AB,Lindendal,,75000,veel,2026-04-01,,,,`,
    );
    const res = await upload(
      officer,
      "/vroegsignalering/importeren/stand",
      positions(officer.csrf, "preview", [header, ...bad].join("\r\n")),
    );
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    assert.match(res.body, /250 regels afgekeurd en niet ingelezen/);
    assert.match(res.body, /<caption[^>]*>250 fouten, per soort<\/caption>/);
    assert.match(res.body, /<tr><td>Een veld ontbreekt of klopt niet\.<\/td><td>250<\/td><\/tr>/);
    assert.match(res.body, /Hieronder staan de eerste 100 van de 250 fouten\./);
    assert.equal(res.body.match(/<th scope="row">/g)?.length, 100, "100 lines listed");
    assert.match(res.body, /<th scope="row">101<\/th>/);
    assert.doesNotMatch(res.body, /<th scope="row">102<\/th>/);
    assert.equal(await count("SELECT count(*)::int AS n FROM arrears_tenancy"), 0);
  });

  test("a file upload without the CSRF token first is refused, and nothing is written", async () => {
    const missing = await upload(
      officer,
      "/vroegsignalering/importeren/stand",
      positions("x", "import", file),
    );
    assert.equal(missing.statusCode, 403);
    const late = await upload(officer, "/vroegsignalering/importeren/stand", [
      { name: "asOf", value: "2026-05-31" },
      { name: "_csrf", value: officer.csrf },
      { name: "mode", value: "import" },
      { name: "positionsFile", filename: "stand.csv", content: file },
    ]);
    assert.equal(late.statusCode, 403);
    assert.equal(await count("SELECT count(*)::int AS n FROM arrears_tenancy"), 0);
  });

  test("form errors: no file, no date, no mode — tied to their fields", async () => {
    const res = await upload(officer, "/vroegsignalering/importeren/stand", [
      { name: "_csrf", value: officer.csrf },
      { name: "asOf", value: "31-05-2026" },
      { name: "positionsFile", filename: "", content: "" },
    ]);
    assert.equal(res.statusCode, 422, res.body);
    assert.match(res.body, /href="#f-asOf"/);
    assert.match(res.body, /href="#f-mode"/);
    const noFile = await upload(officer, "/vroegsignalering/importeren/stand", [
      { name: "_csrf", value: officer.csrf },
      { name: "asOf", value: "2026-05-31" },
      { name: "mode", value: "import" },
      { name: "positionsFile", filename: "", content: "" },
    ]);
    assert.equal(noFile.statusCode, 422);
    assert.match(noFile.body, /href="#f-positionsFile">Kies een CSV-bestand/);
  });

  test("a file refused for its structure: said so, nothing written", async () => {
    const res = await upload(
      officer,
      "/vroegsignalering/importeren/stand",
      positions(officer.csrf, "import", `${header},opmerking\r\nP-9,,,,,,,,,,,,,,,x\r\n`),
    );
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.body, /Het bestand is niet ingelezen/);
    assert.match(res.body, /unknown_column/);
    assert.equal(await count("SELECT count(*)::int AS n FROM arrears_tenancy"), 0);
  });

  test("a file over the size limit is refused as too large, nothing written", async () => {
    const big = `${header}\nP-9,W.,"${"x".repeat(21 * 1024 * 1024)}",Beukenlaan,7,9901 AB,Lindendal,,75000,0,,,,,\n`;
    assert.ok(big.length > 20 * 1024 * 1024);
    const res = await upload(
      officer,
      "/vroegsignalering/importeren/stand",
      positions(officer.csrf, "import", big),
    );
    assert.equal(res.statusCode, 400, res.body.slice(0, 500));
    assert.match(res.body, /Het bestand is te groot/);
    assert.equal(await count("SELECT count(*)::int AS n FROM arrears_tenancy"), 0);
  });

  test("the import: good lines in, the bad line listed with its number and not written", async () => {
    const res = await upload(
      officer,
      "/vroegsignalering/importeren/stand",
      positions(officer.csrf, "import", file),
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /Resultaat van de import/);
    assert.match(res.body, /3 regels ingelezen/);
    assert.match(res.body, /1 regel afgekeurd en niet ingelezen/);
    assert.match(
      res.body,
      /<th scope="row">4<\/th><td><span class="rule">invalid_input<\/span><\/td><td>Een veld ontbreekt of klopt niet\./,
    );
    assert.equal(await count("SELECT count(*)::int AS n FROM arrears_tenancy"), 3);
    assert.equal(
      await count("SELECT count(*)::int AS n FROM arrears_tenancy WHERE tenancy_ref = 'P-BAD'"),
      0,
      "nothing of the bad line was written",
    );
    // More tenancies through the API, for the list's pages and the early warnings.
    await api("POST", "/api/v1/arrears/positions", {
      asOf: "2026-05-31",
      items: Array.from({ length: 26 }, (_, i) =>
        item(`Q-${String(i + 1).padStart(2, "0")}`, {
          arrearsCents: 20_000,
          oldestUnpaidDueDate: "2026-05-01",
        }),
      ),
    });
  });
});

describe("the worklist, the tenancies and the file", () => {
  test("the worklist: counts per kind, missing preconditions named, no names", async () => {
    const res = await get(officer, "/vroegsignalering");
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Voorwaarden voor melding ontbreken/);
    assert.match(
      res.body,
      /Ontbreekt: schriftelijke herinnering met aanbod gegevens door te geven/,
    );
    assert.match(res.body, /Geen getekende afspraak met gemeente/, "P-3 in Amsterdam waits");
    assert.match(res.body, /Klaar voor de maandelijkse melding/, "P-2 has everything");
    assert.doesNotMatch(res.body, /Paginahuurder/);
    const only = await get(officer, "/vroegsignalering?soort=agreement_needed");
    assert.match(only.body, /P-3/);
    assert.doesNotMatch(only.body, /href="\/vroegsignalering\/huurders\/P-1"/);
  });

  test("the tenancies: search, filter and pages, without names", async () => {
    const all = await get(officer, "/vroegsignalering/huurders");
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /29 huurcontracten/);
    assert.match(all.body, /Pagina 1 van 2/);
    assert.doesNotMatch(all.body, /Paginahuurder/);
    const page2 = await get(officer, "/vroegsignalering/huurders?page=2");
    assert.match(page2.body, /Pagina 2 van 2/);
    const search = await get(officer, "/vroegsignalering/huurders?zoek=P-");
    assert.match(search.body, /3 huurcontracten/);
    const none = await get(officer, "/vroegsignalering/huurders?zoek=ZZZ");
    assert.match(none.body, /Geen huurcontracten gevonden/);
    const bad = await get(officer, "/vroegsignalering/huurders?zoek=%3Cscript%3E");
    assert.equal(bad.statusCode, 200);
    assert.doesNotMatch(bad.body, /<script>/);
    const hold = await get(officer, "/vroegsignalering/huurders?toon=hold");
    assert.match(hold.body, /Geen huurcontracten gevonden/);
  });

  test("the file: person, positions, eligibility with the missing precondition named", async () => {
    const res = await get(officer, "/vroegsignalering/huurders/P-1");
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Dossier huurcontract P-1/);
    assert.match(res.body, /W\. Paginahuurdera/);
    assert.match(res.body, /kan nu niet worden gemeld/);
    assert.match(res.body, /Voorwaarde ontbreekt: <strong>schriftelijke herinnering/);
    assert.match(res.body, /persoonlijk contact geprobeerd<\/td><td>telefoon/);
    const audit = await count(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'arrears.tenancy_viewed'",
    );
    assert.ok(audit >= 1, "reading the file is audited");
  });

  test("recording a precondition: errors tied to fields, then the tenant is eligible", async () => {
    const empty = await post(officer, "/vroegsignalering/huurders/P-1/voorwaarden", [
      ["eventDate", "1-5-2026"],
    ]);
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /href="#f-eventType"/);
    assert.match(empty.body, /href="#f-eventDate"/);
    const future = await post(officer, "/vroegsignalering/huurders/P-1/voorwaarden", [
      ["eventType", "reminder_with_sharing_offer"],
      ["eventDate", "2026-07-01"],
    ]);
    assert.equal(future.statusCode, 422);
    assert.match(future.body, /href="#f-eventDate">De datum ligt in de toekomst/);
    const channel = await post(officer, "/vroegsignalering/huurders/P-1/voorwaarden", [
      ["eventType", "debt_help_referral"],
      ["eventDate", "2026-05-20"],
      ["channel", "phone"],
    ]);
    assert.equal(channel.statusCode, 422);
    assert.match(channel.body, /href="#f-channel"/);
    const noCsrf = await post(
      officer,
      "/vroegsignalering/huurders/P-1/voorwaarden",
      [
        ["eventType", "reminder_with_sharing_offer"],
        ["eventDate", "2026-05-20"],
      ],
      "",
    );
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(
      await count(
        "SELECT count(*)::int AS n FROM arrears_event WHERE type = 'reminder_with_sharing_offer' AND date = '2026-05-20'",
      ),
      0,
    );
    const ok = await post(officer, "/vroegsignalering/huurders/P-1/voorwaarden", [
      ["eventType", "reminder_with_sharing_offer"],
      ["eventDate", "2026-05-20"],
      ["channel", ""],
    ]);
    assert.equal(ok.statusCode, 303, ok.body);
    assert.match(String(ok.headers.location), /^\/vroegsignalering\/huurders\/P-1\?melding=event/);
    const file = await get(officer, "/vroegsignalering/huurders/P-1?melding=event");
    assert.match(file.body, /De voorwaarde is vastgelegd/);
    assert.match(file.body, /kan bij de volgende maandelijkse melding worden gemeld/);
    const unknown = await post(officer, "/vroegsignalering/huurders/P-404/voorwaarden", [
      ["eventType", "contact_attempt"],
      ["eventDate", "2026-05-20"],
    ]);
    assert.equal(unknown.statusCode, 404);
  });

  test("the pause button: too long refused at its field, then paused and ended", async () => {
    const tooLong = await post(officer, "/vroegsignalering/huurders/P-3/pauze", [
      ["pauseFrom", "2026-06-01"],
      ["pauseUntil", "2026-12-31"],
      ["pauseReason", "income_loss"],
    ]);
    assert.equal(tooLong.statusCode, 422);
    assert.match(tooLong.body, /href="#f-pauseUntil">Een pauze duurt ten hoogste 92 dagen/);
    const noReason = await post(officer, "/vroegsignalering/huurders/P-3/pauze", [
      ["pauseFrom", "2026-06-01"],
      ["pauseUntil", "2026-06-30"],
    ]);
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /href="#f-pauseReason"/);
    const ok = await post(officer, "/vroegsignalering/huurders/P-3/pauze", [
      ["pauseFrom", "2026-06-01"],
      ["pauseUntil", "2026-06-30"],
      ["pauseReason", "awaiting_benefit"],
    ]);
    assert.equal(ok.statusCode, 303, ok.body);
    const file = await get(officer, "/vroegsignalering/huurders/P-3");
    assert.match(file.body, /Gepauzeerd tot en met 30 juni 2026 \(wacht op uitkering of toeslag\)/);
    assert.match(file.body, /Pauze vandaag beëindigen/);
    const list = await get(officer, "/vroegsignalering/huurders?toon=hold");
    assert.match(list.body, /1 huurcontract</);
    const worklist = await get(officer, "/vroegsignalering?soort=collection_paused");
    assert.match(worklist.body, /P-3/);
    const ended = await post(officer, "/vroegsignalering/huurders/P-3/pauze/beeindigen", []);
    assert.equal(ended.statusCode, 303);
    assert.match(
      (await get(officer, "/vroegsignalering/huurders/P-3")).body,
      /Niet gepauzeerd: gewone incasso/,
    );
    const again = await post(officer, "/vroegsignalering/huurders/P-3/pauze/beeindigen", []);
    assert.equal(again.statusCode, 422);
    assert.match(again.body, /Er is geen pauze om te beëindigen/);
  });

  test("a payment arrangement: schedule, payment, too much refused at its field", async () => {
    const bad = await post(officer, "/vroegsignalering/huurders/P-3/regelingen", [
      ["agreedOn", "2026-06-01"],
      ["firstDue", "2026-05-01"],
      ["count", "3"],
      ["perInstalment", "100,00"],
    ]);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#f-firstDue">De eerste vervaldag ligt vóór/);
    const invalid = await post(officer, "/vroegsignalering/huurders/P-3/regelingen", [
      ["agreedOn", "2026-06-01"],
      ["firstDue", "2026-07-01"],
      ["count", "200"],
      ["perInstalment", "-5"],
    ]);
    assert.equal(invalid.statusCode, 422);
    assert.match(invalid.body, /href="#f-count"/);
    assert.match(invalid.body, /href="#f-perInstalment"/);
    const ok = await post(officer, "/vroegsignalering/huurders/P-3/regelingen", [
      ["agreedOn", "2026-06-01"],
      ["firstDue", "2026-07-01"],
      ["count", "3"],
      ["perInstalment", "100,00"],
    ]);
    assert.equal(ok.statusCode, 303, ok.body);
    let file = await get(officer, "/vroegsignalering/huurders/P-3");
    assert.match(file.body, /Regeling van 1 juni 2026: loopt volgens afspraak/);
    assert.match(file.body, /1 september 2026/, "the third monthly instalment");
    const id = /regelingen\/([0-9a-f-]{36})\/betalingen/.exec(file.body)![1]!;
    const tooMuch = await post(
      officer,
      `/vroegsignalering/huurders/P-3/regelingen/${id}/betalingen`,
      [
        [`payDate-${id}`, "2026-06-01"],
        [`payAmount-${id}`, "500"],
      ],
    );
    assert.equal(tooMuch.statusCode, 422);
    assert.match(tooMuch.body, new RegExp(`href="#f-payAmount-${id}"`));
    const paid = await post(officer, `/vroegsignalering/huurders/P-3/regelingen/${id}/betalingen`, [
      [`payDate-${id}`, "2026-06-01"],
      [`payAmount-${id}`, "100"],
    ]);
    assert.equal(paid.statusCode, 303, paid.body);
    file = await get(officer, "/vroegsignalering/huurders/P-3?melding=payment");
    assert.match(file.body, /De betaling is vastgelegd/);
    assert.match(file.body, /1 van 3 termijnen betaald/);
  });

  test("other measures: each kind through its own form; bad numbers refused at their field", async () => {
    const bad = await post(officer, "/vroegsignalering/huurders/P-3/maatregelen", [
      ["kind", "debit_date_aligned"],
      ["debit_date_aligned-date", "2026-06-01"],
      ["debit_date_aligned-debitDay", "30"],
      ["debit_date_aligned-incomeDay", "25"],
    ]);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#f-debit_date_aligned-debitDay"/);
    assert.match(bad.body, /<details open><summary>Incassodatum afgestemd op inkomensdatum/);
    const forms: [string, string][][] = [
      [
        ["kind", "pre_due_reminder"],
        ["pre_due_reminder-date", "2026-06-01"],
        ["pre_due_reminder-daysBeforeDue", "3"],
        ["pre_due_reminder-channel", "sms"],
      ],
      [
        ["kind", "debit_date_aligned"],
        ["debit_date_aligned-date", "2026-06-01"],
        ["debit_date_aligned-debitDay", "26"],
        ["debit_date_aligned-incomeDay", "25"],
      ],
      [
        ["kind", "rent_reduction"],
        ["rent_reduction-date", "2026-06-01"],
        ["rent_reduction-monthlyReduction", "50"],
        ["rent_reduction-from", "2026-07-01"],
        ["rent_reduction-until", ""],
      ],
      [
        ["kind", "arrears_forgiven"],
        ["arrears_forgiven-date", "2026-06-01"],
        ["arrears_forgiven-amount", "250,00"],
      ],
      [
        ["kind", "budget_coaching_referral"],
        ["budget_coaching_referral-date", "2026-06-01"],
      ],
    ];
    for (const fields of forms) {
      const res = await post(officer, "/vroegsignalering/huurders/P-3/maatregelen", fields);
      assert.equal(res.statusCode, 303, `${fields[0]![1]}: ${res.body.slice(0, 500)}`);
    }
    const file = await get(officer, "/vroegsignalering/huurders/P-3");
    assert.match(
      file.body,
      /Herinnering vóór de vervaldag<\/td><td>Dagen vóór de vervaldag: 3; Hoe: sms/,
    );
    assert.match(file.body, /Nieuwe incassodag \(dag van de maand\): 26/);
    assert.match(file.body, /Doorverwezen naar budgetcoach/);
    const unknownKind = await post(officer, "/vroegsignalering/huurders/P-3/maatregelen", [
      ["kind", "eviction"],
    ]);
    assert.equal(unknownKind.statusCode, 404);
  });

  test("English: the same pages in English", async () => {
    const res = await get(officer, "/vroegsignalering/huurders/P-1?lang=en");
    assert.match(res.body, /<html lang="en"/);
    assert.match(res.body, /File of tenancy P-1/);
    assert.match(res.body, /Legal preconditions/);
    await get(officer, "/vroegsignalering?lang=nl");
  });
});

describe("deliveries, feedback upload, early warnings, dashboard", () => {
  test("deliveries: listed per month, CSV and JSON downloads audited", async () => {
    const run = await fx.ctx.services.arrears.runMonthlySignals(TODAY);
    assert.equal(run.deliveries, 1);
    const page = await get(officer, "/vroegsignalering/leveringen");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Eemsdelta \(1979\)/);
    assert.doesNotMatch(page.body, /Paginahuurder/);
    const month = await get(officer, "/vroegsignalering/leveringen?maand=2026-05");
    assert.match(month.body, /Geen leveringen in deze maand/);
    const badMonth = await get(officer, "/vroegsignalering/leveringen?maand=mei");
    assert.equal(badMonth.statusCode, 422);
    const id = /leveringen\/([0-9a-f-]{36})\/csv/.exec(page.body)![1]!;
    const before = await count(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'arrears.delivery_read'",
    );
    const csv = await get(officer, `/vroegsignalering/leveringen/${id}/csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(
      String(csv.headers["content-disposition"]),
      /attachment; filename="vroegsignalen-ris-1979-2026-06\.csv"/,
    );
    assert.match(csv.body, /^reference,initials/);
    assert.match(csv.body, /P-1,W\.,,Paginahuurdera/);
    const json = await get(officer, `/vroegsignalering/leveringen/${id}/json`);
    assert.equal(json.statusCode, 200);
    assert.equal(JSON.parse(json.body).municipalityCode, "1979");
    assert.equal(
      await count(
        "SELECT count(*)::int AS n FROM audit_event WHERE action = 'arrears.delivery_read'",
      ),
      before + 2,
    );
    const other = await signInByForm(demoUser(demo, "officer", 1));
    assert.equal((await get(other, `/vroegsignalering/leveringen/${id}/csv`)).statusCode, 404);
  });

  test("feedback upload: help accepted starts the hold, shown on the worklist; bad lines listed", async () => {
    fx.ctx.clock.set("2026-06-10");
    officer = await signInByForm(demoUser(demo, "officer", 0)); // the old session timed out
    const noMunicipality = await upload(officer, "/vroegsignalering/importeren/terugmeldingen", [
      { name: "_csrf", value: officer.csrf },
      { name: "municipalityCode", value: "" },
      { name: "feedbackFile", filename: "t.csv", content: "tenancyRef,outcome,date\n" },
    ]);
    assert.equal(noMunicipality.statusCode, 422);
    assert.match(noMunicipality.body, /href="#f-municipalityCode"/);
    const before = await count("SELECT count(*)::int AS n FROM arrears_feedback");
    const res = await upload(officer, "/vroegsignalering/importeren/terugmeldingen", [
      { name: "_csrf", value: officer.csrf },
      { name: "municipalityCode", value: "1979" },
      {
        name: "feedbackFile",
        filename: "terugmelding.csv",
        content:
          "tenancyRef,outcome,date\r\nP-2,help_accepted,2026-06-08\r\nP-3,help_accepted,2026-06-08\r\nP-1,verhuisd,2026-06-08\r\n",
      },
    ]);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /1 terugmelding vastgelegd/);
    assert.match(res.body, /2 regels afgekeurd/);
    assert.match(res.body, /<th scope="row">3<\/th><td><span class="rule">not_signalled/);
    assert.match(res.body, /<th scope="row">4<\/th><td><span class="rule">invalid_input/);
    assert.equal(await count("SELECT count(*)::int AS n FROM arrears_feedback"), before + 1);
    const worklist = await get(officer, "/vroegsignalering?soort=collection_hold");
    assert.match(worklist.body, /Schuldenrust loopt/);
    assert.match(worklist.body, /P-2/);
    assert.match(worklist.body, /Tot en met 8 juli 2026/);
    const file = await get(officer, "/vroegsignalering/huurders/P-2");
    assert.match(file.body, /Gepauzeerd tot en met 8 juli 2026 \(hulp aanvaard\)/);
    assert.match(file.body, /hulp aanvaard/);
  });

  test("early warnings show the rule with each alert; the dashboard has counts and no names", async () => {
    // Three positions in which the last payment falls later each month: "paying later".
    for (const [asOf, day, arrears] of [
      ["2026-04-30", "03", 20_000],
      ["2026-05-31", "09", 40_000],
      ["2026-06-09", "10", 60_000],
    ] as const) {
      await api("POST", "/api/v1/arrears/positions", {
        asOf,
        items: [
          item("W-1", {
            arrearsCents: arrears,
            oldestUnpaidDueDate: "2026-04-01",
            lastPaymentDate: `${asOf.slice(0, 8)}${day}`,
          }),
        ],
      });
    }
    const warnings = await get(officer, "/vroegsignalering/signalen");
    assert.equal(warnings.statusCode, 200);
    assert.match(warnings.body, /Betaalt steeds later<\/strong>: De laatste betaling viel/);
    assert.match(warnings.body, /Achterstand groeit/);
    assert.match(warnings.body, /004 Data-analyse/);
    assert.doesNotMatch(warnings.body, /Paginahuurder/);
    const dash = await get(officer, "/vroegsignalering/overzicht");
    assert.equal(dash.statusCode, 200);
    assert.match(dash.body, /Huurders met achterstand/);
    assert.match(dash.body, /hulp aanvaard<\/th><td>1/);
    assert.match(dash.body, /Doorverwezen naar budgetcoach<\/th><td>1/);
    assert.doesNotMatch(dash.body, /Paginahuurder|P-1|P-2|W-1/);
  });

  test("no arrears action through the pages changed the register", async () => {
    assert.equal(await registerSnapshot(), registerBefore);
  });
});
