import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { test } from "node:test";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { createLogger, REDACTED, redactPersonalData, usePathReferences } from "./logger.ts";
import { pseudonymisePath } from "./logger-identifiers.ts";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, logger: createLogger({ level: "debug", destination: stream }) };
}

test("personal data never reaches the log, however deeply nested", () => {
  const { lines, logger } = capture();
  logger.info(
    {
      body: {
        person: { surname: "Verkerk" },
        items: [{ email: "a.verkerk@example.org", birthDate: "1985-03-14", street: "Kerkstraat" }],
      },
      Surname: "Verkerk",
      organisationId: "org-1",
    },
    "something happened",
  );
  const text = lines.join("");
  for (const secret of ["Verkerk", "a.verkerk@example.org", "1985-03-14", "Kerkstraat"]) {
    assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
  }
  assert.ok(text.includes("org-1"), "non-personal fields stay");
  assert.ok(text.includes(REDACTED));
});

test("redaction leaves the input object untouched", () => {
  const input = { person: { surname: "X" } };
  const out = redactPersonalData(input) as { person: unknown };
  assert.equal(out.person, REDACTED);
  assert.deepEqual(input, { person: { surname: "X" } });
});

test("requests are logged by method and path, without the query string", () => {
  const { lines, logger } = capture();
  logger.info({ req: { method: "GET", url: "/api/v1/x?surname=Verkerk", id: "r1" } }, "req");
  const entry = JSON.parse(lines[0]!);
  assert.deepEqual(entry.req, { method: "GET", path: "/api/v1/x", id: "r1" });
});

test("F11 a seeker number or tenancy reference in a logged path becomes its keyed reference", () => {
  const ref = (kind: string, value: string) => `${kind}:${value.length}`;
  const cases: [string, string][] = [
    ["/api/v1/seekers/WZ-900001", "/api/v1/seekers/~seeker_number:9"],
    [
      "/api/v1/seekers/WZ-900001/block?purpose=allocation",
      "/api/v1/seekers/~seeker_number:9/block",
    ],
    ["/API/v1//seekers/WZ%2D1/block", "/API/v1//seekers/~seeker_number:4/block"],
    [
      "/api/v1/arrears/tenancies/DEMO-1004/events",
      "/api/v1/arrears/tenancies/~tenancy_reference:9/events",
    ],
    [
      "/vroegsignalering/huurders/DEMO-1004/regeling",
      "/vroegsignalering/huurders/~tenancy_reference:9/regeling",
    ],
    ["/api/v1/registrations/3f1c?surname=Verkerk", "/api/v1/registrations/3f1c"],
    ["/vroegsignalering/huurders", "/vroegsignalering/huurders"],
  ];
  for (const [url, logged] of cases) assert.equal(pseudonymisePath(url, ref), logged, url);
  // Before the key is known the identifier goes all the same.
  assert.equal(pseudonymisePath("/api/v1/seekers/WZ-900001"), "/api/v1/seekers/~");

  const { lines, logger } = capture();
  logger.info({ req: { method: "PUT", url: "/api/v1/seekers/WZ-900001", id: "r1" } }, "req");
  usePathReferences(logger, (kind, value) => `${kind}-${value === "WZ-900001" ? "x" : "?"}`);
  logger.child({ reqId: "r2" }).info({ req: { url: "/api/v1/seekers/WZ-900001" } }, "req");
  const [before, after] = lines.map((l) => JSON.parse(l).req.path);
  assert.equal(before, "/api/v1/seekers/~");
  assert.equal(after, "/api/v1/seekers/~seeker_number-x");
  assert.ok(!lines.join("").includes("WZ-900001"));
});

test("F11 a failing query is logged without its parameters, in no field of the error or its cause", () => {
  const { lines, logger } = capture();
  const cause = Object.assign(new Error('invalid input syntax for type integer: "Verkerk"'), {
    code: "22P02",
    detail: "Key (email)=(a.verkerk@example.org) already exists.",
    where: "unnamed portal parameter $1 = 'Verkerk'",
    params: ["Verkerk"],
  });
  const err = new DrizzleQueryError(
    "insert into organisation (dpo_name, dpo_phone) values ($1, $2)",
    ["Anna Verkerk", "06-12345678"],
    cause,
  );
  logger.error({ err }, "unhandled error");
  const text = lines.join("");
  for (const value of ["Verkerk", "a.verkerk@example.org", "06-12345678"]) {
    assert.ok(!text.includes(value), `${value} leaked: ${text}`);
  }
  const logged = JSON.parse(lines[0]!).err;
  assert.equal(logged.type, "DrizzleQueryError");
  assert.match(logged.message, /^Failed query: insert into organisation .* values \(\$1, \$2\)$/);
  assert.match(logged.stack, /^DrizzleQueryError: Failed query: [^\n]*\n\s+at /);
  assert.equal(logged.cause.code, "22P02", "the SQLSTATE stays");
  assert.match(logged.cause.message, /invalid input syntax for type integer: \[redacted\]/);
});
