/// <reference lib="dom" />
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import {
  e2eSkipReason,
  launchBrowser,
  type RunningServer,
  seriousA11yViolations,
  startServer,
} from "./browser.ts";

const skip = e2eSkipReason();
let server: RunningServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test("the public participants page (003 ch. 10) lists the demo participants, accessibly", {
  skip,
}, async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.getByRole("link", { name: "Deelnemers" }).click();
  assert.equal(new URL(page.url()).pathname, "/deelnemers");
  assert.equal(await page.locator("h1").innerText(), "Deelnemers");
  const rows = await page.locator("tbody tr").allInnerTexts();
  assert.equal(rows.length, 3, rows.join("\n"));
  assert.ok(rows.some((r) => r.includes("Woonstichting De Linde (demo)")));
  assert.ok(
    rows.every((r) => !r.includes("Auditbureau")),
    "only participants are listed",
  );
  assert.deepEqual(
    (await seriousA11yViolations(page)).map((v) => v.id),
    [],
  );
  await context.close();
});
