/**
 * The API as its OpenAPI document describes it (GET /api/v1/openapi.json, served by the app):
 * one entry per operation under /api/v1, with the route's access declaration as the document
 * carries it (`x-access`, D-730). Used by the security tests in test/security.
 */
import assert from "node:assert/strict";
import type { Access } from "../platform/auth/access.ts";
import type { App } from "../platform/context.ts";

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
