/// <reference lib="dom" />
/**
 * Every page, for every role (issue #10, "no serious or critical axe-core violations on any
 * page"): each demo role signs in and follows the links of its pages, one page per kind of
 * address (ids and numbers count as one), and every page it reaches must answer without an
 * error status and pass axe-core. The public pages are visited signed out. Downloads (PDF,
 * CSV, JSON), the language switch and signing out are not followed.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import {
  e2eDemoRegion,
  seriousA11yViolations,
  signInThroughPages,
  useServerAndBrowser,
  watchErrors,
} from "./browser.ts";

const e2e = useServerAndBrowser({ before, after });
const { skip } = e2e;
const demo = e2eDemoRegion();
const orgA = demo.organisations[0]!.id;
const userWith = (role: string, organisationId?: string) =>
  demo.users.find(
    (u) => u.role === role && (organisationId === undefined || u.organisationId === organisationId),
  )!;

/** At most this many pages per role: the demo has far fewer kinds of page. */
const MAX_PAGES = 80;

const NOT_FOLLOWED = [
  /\.(pdf|csv|json|png|svg|js|css)(\?|$)/,
  /\/(export|download|pdf|csv|json)(\/|\?|$)/,
  /[?&](lang|format)=/,
  /^\/(afmelden|static|api)\b/,
];

/** One address per kind: ids, numbers and references stand for each other. */
function kindOf(path: string): string {
  return path
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id")
    .replace(/\/\d{4}(\/|$)/g, "/:n$1")
    .replace(/\/[A-Z]+-[0-9A-Z-]+(\/|$)/g, "/:ref$1")
    .replace(/\?.*$/, (q) => q.replace(/=[^&]*/g, "="));
}

async function crawl(page: Page, start: string, problems: string[]): Promise<number> {
  const origin = new URL(e2e.server.url).origin;
  const queue = [start];
  const seen = new Set<string>();
  let visited = 0;
  while (queue.length > 0 && visited < MAX_PAGES) {
    const path = queue.shift()!;
    const kind = kindOf(path);
    if (seen.has(kind)) continue;
    seen.add(kind);
    const response = await page.goto(`${origin}${path}`);
    visited++;
    const status = response?.status() ?? 0;
    if (status >= 400) {
      problems.push(`${path}: HTTP ${status}`);
      continue;
    }
    for (const v of await seriousA11yViolations(page)) {
      problems.push(
        `${path}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
    }
    const links = await page.$$eval("a[href]", (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    for (const href of links) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      const next = `${url.pathname}${url.search}`;
      if (NOT_FOLLOWED.some((r) => r.test(next))) continue;
      if (!seen.has(kindOf(next))) queue.push(next);
    }
  }
  return visited;
}

const ROLES = [
  ["officer", userWith("officer", orgA)],
  ["querier", userWith("querier", orgA)],
  ["consortium admin", userWith("consortium_admin")],
  ["auditor", userWith("auditor")],
  ["committee", userWith("committee")],
] as const;

test("every page of every role answers and passes axe-core (serious and critical)", {
  skip,
  timeout: 600_000,
}, async (t) => {
  const problems: string[] = [];
  const counts: string[] = [];

  const publicContext = await e2e.browser.newContext({ bypassCSP: true, locale: "nl-NL" });
  const publicPage = await publicContext.newPage();
  const publicErrors = watchErrors(publicPage, []);
  counts.push(`public ${await crawl(publicPage, "/", problems)}`);
  problems.push(...publicErrors.map((e) => `public: script error ${e}`));
  await publicContext.close();

  for (const [name, user] of ROLES) {
    assert.ok(user, `the demo region has a ${name}`);
    const context = await e2e.browser.newContext({ bypassCSP: true, locale: "nl-NL" });
    const page = await context.newPage();
    const errors = watchErrors(page, []);
    await signInThroughPages(page, e2e.server.url, user);
    const start = new URL(page.url()).pathname;
    counts.push(`${name} ${await crawl(page, start, problems)}`);
    problems.push(...errors.map((e) => `${name}: script error ${e}`));
    await context.close();
  }

  t.diagnostic(`pages visited per role: ${counts.join(", ")}`);
  assert.deepEqual(problems, [], `pages visited: ${counts.join(", ")}`);
  // The crawl must have seen the application, not only a start page.
  for (const c of counts) assert.ok(Number(c.split(" ").at(-1)) >= 3, c);
});
