/// <reference lib="dom" />

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { escapeRegExp } from "../../src/testing/case-steps.ts";
import { withEvidence } from "../../src/testing/evidence.ts";
import {
  assertAccessible,
  e2eDemoRegion,
  signInThroughPages,
  useServerAndBrowser,
  watchErrors,
} from "./browser.ts";

/**
 * Issue 21, the person's route in Chromium: a public objection on /verzoek restricts the
 * registration at once (another participant's screening gets no hit), the primary source's
 * officer links it on the case page (koppelen), acknowledges and decides it, and the decision
 * letter is there. An access request at B, which did not register the person, is answered for
 * the whole region (003 §15.2; AVG art. 26 lid 3; D-630): B's officer confirms A's registration
 * on the region page and the answer letter names it with A as its primary source. A new chance
 * (003 §12.4 "te allen tijde") filed at B lands on A's worklist, shows the person's words once
 * linked, and is decided to a letter the person receives by e-mail; a hardship request
 * (003 ch. 24) lands on the disputes committee's list and ends in binding advice and a letter.
 * axe-core checks the new pages.
 */
const e2e = useServerAndBrowser({ before, after });
const { skip } = e2e;
const demo = e2eDemoRegion();
const orgA = demo.organisations[0]!;
const orgB = demo.organisations[1]!;
const officer = demo.users.find((u) => u.role === "officer" && u.organisationId === orgA.id)!;
const officerB = demo.users.find((u) => u.role === "officer" && u.organisationId === orgB.id)!;
const committee = demo.users.find((u) => u.role === "committee")!;
const person = { initials: "R.", surname: "Routevolger", birthDate: "1984-06-16" };

async function api(method: string, path: string, key: string, body?: unknown) {
  const res = await fetch(`${e2e.server.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const screenedHit = async () =>
  (
    await api("POST", "/screenings", orgB.apiKeys.querier, {
      person: { ...person, seekerNumber: "S-E2E-21" },
      purpose: "allocation",
    })
  ).hit as boolean;

test("21 public objection → provisional restriction → officer links → decides → letter", {
  skip,
  timeout: 300_000,
}, async () => {
  // Registered by A for the whole region and blocked as house seeker S-E2E-21.
  const placement = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const reg = await api(
    "POST",
    "/registrations",
    orgA.apiKeys.officer,
    withEvidence({ person, categories: ["B.II"], criteria: ["a"], placementDate: placement }),
  );
  await api("PUT", "/seekers/S-E2E-21", demo.allocationSystem.apiKey, { person });
  const matches = await api("GET", "/matches?status=pending", orgA.apiKeys.officer);
  const match = matches.items.find((m: { registrationId: string }) => m.registrationId === reg.id);
  await api("POST", `/matches/${match.id}/decision`, orgA.apiKeys.officer, { decision: "confirm" });
  assert.equal(await screenedHit(), true, "a hit before the objection");

  // The person objects on the public form, in their own words.
  const context = await e2e.browser.newContext({ bypassCSP: true, locale: "nl-NL" });
  const page = await context.newPage();
  const errors = watchErrors(page, [403, 404, 422]);
  await page.goto(`${e2e.server.url}/verzoek`);
  await page.getByLabel("Bezwaar tegen een vermelding").check();
  await page.getByLabel("Bij welke organisatie?").selectOption(orgA.id);
  await page.getByLabel("Voorletters").fill(person.initials);
  await page.getByLabel("Achternaam", { exact: true }).fill(person.surname);
  await page.getByLabel("Geboortedatum").fill(person.birthDate);
  await page.getByLabel("E-mailadres").fill("r.routevolger@example.org");
  await page.getByLabel("Uw toelichting").fill("De overlast kwam van de bovenburen, niet van mij.");
  await page.getByRole("button", { name: "Verzoek versturen" }).click();
  await page.waitForSelector(".confirmation-panel");
  const reference = (await page.locator(".confirmation-panel__reference").innerText()).trim();
  assert.match(reference, /^Z-[0-9A-F]{8}$/);
  assert.match(await page.locator("main").innerText(), /Uiterlijk .*een schriftelijke beslissing/);
  await assertAccessible(page, "request received");
  assert.equal(await screenedHit(), false, "no hit from the moment of receipt");

  // The primary source's officer links, acknowledges and decides on the case page.
  await signInThroughPages(page, e2e.server.url, officer);
  const cases = await api("GET", "/cases?pageSize=200", orgA.apiKeys.officer);
  const c = cases.items.find((x: { reference: string }) => x.reference === reference);
  await page.goto(`${e2e.server.url}/zaken/${c.id}`);
  assert.match(await page.locator("main").innerText(), /bovenburen/);
  await assertAccessible(page, "public objection with its candidate");
  await page.getByRole("button", { name: "Koppelen: dit is dezelfde persoon" }).click();
  await page.waitForURL(/melding=vastgelegd$/);
  assert.equal(await screenedHit(), false, "still restricted once linked");
  await page.getByRole("button", { name: "Ontvangst bevestigen" }).click();
  await page.waitForURL(/melding=vastgelegd$/);
  await page.getByLabel("ongegrond / afgewezen").check();
  await page.getByLabel("Motivering").fill("Het vonnis noemt u als veroorzaker van de overlast.");
  await page.getByRole("button", { name: "Beslissing vastleggen" }).click();
  await page.waitForURL(/melding=besloten$/);
  await assertAccessible(page, "public objection decided");
  assert.equal(await screenedHit(), true, "a rejected objection ends the restriction");
  const letters = await api("GET", "/letters?pageSize=200", orgA.apiKeys.officer);
  assert.ok(
    letters.items.some(
      (l: { caseId: string; kind: string }) => l.caseId === c.id && l.kind === "decision",
    ),
    "the decision letter",
  );
  assert.deepEqual(errors, []);
  await context.close();
});

const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A registration by A for the whole region, placed a month ago. */
const registerAtA = (who: typeof person) =>
  api(
    "POST",
    "/registrations",
    orgA.apiKeys.officer,
    withEvidence({
      person: who,
      categories: ["B.II"],
      criteria: ["a"],
      placementDate: daysAgo(30),
    }),
  );

/**
 * A person registered by A files a request on /verzoek as anyone would: type, organisation,
 * who they are, an e-mail address and their own words. Resolves with the registration, the
 * browser page (its errors watched) and the `Z-…` reference of the receipt.
 */
async function registeredPersonFiles(
  type: string,
  organisationId: string,
  who: typeof person,
  words: string,
) {
  const reg = await registerAtA(who);
  const context = await e2e.browser.newContext({ bypassCSP: true, locale: "nl-NL" });
  const page = await context.newPage();
  const errors = watchErrors(page, [403, 404, 422]);
  await page.goto(`${e2e.server.url}/verzoek`);
  await page.getByLabel(type).check();
  await page.getByLabel("Bij welke organisatie?").selectOption(organisationId);
  await page.getByLabel("Voorletters").fill(who.initials);
  await page.getByLabel("Achternaam", { exact: true }).fill(who.surname);
  await page.getByLabel("Geboortedatum").fill(who.birthDate);
  await page.getByLabel("E-mailadres").fill(`${who.surname.toLowerCase()}@example.org`);
  await page.getByLabel("Uw toelichting").fill(words);
  await page.getByRole("button", { name: "Verzoek versturen" }).click();
  await page.waitForSelector(".confirmation-panel");
  const reference = (await page.locator(".confirmation-panel__reference").innerText()).trim();
  assert.match(reference, /^Z-[0-9A-F]{8}$/);
  return { reg, context, page, errors, reference };
}

/** The decision letter of a case, as the letters list of `key`'s organisation shows it. */
async function decisionLetter(key: string, caseId: string) {
  const letters = await api("GET", "/letters?pageSize=200", key);
  const letter = letters.items.find(
    (l: { caseId: string; kind: string }) => l.caseId === caseId && l.kind === "decision",
  );
  assert.ok(letter, `the decision letter of case ${caseId}`);
  return letter as { id: string; status: string; title: string };
}

/** Takes a step on the case page when the page offers it (identity, acknowledgement). */
async function stepIfOffered(page: Page, option: string | undefined, button: string) {
  const submit = page.getByRole("button", { name: button });
  if ((await submit.count()) === 0) return;
  if (option) await page.getByLabel(option).check();
  await submit.click();
  await page.waitForURL(/melding=vastgelegd$/);
}

/** The text of a letter of the case, opened from the case page's letters table as PDF. */
async function letterText(page: Page, kind: string): Promise<string> {
  await page.reload();
  const link = page.getByRole("link", { name: new RegExp(`PDF bekijken ${kind}`) }).first();
  assert.equal(await link.count(), 1, await page.locator("main").innerText());
  const href = await link.getAttribute("href");
  assert.ok(href, `a PDF link for "${kind}" on the case page`);
  const res = await page.request.get(`${e2e.server.url}${href}`);
  assert.equal(res.status(), 200);
  assert.match(res.headers()["content-type"] ?? "", /application\/pdf/);
  return pdfText(await res.body());
}

const pdfText = (pdf: Buffer) =>
  execFileSync("pdftotext", ["-enc", "UTF-8", "-layout", "-", "-"], { input: pdf })
    .toString("utf8")
    .replace(/\s+/g, " ");

/**
 * The text of a letter as the person received it by e-mail: the PDF attached to the message the
 * server wrote to its outbox (DATA_DIR/outbox, letters/mail.ts), once the letter went out.
 */
function mailedLetterText(letterId: string): string {
  const outbox = path.join(e2e.server.dataDir, "outbox");
  const file = fs.readdirSync(outbox).find((f) => f.endsWith(`-${letterId}.eml`));
  assert.ok(file, `the e-mail of letter ${letterId} in the outbox`);
  const message = fs.readFileSync(path.join(outbox, file), "utf8");
  const part = message.split(/\r?\n--/).find((p) => /Content-Type: application\/pdf/i.test(p));
  assert.ok(part, "a PDF attached");
  const body = part
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join("")
    .replace(/\s+/g, "");
  return pdfText(Buffer.from(body, "base64"));
}

test("21 public access request at a participant that is not the primary source → the region-wide answer names the registration at A", {
  skip,
  timeout: 300_000,
}, async () => {
  const who = { initials: "I.", surname: "Inzagevrager", birthDate: "1979-02-11" };
  const { context, page, errors, reference } = await registeredPersonFiles(
    "Inzage: welke gegevens zijn over mij vastgelegd?",
    orgB.id,
    who,
    "Ik wil weten of een van de corporaties iets over mij heeft vastgelegd.",
  );

  // B's officer: the case is on B's desk, identity first, then the region's registrations.
  await signInThroughPages(page, e2e.server.url, officerB);
  const cases = await api("GET", "/cases?pageSize=200", orgB.apiKeys.officer);
  const c = cases.items.find((x: { reference: string }) => x.reference === reference);
  assert.ok(c, "the access request is B's case");
  await page.goto(`${e2e.server.url}/zaken/${c.id}`);
  assert.match(await page.locator("main").innerText(), /iets over mij heeft vastgelegd/);
  await assertAccessible(page, "public access request at B");
  await page.getByLabel("Identiteitsbewijs gezien").check();
  await page.getByRole("button", { name: "Identiteit vastleggen" }).click();
  await page.waitForURL(/melding=vastgelegd$/);
  const acknowledge = page.getByRole("button", { name: "Ontvangst bevestigen" });
  if ((await acknowledge.count()) > 0) {
    await acknowledge.click();
    await page.waitForURL(/melding=vastgelegd$/);
  }
  await page.getByRole("link", { name: "Registraties in de regio bekijken en bevestigen" }).click();
  await page.waitForURL(/\/regio$/);
  assert.match(
    await page.locator("main").innerText(),
    new RegExp(`Geregistreerd door ${escapeRegExp(orgA.name)}`),
  );
  await assertAccessible(page, "region-wide candidates of an access request");
  await page.getByRole("button", { name: "Bevestigen: dit is de verzoeker" }).click();
  await page.waitForLoadState();
  assert.match(await page.locator("main").innerText(), /Bevestigd: gaat over de verzoeker/);
  await page.goto(`${e2e.server.url}/zaken/${c.id}`);
  await page.getByLabel("gegrond / toegewezen").check();
  await page.getByLabel("Motivering").fill("Inzage verleend in de registraties in de regio.");
  await page.getByRole("button", { name: "Beslissing vastleggen" }).click();
  await page.waitForURL(/melding=besloten$/);
  assert.doesNotMatch(await page.locator("main").innerText(), /\b[a-z]+_[a-z_]+\b/, "no codes");
  await assertAccessible(page, "public access request decided");

  // The answer letter, opened from the case page, names A's registration truthfully.
  const text = await letterText(page, "Antwoord op inzageverzoek");
  assert.doesNotMatch(text, /geen gegevens/);
  assert.match(text, new RegExp(`Registratie 1, vastgelegd door ${escapeRegExp(orgA.name)}`));
  assert.match(text, new RegExp(`${escapeRegExp(orgA.name)} \\(de primaire bron\\)`));
  assert.doesNotMatch(text, new RegExp(`${escapeRegExp(orgB.name)} \\(de primaire bron\\)`));
  assert.match(text, /Inzagevrager/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("21 new chance (003 §12.4) from the public form → on the primary source's desk with the person's words → decided → letter", {
  skip,
  timeout: 300_000,
}, async () => {
  const who = { initials: "N.", surname: "Nieuwekans", birthDate: "1990-09-09" };
  // Filed at B (where the person now seeks a home); the registration is A's.
  const { reg, context, page, errors, reference } = await registeredPersonFiles(
    "Een nieuwe kans: toch weer een woning huren",
    orgB.id,
    who,
    "Ik heb schuldhulp afgerond en huur al een jaar zonder problemen een kamer.",
  );
  await assertAccessible(page, "new chance received");

  // A's officer finds it on the worklist and opens it from there.
  await signInThroughPages(page, e2e.server.url, officer);
  await page.goto(`${e2e.server.url}/werklijst`);
  const caseLink = page.getByRole("link", { name: new RegExp(escapeRegExp(reference)) });
  assert.equal(await caseLink.count(), 1, await page.locator("main").innerText());
  await assertAccessible(page, "worklist with a new chance request");
  await caseLink.click();
  await page.waitForURL(/\/zaken\/[0-9a-f-]{36}$/);
  assert.match(await page.locator("main").innerText(), new RegExp(escapeRegExp(reference)));
  await assertAccessible(page, "new chance request with its candidate");
  // The person's words are sealed for the organisation named until the primary source links
  // (D-911); linking moves the case here, and then they are on the page.
  await page.getByRole("button", { name: "Koppelen: dit is dezelfde persoon" }).click();
  await page.waitForURL(/melding=vastgelegd$/);
  const main = await page.locator("main").innerText();
  assert.match(main, /schuldhulp afgerond/);
  assert.doesNotMatch(main, /\b[a-z]+_[a-z_]+\b/, "no codes on the case page");
  await assertAccessible(page, "new chance request linked");
  await page.goto(`${e2e.server.url}/werklijst`);
  assert.match(
    await page.locator("main tr", { hasText: reference }).innerText(),
    /Nieuwekans/,
    "once linked, the worklist names the person",
  );
  await page.goBack();
  await stepIfOffered(page, "Identiteitsbewijs gezien", "Identiteit vastleggen");
  await stepIfOffered(page, undefined, "Ontvangst bevestigen");
  await page.getByLabel("gegrond / toegewezen").check();
  await page.getByLabel("Motivering").fill("Een jaar zonder problemen gehuurd; een nieuwe kans.");
  await page.getByRole("button", { name: "Beslissing vastleggen" }).click();
  await page.waitForURL(/melding=besloten$/);
  await assertAccessible(page, "new chance decided");
  // Upheld: the registration is removed at once, and the decision letter went by e-mail.
  assert.match(await page.locator("main").innerText(), /Registratie verwijderd/);
  const caseId = new URL(page.url()).pathname.split("/")[2]!;
  const gone = await fetch(`${e2e.server.url}/api/v1/registrations/${reg.id}`, {
    headers: { authorization: `Bearer ${orgA.apiKeys.officer}` },
  });
  assert.equal(gone.status, 404, "the registration is gone");
  const letter = await decisionLetter(orgA.apiKeys.officer, caseId);
  const text = mailedLetterText(letter.id);
  assert.match(text, /Nieuwekans/);
  assert.match(text, /nieuwe kans/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test("21 hardship (003 ch. 24) from the public form → on the disputes committee's desk with the person's words → binding advice → letter", {
  skip,
  timeout: 300_000,
}, async () => {
  const who = { initials: "H.", surname: "Hardheidsvrager", birthDate: "1972-12-24" };
  const { reg, context, page, errors, reference } = await registeredPersonFiles(
    "Een uitzondering (hardheidsclausule): de vermelding treft mij onredelijk hard",
    orgA.id,
    who,
    "Ik zorg alleen voor drie kinderen en vind zonder woning geen werk.",
  );

  // The committee finds it on its own list.
  await signInThroughPages(page, e2e.server.url, committee);
  await page.goto(`${e2e.server.url}/commissie`);
  const row = page.locator("main tr", { hasText: reference });
  assert.ok((await row.count()) > 0, await page.locator("main").innerText());
  await row.first().getByRole("link").first().click();
  await page.waitForURL(/\/zaken\/[0-9a-f-]{36}$/);
  assert.match(await page.locator("main").innerText(), /drie kinderen/);
  await assertAccessible(page, "hardship request at the committee");
  const link = page.getByRole("button", { name: "Koppelen: dit is dezelfde persoon" });
  if ((await link.count()) > 0) {
    await link.click();
    await page.waitForURL(/melding=vastgelegd$/);
  }
  const acknowledge = page.getByRole("button", { name: "Ontvangst bevestigen" });
  if ((await acknowledge.count()) > 0) {
    await acknowledge.click();
    await page.waitForURL(/melding=vastgelegd$/);
  }
  await page.getByLabel("gegrond / toegewezen").check();
  await page.getByLabel("Motivering").fill("De gevolgen zijn onevenredig zwaar voor de kinderen.");
  await page.getByLabel("Nieuwe, eerdere einddatum").fill(daysAgo(-30));
  await page
    .getByLabel("Leden die het bindend advies gaven")
    .fill("mr. A. Voorzitter\nB. Lid\nC. Lid");
  await page.getByRole("button", { name: "Bindend advies vastleggen" }).click();
  await page.waitForURL(/melding=besloten$/);
  assert.doesNotMatch(await page.locator("main").innerText(), /\b[a-z]+_[a-z_]+\b/, "no codes");
  await assertAccessible(page, "hardship decided");
  const caseId = new URL(page.url()).pathname.split("/")[2]!;
  const after = await api("GET", `/registrations/${reg.id}`, orgA.apiKeys.officer);
  assert.equal(after.endDate ?? after.parts?.[0]?.endDate, daysAgo(-30), "the term is shortened");
  // The letter is the committee's own; its members have no letters page (the letters policy is
  // for officers), so the consortium admin's key finds it. It went by e-mail at once.
  const letter = await decisionLetter(demo.consortiumAdmin.apiKey, caseId);
  assert.match(letter.title, /hardheidsclausule/);
  assert.equal(letter.status, "sent", "the person gave an e-mail address");
  const text = mailedLetterText(letter.id);
  assert.match(text, /Hardheidsvrager/);
  assert.match(text, /hardheidsclausule/);
  assert.deepEqual(errors, []);
  await context.close();
});
