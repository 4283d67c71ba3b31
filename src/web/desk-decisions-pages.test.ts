/**
 * Issue 21 parts 9 and 10 on the pages, as a browser signs in and posts forms: the match page
 * marks what differs and says what the score means; confirming asks once more ("U blokkeert
 * hiermee woningzoekende … tot en met …"); the confirming officer can undo it there. The
 * screening result repeats what was typed; the querier sees their own screenings, without
 * whom (D-991, D-992).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useDemoApi } from "../testing/demo-app.ts";
import { apiCalls, placeRegistrationThroughApi } from "../testing/http.ts";
import { browserOn, demoUser } from "../testing/web.ts";

describe("issue 21 parts 9 and 10 on the pages", () => {
  const fx = useDemoApi({ today: "2026-06-01" });
  const { ok } = apiCalls(() => fx.app);
  const { signInByForm, get, post } = browserOn(() => fx);

  test("21-9 the comparison marks what differs, the score is said in words, confirming asks once more, and the officer can undo it", async () => {
    const person = { initials: "P.", surname: "Janssen", birthDate: "1975-04-04" };
    const reg = await placeRegistrationThroughApi(fx.app, fx.officerA, {
      person,
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    });
    await ok(
      "PUT",
      "/api/v1/seekers/PG-1",
      fx.allocation,
      {
        person: { ...person, surname: "Jansen" },
      },
      201,
    );
    const matches = await ok("GET", "/api/v1/matches?status=pending", fx.officerA);
    const match = (matches.items as { id: string; registrationId: string }[]).find(
      (m) => m.registrationId === reg.id,
    );
    assert.ok(match, "a match was proposed");
    const officer = await signInByForm(demoUser(fx.demo, "officer", 0));

    const page = await get(officer, `/matches/${match.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<tr class="differs"><th scope="row">Achternaam<\/th><td><mark>Janssen<\/mark><\/td><td><mark>Jansen<\/mark><\/td><td><strong>verschilt<\/strong>/,
    );
    assert.match(page.body, /Wat de score betekent/);
    assert.match(page.body, /Vanaf 18,0 stelt de matching een paar voor/);
    // Scores and weights the Dutch way, with a decimal comma (usability review: "21.47").
    assert.match(page.body, /<dd>\d+,\d{2}<\/dd>/);
    assert.match(page.body, /<td>[+-]?\d+,\d{2}<\/td>/);
    assert.doesNotMatch(page.body, /<td>[+-]?\d+\.\d{2}<\/td>/);
    assert.doesNotMatch(page.body, /<td lang="en">/, "no English 'Vergeleken' column");

    // The first click asks once more; nothing is blocked yet.
    const ask = await post(officer, `/matches/${match.id}/besluit`, [["decision", "confirm"]]);
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /U blokkeert hiermee woningzoekende PG-1 tot en met 30 april 2028/);
    assert.match(ask.body, /name="zeker" value="ja"/);
    const still = await ok("GET", `/api/v1/matches/${match.id}`, fx.officerA);
    assert.equal(still.status, "pending");

    const yes = await post(officer, `/matches/${match.id}/besluit`, [
      ["decision", "confirm"],
      ["zeker", "ja"],
    ]);
    assert.equal(yes.statusCode, 303);
    const confirmed = await get(officer, `/matches/${match.id}?melding=bevestigd`);
    assert.match(confirmed.body, /Bevestiging ongedaan maken/);
    assert.match(confirmed.body, /tot en met 29 juni 2026 ongedaan maken/);

    const undo = await post(officer, `/matches/${match.id}/ongedaan`, []);
    assert.equal(undo.statusCode, 303);
    assert.equal(undo.headers.location, `/matches/${match.id}?melding=ongedaan`);
    const after = await ok("GET", `/api/v1/matches/${match.id}`, fx.officerA);
    assert.equal(after.status, "pending");
    const again = await post(officer, `/matches/${match.id}/ongedaan`, []);
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /Deze match is niet \(meer\) bevestigd/);
  });

  test("21-10 the form has no purpose chosen in advance; a hit says up to and including which day, never 'the day before'", async () => {
    const officer = await signInByForm(demoUser(fx.demo, "officer", 0));
    const form = await get(officer, "/toetsen");
    assert.equal(form.statusCode, 200);
    assert.doesNotMatch(form.body, /name="purpose"[^>]*checked/, "no purpose pre-selected");
    assert.doesNotMatch(form.body, /de reden van een registratie ziet u nooit/);
    const person = { initials: "T.", surname: "Totenmet", birthDate: "1970-07-07" };
    const reg = await placeRegistrationThroughApi(fx.app, fx.officerA, {
      person,
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    });
    const end = (await ok("GET", `/api/v1/registrations/${reg.id}`, fx.officerA)).parts[0]
      .endDate as string;
    const result = await post(officer, "/toetsen", [
      ["purpose", "allocation"],
      ["person.initials", "T."],
      ["person.surname", "Totenmet"],
      ["person.birthDate", "1970-07-07"],
    ]);
    assert.equal(result.statusCode, 200, result.body);
    assert.doesNotMatch(result.body, /dag vóór/);
    const dayBefore = new Date(`${end}T12:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    const shown = dayBefore.toLocaleDateString("nl-NL", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    assert.match(result.body, new RegExp(`<dt>Tot en met</dt><dd>(<time[^>]*>)?${shown}`));
  });

  test("21-10 the result repeats what was typed; the querier's history lists their own screenings without the person", async () => {
    const querier = await signInByForm(demoUser(fx.demo, "querier", 0));
    const result = await post(querier, "/toetsen", [
      ["purpose", "urgency"],
      ["person.initials", "G.H."],
      ["person.prefix", "van"],
      ["person.surname", "Geschiedenis"],
      ["person.birthDate", "1990-09-19"],
    ]);
    assert.equal(result.statusCode, 200, result.body);
    assert.match(result.body, /<h2 id="screened-heading">U toetste<\/h2>/);
    assert.match(result.body, /<dd>G\.H\. van Geschiedenis<\/dd>/);
    assert.match(result.body, /19 september 1990/);
    assert.match(result.body, /href="\/toetsen\/geschiedenis"/);

    // A colleague's screening is not in my history.
    await ok("POST", "/api/v1/screenings", fx.querierA, {
      person: { initials: "X.", surname: "Collega", birthDate: "1960-01-01" },
      purpose: "allocation",
    });
    const history = await get(querier, "/toetsen/geschiedenis");
    assert.equal(history.statusCode, 200);
    assert.match(history.body, /1 toetsing</);
    assert.match(history.body, /urgentieaanvraag/);
    assert.match(history.body, /geen treffer/);
    assert.doesNotMatch(history.body, /Geschiedenis<|Collega|1990/);
    const api = await ok("GET", "/api/v1/screenings", fx.querierA);
    assert.equal(api.total, 1, "the key's own screening only");
    assert.deepEqual(Object.keys(api.items[0]).sort(), ["at", "hit", "id", "purpose", "results"]);
  });
});
