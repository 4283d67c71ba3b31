/// <reference lib="dom" />
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  assertAccessible,
  e2eDemoRegion,
  signInThroughPages,
  useServerAndBrowser,
  watchErrors,
} from "./browser.ts";

/**
 * The officer's desk in Chromium (issue 21 parts 6 and 7): the worklist names whom each row is
 * about; "Persoon zoeken" in the menu; a search with a missing purpose comes back with its
 * message and the typed values; a search with a spelling variant finds the demo's draft
 * "K. Concept" and offers a new case about it, whose form names the person. axe-core on each page.
 */
const e2e = useServerAndBrowser({ before, after });
const { skip } = e2e;
const demo = e2eDemoRegion();
const orgA = demo.organisations[0]!.id;
const officer = demo.users.find((u) => u.role === "officer" && u.organisationId === orgA)!;

test("an officer finds a person by name and starts a case about them — accessible all the way", {
  skip,
  timeout: 180_000,
}, async () => {
  const context = await e2e.browser.newContext({ bypassCSP: true, locale: "nl-NL" });
  const page = await context.newPage();
  const errors = watchErrors(page, [422]);
  await signInThroughPages(page, e2e.server.url, officer, assertAccessible);

  // The worklist: one list, the demo's draft named by its person.
  assert.match(page.url(), /\/werklijst$/);
  assert.match(await page.locator("#todo").innerText(), /Alles wat u moet doen/);
  assert.match(await page.locator("main table").innerText(), /K\. Concept/);
  await assertAccessible(page, "one worklist");

  await page.getByRole("link", { name: "Persoon zoeken" }).first().click();
  assert.equal(await page.locator("h1").innerText(), "Persoon zoeken");
  await assertAccessible(page, "search form");

  // No purpose chosen: the message, and what was typed is still there.
  await page.getByLabel("Voorletters").fill("K");
  await page.getByLabel("Achternaam").fill("Konsept");
  await page.getByLabel("Geboortedatum").fill("1979-04-12");
  await page.getByRole("button", { name: "Zoeken" }).click();
  assert.match(await page.locator(".error-summary").innerText(), /Kies waarom u zoekt/);
  assert.equal(await page.getByLabel("Achternaam").inputValue(), "Konsept");
  await assertAccessible(page, "search form with errors");

  await page.getByLabel("De persoon neemt contact op (brief, telefoon of balie)").check();
  await page.getByRole("button", { name: "Zoeken" }).click();
  assert.equal(await page.locator("h1").innerText(), "Gevonden registraties");
  const results = await page.locator("main table").innerText();
  assert.match(results, /K\. Concept/);
  assert.doesNotMatch(page.url(), /Concept|1979/, "no personal data in the address");
  await assertAccessible(page, "search results");

  await page
    .getByRole("link", { name: /Nieuwe zaak over deze registratie/ })
    .first()
    .click();
  assert.match(await page.locator("main").innerText(), /K\. Concept, 12 april 1979/);
  await assertAccessible(page, "new case about the registration found");
  assert.deepEqual(errors, []);
  await context.close();
});
