/// <reference lib="dom" />
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import {
  assertAccessible,
  e2eDemoRegion,
  signInThroughPages,
  useServerAndBrowser,
  watchErrors,
} from "./browser.ts";

/**
 * Vroegsignalering end to end in Chromium (issue #11), on the demo region's synthetic arrears
 * data (src/demo/demo-arrears.ts): an officer records the missing precondition of DEMO-1002
 * and sees it become eligible, then uploads the municipality's feedback CSV with "help
 * accepted" for DEMO-1001 and sees the hold on the worklist. Every page on the way is
 * checked with axe-core.
 */
const e2e = useServerAndBrowser({ before, after });
const { skip } = e2e;
const demo = e2eDemoRegion();
const orgA = demo.organisations[0]!;
const officer = demo.users.find((u) => u.role === "officer" && u.organisationId === orgA.id)!;

const signIn = (page: Page) => signInThroughPages(page, e2e.server.url, officer);

test("officer records a missing precondition, then uploads feedback and sees the hold — accessible all the way", {
  skip,
  timeout: 240_000,
}, async () => {
  const context = await e2e.browser.newContext({ bypassCSP: true, locale: "nl-NL" });
  const page = await context.newPage();
  const errors = watchErrors(page, [400, 403, 404, 422]);
  await signIn(page);

  await page.getByRole("link", { name: "Vroegsignalering", exact: true }).click();
  await page.waitForURL(/\/vroegsignalering$/);
  const worklist = await page.locator("main").innerText();
  assert.match(worklist, /Voorwaarden voor melding ontbreken/);
  assert.match(worklist, /DEMO-1002/);
  assert.doesNotMatch(worklist, /Proefhuurder/, "no names on the worklist");
  await assertAccessible(page, "arrears worklist");

  // The tenancy's file: eligibility names what is missing.
  await page.getByRole("link", { name: "DEMO-1002" }).first().click();
  await page.waitForURL(/\/vroegsignalering\/huurders\/DEMO-1002$/);
  let main = await page.locator("main").innerText();
  assert.match(main, /kan nu niet worden gemeld/);
  assert.match(main, /schriftelijke herinnering met aanbod gegevens door te geven/);
  await assertAccessible(page, "tenancy file");

  // Submitting without a choice shows the error at the field.
  await page.getByRole("button", { name: "Voorwaarde vastleggen" }).click();
  await page.waitForURL(/\/voorwaarden$/);
  assert.match(await page.locator(".error-summary").innerText(), /Kies een van de mogelijkheden/);
  await assertAccessible(page, "tenancy file with a form error");

  await page
    .getByLabel("schriftelijke herinnering met aanbod gegevens door te geven", { exact: true })
    .check();
  await page.getByRole("button", { name: "Voorwaarde vastleggen" }).click();
  await page.waitForURL(/\/vroegsignalering\/huurders\/DEMO-1002\?melding=event/);
  main = await page.locator("main").innerText();
  assert.match(main, /De voorwaarde is vastgelegd/);
  assert.match(main, /kan bij de volgende maandelijkse melding worden gemeld/);
  assert.doesNotMatch(page.url(), /Proefhuurder/, "no personal data in the URL");

  // The feedback file of the municipality: DEMO-1001 accepted help.
  await page.getByRole("link", { name: "Importeren", exact: true }).click();
  await page.waitForURL(/\/vroegsignalering\/importeren$/);
  await assertAccessible(page, "import page");
  const today = await page.locator("#f-asOf").inputValue();
  await page.getByLabel("Van welke gemeente?").selectOption("1979");
  await page.locator("#f-feedbackFile").setInputFiles({
    name: "terugmelding-eemsdelta.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`tenancyRef,outcome,date\r\nDEMO-1001,help_accepted,${today}\r\n`),
  });
  await page.getByRole("button", { name: "Terugmeldingen inlezen" }).click();
  await page.waitForURL(/\/importeren\/terugmeldingen$/);
  main = await page.locator("main").innerText();
  assert.match(main, /1 terugmelding vastgelegd/);
  assert.match(main, /Geen enkele regel afgekeurd/);
  await assertAccessible(page, "import result");

  await page.getByRole("link", { name: "Werklijst", exact: true }).last().click();
  await page.waitForURL(/\/vroegsignalering$/);
  await page.getByRole("link", { name: /Schuldenrust loopt/ }).click();
  await page.waitForURL(/soort=collection_hold$/);
  main = await page.locator("main").innerText();
  assert.match(main, /Schuldenrust loopt\s+DEMO-1001/);
  await assertAccessible(page, "worklist with the hold");

  // The other pages, each checked.
  for (const [name, url] of [
    ["tenancies", "/vroegsignalering/huurders"],
    ["early warnings", "/vroegsignalering/signalen"],
    ["agreements", "/vroegsignalering/afspraken"],
    ["agreement form", "/vroegsignalering/afspraken/1979"],
    ["deliveries", "/vroegsignalering/leveringen"],
    ["dashboard", "/vroegsignalering/overzicht"],
  ] as const) {
    await page.goto(`${e2e.server.url}${url}`);
    assert.match(await page.locator("h1").innerText(), /\S/);
    await assertAccessible(page, name);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
