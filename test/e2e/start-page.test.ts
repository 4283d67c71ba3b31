/// <reference lib="dom" />
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { seriousA11yViolations, useServerAndBrowser } from "./browser.ts";

const e2e = useServerAndBrowser({ before, after });
const { skip } = e2e;

test("the start page renders in Chromium, in Dutch, without serious accessibility problems", {
  skip,
}, async () => {
  // bypassCSP only so that the test can inject axe-core; the page itself runs under its CSP.
  const context = await e2e.browser.newContext({ bypassCSP: true, locale: "nl-NL" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  const response = await page.goto(`${e2e.server.url}/`);
  assert.equal(response?.status(), 200);
  assert.equal(await page.title(), "Welkom — Woonsignaal");
  assert.equal(await page.getAttribute("html", "lang"), "nl");
  assert.equal(await page.locator("h1").innerText(), "Woonsignaal");

  // The skip link is the first thing the keyboard reaches, and it leads to the content.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Naar de inhoud");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "inhoud");

  const violations = await seriousA11yViolations(page);
  assert.deepEqual(
    violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    ),
    [],
  );
  assert.deepEqual(errors, []);
  await context.close();
});
