/**
 * The router's own refusals leave in the contract's shape (D-731; found by the fuzzer of
 * test/security): a malformed %-escape in the path and an over-long path parameter used to
 * get Fastify's `{"error":"Bad Request","code":"FST_ERR_…","message":"'<the path>' …"}`.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiRequest, contractError } from "../../testing/http.ts";

const fx = useDemoApi();

test("12a a malformed %-escape in the path is 400 invalid_url in the contract's shape, for API and pages", async () => {
  for (const [url, headers] of [
    ["/api/v1/cases/%ZZ", fx.officerA],
    ["/api/v1/registrations/%/restriction", fx.officerA],
    ["/api/v1/users/%C0%AE%C0%AE%2F/reset", fx.admin],
    ["/registraties/%E0%A4%A", {}],
  ] as const) {
    const res = await apiRequest(fx.app, "GET", url, headers);
    assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
    const { error } = contractError(res.body);
    assert.equal(error.code, "invalid_url");
    assert.doesNotMatch(res.body, /FST_|%ZZ|%C0/, "no framework code, the path is not echoed");
  }
});

test("12a a path parameter longer than the router takes is 414 in the contract's shape", async () => {
  const res = await apiRequest(fx.app, "GET", `/api/v1/cases/${"a".repeat(5_000)}`, fx.officerA);
  assert.equal(res.statusCode, 414, res.body);
  const { error } = contractError(res.body);
  assert.equal(error.code, "path_parameter_too_long");
  assert.ok(res.body.length < 300, "the path is not echoed");
  // A normal request on the same route still works as before.
  const normal = await apiRequest(fx.app, "GET", `/api/v1/cases/${"1".repeat(8)}`, fx.officerA);
  assert.equal(normal.statusCode, 400, normal.body);
});
