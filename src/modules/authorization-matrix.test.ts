/**
 * The authorisation matrix, generated from `app.routeTable`: every API route × every kind of
 * caller, checked against the route's own `access` declaration (platform/auth/access.ts).
 *
 *  - anonymous → 401 on every role-protected route;
 *  - a role the route does not name → 403 `forbidden`;
 *  - a role it names → never 401/403 (and never 5xx): 400/404/409/422/2xx are all fine;
 *  - `public` → never 401/403; `signing_in` → 401 for everyone but a half-signed-in session.
 *
 * Then, for every `scope: "own"` route with an `:id`: a participant's principal asking for
 * another organisation's resource gets 404, for its own 200 (contract §3).
 *
 * A new route is covered automatically; a new API route without an access declaration cannot
 * even be registered (proved below on a fresh app).
 */

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { buildApp, type RouteEntry } from "../app.ts";
import type { DemoRegion } from "../demo/demo-region.ts";
import type { Access } from "../platform/auth/access.ts";
import type { Role } from "../platform/auth/roles.ts";
import type { App } from "../platform/context.ts";
import {
  type Caller,
  expectationFor,
  matrixCallers,
  meetsExpectation,
  signOutLast,
} from "../testing/authorization.ts";
import type { TestContext } from "../testing/context.ts";
import { createDemoApp } from "../testing/demo-app.ts";
import { withEvidence } from "../testing/evidence.ts";
import {
  type ApiRequest,
  apiRequest,
  bearer,
  createUserThroughApi,
  issueApiKeyThroughApi,
  signIn,
} from "../testing/http.ts";

const TODAY = "2026-06-01";

let ctx: TestContext;
let app: App;
let demo: DemoRegion;
let callers: Caller[];
let orgA: string;
let orgB: string;
/** Victims for the destructive routes, so that no caller we still need is harmed. */
let victimUserId: string;
let victimKeyId: string;
/** A registration of org A (primary source) and one of org B, when that module is present. */
const registrations = new Map<string, string>();
/** A registration of org B that the matrix may erase. */
let victimRegistrationId: string | undefined;

const registrationPayload = (surname: string) => ({
  person: { initials: "M.", surname, birthDate: "1979-02-03" },
  categories: ["A.I"],
  criteria: ["a"],
  placementDate: "2026-05-01",
});

/** Bodies that pass validation, for the own/other checks of state-changing routes. */
const VALID_BODIES: Record<string, object | undefined> = {
  "PATCH /api/v1/registrations/:id": { termMonths: 3, reason: "proportionality_reweighed" },
  "POST /api/v1/registrations/:id/restriction": { reason: "accuracy_contested" },
  "POST /api/v1/registrations/:id/confirmation": { declaration: true },
  "POST /api/v1/registrations/:id/claim-settlement": { kind: "paid_in_full", date: TODAY },
  "DELETE /api/v1/registrations/:id": undefined,
  "DELETE /api/v1/registrations/:id/restriction": undefined,
  "GET /api/v1/registrations/:id": undefined,
  "GET /api/v1/organisations/:id": undefined,
};

/** Roles that see across organisations where a route allows it (consortium staff). */
const CONSORTIUM_WIDE: readonly Role[] = ["consortium_admin", "auditor", "support"];

const inject = (...r: ApiRequest) => apiRequest(app, ...r);

before(async () => {
  ({ ctx, app, demo } = await createDemoApp({ today: TODAY }));
  orgA = demo.organisations[0]!.id;
  orgB = demo.organisations[1]!.id;
  const admin = bearer(demo.consortiumAdmin.apiKey);
  callers = await matrixCallers(app, ctx, demo);

  // Victims: a user and a key of org A for reset / revocation / PATCH.
  const victimUser = await createUserThroughApi(app, admin, {
    organisationId: orgA,
    email: "matrix-victim@de-linde.example",
    displayName: "Matrix Victim",
    roles: ["querier"],
  });
  victimUserId = victimUser.user.id;
  const victimKey = await issueApiKeyThroughApi(app, admin, {
    organisationId: orgA,
    role: "querier",
    label: "Matrix victim key",
  });
  victimKeyId = victimKey.id;
  const officerBSession = callers.find((c) => c.short === "offB")!.headers;

  // Registrations of org A and org B for the own/other checks (skipped when that module
  // cannot create one).
  const register = (headers: Record<string, string>, surname: string) =>
    inject("POST", "/api/v1/registrations", headers, withEvidence(registrationPayload(surname)));
  const regA = await register(callers[1]!.headers, "Matrixeen");
  if (regA.statusCode === 201) registrations.set(orgA, regA.json().id);
  const regB = await register(officerBSession, "Matrixtwee");
  if (regB.statusCode === 201) registrations.set(orgB, regB.json().id);
  const regVictim = await register(officerBSession, "Matrixdrie");
  if (regVictim.statusCode === 201) victimRegistrationId = regVictim.json().id;
});

after(async () => {
  await app?.close();
  await ctx?.close();
});

function isApiRoute(r: RouteEntry) {
  return r.url.startsWith("/api/v1/") && r.url !== "/api/v1/openapi.json";
}

function describeAccess(access: Access | undefined): string {
  if (access === undefined) return "(none)";
  if (typeof access === "string") return access;
  return `${access.roles.join(",")} [${access.scope}${access.beforeDeclaration ? ", before declaration" : ""}]`;
}

/** The URL with its parameters filled in with real ids of the right kind where we have them. */
function concreteUrl(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, param: string) => {
    if (param !== "id") return "0363";
    if (url.startsWith("/api/v1/organisations/")) return orgA;
    if (url.startsWith("/api/v1/users/")) return victimUserId;
    if (url.startsWith("/api/v1/api-keys/")) return victimKeyId;
    if (url.startsWith("/api/v1/registrations/")) return victimRegistrationId ?? randomUUID();
    return randomUUID();
  });
}

describe("every API route declares who may call it", () => {
  test("each route under /api/v1 (but the OpenAPI document) has an access declaration", () => {
    const api = app.routeTable.filter(isApiRoute);
    assert.ok(api.length >= 20, `expected the whole API in the route table, got ${api.length}`);
    const missing = api.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(missing, [], "routes without config.access");
    for (const r of api) {
      const a = r.access!;
      if (typeof a === "object") {
        assert.ok(a.roles.length > 0, `${r.method} ${r.url}: an empty role list`);
        assert.ok(["own", "any", "self"].includes(a.scope), `${r.method} ${r.url}: scope`);
      } else {
        assert.ok(a === "public" || a === "signing_in", `${r.method} ${r.url}: ${String(a)}`);
      }
    }
    // The routes this matrix was written against are all there.
    const keys = new Set(api.map((r) => `${r.method} ${r.url}`));
    for (const k of [
      "POST /api/v1/auth/sign-in",
      "POST /api/v1/auth/mfa",
      "GET /api/v1/auth/me",
      "GET /api/v1/organisations/:id",
      "POST /api/v1/organisations/:id/withdrawal",
      "PATCH /api/v1/users/:id",
      "DELETE /api/v1/api-keys/:id",
      "GET /api/v1/public/participants",
    ]) {
      assert.ok(keys.has(k), `${k} is in the route table`);
    }
  });

  test("a new API route without an access declaration is refused when it is registered", async () => {
    const fresh = await buildApp(ctx, ctx.services);
    try {
      assert.throws(
        () => fresh.get("/api/v1/forgotten-policy", async () => ({ ok: true })),
        /GET \/api\/v1\/forgotten-policy: declare config\.access/,
      );
      // Outside the API (pages, health) no declaration is demanded.
      assert.doesNotThrow(() => fresh.get("/not-the-api", async () => ({ ok: true })));
    } finally {
      await fresh.close();
    }
    // The same inside a plugin, also with a prefix: start-up fails.
    const plugged = await buildApp(ctx, ctx.services);
    plugged.register(
      async (scope) => {
        scope.post("/forgotten", async () => ({ ok: true }));
      },
      { prefix: "/api/v1/plugin" },
    );
    await assert.rejects(async () => {
      await plugged.ready();
    }, /POST \/api\/v1\/plugin\/forgotten: declare config\.access/);
    await plugged.close().catch(() => {});
  });
});

describe("the matrix: route × caller", () => {
  test("every route answers every caller as its declaration says", async (t) => {
    const routes = signOutLast(app.routeTable.filter(isApiRoute));
    const lines: string[] = [];
    const header = ["route".padEnd(52), ...callers.map((c) => c.short.padStart(6))].join("");
    lines.push(header, "-".repeat(header.length));
    for (const route of routes) {
      const access = route.access;
      assert.ok(access !== undefined, `${route.method} ${route.url} has no access declaration`);
      await t.test(`${route.method} ${route.url} — ${describeAccess(access)}`, async (_st) => {
        const url = concreteUrl(route.url);
        const payload = ["POST", "PUT", "PATCH"].includes(route.method) ? {} : undefined;
        const cells: string[] = [];
        const problems: string[] = [];
        for (const caller of callers) {
          const res = await inject(route.method, url, caller.headers, payload);
          const expected = expectationFor(access, caller);
          const status = res.statusCode;
          const code =
            status >= 400 ? (res.json() as { error?: { code?: string } }).error?.code : "";
          const ok = meetsExpectation(expected, status, code);
          cells.push(`${ok ? "" : "!"}${status}`.padStart(6));
          if (!ok) {
            problems.push(
              `${caller.name}: expected ${expected}, got ${status} ${code ?? ""} ${res.body.slice(0, 200)}`,
            );
          }
        }
        lines.push([`${route.method} ${route.url}`.padEnd(52), ...cells].join(""));
        assert.deepEqual(problems, [], `${route.method} ${route.url}`);
      });
    }
    lines.push("", "Legend: ! marks a cell that broke the rule.");
    for (const c of callers) lines.push(`  ${c.short.padEnd(6)} ${c.name}`);
    for (const line of lines) t.diagnostic(line);
  });
});

describe("own organisation versus another organisation (scope own, with an :id)", () => {
  test("a participant's caller gets 404 for another organisation's resource and 200 for its own", async (t) => {
    const ownScoped = app.routeTable.filter(
      (r) =>
        isApiRoute(r) &&
        typeof r.access === "object" &&
        r.access.scope === "own" &&
        r.url.includes("/:id"),
    );
    assert.ok(ownScoped.some((r) => r.method === "GET" && r.url === "/api/v1/organisations/:id"));
    const allOrgs = [
      orgA,
      orgB,
      demo.organisations[2]!.id,
      demo.consortiumAdmin.organisationId,
      demo.auditor.organisationId,
      ...demo.users.map((u) => u.organisationId),
    ];
    const resourcesOf: Record<string, Map<string, string>> = {
      organisations: new Map(allOrgs.map((id) => [id, id])),
      registrations,
    };
    // The callers still signed in (the matrix signed everyone out at its end): sign in again.
    const officerB = demo.users.find((u) => u.role === "officer" && u.organisationId === orgB)!;
    const committee = demo.users.find((u) => u.role === "committee")!;
    const officerBSession = await signIn(app, ctx.clock, officerB);
    const committeeSession = await signIn(app, ctx.clock, committee);
    const fresh: Caller[] = callers
      .filter((c) => c.kind === "api_key")
      .concat([
        { ...callers.find((c) => c.short === "offB")!, headers: officerBSession.headers },
        { ...callers.find((c) => c.short === "comm")!, headers: committeeSession.headers },
      ]);
    const lines: string[] = [];
    for (const route of ownScoped) {
      const access = route.access as Exclude<Access, string>;
      const kind = route.url.split("/")[3]!;
      const resources = resourcesOf[kind];
      const label = `${route.method} ${route.url}`;
      if (!resources || resources.size < 2) {
        t.diagnostic(`${label}: not checked — no resources of two organisations for "${kind}"`);
        continue;
      }
      if (route.method !== "GET" && !(label in VALID_BODIES)) {
        assert.fail(`${label}: add a valid body to VALID_BODIES so the own/other check can run`);
      }
      const body = route.method === "GET" ? undefined : (VALID_BODIES[label] ?? undefined);
      for (const caller of fresh) {
        if (caller.role === null || !access.roles.includes(caller.role)) continue;
        const wide = CONSORTIUM_WIDE.includes(caller.role);
        const other = [...resources.entries()].find(([org]) => org !== caller.organisationId);
        assert.ok(other, `${label}: a resource of another organisation than ${caller.name}`);
        const otherUrl = route.url.replace(":id", other[1]);
        if (!wide) {
          const res = await inject(route.method, otherUrl, caller.headers, body);
          lines.push(`${label.padEnd(52)} ${caller.short.padEnd(6)} other → ${res.statusCode}`);
          assert.equal(
            res.statusCode,
            404,
            `${caller.name} ${label} (other organisation): ${res.body}`,
          );
          assert.equal(res.json().error.code, "not_found");
        }
        const own = resources.get(caller.organisationId ?? "");
        if (route.method === "GET" && own !== undefined) {
          const res = await inject("GET", route.url.replace(":id", own), caller.headers);
          lines.push(`${label.padEnd(52)} ${caller.short.padEnd(6)} own   → ${res.statusCode}`);
          assert.equal(
            res.statusCode,
            200,
            `${caller.name} ${label} (own organisation): ${res.body}`,
          );
        }
      }
    }
    for (const line of lines) t.diagnostic(line);
  });

  test("consortium staff (admin, auditor) see any organisation", async () => {
    for (const key of [demo.consortiumAdmin.apiKey, demo.auditor.apiKey]) {
      for (const id of [orgA, orgB]) {
        const res = await inject("GET", `/api/v1/organisations/${id}`, bearer(key));
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().id, id);
      }
    }
  });
});
