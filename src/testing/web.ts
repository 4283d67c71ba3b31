import assert from "node:assert/strict";
import type { DemoRegion } from "../demo/demo-region.ts";
import { totpCodeAt } from "../platform/auth/index.ts";
import type { FixedClock } from "../platform/clock.ts";
import type { App } from "../platform/context.ts";
import { sessionCookieOf } from "./http.ts";

/** Page tests post forms as a browser does. */
export const FORM = { "content-type": "application/x-www-form-urlencoded" };
export const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();
/** The CSRF token a page's form carries. */
export const csrfIn = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? "";

/**
 * Posts the sign-in form as a browser does: first the sign-in page (its pre-session CSRF
 * cookie and the form's token, F12), then the form with the given fields.
 */
export async function postSignInForm(app: App, fields: [string, string][]) {
  const page = await app.inject({ method: "GET", url: "/aanmelden" });
  const setCookie = page.headers["set-cookie"];
  const cookies = (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [])
    .map((c) => c.split(";")[0]!)
    .join("; ");
  return app.inject({
    method: "POST",
    url: "/aanmelden",
    headers: { ...FORM, cookie: cookies },
    payload: form([["_csrf", csrfIn(page.body)], ...fields]),
  });
}

export interface PageSession {
  cookie: string;
  csrf: string;
  start: string;
}

/** Signs in through the pages: password form, then the TOTP form; accepts the declaration. */
export async function signInByForm(
  app: App,
  clock: FixedClock,
  user: { email: string; password: string; totpSecret: string },
): Promise<PageSession> {
  const first = await postSignInForm(app, [
    ["email", user.email],
    ["password", user.password],
  ]);
  assert.equal(first.statusCode, 303, first.body);
  assert.equal(first.headers.location, "/aanmelden/code");
  const pre = sessionCookieOf(first.headers["set-cookie"]);
  const codePage = await app.inject({
    method: "GET",
    url: "/aanmelden/code",
    headers: { cookie: pre },
  });
  assert.equal(codePage.statusCode, 200);
  clock.advance(31_000); // a fresh TOTP step: codes never replay
  const second = await app.inject({
    method: "POST",
    url: "/aanmelden/code",
    headers: { ...FORM, cookie: pre },
    payload: form([
      ["_csrf", csrfIn(codePage.body)],
      ["code", totpCodeAt(user.totpSecret, clock.now())],
    ]),
  });
  assert.equal(second.statusCode, 303, second.body);
  const cookie = sessionCookieOf(second.headers["set-cookie"]);
  let location = String(second.headers.location);
  if (location === "/verklaring") {
    const page = await app.inject({ method: "GET", url: "/verklaring", headers: { cookie } });
    const accepted = await app.inject({
      method: "POST",
      url: "/verklaring",
      headers: { ...FORM, cookie },
      payload: form([
        ["_csrf", csrfIn(page.body)],
        ["accept", "yes"],
      ]),
    });
    assert.equal(accepted.statusCode, 303, accepted.body);
    location = String(accepted.headers.location);
  }
  const start = await app.inject({ method: "GET", url: location, headers: { cookie } });
  assert.equal(start.statusCode, 200, start.body);
  return { cookie, csrf: csrfIn(start.body), start: location };
}

/** A demo user of a role; officers and queriers of the `orgIndex`-th participant. */
export function demoUser(demo: DemoRegion, role: string, orgIndex = 0) {
  const u = demo.users.find(
    (x) =>
      x.role === role &&
      (role !== "officer" && role !== "querier"
        ? true
        : x.organisationId === demo.organisations[orgIndex]!.id),
  );
  assert.ok(u, `no demo user with role ${role}`);
  return u;
}

/** What a page test talks to: a DemoApp's app and its fixed clock. */
export interface PageApp {
  app: App;
  ctx: { clock: FixedClock };
}

/**
 * A page test's browser on `fx()` (read at each call: the app starts in `before`): sign in
 * through the pages, GET with the session's cookie, and POST a form as the page does, the
 * session's CSRF token first (or `csrf`, e.g. one read from a page).
 */
export function browserOn(fx: () => PageApp) {
  return {
    signInByForm: (user: { email: string; password: string; totpSecret: string }) =>
      signInByForm(fx().app, fx().ctx.clock, user),
    get: (s: { cookie: string }, url: string) =>
      fx().app.inject({ method: "GET", url, headers: { cookie: s.cookie } }),
    post: (
      s: { cookie: string; csrf: string },
      url: string,
      fields: [string, string][],
      csrf = s.csrf,
    ) =>
      fx().app.inject({
        method: "POST",
        url,
        headers: { ...FORM, cookie: s.cookie },
        payload: form([["_csrf", csrf], ...fields]),
      }),
  };
}
