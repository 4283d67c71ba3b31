/**
 * The API as its OpenAPI document describes it (GET /api/v1/openapi.json, served by the app):
 * one entry per operation under /api/v1, with the route's access declaration as the document
 * carries it (`x-access`, D-730). Used by the security tests in test/security.
 */
import assert from "node:assert/strict";
import { DEMO_TENANCIES, seedDemoArrears } from "../demo/demo-arrears.ts";
import type { Access } from "../platform/auth/access.ts";
import type { App } from "../platform/context.ts";
import { type DemoApp, demoKeys } from "./demo-app.ts";
import { apiRequest, placeRegistrationThroughApi } from "./http.ts";

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export interface OpenapiParameter {
  in: "path" | "query" | "header" | "cookie";
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

export interface OpenapiOperation {
  method: string;
  /** The OpenAPI path, `/api/v1/cases/{id}`. */
  path: string;
  /** The same in the router's spelling, `/api/v1/cases/:id` (as app.routeTable has it). */
  url: string;
  access: Access;
  parameters: OpenapiParameter[];
  /** The JSON body's schema, when the operation takes one. */
  body: JsonSchema | undefined;
}

const METHODS = ["get", "put", "post", "delete", "patch"];

/** Every operation under /api/v1 of the document the app serves; each must carry x-access. */
export async function openapiOperations(app: App): Promise<OpenapiOperation[]> {
  const res = await app.inject({ method: "GET", url: "/api/v1/openapi.json" });
  assert.equal(res.statusCode, 200, res.body);
  const doc = res.json() as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
  const operations: OpenapiOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith("/api/v1/")) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const access = op["x-access"] as Access | undefined;
      assert.ok(
        access !== undefined,
        `${method.toUpperCase()} ${path}: no x-access in the document`,
      );
      const content = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> })
        ?.content;
      operations.push({
        method: method.toUpperCase(),
        path,
        url: path.replace(/\{([^}]+)\}/g, ":$1"),
        access,
        parameters: (op.parameters as OpenapiParameter[] | undefined) ?? [],
        body: content?.["application/json"]?.schema,
      });
    }
  }
  return operations;
}

/** The kind of resource an operation's path names: the segment after /api/v1 (or /arrears). */
export function resourceKindOf(op: { path: string }): string {
  return op.path.split("/")[op.path.startsWith("/api/v1/arrears/") ? 4 : 3]!;
}

/**
 * Real resources of the demo region's organisation A, by resourceKindOf (the tenancy by its
 * reference): the organisation, a new registration with its letter duty and draft letter, an
 * objection case on it, and the demo's arrears data (seeded here: tenancies, a delivery, an
 * arrangement).
 */
export async function resourcesOfOrganisationA(fx: DemoApp): Promise<Map<string, string>> {
  const ofA = new Map<string, string>();
  const { officerA } = demoKeys(fx.demo);
  const get = async (url: string) => {
    const res = await apiRequest(fx.app, "GET", url, officerA);
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res;
  };
  const firstId = async (url: string) => {
    const id = ((await get(url)).json() as { items: { id: string }[] }).items[0]?.id;
    assert.ok(id, `${url} lists something of organisation A`);
    return id;
  };
  ofA.set("organisations", fx.demo.organisations[0]!.id);
  const reg = await placeRegistrationThroughApi(fx.app, officerA, {
    person: { initials: "O.", surname: "Openapimatrix", birthDate: "1980-03-04" },
    categories: ["A.I"],
    criteria: ["a"],
    placementDate: "2026-05-01",
  });
  ofA.set("registrations", reg.id);
  ofA.set("letters", await firstId(`/api/v1/letters?registrationId=${reg.id}`));
  ofA.set("duties", await firstId(`/api/v1/duties?registrationId=${reg.id}`));
  const opened = await apiRequest(fx.app, "POST", "/api/v1/cases", officerA, {
    type: "objection",
    registrationId: reg.id,
    receivedDate: fx.ctx.clock.today(),
  });
  assert.equal(opened.statusCode, 201, opened.body);
  ofA.set("cases", opened.json().id);
  await seedDemoArrears(fx.ctx.services, fx.demo, fx.ctx.clock.today());
  ofA.set("tenancies", DEMO_TENANCIES[0]!.ref);
  ofA.set("deliveries", await firstId("/api/v1/arrears/deliveries"));
  for (const { ref } of DEMO_TENANCIES) {
    const found = /"arrangements":\[\{"id":"([^"]+)"/.exec(
      (await get(`/api/v1/arrears/tenancies/${ref}`)).body,
    );
    if (found) ofA.set("arrangements", found[1]!);
  }
  return ofA;
}
