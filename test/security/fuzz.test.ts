/**
 * Issue 22 item 12a: the API fuzzer of the outside test (security review 2026-12, test 17), in
 * the repository. It walks the OpenAPI document the API serves and sends every operation
 * FUZZ_RUNS requests built by fast-check from the operation's own description (payloads.ts):
 * bodies that fit the schema with one mutation (wrong type, missing or extra field,
 * `__proto__`, huge string, NUL and control characters, lone surrogates, negative and huge
 * numbers, malformed dates, SQL and HTML injection), raw bodies (bad JSON, invalid UTF-8,
 * BOM, deep nesting, 2 MB, wrong content types), odd path parameters (traversal, encoded NUL,
 * malformed escapes, huge, real ids) and odd query parameters. Every answer must be below 500,
 * and every error must have the contract's shape without a stack trace or SQL in it.
 *
 * The caller is one the operation admits (x-access), so requests get past authorisation to
 * validation and the handlers. Fixed seed (FUZZ_SEED, default 20261207) and budget (FUZZ_RUNS
 * per operation, default 30): the same requests in every run, in a few minutes on PGlite.
 * A failure prints the seed, the path and the shrunk request to replay it.
 * Run: node --test --test-global-setup=src/testing/global-setup.ts test/security/*.test.ts
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import type { Role } from "../../src/platform/auth/roles.ts";
import { type Caller, matrixCallers, signOutLast } from "../../src/testing/authorization.ts";
import { createDemoApp, type DemoApp } from "../../src/testing/demo-app.ts";
import { contractError } from "../../src/testing/http.ts";
import {
  type OpenapiOperation,
  openapiOperations,
  resourceKindOf,
  resourcesOfOrganisationA,
} from "../../src/testing/openapi.ts";
import { type FuzzRequest, fuzzRequest } from "./payloads.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

/** What an error body must never show: a stack frame, a source file, SQL or a driver message. */
const LEAK =
  /node:internal|\bat [\w.<>]+ \(|\.ts:\d+|\.js:\d+|syntax error at or near|violates [a-z ]*constraint|relation "|invalid byte sequence|\bSELECT\b.*\bFROM\b/i;

let fx: DemoApp;
let operations: OpenapiOperation[];
let callers: Caller[];
let ofA: Map<string, string>;
const statuses = new Map<number, number>();

before(async () => {
  // The fuzzer sends many requests without a caller (sign-in, public forms): no per-source cap.
  fx = await createDemoApp({ today: "2026-06-01", env: { ANONYMOUS_RATE_LIMIT: "0" } });
  operations = await openapiOperations(fx.app);
  callers = await matrixCallers(fx.app, fx.ctx, fx.demo);
  ofA = await resourcesOfOrganisationA(fx);
  // Organisation lifecycle calls aim at the third organisation, so A's callers keep working.
  ofA.set("organisations", fx.demo.organisations[2]!.id);
});

after(() => fx?.close());

const by = (short: string) => callers.find((c) => c.short === short)!;

/** A caller the operation admits: keys of organisation A first, sessions for "self" routes. */
function callerFor(op: OpenapiOperation): Caller {
  if (op.access === "public") return by("anon");
  if (op.access === "signing_in") return by("pre");
  const { roles, scope } = op.access;
  const preference =
    scope === "self"
      ? ["comm", "supp", "offB"]
      : ["offA", "admin", "audit", "alloc", "qryA", "comm", "supp", "offB"];
  const caller = preference.map(by).find((c) => c.role !== null && roles.includes(c.role as Role));
  assert.ok(caller, `${op.method} ${op.path}: no caller with one of ${roles.join(", ")}`);
  return caller;
}

/** Real ids of organisation A for a path parameter, where it has one of that kind. */
function realIds(op: OpenapiOperation) {
  return (name: string) =>
    name === "tenancyRef"
      ? ofA.get("tenancies")
      : name === "id"
        ? ofA.get(resourceKindOf(op))
        : undefined;
}

/** Long values (100 kB strings) shortened for the report. */
const clip = (text: string | undefined) =>
  (text ?? "").replace(/(.)\1{40,}/g, (run, ch: string) => `${ch}×${run.length}`).slice(0, 1500);

async function send(op: OpenapiOperation, caller: Caller, req: FuzzRequest) {
  return fx.app.inject({
    method: op.method as "GET",
    url: req.url,
    headers: {
      ...caller.headers,
      ...(req.contentType === undefined ? {} : { "content-type": req.contentType }),
    },
    ...(req.payload === undefined ? {} : { payload: req.payload }),
  });
}

/** Deletions and signing out last, so that the other operations still find what they need. */
function fuzzOrder(ops: OpenapiOperation[]) {
  const late = (o: OpenapiOperation) => (o.method === "DELETE" ? 1 : 0);
  return signOutLast(ops).sort((a, b) => late(a) - late(b));
}

test("12a the fuzzer: every OpenAPI operation, fuzzed input, never a 5xx, errors in the contract's shape", async (t) => {
  assert.ok(operations.length >= 80, `the whole API is documented (${operations.length})`);
  let index = 0;
  for (const op of fuzzOrder(operations)) {
    const caller = callerFor(op);
    const seed = SEED + index++;
    await t.test(`${op.method} ${op.path} as ${caller.short}`, async () => {
      const run = await fc.check(
        fc.asyncProperty(fuzzRequest(op, realIds(op)), async (req) => {
          const res = await send(op, caller, req);
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          assert.ok(res.statusCode < 500, `${res.statusCode}: ${res.body.slice(0, 300)}`);
          if (res.statusCode >= 400) {
            const { error } = contractError(res.body);
            assert.doesNotMatch(`${error.message} ${JSON.stringify(error.details ?? "")}`, LEAK);
          }
        }),
        { seed, numRuns: RUNS },
      );
      if (run.failed) {
        const error = run.errorInstance as Error | undefined;
        assert.fail(
          `${op.method} ${op.path}: FUZZ_SEED=${SEED} (operation seed ${seed}, path ${run.counterexamplePath})\n` +
            `request: ${clip(JSON.stringify(run.counterexample?.[0]))}\n` +
            `failure: ${clip(error?.message ?? String(error))}`,
        );
      }
    });
  }
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  const spread = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
  t.diagnostic(
    `seed ${SEED}, ${RUNS} runs per operation, ${operations.length} operations, ${total} requests`,
  );
  t.diagnostic(`statuses: ${spread.join(", ")}`);
});
