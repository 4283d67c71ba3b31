/**
 * Screenshots of the main pages (issue #10): starts the app on the demo region (a fresh data
 * directory), drives Debian's Chromium with playwright-core and writes docs/screenshots/*.png.
 *
 *   node scripts/screenshots.ts            (CHROMIUM_PATH overrides /usr/bin/chromium)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { totpCodeAt } from "../src/platform/auth/index.ts";
import { e2eDemoRegion, launchBrowser, startServer } from "../test/e2e/browser.ts";

const OUT = fileURLToPath(new URL("../docs/screenshots/", import.meta.url));
const demo = e2eDemoRegion();

const PUBLIC: [string, string][] = [
  ["public-start", "/"],
  ["public-about", "/signaleringslijst"],
  ["public-categories", "/categorieen"],
  ["public-participants", "/deelnemers"],
  ["public-rights", "/rechten"],
  ["public-objection", "/bezwaar"],
  ["public-contact", "/contact"],
  ["public-request", "/verzoek"],
  ["public-rights-en", "/rechten?lang=en"],
];
const SIGNED_IN: Record<string, [string, string][]> = {
  officer: [
    ["officer-worklist", "/werklijst?lang=nl"],
    ["officer-registrations", "/registraties"],
    ["officer-screening", "/toetsen"],
    ["officer-arrears-worklist", "/vroegsignalering"],
    ["officer-arrears-tenancy", "/vroegsignalering/huurders/DEMO-1002"],
    ["officer-arrears-imports", "/vroegsignalering/importeren"],
    ["officer-arrears-dashboard", "/vroegsignalering/overzicht"],
  ],
  consortium_admin: [
    ["admin-participants", "/beheer/deelnemers"],
    ["admin-users", "/beheer/gebruikers"],
    ["admin-settings", "/beheer/instellingen"],
    ["admin-protocol", "/beheer/protocol"],
  ],
  auditor: [
    ["auditor-audit-log", "/audit"],
    ["auditor-access-review", "/audit/toegang"],
    ["auditor-signals", "/audit/signalen"],
    ["auditor-annual-report", "/audit/jaarverslag"],
  ],
};

async function shoot(page: Page, base: string, name: string, url: string) {
  await page.goto(`${base}${url}`);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
  console.log(`docs/screenshots/${name}.png`);
}

async function signIn(page: Page, base: string, role: string) {
  const user = demo.users.find((u) => u.role === role)!;
  await page.goto(`${base}/aanmelden`);
  await page.getByLabel("E-mailadres").fill(user.email);
  await page.getByLabel("Wachtwoord").fill(user.password);
  await page.getByRole("button", { name: "Verder" }).click();
  await page.waitForURL(/\/aanmelden\/code$/);
  while (Date.now() % 30_000 > 25_000) await new Promise((r) => setTimeout(r, 500));
  await page.getByLabel("Code", { exact: true }).fill(totpCodeAt(user.totpSecret, new Date()));
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
  await page.waitForURL(/\/(verklaring|werklijst|toetsen|account)$/);
  if (page.url().endsWith("/verklaring")) {
    await page.getByLabel("Ik verklaar dit en houd mij eraan").check();
    await page.getByRole("button", { name: "Verklaring afleggen" }).click();
    await page.waitForURL(/\/(werklijst|toetsen|account)$/);
  }
}

fs.mkdirSync(OUT, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({
    locale: "nl-NL",
    viewport: { width: 1200, height: 800 },
  });
  const page = await context.newPage();
  for (const [name, url] of PUBLIC) await shoot(page, server.url, name, url);
  await context.close();
  for (const [role, pages] of Object.entries(SIGNED_IN)) {
    const ctx = await browser.newContext({
      locale: "nl-NL",
      viewport: { width: 1200, height: 800 },
    });
    const p = await ctx.newPage();
    await signIn(p, server.url, role);
    for (const [name, url] of pages) await shoot(p, server.url, name, url);
    if (role === "auditor") {
      await p.goto(`${server.url}/audit/controle`);
      await p.getByRole("button", { name: "Controle uitvoeren" }).click();
      await p.waitForSelector("[data-verify]");
      await p.screenshot({ path: path.join(OUT, "auditor-verify.png"), fullPage: true });
      console.log("docs/screenshots/auditor-verify.png");
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
