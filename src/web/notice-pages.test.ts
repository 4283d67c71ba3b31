/**
 * The recipient notice on the web (AVG art. 19; review row 003-54): the recipient's officer
 * reads it on its own page (audited), marks it processed there, never skips it or produces a
 * letter for it; an unprocessed notice loses its facts after six months (retention job). And
 * the region-wide candidates page of an access request (003-55) once the request is decided.
 * Through the pages, as a browser signs in and posts forms (src/testing/web.ts).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { auditEvent } from "../platform/audit/tables.ts";
import { accessRequestElsewhere, caseSteps, escapeRegExp } from "../testing/case-steps.ts";
import { useDemoApi } from "../testing/demo-app.ts";
import { apiCalls, apiRequest } from "../testing/http.ts";
import { browserOn, demoUser } from "../testing/web.ts";

type Headers = Record<string, string>;

describe("003-54 the recipient notice on the web (keurmerk-2013)", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "keurmerk-2013" });
  const { signInByForm, get, post } = browserOn(() => fx);
  const { call, ok } = apiCalls(() => fx.app);
  const { register, openCase, verifyIdentity, decide } = caseSteps(() => fx.app);
  const noticesOf = async (headers: Headers) =>
    (await ok("GET", "/api/v1/duties?status=open&pageSize=200", headers)).items.filter(
      (d: { kind: string }) => d.kind === "recipient_notice",
    ) as { id: string; status: string; noticeExpired: boolean }[];

  /** A registers the person, B screens them with a hit, A erases them after a request. */
  async function erasedAfterScreeningByB(person: {
    initials: string;
    surname: string;
    birthDate: string;
  }): Promise<string> {
    const before = new Set((await noticesOf(fx.officerB)).map((d) => d.id));
    const reg = await register(fx.officerA, person, ["W1", "W1.1"]);
    const screened = await ok("POST", "/api/v1/screenings", fx.querierB, {
      person,
      purpose: "allocation",
    });
    assert.equal(screened.hit, true);
    const today = fx.ctx.clock.today();
    const c = await openCase(fx.officerA, "erasure", reg.id, today);
    await verifyIdentity(fx.officerA, c.id, today);
    await decide(fx.officerA, c.id, "upheld", "De gegevens worden verwijderd.");
    const fresh = (await noticesOf(fx.officerB)).filter((d) => !before.has(d.id));
    assert.equal(fresh.length, 1, "B screened the person: one notice");
    return fresh[0]!.id;
  }

  test("003-54 the recipient reads the notice on its own page (audited, both languages) and marks it processed; no skip form, no letter", async () => {
    const person = { initials: "W.", surname: "Webmelding", birthDate: "1982-04-04" };
    const id = await erasedAfterScreeningByB(person);
    const officer = await signInByForm(demoUser(fx.demo, "officer", 1));

    // The letters owed and the worklist link the notice to its page; no skip form for it.
    const owed = await get(officer, "/brieven/plichten");
    assert.equal(owed.statusCode, 200);
    assert.match(owed.body, new RegExp(`href="/brieven/meldingen/${id}"`));
    assert.doesNotMatch(owed.body, new RegExp(`/brieven/plichten/${id}/overslaan`));
    // The notice's row names no person (its facts are read on its own, audited page); B's own
    // hit-letter duty for the person does name them, as B's querier typed them (D-990).
    const noticeRow = owed.body
      .split("<tr")
      .find((row) => row.includes(`/brieven/meldingen/${id}`));
    assert.ok(noticeRow);
    assert.doesNotMatch(noticeRow, /Webmelding/, "the notice's row names no person");
    const worklist = await get(officer, "/werklijst");
    assert.match(worklist.body, new RegExp(`href="/brieven/meldingen/${id}"`));

    // The page: what changed, when, by whom, about whom, when B received data, what to do.
    const page = await get(officer, `/brieven/meldingen/${id}`);
    assert.equal(page.statusCode, 200, page.body);
    const a = fx.demo.organisations[0]!.name;
    assert.match(page.body, /De gegevens zijn verwijderd\./);
    assert.match(page.body, /1 juni 2026/);
    assert.match(page.body, new RegExp(escapeRegExp(a)));
    assert.match(page.body, /W\. Webmelding, geboren op 4 april 1982/);
    assert.match(page.body, /op 1 juni 2026, bij een toetsing: de persoon bleek geregistreerd/);
    assert.match(page.body, /Verwijder wat u na de toetsing/);
    assert.match(page.body, /toewijzingsdossier/);
    assert.match(page.body, /artikel 19 van de Algemene verordening gegevensbescherming/);
    assert.match(page.body, new RegExp(`action="/brieven/meldingen/${id}/verwerkt"`));
    assert.match(page.body, />Verwerkt</);
    assert.doesNotMatch(page.body, /overslaan|Overslaan|Reden om over te slaan/);
    // Words to officers are product: no codes, no English enum values.
    assert.doesNotMatch(page.body, /\b003\b|\b001 §|recipient_notice|\berased\b|organisation/);
    // Reading it is audited, as the API read is.
    const reads = await fx.ctx.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "duty.recipient_notice_read"), eq(auditEvent.objectId, id)));
    assert.equal(reads.length, 1);

    const english = await fx.app.inject({
      method: "GET",
      url: `/brieven/meldingen/${id}`,
      headers: { cookie: `${officer.cookie}; woonsignaal-lang=en` },
    });
    assert.equal(english.statusCode, 200);
    assert.match(english.body, /The data were erased\./);
    assert.match(english.body, /born on/);
    assert.match(english.body, />Processed</);

    // Not a letter: the API refuses to skip it or produce a letter for it, in words.
    const letter = await call("POST", `/api/v1/duties/${id}/letter`, fx.officerB, {});
    assert.equal(letter.statusCode, 409, letter.body);
    assert.equal(letter.json().error.code, "notice_not_a_letter");
    const skip = await call("POST", `/api/v1/duties/${id}/skip`, fx.officerB, {
      reason: "informed_in_person",
    });
    assert.equal(skip.json().error.code, "notice_not_a_letter", skip.body);
    // A skip posted to the page anyway is refused in plain Dutch.
    const skipPage = await post(officer, `/brieven/plichten/${id}/overslaan`, [
      ["reason", "informed_in_person"],
    ]);
    assert.equal(skipPage.statusCode, 422);
    assert.match(skipPage.body, /geen brief aan de persoon/);

    // Without the form's CSRF token nothing happens.
    const forged = await post(officer, `/brieven/meldingen/${id}/verwerkt`, [], "forged");
    assert.equal(forged.statusCode, 403);

    // Verwerkt: the same service call as the API; redirect with a banner; the facts are gone.
    const done = await post(officer, `/brieven/meldingen/${id}/verwerkt`, []);
    assert.equal(done.statusCode, 303, done.body);
    assert.equal(done.headers.location, "/brieven/plichten?melding=verwerkt");
    const banner = await get(officer, "/brieven/plichten?melding=verwerkt");
    assert.match(banner.body, /De melding is verwerkt/);
    assert.doesNotMatch(banner.body, new RegExp(`/brieven/meldingen/${id}`));
    const duty = await ok("GET", `/api/v1/duties?status=fulfilled&pageSize=200`, fx.officerB);
    assert.ok(duty.items.some((d: { id: string }) => d.id === id));
    assert.equal((await get(officer, `/brieven/meldingen/${id}`)).statusCode, 404);
    const again = await post(officer, `/brieven/meldingen/${id}/verwerkt`, []);
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, "/brieven/plichten?melding=al-verwerkt");
  });

  test("003-54 another organisation gets 404, a querier 403", async () => {
    const id = await erasedAfterScreeningByB({
      initials: "N.",
      surname: "Nietvoorjou",
      birthDate: "1983-05-05",
    });
    const officerC = await signInByForm(demoUser(fx.demo, "officer", 2));
    const other = await get(officerC, `/brieven/meldingen/${id}`);
    assert.equal(other.statusCode, 404);
    assert.doesNotMatch(other.body, /Nietvoorjou/);
    assert.equal(
      (await post(officerC, `/brieven/meldingen/${id}/verwerkt`, [])).statusCode,
      404,
      "nor can it process it",
    );
    const querier = await signInByForm(demoUser(fx.demo, "querier", 1));
    const refused = await get(querier, `/brieven/meldingen/${id}`);
    assert.equal(refused.statusCode, 403);
    assert.doesNotMatch(refused.body, /Nietvoorjou/);
    // Still open for B.
    assert.ok((await noticesOf(fx.officerB)).some((d) => d.id === id));
  });

  test("003-54 a notice nobody processes loses whom it concerned after six months (retention job); it stays on the worklist as expired", async () => {
    const id = await erasedAfterScreeningByB({
      initials: "V.",
      surname: "Verlopen",
      birthDate: "1984-06-06",
    });
    // Six months less a day: still there.
    fx.ctx.clock.set("2026-12-01");
    const expire = async (today: string) =>
      ((await fx.ctx.services.retention.run(today)) as Record<string, number>).noticesExpired ?? -1;
    const early = { noticesExpired: await expire("2026-12-01") };
    assert.equal(early.noticesExpired, 0);
    const kept = await ok("GET", `/api/v1/duties/${id}/notice`, fx.officerB);
    assert.equal(kept.notice.person.surname, "Verlopen");
    assert.equal(kept.duty.noticeExpired, false);

    fx.ctx.clock.set("2026-12-02");
    const run = { noticesExpired: await expire("2026-12-02") };
    assert.ok(run.noticesExpired >= 1, JSON.stringify(run));
    const expired = await ok("GET", `/api/v1/duties/${id}/notice`, fx.officerB);
    assert.equal(expired.notice, null);
    assert.equal(expired.duty.noticeExpired, true);
    assert.equal(expired.duty.status, "open");
    const receipt = await fx.ctx.database.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.action, "duty.recipient_notice_expired"), eq(auditEvent.objectId, id)),
      );
    assert.equal(receipt.length, 1);
    assert.doesNotMatch(JSON.stringify(receipt[0]), /Verlopen|1984/);
    const rerun = { noticesExpired: await expire("2026-12-02") };
    assert.equal(rerun.noticesExpired, 0, "a second run finds nothing left");

    // On the worklist and the letters owed, marked as such; its page says what it can.
    const officer = await signInByForm(demoUser(fx.demo, "officer", 1));
    const owed = await get(officer, "/brieven/plichten");
    assert.match(owed.body, new RegExp(`href="/brieven/meldingen/${id}"`));
    assert.match(owed.body, /verlopen, niet verwerkt/);
    const worklist = await get(officer, "/werklijst");
    assert.match(worklist.body, /verlopen, niet verwerkt/);
    const page = await get(officer, `/brieven/meldingen/${id}`);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /Deze melding is verlopen/);
    assert.match(page.body, /De gegevens zijn verwijderd\./);
    assert.match(page.body, /niet binnen 6 maanden/);
    assert.doesNotMatch(page.body, /Verlopen,|V\. Verlopen|1984/);
    assert.match(page.body, />Afsluiten</);
    const closed = await post(officer, `/brieven/meldingen/${id}/verwerkt`, []);
    assert.equal(closed.statusCode, 303);
    assert.ok(!(await noticesOf(fx.officerB)).some((d) => d.id === id));
  });
});

describe("003-55 the region-wide candidates page once the access request is decided", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "aedes-2021" });
  const { signInByForm, get, post } = browserOn(() => fx);
  const { verifyIdentity, decide } = caseSteps(() => fx.app);

  test("003-55 after the decision the page shows the judgements read-only, without confirm or reject buttons", async () => {
    const person = { initials: "R.", surname: "Regiobeslist", birthDate: "1976-03-03" };
    const { reg, c } = await accessRequestElsewhere(fx, person, "192.0.2.223");
    const officer = await signInByForm(demoUser(fx.demo, "officer", 1));
    const form = new RegExp(`<form method="post" action="/zaken/${c.id}/regio"`);

    const open = await get(officer, `/zaken/${c.id}/regio`);
    assert.equal(open.statusCode, 200, open.body);
    assert.match(open.body, form, "while open: the confirm and reject buttons");
    const confirmed = await post(officer, `/zaken/${c.id}/regio`, [
      ["registrationId", reg.id],
      ["decision", "confirmed"],
    ]);
    assert.equal(confirmed.statusCode, 200, confirmed.body);

    await verifyIdentity(fx.officerB, c.id, "2026-06-01");
    await decide(fx.officerB, c.id, "upheld", "Inzage verleend."); // its 200 asserted

    const after = await get(officer, `/zaken/${c.id}/regio`);
    assert.equal(after.statusCode, 200, after.body);
    assert.match(after.body, /Over dit inzageverzoek is beslist/);
    assert.match(after.body, /Bevestigd: gaat over de verzoeker/);
    assert.match(
      after.body,
      new RegExp(`Geregistreerd door ${escapeRegExp(fx.demo.organisations[0]!.name)}`),
    );
    assert.doesNotMatch(after.body, form, "no buttons once decided");
    assert.doesNotMatch(after.body, /Bevestigen: dit is de verzoeker|Afwijzen: een andere persoon/);
    const api = await apiRequest(
      fx.app,
      "GET",
      `/api/v1/cases/${c.id}/access-candidates`,
      fx.officerB,
    );
    assert.equal(api.json().open, false);

    // A form posted anyway (an old tab) is refused in words, still without buttons.
    const late = await post(officer, `/zaken/${c.id}/regio`, [
      ["registrationId", reg.id],
      ["decision", "rejected"],
    ]);
    assert.equal(late.statusCode, 422);
    assert.doesNotMatch(late.body, form);
  });
});
