/// <reference lib="dom" />

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { withEvidence } from "../../src/testing/evidence.ts";
import {
  assertAccessible,
  e2eDemoRegion,
  signInThroughPages,
  useServerAndBrowser,
  watchErrors,
} from "./browser.ts";

/**
 * The case pages end to end in Chromium (issue #10): an officer records an objection from a
 * received letter, acknowledges it, decides it upheld and carries it out; the registration
 * is gone. On the way: the access report, the letter pages and the committee's list, each
 * checked with axe-core.
 */
const e2e = useServerAndBrowser({ before, after });
const { skip } = e2e;
const demo = e2eDemoRegion();
const orgA = demo.organisations[0]!;
const officer = demo.users.find((u) => u.role === "officer" && u.organisationId === orgA.id)!;
const committee = demo.users.find((u) => u.role === "committee")!;

async function registration(surname: string): Promise<string> {
  const placement = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const res = await fetch(`${e2e.server.url}/api/v1/registrations`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${orgA.apiKeys.officer}`,
      "content-type": "application/json",
    },
    body: JSON.stringify(
      withEvidence({
        person: { initials: "B.", surname, birthDate: "1982-03-04" },
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: placement,
      }),
    ),
  });
  const text = await res.text();
  assert.equal(res.status, 201, text);
  return (JSON.parse(text) as { id: string }).id;
}

const signIn = (page: Page, user: { email: string; password: string; totpSecret: string }) =>
  signInThroughPages(page, e2e.server.url, user);

test("officer records an objection, decides it upheld, carries it out — accessible all the way", {
  skip,
  timeout: 240_000,
}, async () => {
  const context = await e2e.browser.newContext({ bypassCSP: true, locale: "nl-NL" });
  const page = await context.newPage();
  const errors = watchErrors(page, [403, 404, 422]);
  const today = new Date().toISOString().slice(0, 10);
  const regId = await registration("Bezwaarmaker");

  await signIn(page, officer);
  await page.getByRole("link", { name: "Zaken", exact: true }).click();
  await page.waitForURL(/\/zaken$/);
  await assertAccessible(page, "cases list");

  // From the registration page: a new case about it.
  await page.goto(`${e2e.server.url}/registraties/${regId}`);
  await assertAccessible(page, "registration detail with cases");
  await page.getByRole("link", { name: "Nieuwe zaak over deze registratie" }).click();
  await page.waitForURL(/\/zaken\/nieuw\?registratie=/);
  await assertAccessible(page, "new case form");
  await page.getByRole("button", { name: "Zaak registreren" }).click();
  assert.match(await page.locator(".error-summary").innerText(), /Kies de soort zaak/);
  await assertAccessible(page, "new case form with errors");
  await page.getByLabel("Bezwaar", { exact: true }).check();
  await page.getByLabel("Datum van ontvangst").fill(today);
  await page.getByRole("button", { name: "Zaak registreren" }).click();
  await page.waitForURL(/\/zaken\/[0-9a-f-]{36}\?melding=nieuw$/);
  assert.doesNotMatch(page.url(), /Bezwaarmaker|1982/, "no personal data in the URL");
  assert.match(await page.locator("main").innerText(), /De zaak is geregistreerd/);
  await assertAccessible(page, "case detail (received)");

  await page.getByRole("button", { name: "Ontvangst bevestigen" }).click();
  await page.waitForURL(/melding=vastgelegd$/);
  assert.match(await page.locator("main").innerText(), /gehaald op/);
  await page.getByRole("button", { name: "Beslissing vastleggen" }).click();
  assert.match(await page.locator(".error-summary").innerText(), /Kies een van de mogelijkheden/);
  await assertAccessible(page, "decision with errors");
  await page.getByLabel("gegrond / toegewezen").check();
  await page
    .getByLabel("Motivering")
    .fill("De registratie berust niet op een vastgesteld criterium.");
  await page.getByRole("button", { name: "Beslissing vastleggen" }).click();
  await page.waitForURL(/melding=besloten$/);
  await assertAccessible(page, "case detail (decided)");

  await page.getByRole("link", { name: "Beslissing uitvoeren" }).click();
  await page.waitForURL(/\/uitvoeren$/);
  await assertAccessible(page, "execution confirmation");
  await page.getByLabel("Registratie verwijderen (met brief over verwijdering)").check();
  await page.getByLabel(/Ik heb gecontroleerd/).check();
  await page.getByRole("button", { name: "Uitvoeren" }).click();
  await page.waitForURL(/melding=uitgevoerd$/);
  assert.match(await page.locator("main").innerText(), /Registratie verwijderd/);
  await assertAccessible(page, "case detail (carried out)");

  const gone = await page.goto(`${e2e.server.url}/registraties/${regId}`);
  assert.equal(gone?.status(), 404, "the registration is gone");

  // An access request: identity first, then the report.
  const other = await registration("Inzageverzoeker");
  await page.goto(`${e2e.server.url}/zaken/nieuw?registratie=${other}`);
  await page.getByLabel("Inzageverzoek", { exact: true }).check();
  await page.getByLabel("Datum van ontvangst").fill(today);
  await page.getByRole("button", { name: "Zaak registreren" }).click();
  await page.waitForURL(/melding=nieuw$/);
  await page.getByLabel("Identiteitsbewijs gezien").check();
  await page.getByRole("button", { name: "Identiteit vastleggen" }).click();
  await page.waitForURL(/melding=vastgelegd$/);
  await page.getByRole("link", { name: "Inzageoverzicht bekijken" }).click();
  await page.waitForURL(/\/inzage$/);
  assert.match(await page.locator("main").innerText(), /Inzageverzoeker/);
  await assertAccessible(page, "access report");

  // Letters and the letters owed; the worklist with cases; English.
  await page.goto(`${e2e.server.url}/brieven`);
  await assertAccessible(page, "letters");
  await page.goto(`${e2e.server.url}/brieven/plichten`);
  await assertAccessible(page, "letters owed");
  await page.goto(`${e2e.server.url}/werklijst`);
  assert.match(await page.locator("main").innerText(), /Zaken met een termijn/);
  await assertAccessible(page, "worklist with cases");
  await page.goto(`${e2e.server.url}/zaken?lang=en`);
  assert.equal(await page.locator("h1").innerText(), "Cases");
  await assertAccessible(page, "cases list (English)");
  await page.goto(`${e2e.server.url}/zaken?lang=nl`);
  await context.close();

  // The committee starts at its own list.
  const cContext = await e2e.browser.newContext({ bypassCSP: true, locale: "nl-NL" });
  const cpage = await cContext.newPage();
  await signIn(cpage, committee);
  assert.match(cpage.url(), /\/commissie$/);
  await assertAccessible(cpage, "committee list");
  await cpage.getByRole("link", { name: "Beroep registreren" }).click();
  await assertAccessible(cpage, "committee new appeal form");
  await cContext.close();

  assert.deepEqual(errors, []);
});
