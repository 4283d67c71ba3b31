/**
 * The access answer never rests on a score (issue 24 part 4, D-1040, D-1041; design.md §2.7;
 * 003 §6 punt 3, §15.2): the officer answering an access request at one participant sees another
 * participant's registration only when it is exactly the requester, or after that registration's
 * primary source confirmed it. Through the front door.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { accessAnswerText, caseSteps, escapeRegExp } from "../../testing/case-steps.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiCalls, assertRefused } from "../../testing/http.ts";
import { browserOn, demoUser } from "../../testing/web.ts";

describe("access answer: another participant's registration only exact or confirmed (D-1040)", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "aedes-2021" });
  const { call, ok } = apiCalls(() => fx.app);
  const { register, verifyIdentity, decide, publicAccessRequest } = caseSteps(() => fx.app);
  const orgA = () => fx.demo.organisations[0]!;
  const orgB = () => fx.demo.organisations[1]!;

  /** A registration at A, and an access request at B by someone whose birth date is one day off. */
  async function nearRequest(surname: string) {
    const reg = await register(fx.officerA, { initials: "K.", surname, birthDate: "1981-04-10" }, [
      "A.I",
      "a",
    ]);
    const near = { initials: "K.", surname, birthDate: "1981-04-11" };
    const c = await publicAccessRequest(orgB().id, near, fx.officerB);
    await verifyIdentity(fx.officerB, c.id, "2026-06-01");
    return { reg, c };
  }

  async function candidatesAtB(caseId: string) {
    const res = await call("GET", `/api/v1/cases/${caseId}/access-candidates`, fx.officerB);
    assert.equal(res.statusCode, 200, res.body);
    return { view: JSON.parse(res.body), body: res.body };
  }

  async function checkAtA(caseId: string) {
    const tasks = await ok("GET", "/api/v1/access-confirmations", fx.officerA);
    return tasks.items.find((t: { caseId: string }) => t.caseId === caseId);
  }

  test("24.4 a near match at A: B sees nothing of it until A confirms; then B sees it and the answer names it", async () => {
    const { reg, c } = await nearRequest("Nabijheid");
    const before = await candidatesAtB(c.id);
    assert.deepEqual(before.view.candidates, []);
    assert.equal(before.view.checking.count, 1);
    assert.equal(before.view.checking.due, "2026-06-02");
    assert.doesNotMatch(before.body, new RegExp(reg.id));
    assert.doesNotMatch(before.body, new RegExp(escapeRegExp(orgA().name)));
    assert.doesNotMatch(before.body, /1981-04-10/);
    // B cannot judge it, nor answer, while A checks.
    const blind = await call("POST", `/api/v1/cases/${c.id}/access-candidates`, fx.officerB, {
      registrationId: reg.id,
      decision: "confirmed",
    });
    assertRefused(blind, 404, "not_a_candidate");
    const early = await call("POST", `/api/v1/cases/${c.id}/decision`, fx.officerB, {
      outcome: "upheld",
      reasons: "Inzage verleend.",
    });
    assertRefused(early, 422, "access_candidates_awaiting_source");
    // Only A's officers have the task, and B cannot decide it for A.
    const notB = await ok("GET", "/api/v1/access-confirmations", fx.officerB);
    assert.equal(notB.items.length, 0);
    const byB = await call("POST", `/api/v1/access-confirmations/${c.id}`, fx.officerB, {
      registrationId: reg.id,
      decision: "confirmed",
    });
    assertRefused(byB, 404, "no_pending_check");

    const task = await checkAtA(c.id);
    assert.ok(task, "A has the check on its list");
    assert.equal(task.registrationId, reg.id);
    assert.ok(
      task.comparison.some(
        (x: { field: string; same: boolean }) => x.field === "birthDate" && !x.same,
      ),
    );
    await ok("POST", `/api/v1/access-confirmations/${c.id}`, fx.officerA, {
      registrationId: reg.id,
      decision: "confirmed",
    });
    assert.equal(await checkAtA(c.id), undefined, "the task is done");

    const after = await candidatesAtB(c.id);
    assert.equal(after.view.checking.count, 0);
    assert.equal(after.view.candidates.length, 1);
    assert.equal(after.view.candidates[0].registrationId, reg.id);
    assert.equal(after.view.candidates[0].primarySource.name, orgA().name);
    await ok("POST", `/api/v1/cases/${c.id}/access-candidates`, fx.officerB, {
      registrationId: reg.id,
      decision: "confirmed",
    });
    await decide(fx.officerB, c.id, "upheld", "Inzage verleend.");
    const text = await accessAnswerText(() => fx.app, c.id, fx.officerB);
    assert.match(text, new RegExp(`Registratie 1, vastgelegd door ${escapeRegExp(orgA().name)}`));
    assert.doesNotMatch(text, /wordt nog nagegaan/);
  });

  test("24.4 a near match A rejects is never shown to B, and the answer says nothing of it", async () => {
    const { reg, c } = await nearRequest("Afwijzing");
    const task = await checkAtA(c.id);
    await ok("POST", `/api/v1/access-confirmations/${c.id}`, fx.officerA, {
      registrationId: task.registrationId,
      decision: "rejected",
    });
    const after = await candidatesAtB(c.id);
    assert.deepEqual(after.view.candidates, []);
    assert.equal(after.view.checking.count, 0);
    assert.doesNotMatch(after.body, new RegExp(reg.id));
    assert.doesNotMatch(after.body, new RegExp(escapeRegExp(orgA().name)));
    await decide(fx.officerB, c.id, "upheld", "Inzage verleend.");
    const text = await accessAnswerText(() => fx.app, c.id, fx.officerB);
    assert.doesNotMatch(text, new RegExp(`vastgelegd door ${escapeRegExp(orgA().name)}`));
    assert.doesNotMatch(text, /10 april 1981/, "not the registered birth date");
    assert.doesNotMatch(text, /wordt nog nagegaan/);
  });

  test("24.4 a check still open when its day has passed: the answer goes out without it and says a check runs", async () => {
    const { c } = await nearRequest("Termijnloos");
    await candidatesAtB(c.id);
    fx.ctx.clock.set("2026-06-03");
    try {
      await decide(fx.officerB, c.id, "upheld", "Inzage verleend.");
      const text = await accessAnswerText(() => fx.app, c.id, fx.officerB);
      assert.match(text, /wordt nog nagegaan of een registratie daar over u gaat/);
      assert.doesNotMatch(text, new RegExp(`vastgelegd door ${escapeRegExp(orgA().name)}`));
      assert.doesNotMatch(text, /geen gegevens opgenomen/);
    } finally {
      fx.ctx.clock.set("2026-06-01");
    }
  });

  test("24.4 an exact identity at A is visible to B at once, without a check", async () => {
    const person = { initials: "E.", surname: "Precies", birthDate: "1970-09-09" };
    const reg = await register(fx.officerA, person, ["A.I", "a"]);
    const c = await publicAccessRequest(orgB().id, person, fx.officerB);
    const { view } = await candidatesAtB(c.id);
    assert.equal(view.checking.count, 0);
    assert.equal(view.candidates.length, 1);
    assert.equal(view.candidates[0].registrationId, reg.id);
    assert.equal(await checkAtA(c.id), undefined);
  });
});

describe("the handling officer's page while a check runs (D-1040)", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "aedes-2021" });
  const { register, publicAccessRequest } = caseSteps(() => fx.app);
  const orgB = () => fx.demo.organisations[1]!;

  test("24.4 'wordt gecontroleerd': the page shows that a check runs, and nothing of the registration", async () => {
    await register(
      fx.officerA,
      { initials: "W.", surname: "Paginacontrole", birthDate: "1966-01-01" },
      ["A.I", "a"],
    );
    const near = { initials: "W.", surname: "Paginacontrole", birthDate: "1966-01-02" };
    const c = await publicAccessRequest(orgB().id, near, fx.officerB);
    const { signInByForm, get } = browserOn(() => fx);
    const session = await signInByForm(demoUser(fx.demo, "officer", 1));
    const page = await get(session, `/zaken/${c.id}/regio`);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /wordt gecontroleerd/);
    assert.match(page.body, /2 juni 2026/);
    assert.doesNotMatch(page.body, /1 januari 1966/);
    assert.doesNotMatch(page.body, /Geregistreerd door/);
  });

  test("24.4 A's officer confirms on the page 'Controles inzageverzoeken'; then B's page shows the registration", async () => {
    const { signInByForm, get, post } = browserOn(() => fx);
    const reg = await register(
      fx.officerA,
      { initials: "V.", surname: "Paginabevestiging", birthDate: "1968-03-03" },
      ["A.I", "a"],
    );
    const near = { initials: "V.", surname: "Paginabevestiging", birthDate: "1968-03-04" };
    const c = await publicAccessRequest(orgB().id, near, fx.officerB);
    const atA = await signInByForm(demoUser(fx.demo, "officer", 0));
    // 21-7 the check is on A's one worklist, naming the person, and opens the checks page.
    const worklist = await get(atA, "/werklijst");
    assert.match(
      worklist.body,
      /Een inzageverzoek bij een andere deelnemer lijkt over deze persoon te gaan/,
    );
    assert.match(worklist.body, /V\. Paginabevestiging/);
    assert.match(worklist.body, /href="\/inzagecontroles"/);
    const list = await get(atA, "/inzagecontroles");
    assert.equal(list.statusCode, 200, list.body);
    assert.match(list.body, /href="\/inzagecontroles"/, "in the menu");
    assert.match(list.body, new RegExp(`href="/registraties/${reg.id}"`));
    assert.match(list.body, /3 maart 1968/);
    assert.doesNotMatch(list.body, /1968-03-03/);
    const done = await post(atA, `/inzagecontroles/${c.id}`, [
      ["registrationId", reg.id],
      ["decision", "confirmed"],
    ]);
    assert.equal(done.statusCode, 303, done.body);
    const after = await get(atA, done.headers.location as string);
    assert.match(after.body, /Bevestigd/);
    assert.doesNotMatch(
      (await get(atA, "/werklijst")).body,
      /lijkt over deze persoon te gaan: is het dezelfde persoon\?<\/td>\s*<td>V\. Paginabevestiging/,
      "a decided check leaves the worklist",
    );
    assert.doesNotMatch(after.body, new RegExp(`href="/registraties/${reg.id}"`), "done");
    const atB = await signInByForm(demoUser(fx.demo, "officer", 1));
    const page = await get(atB, `/zaken/${c.id}/regio`);
    assert.match(page.body, /Geregistreerd door/);
    assert.doesNotMatch(page.body, /wordt gecontroleerd/);
  });
});
