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
 * The web application end to end in Chromium (issue #10): an officer signs in with TOTP,
 * registers a person through the step form, a querier screens them, the allocation system
 * puts a matching house seeker through the API, and the officer confirms the proposal.
 * axe-core runs on every page on the way.
 */
const e2e = useServerAndBrowser({ before, after });
const { skip } = e2e;
const demo = e2eDemoRegion();
const orgA = demo.organisations[0]!.id;
const officer = demo.users.find((u) => u.role === "officer" && u.organisationId === orgA)!;
const querier = demo.users.find((u) => u.role === "querier" && u.organisationId === orgA)!;

/** Signs in through the pages, checking each page on the way with axe-core. */
const signIn = (page: Page, user: { email: string; password: string; totpSecret: string }) =>
  signInThroughPages(page, e2e.server.url, user, assertAccessible);

test("officer registers, querier screens, officer confirms a match — accessible all the way", {
  skip,
  timeout: 180_000,
}, async () => {
  const context = await e2e.browser.newContext({ bypassCSP: true, locale: "nl-NL" });
  const page = await context.newPage();
  const errors = watchErrors(page, [403, 422]);

  // Sign in as the officer: the worklist is the start page.
  await signIn(page, officer);
  assert.match(page.url(), /\/werklijst$/);
  assert.equal(await page.locator("h1").innerText(), "Werklijst");
  assert.match(await page.locator(".site-header").innerText(), /Woonstichting De Linde \(demo\)/);
  await assertAccessible(page, "worklist");

  // The step form: category → criteria → person → check → confirmation.
  await page.getByRole("link", { name: "Persoon registreren" }).first().click();
  await assertAccessible(page, "register step 1");
  await page.getByRole("button", { name: "Volgende stap" }).click();
  assert.match(await page.locator(".error-summary").innerText(), /Kies minstens één categorie/);
  await assertAccessible(page, "register step 1 with errors");
  await page.locator('input[name="categories"][value="A.I"]').check();
  await page.getByRole("button", { name: "Volgende stap" }).click();
  await page.getByText("Stap 2 van 4").waitFor();
  await assertAccessible(page, "register step 2");
  await page.locator('input[name="criteria"][value="a"]').first().check();
  await page.getByLabel(/Ik bevestig dat de aangevinkte criteria/).check();
  // Issue 20: the evidence of the ticked criterion and the rented dwelling, on whichever step asks.
  for (const [name, value] of [
    ["evidence.a.vonnis.date", "2026-04-01"],
    ["address.street", "Kerkstraat"],
    ["address.houseNumber", "5"],
    ["address.postcode", "9901 AB"],
    ["address.city", "Lindendal"],
  ]) {
    const field = page.locator(`[name="${name}"]`);
    if (await field.count()) await field.fill(value!);
  }
  await page.getByRole("button", { name: "Volgende stap" }).click();
  await page.getByText("Stap 3 van 4").waitFor();
  await assertAccessible(page, "register step 3");
  await page.getByLabel("Voorletters").fill("K.M.");
  await page.getByLabel("Voornamen").fill("Karel Maria");
  await page.getByLabel("Achternaam").fill("Browserveld");
  await page.getByLabel("Geboortedatum").fill("1979-11-23");
  const placement = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Datum van plaatsing").fill(placement);
  // Issue 20: the evidence of the ticked criterion and the rented dwelling, on whichever step asks.
  for (const [name, value] of [
    ["evidence.a.vonnis.date", "2026-04-01"],
    ["address.street", "Kerkstraat"],
    ["address.houseNumber", "5"],
    ["address.postcode", "9901 AB"],
    ["address.city", "Lindendal"],
  ]) {
    const field = page.locator(`[name="${name}"]`);
    if (await field.count()) await field.fill(value!);
  }
  // 003-02: the officer's weighing (D-1060).
  await page.getByLabel(/Ik heb de belangen van de persoon afgewogen/).check();
  await page.getByLabel("De gewone termijn voor deze categorieën").check();
  await page.getByRole("button", { name: "Volgende stap" }).click();
  await page.getByText("Stap 4 van 4").waitFor();
  await assertAccessible(page, "register step 4");
  assert.match(await page.locator("main").innerText(), /Einddatum/);
  await page.getByRole("button", { name: "Registratie bevestigen" }).click();
  await page.waitForURL(/\/registraties\/[0-9a-f-]{36}\?melding=nieuw$/);
  assert.match(await page.locator("main").innerText(), /De registratie is opgeslagen/);
  await assertAccessible(page, "registration detail");

  await page.getByRole("link", { name: "Registraties", exact: true }).click();
  await page.waitForURL(/\/registraties$/);
  await assertAccessible(page, "registrations list");

  // The querier of the same organisation screens the person: a hit, and the duty to inform.
  const querierContext = await e2e.browser.newContext({ bypassCSP: true, locale: "nl-NL" });
  const qpage = await querierContext.newPage();
  await signIn(qpage, querier);
  assert.match(qpage.url(), /\/toetsen$/);
  await assertAccessible(qpage, "screening form");
  await qpage.getByLabel("toewijzing van een woning").check();
  await qpage.getByLabel("Voorletters").fill("K.M.");
  await qpage.getByLabel("Achternaam").fill("Browserveld");
  await qpage.getByLabel("Geboortedatum").fill("1979-11-23");
  await qpage.getByRole("button", { name: "Toetsen" }).click();
  await qpage.getByText("Uitkomst van de toetsing").waitFor();
  assert.match(await qpage.locator("main").innerText(), /Treffer/);
  assert.match(await qpage.locator("main").innerText(), /schriftelijk informeren/);
  assert.doesNotMatch(qpage.url(), /Browserveld|1979/, "no personal data in the URL");
  await assertAccessible(qpage, "screening result");
  // The querier cannot open the register form.
  const forbidden = await qpage.goto(`${e2e.server.url}/registraties/nieuw`);
  assert.equal(forbidden?.status(), 403);
  await assertAccessible(qpage, "403 page");
  await querierContext.close();

  // The allocation system puts a matching seeker; the officer sees the proposal and confirms.
  const put = await fetch(`${e2e.server.url}/api/v1/seekers/E2E-0815`, {
    method: "PUT",
    headers: {
      authorization: `Bearer ${demo.allocationSystem.apiKey}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({
      person: { initials: "K.", surname: "Browserveld", birthDate: "1979-11-23" },
    }),
  });
  assert.equal(put.status, 201, await put.text());
  await page.goto(`${e2e.server.url}/matches`);
  await assertAccessible(page, "matches");
  await page.getByRole("link", { name: /Beoordelen E2E-0815/ }).click();
  await page.waitForURL(/\/matches\/[0-9a-f-]{36}$/);
  assert.match(await page.locator("main").innerText(), /achternaam/);
  await assertAccessible(page, "match detail");
  await page.getByRole("button", { name: "Bevestigen: dit is dezelfde persoon" }).click();
  // A block is asked once more, naming whom and until when (issue 21 part 9, D-991).
  assert.match(
    await page.locator("main").innerText(),
    /U blokkeert hiermee woningzoekende E2E-0815 tot en met/,
  );
  await assertAccessible(page, "match confirmation question");
  await page.getByRole("button", { name: "Ja, blokkeren" }).click();
  await page.waitForURL(/melding=bevestigd$/);
  assert.match(await page.locator("main").innerText(), /De match is bevestigd/);
  await assertAccessible(page, "match confirmed");

  // English on request; the account page; signing out.
  await page.goto(`${e2e.server.url}/werklijst?lang=en`);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.locator("h1").innerText(), "Worklist");
  await page.goto(`${e2e.server.url}/account`);
  await assertAccessible(page, "account (English)");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/aanmelden\?reden=afgemeld$/);
  assert.match(await page.locator("main").innerText(), /signed out/);

  assert.deepEqual(errors, []);
  await context.close();
});
