/// <reference lib="dom" />
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { describeDemoRegion } from "../../src/demo/demo-region.ts";
import { totpCodeAt } from "../../src/platform/auth/index.ts";
import { seriousA11yViolations, useServerAndBrowser } from "./browser.ts";

/**
 * The public pages and the request form without sign-in, then the auditor with TOTP on the
 * audit log and the annual report (issue #10). axe-core checks every new page.
 */
const e2e = useServerAndBrowser({ before, after });
const { skip } = e2e;
const demo = describeDemoRegion("aedes-2021");
const auditor = demo.users.find((u) => u.role === "auditor")!;

async function assertAccessible(page: Page, where: string) {
  const violations = await seriousA11yViolations(page);
  assert.deepEqual(
    violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    ),
    [],
    `accessibility problems on ${where}`,
  );
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of (403|422)\b/.test(m.text())) errors.push(m.text());
  });
  return errors;
}

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
  assert.match(String(await page.locator("main").textContent()), /kenmerk Z-[0-9A-F]{8}/);
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
  await page.goto(`${e2e.server.url}/aanmelden`);
  await page.getByLabel("E-mailadres").fill(auditor.email);
  await page.getByLabel("Wachtwoord").fill(auditor.password);
  await page.getByRole("button", { name: "Verder" }).click();
  await page.waitForURL(/\/aanmelden\/code$/);
  // Not in the last seconds of a 30-second step: the code must still hold when it arrives.
  while (Date.now() % 30_000 > 25_000) await new Promise((r) => setTimeout(r, 500));
  await page.getByLabel("Code", { exact: true }).fill(totpCodeAt(auditor.totpSecret, new Date()));
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
  await page.waitForURL(/\/(verklaring|account)$/);
  if (page.url().endsWith("/verklaring")) {
    await page.getByLabel("Ik verklaar dit en houd mij eraan").check();
    await page.getByRole("button", { name: "Verklaring afleggen" }).click();
    await page.waitForURL(/\/account$/);
  }
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
