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
 * The public pages and the request form without sign-in, then the auditor with TOTP on the
 * audit log and the annual report (issue #10). axe-core checks every new page.
 */
const e2e = useServerAndBrowser({ before, after });
const { skip } = e2e;
const demo = e2eDemoRegion();
const auditor = demo.users.find((u) => u.role === "auditor")!;

test("public pages and the request form work without sign-in, accessibly", {
  skip,
  timeout: 120_000,
}, async () => {
  const context = await e2e.browser.newContext({ bypassCSP: true, locale: "nl-NL" });
  const page = await context.newPage();
  const errors = watchErrors(page);
  for (const [path, heading] of [
    ["/signaleringslijst", "Wat is de signaleringslijst?"],
    ["/categorieen", "Categorieën en termijnen"],
    ["/deelnemers", "Deelnemers"],
    ["/rechten", "Uw rechten"],
    ["/bezwaar", "Bezwaar maken"],
    ["/contact", "Contact"],
    ["/verzoek", "Verzoek indienen"],
  ] as const) {
    await page.goto(`${e2e.server.url}${path}`);
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), heading, path);
    await assertAccessible(page, path);
  }
  // The skip link is the first thing a keyboard reaches, and it is visible when focused.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.className), "skip-link");

  // Empty form: an error summary linking to the fields.
  await page.getByRole("button", { name: "Verzoek versturen" }).click();
  await page.waitForSelector(".error-summary");
  await assertAccessible(page, "request form with errors");
  assert.ok(await page.locator('.error-summary a[href="#f-type"]').count());

  await page.getByLabel("Inzage: welke gegevens zijn over mij vastgelegd?").check();
  await page.getByLabel("Bij welke organisatie?").selectOption(demo.organisations[0]!.id);
  await page.getByLabel("Voorletters").fill("K.");
  await page.getByLabel("Achternaam", { exact: true }).fill("Visser");
  await page.getByLabel("Geboortedatum").fill("1990-04-05");
  await page.getByLabel("E-mailadres").fill("k.visser@example.org");
  await page.getByRole("button", { name: "Verzoek versturen" }).click();
  await page.waitForSelector("text=Verzoek ontvangen");
  assert.match(String(await page.locator("main").textContent()), /kenmerk\s*Z-[0-9A-F]{8}/);
  await assertAccessible(page, "request received");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the auditor signs in with TOTP and opens the audit log and the annual report", {
  skip,
  timeout: 120_000,
}, async () => {
  const context = await e2e.browser.newContext({ bypassCSP: true, locale: "nl-NL" });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signInThroughPages(page, e2e.server.url, auditor);
  await page.getByRole("link", { name: "Auditlog", exact: true }).click();
  await page.waitForURL(/\/audit$/);
  assert.match(String(await page.locator("caption").first().textContent()), /gebeurtenissen/);
  await assertAccessible(page, "audit log");
  await page.getByLabel("Handeling").fill("session.*");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await page.waitForURL(/action=session/);
  await assertAccessible(page, "audit log filtered");

  await page.getByRole("link", { name: "Controle auditlog" }).click();
  await page.getByRole("button", { name: "Controle uitvoeren" }).click();
  await page.waitForSelector("[data-verify]");
  assert.equal(await page.locator("[data-verify]").getAttribute("data-verify"), "intact");
  await assertAccessible(page, "verify");

  for (const [name, path] of [
    ["Toegangsreview", /\/audit\/toegang$/],
    ["Misbruiksignalen", /\/audit\/signalen$/],
    ["Jaarverslag", /\/audit\/jaarverslag$/],
  ] as const) {
    await page.getByRole("link", { name, exact: true }).click();
    await page.waitForURL(path);
    await assertAccessible(page, name);
  }
  assert.match(String(await page.locator("h1").textContent()), /Jaarverslag \d{4}/);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Downloaden als PDF" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^jaarverslag-\d{4}\.pdf$/);
  assert.deepEqual(errors, []);
  await context.close();
});
