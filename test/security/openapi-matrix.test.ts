/**
 * Issue 22 item 12b: the role × operation authorisation matrix, generated from the OpenAPI
 * document the API serves (GET /api/v1/openapi.json). Each operation carries its access
 * declaration (`security`, `x-access`: roles and scope; D-730); the expected answer per caller
 * follows from it (src/testing/authorization.ts, shared with the route-table matrix in
 * src/modules/authorization-matrix.test.ts):
 *  - anonymous and half-signed-in callers: 401 on every role-protected operation;
 *  - a role the operation does not name: 403 `forbidden`; a role it names: never 401/403/5xx;
 *  - scope "own": another organisation's resource answers 404, never its data (contract §3).
 * Run: node --test --test-global-setup=src/testing/global-setup.ts test/security/*.test.ts
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { Access } from "../../src/platform/auth/access.ts";
import type { Role } from "../../src/platform/auth/roles.ts";
import {
  type Caller,
  expectationFor,
  matrixCallers,
  meetsExpectation,
  signOutLast,
} from "../../src/testing/authorization.ts";
import { createDemoApp, type DemoApp, demoKeys } from "../../src/testing/demo-app.ts";
import { apiRequest, errorCode } from "../../src/testing/http.ts";
import {
  type OpenapiOperation,
  openapiOperations,
  resourceKindOf,
  resourcesOfOrganisationA,
} from "../../src/testing/openapi.ts";

let fx: DemoApp;
let operations: OpenapiOperation[];
let callers: Caller[];
let ofA: Map<string, string>;

/** Consortium staff see across organisations where an operation allows them at all. */
const CONSORTIUM_WIDE: readonly Role[] = ["consortium_admin", "auditor", "support"];

before(async () => {
  fx = await createDemoApp({ today: "2026-06-01" });
  operations = await openapiOperations(fx.app);
  callers = await matrixCallers(fx.app, fx.ctx, fx.demo);
  ofA = await resourcesOfOrganisationA(fx);
});

after(() => fx?.close());

/** A path parameter's value of the right kind (random: no resource is harmed). */
function fillPath(op: OpenapiOperation, value: (name: string) => string): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(value(name)));
}

function anyValue(op: OpenapiOperation) {
  return (name: string) => {
    const schema = op.parameters.find((p) => p.in === "path" && p.name === name)?.schema;
    return schema?.format === "uuid" ? randomUUID() : "0363";
  };
}

describe("12b the OpenAPI document and the router agree", () => {
  test("12b every OpenAPI operation is a route, every API route an operation, with the same access", () => {
    const routes = fx.app.routeTable.filter(
      (r) => r.url.startsWith("/api/v1/") && r.url !== "/api/v1/openapi.json",
    );
    const documented = new Map(operations.map((o) => [`${o.method} ${o.url}`, o.access]));
    const routed = new Map(routes.map((r) => [`${r.method} ${r.url}`, r.access]));
    assert.ok(documented.size >= 80, `the whole API is documented (${documented.size})`);
    assert.deepEqual(
      [...routed.keys()].filter((k) => !documented.has(k)),
      [],
      "routes missing from the OpenAPI document",
    );
    assert.deepEqual(
      [...documented.keys()].filter((k) => !routed.has(k)),
      [],
      "documented operations without a route",
    );
    for (const [key, access] of routed) {
      assert.deepEqual(documented.get(key), access, `${key}: x-access is the route's declaration`);
    }
  });

  test("12b the document names a security requirement for every operation", async () => {
    const res = await apiRequest(fx.app, "GET", "/api/v1/openapi.json");
    const doc = res.json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ["apiKey", "session"]);
    for (const op of operations) {
      const security = doc.paths[op.path]![op.method.toLowerCase()]!.security;
      const expected =
        op.access === "public" ? [] : op.access === "signing_in" ? [{ session: [] }] : undefined;
      if (expected) assert.deepEqual(security, expected, `${op.method} ${op.path}`);
      else assert.deepEqual(security, [{ apiKey: [] }, { session: [] }], `${op.method} ${op.path}`);
    }
  });
});

describe("12b the matrix: operation × caller, from x-access", () => {
  test("12b every documented operation answers every caller as its x-access says", async (t) => {
    const lines: string[] = [];
    const header = ["operation".padEnd(56), ...callers.map((c) => c.short.padStart(6))].join("");
    lines.push(header, "-".repeat(header.length));
    const problems: string[] = [];
    for (const op of signOutLast(operations)) {
      const url = fillPath(op, anyValue(op));
      const payload = op.body ? {} : undefined;
      const cells: string[] = [];
      for (const caller of callers) {
        const res = await apiRequest(fx.app, op.method, url, caller.headers, payload);
        const expected = expectationFor(op.access, caller);
        const code = res.statusCode >= 400 ? errorCode(res) : undefined;
        const ok = meetsExpectation(expected, res.statusCode, code);
        cells.push(`${ok ? "" : "!"}${res.statusCode}`.padStart(6));
        if (!ok) {
          problems.push(
            `${op.method} ${op.path} — ${caller.name}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 160)}`,
          );
        }
      }
      lines.push([`${op.method} ${op.path}`.padEnd(56), ...cells].join(""));
    }
    lines.push("", "Legend: ! marks a cell that broke the rule.");
    for (const c of callers) lines.push(`  ${c.short.padEnd(6)} ${c.name}`);
    for (const line of lines) t.diagnostic(line);
    assert.deepEqual(problems, []);
  });

  test("12b scope own: another organisation's resource is 404 (or refused input), never its data", async (t) => {
    // The matrix signed the sessions out at its end: fresh callers of organisation B here.
    const keys = demoKeys(fx.demo);
    const session = await matrixCallers(fx.app, fx.ctx, fx.demo);
    const others: Caller[] = [
      { ...session.find((c) => c.short === "offB")! },
      { ...session.find((c) => c.short === "comm")! },
      {
        name: "officer (API key, org B)",
        short: "offBk",
        kind: "api_key",
        role: "officer",
        organisationId: fx.demo.organisations[1]!.id,
        headers: keys.officerB,
      },
      {
        name: "querier (API key, org B)",
        short: "qryBk",
        kind: "api_key",
        role: "querier",
        organisationId: fx.demo.organisations[1]!.id,
        headers: keys.querierB,
      },
    ];
    const ownScoped = operations.filter(
      (o) => typeof o.access === "object" && o.access.scope === "own" && o.path.includes("{"),
    );
    const problems: string[] = [];
    const checked = new Set<string>();
    for (const op of ownScoped) {
      const access = op.access as Exclude<Access, string>;
      const kind = resourceKindOf(op);
      const id = ofA.get(kind);
      const label = `${op.method} ${op.path}`;
      if (id === undefined) {
        t.diagnostic(`${label}: not checked, no resource of organisation A for "${kind}"`);
        continue;
      }
      checked.add(kind);
      const url = fillPath(op, () => id);
      const payload = op.body ? {} : undefined;
      for (const caller of others) {
        if (caller.role === null || !access.roles.includes(caller.role)) continue;
        if (CONSORTIUM_WIDE.includes(caller.role)) continue;
        const res = await apiRequest(fx.app, op.method, url, caller.headers, payload);
        t.diagnostic(`${label.padEnd(56)} ${caller.short.padEnd(6)} → ${res.statusCode}`);
        // A read is 404; a change may be refused for its (empty) body first (D-688), which
        // says nothing about the resource, but it is never carried out or judged (2xx/409/422).
        const fine =
          op.method === "GET"
            ? res.statusCode === 404 && errorCode(res) === "not_found"
            : res.statusCode === 404 || res.statusCode === 400;
        if (!fine)
          problems.push(`${label} — ${caller.name}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      // The owner reads its own resource (the detail operation itself).
      if (op.method === "GET" && /^\/api\/v1\/(arrears\/)?[a-z-]+\/\{[A-Za-z]+\}$/.test(op.path)) {
        const own = await apiRequest(fx.app, "GET", url, keys.officerA);
        if (own.statusCode !== 200) problems.push(`${label} — officer A, own: ${own.statusCode}`);
      }
    }
    assert.deepEqual(problems, []);
    for (const kind of [
      "organisations",
      "registrations",
      "letters",
      "duties",
      "cases",
      "tenancies",
    ]) {
      assert.ok(checked.has(kind), `own-scope operations on ${kind} were checked`);
    }
  });
});
