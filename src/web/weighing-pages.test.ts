/**
 * Review row 003-02 on the web (003 §12.1 "Vastleggende partij", §7; D-1060): the registration
 * form asks the officer's weighing — interests weighed, the regular or a shorter term and a
 * shorter term's reason — with per-field errors in plain Dutch and nothing typed lost, and the
 * registration's page shows what was recorded.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useDemoApi } from "../testing/demo-app.ts";
import { browserOn, demoUser } from "../testing/web.ts";

describe("003-02 the weighing on the registration form", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "aedes-2021" });
  const { signInByForm, get, post } = browserOn(() => fx);
  const fields: [string, string][] = [
    ["categories", "A.I"],
    ["criteria", "a"],
    ["confirmCriteria", "yes"],
    ["person.initials", "A.F."],
    ["person.surname", "Afweger"],
    ["person.birthDate", "1984-07-21"],
    ["placementDate", "2026-05-01"],
    ["termMonths", "12"],
    ["evidence.a.vonnis.date", "2026-04-01"],
    ["address.street", "Kerkstraat"],
    ["address.houseNumber", "5"],
    ["address.postcode", "9901 AB"],
    ["address.city", "Lindendal"],
    ["tenancyRelation", "huurder"],
    ["interestsWeighed", "yes"],
    ["weighingTerm", "shorter"],
  ];

  test("003-02 a shorter term without its reason is refused on its field, nothing typed lost; with it the weighing is recorded and shown", async () => {
    const officer = await signInByForm(demoUser(fx.demo, "officer"));
    const step = (n: string, extra: [string, string][] = []) =>
      post(officer, "/registraties/nieuw", [["step", n], ["action", "next"], ...fields, ...extra]);
    const noReason = await step("3");
    assert.equal(noReason.statusCode, 422, noReason.body);
    assert.match(noReason.body, /href="#f-shorterReason">Kies waarom de termijn korter is/);
    assert.match(noReason.body, /name="weighingTerm" value="shorter" checked/);
    assert.match(noReason.body, /name="interestsWeighed" value="yes" checked/);
    assert.match(noReason.body, /id="f-termMonths"[^>]*value="12"/);
    assert.doesNotMatch(
      noReason.body,
      /shorter_term_|weighing_required/,
      "no rule codes on the page",
    );
    const notWeighed = await post(officer, "/registraties/nieuw", [
      ["step", "3"],
      ["action", "next"],
      ...fields.filter(([k]) => k !== "interestsWeighed" && k !== "weighingTerm"),
    ]);
    assert.equal(notWeighed.statusCode, 422);
    assert.match(notWeighed.body, /Vink aan dat u de belangen hebt afgewogen/);
    assert.match(notWeighed.body, /Kies de gewone of een kortere termijn/);
    const reason: [string, string][] = [["shorterReason", "lesser_severity"]];
    const check = await step("3", reason);
    assert.equal(check.statusCode, 200, check.body);
    assert.match(check.body, /Belangen afgewogen; kortere termijn: het gedrag is minder ernstig/);
    const created = await step("4", reason);
    assert.equal(created.statusCode, 303, created.body);
    const page = await get(officer, String(created.headers.location));
    assert.match(page.body, /<dt>Afweging<\/dt><dd>Belangen afgewogen; kortere termijn/);
  });
});
