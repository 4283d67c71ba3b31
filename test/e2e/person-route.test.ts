/// <reference lib="dom" />

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
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
 * letter is there. axe-core checks the new pages.
 */
const e2e = useServerAndBrowser({ before, after });
const { skip } = e2e;
const demo = e2eDemoRegion();
const orgA = demo.organisations[0]!;
const orgB = demo.organisations[1]!;
const officer = demo.users.find((u) => u.role === "officer" && u.organisationId === orgA.id)!;
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
