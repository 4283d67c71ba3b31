/**
 * Issue 24 part 4 on the pages: a querier of another landlord sees "Mogelijke treffer — wordt
 * gecontroleerd" and nothing of the registration; the primary source's officer checks the
 * possible hit with both persons side by side and confirms it; the querier's later answer is
 * then a hit.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useDemoApi } from "../testing/demo-app.ts";
import { placeRegistrationThroughApi } from "../testing/http.ts";
import { browserOn, demoUser } from "../testing/web.ts";

describe("24-4 a possible hit on the pages", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "keurmerk-2013" });
  const { signInByForm, get, post } = browserOn(() => fx);

  test("24-4 21-7 the querier waits; the primary source finds the check on its worklist, confirms on its page; the answer becomes a hit", async () => {
    await placeRegistrationThroughApi(fx.app, fx.officerA, {
      person: { initials: "R.", surname: "Paginatreffer", birthDate: "1981-04-09" },
      categories: ["W1"],
      criteria: ["W1.1"],
      placementDate: "2026-05-01",
    });
    const querier = await signInByForm(demoUser(fx.demo, "querier", 1));
    const screened = await post(querier, "/toetsen", [
      ["purpose", "allocation"],
      ["person.initials", "R."],
      ["person.surname", "Paginatreffer"],
      ["person.birthDate", "1981-04-10"],
    ]);
    assert.equal(screened.statusCode, 200, screened.body);
    assert.match(screened.body, /Mogelijke treffer — wordt gecontroleerd/);
    assert.doesNotMatch(screened.body, /Treffer\. Deze persoon staat op de signaleringslijst/);
    const link = /href="(\/toetsen\/[0-9a-f-]{36})"/.exec(screened.body)?.[1];
    assert.ok(link, screened.body);

    const officer = await signInByForm(demoUser(fx.demo, "officer", 0));
    // 21-7 the one worklist names the task, its person and its due date, and opens the check.
    const worklist = await get(officer, "/werklijst");
    assert.equal(worklist.statusCode, 200, worklist.body);
    assert.match(worklist.body, /Een andere deelnemer toetste iemand die op deze persoon lijkt/);
    assert.match(worklist.body, /R\. Paginatreffer/);
    assert.match(worklist.body, /href="\/mogelijke-treffers\/[0-9a-f-]{36}"/);
    assert.match(worklist.body, /Mogelijke treffers en inzagecontroles/);
    const list = await get(officer, "/mogelijke-treffers");
    assert.equal(list.statusCode, 200, list.body);
    const task = /href="(\/mogelijke-treffers\/[0-9a-f-]{36})"/.exec(list.body)?.[1];
    assert.ok(task, list.body);
    const detail = await get(officer, task);
    assert.equal(detail.statusCode, 200, detail.body);
    assert.match(detail.body, /Getoetste persoon \(zoals ingevoerd\)/);
    assert.match(detail.body, /geboortedatum/);
    const decided = await post(officer, `${task}/besluit`, [["decision", "confirm"]]);
    assert.equal(decided.statusCode, 303, decided.body);

    const after = await get(officer, "/werklijst");
    assert.doesNotMatch(
      after.body,
      /Een andere deelnemer toetste iemand/,
      "a decided check leaves the worklist",
    );
    const later = await get(querier, link);
    assert.equal(later.statusCode, 200, later.body);
    assert.match(later.body, /Treffer\. Deze persoon staat op de signaleringslijst/);
    assert.doesNotMatch(later.body, /wordt gecontroleerd/);
    // Another organisation's querier cannot open it.
    const stranger = await signInByForm(demoUser(fx.demo, "querier", 0));
    assert.equal((await get(stranger, link)).statusCode, 404);
  });
});
