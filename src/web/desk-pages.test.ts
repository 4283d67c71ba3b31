/**
 * The officer's desk through the pages (issue 21 parts 6 and 7; usability review defects 3 and
 * 7): finding a person on /zoeken (POST only, audited with its purpose), names in the register,
 * a new case that picks its registration by that search, and the one worklist — a row per kind
 * that names the person and opens the thing to act on, most urgent first.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { seedDemoArrears } from "../demo/demo-arrears.ts";
import { caseSteps } from "../testing/case-steps.ts";
import { useDemoApi } from "../testing/demo-app.ts";
import { SHORTER_WEIGHING, withEvidence } from "../testing/evidence.ts";
import { apiCalls } from "../testing/http.ts";
import { browserOn, demoUser, type PageSession } from "../testing/web.ts";

const TODAY = "2026-06-01";
const fx = useDemoApi({ today: TODAY });
const { signInByForm, get, post } = browserOn(() => fx);
const { ok } = apiCalls(() => fx.app);
const { openCase } = caseSteps(() => fx.app);

const registration = (person: object, extra: object = {}) =>
  withEvidence({
    person,
    categories: ["A.I"],
    criteria: ["a"],
    placementDate: "2026-05-01",
    ...extra,
  });
const place = async (person: object, extra: object = {}) =>
  (await ok("POST", "/api/v1/registrations", fx.officerA, registration(person, extra), 201))
    .id as string;

const VERWEY = { initials: "K.", prefix: "de", surname: "Verweij", birthDate: "1977-09-30" };

let officer: PageSession;
let verweyId: string;

describe("issue 21 part 6: find a person", () => {
  before(async () => {
    officer = await signInByForm(demoUser(fx.demo, "officer"));
    verweyId = await place(VERWEY);
  });

  test("/zoeken: bad input gives a message per field and keeps what was typed; nothing is audited", async () => {
    const page = await get(officer, "/zoeken");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<form method="post" action="\/zoeken"/);
    const res = await post(officer, "/zoeken", [
      ["person.initials", "K."],
      ["person.surname", "Verwey"],
      ["person.birthDate", "30-09-1977x"],
    ]);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Kies waarom u zoekt/);
    assert.match(res.body, /id="f-person\.birthDate"[^>]*value="30-09-1977x"|value="30-09-1977x"/);
    assert.match(res.body, /value="Verwey"/, "the surname typed is kept");
    const audit = await ok("GET", "/api/v1/audit?action=registration.searched", fx.auditor);
    assert.equal(audit.items.length, 0);
  });

  test("/zoeken finds a spelling variant, names the person, offers the registration and a new case; audited with its purpose", async () => {
    const res = await post(officer, "/zoeken", [
      ["purpose", "person_contact"],
      ["person.initials", "K"],
      ["person.prefix", "de"],
      ["person.surname", "Verwey"],
      ["person.birthDate", "1977-09-30"],
    ]);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /K\. de Verweij/);
    assert.match(res.body, /Waarschijnlijk dezelfde persoon/);
    assert.match(res.body, new RegExp(`href="/registraties/${verweyId}"`));
    assert.match(res.body, new RegExp(`href="/zaken/nieuw\\?registratie=${verweyId}"`));
    assert.doesNotMatch(res.body, /person_contact<|003/, "no codes or articles on the page");
    const audit = await ok("GET", "/api/v1/audit?action=registration.searched", fx.auditor);
    assert.equal(audit.items[0].details.purpose, "person_contact");
  });

  test("the register lists the person's name (the look audited); the new-case form shows the registration chosen by search, no id prefixes", async () => {
    const list = await get(officer, "/registraties");
    assert.match(list.body, /K\. de Verweij/);
    const audit = await ok("GET", "/api/v1/audit?action=registration.names_viewed", fx.auditor);
    assert.ok(
      audit.items.some((e: { details: { registrationIds: string[] } }) =>
        e.details.registrationIds.includes(verweyId),
      ),
    );
    const empty = await get(officer, "/zaken/nieuw");
    assert.match(empty.body, /href="\/zoeken"/);
    assert.doesNotMatch(empty.body, /<select id="f-registrationId"/);
    const form = await get(officer, `/zaken/nieuw?registratie=${verweyId}`);
    assert.match(form.body, /K\. de Verweij, 30 september 1977/);
    assert.match(form.body, new RegExp(`name="registrationId" value="${verweyId}"`));
    const created = await post(officer, "/zaken/nieuw", [
      ["type", "objection"],
      ["registrationId", verweyId],
      ["receivedDate", TODAY],
    ]);
    assert.equal(created.statusCode, 303, created.body);
  });
});

describe("issue 21 part 7: one worklist that is the whole worklist", () => {
  const rowsOf = (body: string) =>
    [...body.matchAll(/<tr class="work-row work-row--(\w+)( overdue)?">([\s\S]*?)<\/tr>/g)].map(
      (x) => ({ kind: x[1]!, overdue: Boolean(x[2]), html: x[3]! }),
    );
  let page: string;
  let caseId: string;
  let endingId: string;
  let draftId: string;
  let matchId: string;
  const HOLLANDER = { initials: "P.", surname: "Hollander", birthDate: "1969-02-02" };

  before(async () => {
    officer = await signInByForm(demoUser(fx.demo, "officer"));
    await seedDemoArrears(fx.ctx.services, fx.demo, TODAY);
    const caseRegId = await place({ initials: "Z.", surname: "Zaakmans", birthDate: "1990-01-01" });
    caseId = (await openCase(fx.officerA, "objection", caseRegId, TODAY)).id;
    endingId = await place(
      { initials: "E.", surname: "Eindigt", birthDate: "1988-08-08" },
      { termMonths: 2 },
    );
    // B.III is under four eyes: one officer's decision is a draft (D-842).
    draftId = (
      await ok(
        "POST",
        "/api/v1/registrations",
        fx.officerA,
        withEvidence({
          person: { initials: "D.", surname: "Conceptueel", birthDate: "1984-04-04" },
          categories: ["B.III"],
          criteria: ["a"],
          placementDate: "2026-05-01",
        }),
        201,
      )
    ).id;
    // A house seeker like a registered person: a match to judge.
    await place(HOLLANDER);
    await ok("PUT", "/api/v1/seekers/WS-77", fx.allocation, { person: HOLLANDER }, 201);
    const matches = await ok("GET", "/api/v1/matches?status=pending", fx.officerA);
    matchId = matches.items[0]?.id;
    // A hit at the organisation's own screening: a hit letter whose duty holds the person.
    const TREFFER = { initials: "T.", surname: "Treffers", birthDate: "1975-05-05" };
    await place(TREFFER);
    const screened = await ok("POST", "/api/v1/screenings", fx.querierA, {
      person: TREFFER,
      purpose: "allocation",
    });
    assert.equal(screened.hit, true);
    page = (await get(officer, "/werklijst")).body;
  });

  test("a case with a deadline: its reference and deadline, the person, a link to the case", () => {
    const row = rowsOf(page).find((r) => r.kind === "case" && r.html.includes(caseId));
    assert.ok(row, page);
    assert.match(row.html, /Z\. Zaakmans/);
    assert.match(row.html, /Bezwaar|bezwaar/);
  });

  test("letter duties name the person: the placement letter by the registration, the hit letter by the duty's own addressee", () => {
    const duties = rowsOf(page).filter((r) => r.kind === "duty");
    assert.ok(
      duties.some((r) => /Brief over plaatsing/.test(r.html) && /E\. Eindigt/.test(r.html)),
      page,
    );
    const hit = duties.find((r) => /Brief na een treffer/.test(r.html));
    assert.ok(hit, "the hit letter is on the worklist");
    assert.match(hit.html, /T\. Treffers/);
    assert.doesNotMatch(hit.html, /persoon onbekend/);
  });

  test("a draft awaiting a second officer names the person and opens the registration", () => {
    const row = rowsOf(page).find((r) => r.kind === "draft" && r.html.includes(draftId));
    assert.ok(row, page);
    assert.match(row.html, /D\. Conceptueel/);
    assert.match(row.html, /tweede functionaris/);
  });

  test("a match to judge names the registered person and opens the match", () => {
    assert.ok(matchId, "the seeker was proposed as a match");
    const row = rowsOf(page).find((r) => r.kind === "match" && r.html.includes(matchId));
    assert.ok(row, page);
    assert.match(row.html, /P\. Hollander/);
    assert.match(row.html, /WS-77/);
  });

  test("a registration ending soon, by its end date", () => {
    const row = rowsOf(page).find((r) => r.kind === "ending" && r.html.includes(endingId));
    assert.ok(row, page);
    assert.match(row.html, /E\. Eindigt/);
  });

  test("arrears tasks are on it, overdue preconditions among the overdue rows at the top", () => {
    const rows = rowsOf(page);
    const arrears = rows.filter((r) => r.kind === "arrears");
    assert.ok(arrears.length > 0, page);
    assert.ok(arrears.every((r) => /huurovereenkomst DEMO-/.test(r.html)));
    const firstNotOverdue = rows.findIndex((r) => !r.overdue);
    const lastOverdue = rows.map((r) => r.overdue).lastIndexOf(true);
    assert.ok(lastOverdue < firstNotOverdue || firstNotOverdue === -1, "overdue rows lead");
    if (arrears.some((r) => r.overdue)) assert.ok(rows[0]!.overdue);
  });

  test("a correction letter (D-844) names the person and opens the registration", async () => {
    const address = {
      street: "Kerkstraat",
      houseNumber: "3",
      postcode: "9901 AB",
      city: "Lindendal",
    };
    const id = await place(
      { initials: "C.", surname: "Correctie", birthDate: "1979-07-07" },
      { address },
    );
    const letters = await ok("GET", `/api/v1/letters?registrationId=${id}`, fx.officerA);
    const placement = letters.items.find((l: { kind: string }) => l.kind === "placement");
    await ok("POST", `/api/v1/letters/${placement.id}/sent`, fx.officerA, { sentOn: TODAY });
    await ok("PATCH", `/api/v1/registrations/${id}`, fx.officerA, {
      termMonths: 12,
      reason: "proportionality_reweighed",
      weighing: SHORTER_WEIGHING,
    });
    const rows = rowsOf((await get(officer, "/werklijst")).body);
    const row = rows.find((r) => r.kind === "duty" && /Brief over wijziging/.test(r.html));
    assert.ok(row, JSON.stringify(rows.filter((r) => r.kind === "duty")));
    assert.match(row.html, /C\. Correctie/);
    assert.match(row.html, new RegExp(`href="/registraties/${id}"`));
  });

  test("a decided case whose deadlines are all met leaves the worklist", async () => {
    const { verifyIdentity, decide } = caseSteps(() => fx.app);
    const regId = await place({ initials: "B.", surname: "Besloten", birthDate: "1981-01-01" });
    const c = await openCase(fx.officerA, "rectification", regId, TODAY);
    const listed = rowsOf((await get(officer, "/werklijst")).body);
    assert.ok(listed.some((r) => r.kind === "case" && r.html.includes(c.id)));
    await verifyIdentity(fx.officerA, c.id, TODAY);
    await decide(fx.officerA, c.id, "rejected", "De gegevens kloppen.");
    const after = rowsOf((await get(officer, "/werklijst")).body);
    assert.ok(
      !after.some((r) => r.kind === "case" && r.html.includes(c.id)),
      JSON.stringify(after.filter((r) => r.kind === "case")),
    );
  });

  test("dated rows come before undated ones, earliest first", () => {
    const rows = rowsOf(page).filter((r) => !r.overdue);
    const dated = rows.map((r) => !/geen termijn/.test(r.html));
    const firstUndated = dated.indexOf(false);
    assert.ok(firstUndated === -1 || !dated.slice(firstUndated).includes(true));
  });
});
