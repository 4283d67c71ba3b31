import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { test } from "node:test";
import { createLogger, REDACTED, redactPersonalData } from "./logger.ts";

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
