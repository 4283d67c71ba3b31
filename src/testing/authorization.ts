/**
 * The callers of the authorisation matrices (src/modules/authorization-matrix.test.ts, from the
 * route table; test/security/openapi-matrix.test.ts, from the OpenAPI document) and the rule
 * that says what each may expect from a route's access declaration.
 */
import assert from "node:assert/strict";
import type { DemoRegion } from "../demo/demo-region.ts";
import type { Access } from "../platform/auth/access.ts";
import type { Role } from "../platform/auth/roles.ts";
import type { App } from "../platform/context.ts";
import type { TestContext } from "./context.ts";
import { apiRequest, bearer, issueApiKeyThroughApi, sessionCookieOf, signIn } from "./http.ts";

export interface Caller {
  name: string;
  /** Short column heading for the printed matrix. */
  short: string;
  kind: "anonymous" | "api_key" | "session" | "pre_auth";
  role: Role | null;
  organisationId: string | null;
  headers: Record<string, string>;
}

/** A demo user of the role (and organisation, when given). */
export function demoUserOf(demo: DemoRegion, role: Role, organisationId?: string) {
  const u = demo.users.find(
    (x) => x.role === role && (organisationId === undefined || x.organisationId === organisationId),
  );
  assert.ok(u, `demo user ${role}`);
  return u;
}

/**
 * Every kind of caller, on the demo region: anonymous; API keys of organisation A (officer,
 * querier, an issued allocation-system key), the consortium admin and the auditor; signed-in
 * sessions of support, committee and officer B (declaration accepted); and a half-signed-in
 * session (password given, no second factor) of querier B.
 */
export async function matrixCallers(app: App, ctx: TestContext, demo: DemoRegion) {
  const orgA = demo.organisations[0]!.id;
  const orgB = demo.organisations[1]!.id;
  const admin = bearer(demo.consortiumAdmin.apiKey);
  const issued = await issueApiKeyThroughApi(app, admin, {
    organisationId: orgA,
    role: "allocation_system",
    label: "Matrix allocation system",
  });
  const support = demoUserOf(demo, "support");
  const committee = demoUserOf(demo, "committee");
  const officerB = demoUserOf(demo, "officer", orgB);
  const querierB = demoUserOf(demo, "querier", orgB);
  const supportSession = await signIn(app, ctx.clock, support);
  const committeeSession = await signIn(app, ctx.clock, committee);
  const officerBSession = await signIn(app, ctx.clock, officerB);
  const declared = await apiRequest(
    app,
    "POST",
    "/api/v1/auth/declaration",
    officerBSession.headers,
    { accept: true },
  );
  assert.equal(declared.statusCode, 204, declared.body);

  // A half-signed-in session: password given, second factor not yet.
  const first = await apiRequest(
    app,
    "POST",
    "/api/v1/auth/sign-in",
    {},
    { email: querierB.email, password: querierB.password },
  );
  assert.equal(first.statusCode, 200, first.body);
  const preAuth = {
    cookie: sessionCookieOf(first.headers["set-cookie"]),
    "x-csrf-token": first.json().csrfToken as string,
  };

  const callers: Caller[] = [
    {
      name: "anonymous",
      short: "anon",
      kind: "anonymous",
      role: null,
      organisationId: null,
      headers: {},
    },
    {
      name: "officer (API key, org A)",
      short: "offA",
      kind: "api_key",
      role: "officer",
      organisationId: orgA,
      headers: bearer(demo.organisations[0]!.apiKeys.officer),
    },
    {
      name: "querier (API key, org A)",
      short: "qryA",
      kind: "api_key",
      role: "querier",
      organisationId: orgA,
      headers: bearer(demo.organisations[0]!.apiKeys.querier),
    },
    {
      name: "consortium admin (API key)",
      short: "admin",
      kind: "api_key",
      role: "consortium_admin",
      organisationId: demo.consortiumAdmin.organisationId,
      headers: admin,
    },
    {
      name: "auditor (API key)",
      short: "audit",
      kind: "api_key",
      role: "auditor",
      organisationId: demo.auditor.organisationId,
      headers: bearer(demo.auditor.apiKey),
    },
    {
      name: "allocation system (issued API key, org A)",
      short: "alloc",
      kind: "api_key",
      role: "allocation_system",
      organisationId: orgA,
      headers: bearer(issued.key),
    },
    {
      name: "support (session)",
      short: "supp",
      kind: "session",
      role: "support",
      organisationId: support.organisationId,
      headers: supportSession.headers,
    },
    {
      name: "committee (session)",
      short: "comm",
      kind: "session",
      role: "committee",
      organisationId: committee.organisationId,
      headers: committeeSession.headers,
    },
    {
      name: "officer (session, org B)",
      short: "offB",
      kind: "session",
      role: "officer",
      organisationId: orgB,
      headers: officerBSession.headers,
    },
    {
      name: "half-signed-in (password only, querier org B)",
      short: "pre",
      kind: "pre_auth",
      role: null,
      organisationId: orgB,
      headers: preAuth,
    },
  ];
  return callers;
}

export type Expectation = 401 | 403 | "allowed";

/** What a caller may expect from a route with this access declaration. */
export function expectationFor(access: Access, caller: Caller): Expectation {
  if (access === "public") return "allowed";
  if (access === "signing_in") return caller.kind === "pre_auth" ? "allowed" : 401;
  if (caller.kind === "anonymous" || caller.kind === "pre_auth") return 401;
  return caller.role !== null && access.roles.includes(caller.role) ? "allowed" : 403;
}

/**
 * Whether an answer keeps the expectation: "allowed" is never 401/403 and never 5xx (400, 404,
 * 409, 422 and 2xx are all fine); 403 must be the code `forbidden`; 401 is 401.
 */
export function meetsExpectation(
  expected: Expectation,
  status: number,
  code: string | undefined,
): boolean {
  if (expected === "allowed") return status !== 401 && status !== 403 && status < 500;
  if (expected === 403) return status === 403 && code === "forbidden";
  return status === 401;
}

/** Signing out ends the callers' sessions: it runs last. */
export function signOutLast<T extends { url: string; method: string }>(routes: T[]): T[] {
  const last = (r: T) => (r.url === "/api/v1/auth/sign-out" ? 1 : 0);
  return [...routes].sort(
    (a, b) => last(a) - last(b) || a.url.localeCompare(b.url) || a.method.localeCompare(b.method),
  );
}
