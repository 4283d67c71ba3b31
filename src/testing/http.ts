import assert from "node:assert/strict";
import { SESSION_COOKIE } from "../modules/identity/service.ts";
import { totpCodeAt } from "../platform/auth/index.ts";
import type { FixedClock } from "../platform/clock.ts";
import type { App } from "../platform/context.ts";
import { withEvidence } from "./evidence.ts";

export interface BrowserSession {
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

export function sessionCookieOf(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!found) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  return found.split(";")[0]!;
}

/** The headers that carry a session on: its cookie from the answer's Set-Cookie, and its CSRF token. */
export function sessionHeadersOf(res: {
  headers: { "set-cookie"?: string | string[] | undefined };
  json(): { csrfToken?: string };
}): Record<string, string> {
  return {
    cookie: sessionCookieOf(res.headers["set-cookie"]),
    "x-csrf-token": res.json().csrfToken!,
  };
}

/** The error code of an API error answer, if it is one. */
export function errorCode(res: { json(): unknown }): string | undefined {
  return (res.json() as { error?: { code?: string } }).error?.code;
}

/** Asserts that an API request was refused with this status and this stable error code. */
export function assertRefused(
  res: { statusCode: number; body: string; json(): unknown },
  status: number,
  code: string,
): void {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(errorCode(res), code);
}

/** Asserts the contract's error shape `{ error: { code, message, details? } }` and returns it. */
export function contractError(body: string) {
  const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
  assert.equal(typeof parsed.error?.code, "string", body);
  assert.equal(typeof parsed.error?.message, "string", body);
  assert.deepEqual(
    Object.keys(parsed).filter((k) => k !== "error"),
    [],
    `only "error" at the top: ${body}`,
  );
  return parsed as { error: { code: string; message: string; details?: unknown } };
}

/** Signs a demo-style user in through the real API: password, then the TOTP code. */
export async function signIn(
  app: App,
  clock: FixedClock,
  user: { email: string; password: string; totpSecret: string },
): Promise<BrowserSession> {
  const first = await app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    payload: { email: user.email, password: user.password },
  });
  if (first.statusCode !== 200) throw new Error(`sign-in: ${first.statusCode} ${first.body}`);
  const preCookie = sessionCookieOf(first.headers["set-cookie"]);
  // Each sign-in uses a fresh TOTP step: move the clock on so codes never replay.
  clock.advance(31_000);
  const second = await app.inject({
    method: "POST",
    url: "/api/v1/auth/mfa",
    headers: { cookie: preCookie, "x-csrf-token": first.json().csrfToken },
    payload: { code: totpCodeAt(user.totpSecret, clock.now()) },
  });
  if (second.statusCode !== 200) throw new Error(`mfa: ${second.statusCode} ${second.body}`);
  const cookie = sessionCookieOf(second.headers["set-cookie"]);
  const csrfToken = second.json().csrfToken as string;
  return { cookie, csrfToken, headers: { cookie, "x-csrf-token": csrfToken } };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** An API request's arguments: method, URL, headers (none by default) and an optional payload. */
export type ApiRequest = [
  method: string,
  url: string,
  headers?: Record<string, string>,
  payload?: unknown,
];

/** Sends one API request through app.inject; the payload only when one is given. */
export function apiRequest(app: App, ...[method, url, headers = {}, payload]: ApiRequest) {
  return app.inject({
    method: method as "GET",
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/**
 * `call` and `ok` bound to an app (given lazily: test fixtures fill it in `before`): `ok` sends
 * one request, asserts its status (200 unless given) naming the request and the body, and
 * returns the parsed JSON.
 */
export function apiCalls(app: () => App) {
  const call = (...r: ApiRequest) => apiRequest(app(), ...r);
  const ok = async (
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    headers: Record<string, string>,
    payload?: unknown,
    status = 200,
  ) => {
    const res = await call(method, url, headers, payload);
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
    return res.json();
  };
  return { call, ok };
}

/** Creates a user through the API with the given (admin's) headers; the 201 is asserted. */
export async function createUserThroughApi(
  app: App,
  headers: Record<string, string>,
  user: { organisationId: string; email: string; displayName: string; roles: string[] },
) {
  const res = await apiRequest(app, "POST", "/api/v1/users", headers, user);
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { user: { id: string }; activationPassword: string };
}

/**
 * Places a registration through the API with the given (officer's) headers, with the evidence
 * and dwelling `withEvidence` adds where the body gives none; the 201 is asserted.
 */
export async function placeRegistrationThroughApi<T extends { id: string } = { id: string }>(
  app: App,
  headers: Record<string, string>,
  registration: object,
): Promise<T> {
  const res = await apiRequest(
    app,
    "POST",
    "/api/v1/registrations",
    headers,
    withEvidence(registration),
  );
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as T;
}

/** Issues an API key through the API with the given (admin's) headers; the 201 is asserted. */
export async function issueApiKeyThroughApi(
  app: App,
  headers: Record<string, string>,
  apiKey: {
    organisationId: string;
    role: string;
    label: string;
    expiresOn?: string;
    /** An officer key's named officer (D-840). */
    officerId?: string;
  },
) {
  const res = await apiRequest(app, "POST", "/api/v1/api-keys", headers, apiKey);
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; key: string; prefix: string };
}
