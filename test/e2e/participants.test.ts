/// <reference lib="dom" />
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { seriousA11yViolations, useServerAndBrowser } from "./browser.ts";

const e2e = useServerAndBrowser({ before, after });
const { skip } = e2e;

test("the public participants page (003 ch. 10) lists the demo participants, accessibly", {
  skip,
}, async () => {
  const context = await e2e.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${e2e.server.url}/`);
  // The main text links to it (the public menu does too).
  await page.getByRole("main").getByRole("link", { name: "Deelnemers" }).click();
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
