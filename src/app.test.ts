import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { z } from "zod";
import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import type { App } from "./platform/context.ts";
import { createTestDatabase } from "./platform/db/test-database.ts";
import { AppError } from "./platform/errors.ts";
import { createTestContext, type TestContext } from "./testing/context.ts";
import { apiRequest } from "./testing/http.ts";

let ctx: TestContext;
let app: App;

async function makeApp(env: Record<string, string> = {}): Promise<App> {
  const a = await buildApp({
    ...ctx,
    config: loadConfig({ BODY_LIMIT_BYTES: "2048", ...env }),
  });
  // A route shaped like every real one, to exercise the shared HTTP behaviour.
  a.post(
    "/api/v1/echo",
    {
      config: { access: "public" },
      schema: {
        body: z.strictObject({
          name: z.string().min(1),
          nested: z.strictObject({ n: z.number().int() }).optional(),
        }),
      },
    },
    async (request) => ({ got: request.body.name }),
  );
  a.get("/api/v1/explode", { config: { access: "public" } }, async () => {
    throw new Error("SELECT secret FROM internals failed at /srv/app/x.ts:12");
  });
  a.get("/api/v1/refuse", { config: { access: "public" } }, async () => {
    throw new AppError("protocol_rule", "The term is longer than the category allows.", {
      code: "term_exceeds_maximum",
      details: { source: "003 §7" },
    });
  });
  return a;
}

before(async () => {
  ctx = await createTestContext();
  app = await makeApp();
});
after(async () => {
  await app?.close();
  await ctx?.close();
});

/** POSTs a body to the test echo route, with the given headers. */
const postEcho = (headers: Record<string, string>, payload: unknown) =>
  apiRequest(app, "POST", "/api/v1/echo", headers, payload);

test("GET /healthz answers 200 {status: ok} when the database answers", async () => {
  const res = await apiRequest(app, "GET", "/healthz");
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: "ok" });
});

test("the OpenAPI 3.1 document is generated from the route schemas", async () => {
  const res = await apiRequest(app, "GET", "/api/v1/openapi.json");
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, "3.1.0");
  const echo = doc.paths["/api/v1/echo"].post;
  const schema = echo.requestBody.content["application/json"].schema;
  assert.deepEqual(schema.required, ["name"]);
  assert.equal(schema.additionalProperties, false, "unknown fields are refused in the spec too");
});

test("security headers: CSP, no-store, request id, HSTS and X-XSS-Protection in every mode", async () => {
  const res = await apiRequest(app, "GET", "/healthz");
  assert.match(String(res.headers["content-security-policy"]), /default-src 'self'/);
  assert.match(String(res.headers["content-security-policy"]), /frame-ancestors 'none'/);
  assert.equal(res.headers["cache-control"], "no-store");
  assert.equal(res.headers["x-content-type-options"], "nosniff");
  assert.equal(res.headers["referrer-policy"], "no-referrer");
  assert.match(String(res.headers["x-request-id"]), /^[0-9a-f-]{36}$/);
  assert.match(String(res.headers["strict-transport-security"]), /max-age=31536000/);
  assert.equal(res.headers["x-xss-protection"], "1; mode=block");
});

test("HSTS is sent in production", async () => {
  const prod = await makeApp({
    NODE_ENV: "production",
    WOONSIGNAAL_MASTER_KEY: "x",
    PUBLIC_BASE_URL: "https://signaleringslijst.example.org",
  });
  try {
    const res = await apiRequest(prod, "GET", "/healthz");
    assert.match(String(res.headers["strict-transport-security"]), /max-age=31536000/);
  } finally {
    await prod.close();
  }
});

test("an unknown body field is refused with 400 unknown_field, at any depth", async () => {
  for (const payload of [
    { name: "x", organisationId: "other" },
    { name: "x", nested: { n: 1, note: "free text" } },
  ]) {
    const res = await postEcho({}, payload);
    assert.equal(res.statusCode, 400);
    const body = res.json();
    assert.equal(body.error.code, "unknown_field");
    assert.match(body.error.message, /(organisationId|note)/);
  }
});

test("invalid input answers 400 invalid_input with the path of each problem", async () => {
  const res = await postEcho({}, { name: "" });
  assert.equal(res.statusCode, 400);
  const body = res.json();
  assert.equal(body.error.code, "invalid_input");
  assert.equal(body.error.details[0].path, "name");
});

test("malformed JSON answers 400 invalid_json", async () => {
  const res = await postEcho({ "content-type": "application/json" }, '{"name": "x",');
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.code, "invalid_json");
});

test("an unexpected content type answers 415", async () => {
  const res = await postEcho({ "content-type": "text/plain" }, "name=x");
  assert.equal(res.statusCode, 415);
  assert.equal(res.json().error.code, "unsupported_media_type");
});

test("a body over the limit answers 413", async () => {
  const res = await postEcho({}, { name: "x".repeat(5000) });
  assert.equal(res.statusCode, 413);
  assert.equal(res.json().error.code, "payload_too_large");
});

test("a protocol refusal answers 422 with the rule's code and article", async () => {
  const res = await apiRequest(app, "GET", "/api/v1/refuse");
  assert.equal(res.statusCode, 422);
  assert.deepEqual(res.json(), {
    error: {
      code: "term_exceeds_maximum",
      message: "The term is longer than the category allows.",
      details: { source: "003 §7" },
    },
  });
});

test("an internal error answers 500 without internals, with the request id", async () => {
  const res = await apiRequest(app, "GET", "/api/v1/explode");
  assert.equal(res.statusCode, 500);
  const body = res.json();
  assert.equal(body.error.code, "internal_error");
  assert.ok(!res.body.includes("SELECT"), "no SQL");
  assert.ok(!res.body.includes("/srv/app"), "no paths or stack");
  assert.ok(body.error.message.includes(String(res.headers["x-request-id"])));
});

test("an unknown address answers 404 in the error shape", async () => {
  const res = await apiRequest(app, "GET", "/api/v1/nothing-here");
  assert.equal(res.statusCode, 404);
  assert.equal(res.json().error.code, "not_found");
});

test("a route with a lax body schema is refused when the app starts", async () => {
  const a = await makeApp();
  try {
    assert.throws(
      () =>
        a.post(
          "/api/v1/lax",
          { config: { access: "public" }, schema: { body: z.object({ name: z.string() }) } },
          async () => ({}),
        ),
      /use z.strictObject/,
    );
  } finally {
    await a.close();
  }
});

test("the start page renders in Dutch with a skip link and a main landmark", async () => {
  const res = await apiRequest(app, "GET", "/");
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers["content-type"]), /text\/html/);
  assert.match(res.body, /<html lang="nl"[ >]/);
  assert.match(res.body, /href="#inhoud"/);
  assert.match(res.body, /<main id="inhoud"/);
  assert.match(res.body, /signaleringslijst/);
  const css = await apiRequest(app, "GET", "/static/app.css");
  assert.equal(css.statusCode, 200);
});

test("healthz answers 503 when the database is gone", async () => {
  const lonely = await createTestDatabase();
  const a = await buildApp({ ...ctx, database: lonely });
  try {
    await lonely.close();
    const res = await apiRequest(a, "GET", "/healthz");
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), { status: "unavailable" });
  } finally {
    await a.close();
  }
});
