/**
 * Issue 20 part 9 on the pages (000-08, H-7): the consortium admin switches the kkr category
 * PSY on with a legal basis on /beheer/categorieen, and the public Categories page names the
 * categories the region uses, in Dutch words.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useDemoApp } from "../testing/demo-app.ts";
import { browserOn, demoUser } from "../testing/web.ts";

describe("000-08 the region's categories on the pages (kkr)", () => {
  const fx = useDemoApp({ today: "2026-06-01", profile: "kkr" });
  const { signInByForm, get, post } = browserOn(() => fx);
  const publicPage = () => fx.app.inject({ method: "GET", url: "/categorieen" });

  test("000-08 the public page lists the region's categories in Dutch words, without PSY while it is off", async () => {
    const page = await publicPage();
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /Deze regio gebruikt de volgende categorieën: financiële woonfraude en criminaliteit\./,
    );
    assert.match(page.body, /Niet gebruikt in deze regio: psychische overlast\./);
    assert.doesNotMatch(page.body, /id="cat-PSY"/, "no section about a category not in use");
    assert.match(page.body, /id="cat-FIN"/);
  });

  test("000-08 the admin switches PSY on with a legal basis on the beheer page; without one the page says what is missing", async () => {
    const admin = await signInByForm(demoUser(fx.demo, "consortium_admin"));
    const page = await get(admin, "/beheer/categorieen");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /PSY — Psychische overlast/);
    assert.match(page.body, /data-testid="switch-PSY">Uit</);
    const missing = await post(admin, "/beheer/categorieen/PSY", [
      ["enabled", "yes"],
      ["legalBasis", ""],
    ]);
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /<a href="#f-legalBasis">Vul de rechtsgrond in/);
    assert.deepEqual(await fx.ctx.services.organisations.categoriesSwitchedOn(), []);

    const saved = await post(admin, "/beheer/categorieen/PSY", [
      ["enabled", "yes"],
      ["legalBasis", "AVG art. 9 lid 2 onder g; DPIA regio 2026-11 en advies FG"],
    ]);
    assert.equal(saved.statusCode, 303, saved.body);
    const after = await get(admin, String(saved.headers.location));
    assert.match(after.body, /De stand van de categorie is opgeslagen/);
    assert.match(after.body, /data-testid="switch-PSY">Aan</);
    assert.match(after.body, /DPIA regio 2026-11 en advies FG/);
    assert.deepEqual(await fx.ctx.services.organisations.categoriesSwitchedOn(), ["PSY"]);

    const open = await publicPage();
    assert.match(
      open.body,
      /Deze regio gebruikt de volgende categorieën: financiële woonfraude, criminaliteit en psychische overlast\./,
    );
    assert.match(open.body, /id="cat-PSY"/);

    const officer = await signInByForm(demoUser(fx.demo, "officer"));
    assert.equal((await get(officer, "/beheer/categorieen")).statusCode, 403);
  });
});

describe("000-08 and 001-04 the registration form offers what the profile and region allow", () => {
  const kkr = useDemoApp({ today: "2026-06-01", profile: "kkr" });
  const keurmerk = useDemoApp({ today: "2026-06-15", profile: "keurmerk-2013" });
  const onKkr = browserOn(() => kkr);
  const onKeurmerk = browserOn(() => keurmerk);

  test("000-08 the kkr form does not offer PSY while the region has not switched it on", async () => {
    const officer = await onKkr.signInByForm(demoUser(kkr.demo, "officer"));
    const page = await onKkr.get(officer, "/registraties/nieuw");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /value="FIN"/);
    assert.doesNotMatch(page.body, /value="PSY"/);
  });

  test("001-04 the keurmerk form asks only the person fields of 001 §4.2", async () => {
    const officer = await onKeurmerk.signInByForm(demoUser(keurmerk.demo, "officer"));
    const step3 = await onKeurmerk.post(officer, "/registraties/nieuw", [
      ["step", "2"],
      ["categories", "W1"],
      ["criteria", "W1.1"],
      ["confirmCriteria", "yes"],
      ["action", "next"],
    ]);
    assert.equal(step3.statusCode, 200, step3.body);
    for (const field of ["initials", "prefix", "surname", "birthName", "birthDate"]) {
      assert.match(step3.body, new RegExp(`name="person\\.${field}"`), field);
    }
    for (const field of ["firstNames", "gender", "email", "seekerNumber"]) {
      assert.doesNotMatch(step3.body, new RegExp(`name="person\\.${field}"`), field);
    }
  });
});
