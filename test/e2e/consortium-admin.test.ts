/// <reference lib="dom" />
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type SmtpSink, startSmtpSink } from "../../src/testing/smtp-sink.ts";
import {
  assertAccessible,
  e2eDemoRegion,
  signInThroughPages,
  useServerAndBrowser,
  watchErrors,
} from "./browser.ts";

/**
 * The consortium admin's pages in a real browser (issue #10): sign in with TOTP, the
 * participants, a user's roles, the region settings with the SMTP server (a real SMTP server
 * on loopback receives the test message), and the protocol as readable rules. axe-core checks
 * every page for serious or critical violations.
 */
const e2e = useServerAndBrowser({ before, after });
const { skip } = e2e;
const demo = e2eDemoRegion();
const admin = demo.users.find((u) => u.role === "consortium_admin")!;
const querier = demo.users.find(
  (u) => u.role === "querier" && u.organisationId === demo.organisations[0]!.id,
)!;

let sink: SmtpSink;
before(async () => {
  sink = await startSmtpSink({ credentials: { user: "regio", password: "Zomer-2026!" } });
});
after(async () => sink?.close());

test("the consortium admin manages participants, roles, SMTP settings and reads the protocol", {
  skip,
  timeout: 180_000,
}, async () => {
  const context = await e2e.browser.newContext({ bypassCSP: true, locale: "nl-NL" });
  const page = await context.newPage();
  const errors = watchErrors(page, [403, 422]);

  await signInThroughPages(page, e2e.server.url, admin);

  // Participants: the list, one participant with its dates as words.
  await page.getByRole("link", { name: "Deelnemers", exact: true }).click();
  await page.waitForURL(/\/beheer\/deelnemers$/);
  await assertAccessible(page, "participants");
  const first = demo.organisations[0]!;
  await page.getByRole("link", { name: `Bekijken ${first.name}` }).click();
  await page.waitForURL(new RegExp(`/beheer/deelnemers/${first.id}$`));
  assert.equal(await page.getByRole("heading", { level: 1 }).count(), 1);
  assert.ok(await page.locator("dl.facts time[datetime]").count(), "dates in <time>");
  await assertAccessible(page, "participant");
  await page.getByRole("link", { name: "Gegevens wijzigen" }).click();
  await page.waitForURL(/\/wijzigen$/);
  await assertAccessible(page, "participant details form");

  // A user's roles: the querier also becomes an officer.
  await page.getByRole("link", { name: "Gebruikers en sleutels" }).click();
  await page.waitForURL(/\/beheer\/gebruikers$/);
  await assertAccessible(page, "users");
  await page.goto(`${e2e.server.url}/beheer/gebruikers?organisatie=${first.id}`);
  const row = page.locator("tr", { hasText: querier.email });
  await row.getByRole("link", { name: /^Wijzigen/ }).click();
  await page.waitForURL(/\/beheer\/gebruikers\/[0-9a-f-]{36}$/);
  await assertAccessible(page, "user");
  await page.getByLabel("auditor", { exact: true }).check();
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await page.waitForSelector(".error-summary");
  assert.match(
    String(await page.locator(".error-summary").textContent()),
    /kan deze rol niet hebben/,
  );
  await assertAccessible(page, "user with a refused role");
  await page.getByLabel("auditor", { exact: true }).uncheck();
  await page.getByLabel("geautoriseerd functionaris", { exact: true }).check();
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await page.waitForURL(/\/beheer\/gebruikers\?melding=gewijzigd$/);
  await page.waitForSelector("text=De gebruiker is gewijzigd.");

  // Region settings with the SMTP server, and a test message through it.
  await page.getByRole("link", { name: "Instellingen", exact: true }).click();
  await page.waitForURL(/\/beheer\/instellingen$/);
  await assertAccessible(page, "settings");
  await page.getByLabel("Server", { exact: true }).fill("127.0.0.1");
  await page.getByLabel("Poort", { exact: true }).fill(String(sink.port));
  await page.getByLabel(/^Geen versleuteling/).check();
  await page.getByLabel("Gebruikersnaam").fill("regio");
  await page.locator("#f-smtp-password").fill("Zomer-2026!");
  await page.getByLabel("Afzenderadres").fill("brieven@regio.example");
  await page.getByRole("button", { name: "E-mailinstellingen opslaan" }).click();
  await page.waitForURL(/melding=smtp-opgeslagen$/);
  await page.waitForSelector("text=De e-mailinstellingen zijn opgeslagen.");
  assert.equal(await page.getByTestId("smtp-password").textContent(), "ingesteld");
  assert.equal(await page.locator("#f-smtp-password").inputValue(), "");
  await assertAccessible(page, "settings saved");
  await page.getByLabel("Naar").fill("beheer@regio.example");
  await page.getByRole("button", { name: "Testbericht versturen" }).click();
  await page.waitForSelector("text=Het testbericht is aangenomen voor beheer@regio.example");
  assert.equal(sink.messages.at(-1)?.user, "regio");
  assert.deepEqual(sink.messages.at(-1)?.to, ["beheer@regio.example"]);
  await assertAccessible(page, "test message sent");

  // The protocol as readable rules.
  await page.getByRole("link", { name: "Protocol", exact: true }).click();
  await page.waitForURL(/\/beheer\/protocol$/);
  assert.equal(
    await page.getByRole("heading", { level: 1 }).textContent(),
    "Het protocol van de regio",
  );
  await assertAccessible(page, "protocol");
  await page.goto(`${e2e.server.url}/beheer/protocol?lang=en`);
  assert.match(String(await page.locator("main").textContent()), /Dutch/);
  await assertAccessible(page, "protocol in English");
  assert.deepEqual(errors, []);
  await context.close();
});
