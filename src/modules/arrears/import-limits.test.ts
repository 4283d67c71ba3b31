/**
 * F13 (security review 2026-12, test 20): a position CSV of many bad lines answers the first
 * 100 errors and counts the rest per code, instead of a 20 MB list; the file is read in a
 * worker thread, so the server keeps answering while it is read; the good lines are still
 * written together and a bad line not at all.
 */

import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { describe, test } from "node:test";
import { setImmediate } from "node:timers/promises";
import { measureImportHealthz, positionsCsv } from "../../../bench/imports/healthz.ts";
import { MAX_LISTED_ERRORS } from "../../platform/imports/line-errors.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiRequest } from "../../testing/http.ts";

const fx = useDemoApi({ today: "2026-06-01" });
const ASOF = "2026-05-31";

interface Answer {
  imported: number;
  rejected: number;
  lines: number;
  errors: { line: number; code: string; message: string }[];
  errorCount: number;
  errorsByCode: Record<string, number>;
}

function postCsv(csv: string, asOf = ASOF, path = "positions", query = `asOf=${asOf}`) {
  return apiRequest(
    fx.app,
    "POST",
    `/api/v1/arrears/${path}?${query}`,
    { ...fx.officerA, "content-type": "text/csv" },
    csv,
  );
}

async function tenancies() {
  const rows = await fx.ctx.database.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM arrears_tenancy WHERE organisation_id = $1",
    [fx.demo.organisations[0]!.id],
  );
  return rows[0]!.n;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe("F13 the CSV import: a capped error list, read off the event loop", () => {
  test("F13 5,000 bad lines: the first 100 errors in line order, every error counted per code, nothing written", async () => {
    const before = await tenancies();
    const res = await postCsv(positionsCsv(5_000, "bad", "cap"));
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    const body = res.json() as Answer;
    assert.equal(body.imported, 0);
    assert.equal(body.lines, 5_000);
    assert.equal(body.rejected, 5_000);
    assert.equal(body.errors.length, MAX_LISTED_ERRORS);
    assert.equal(body.errors[0]!.line, 2, "the header is line 1");
    const lines = body.errors.map((e) => e.line);
    assert.deepEqual(
      lines,
      [...lines].sort((a, b) => a - b),
      "listed in line order",
    );
    // Every line breaks several rules: more errors than lines, all of them counted.
    assert.ok(body.errorCount > 5_000, String(body.errorCount));
    assert.equal(sum(body.errorsByCode), body.errorCount);
    assert.ok(body.errorsByCode.invalid_input! > 0, JSON.stringify(body.errorsByCode));
    // The answer stays small however long the file: a few hundred bytes per listed error.
    assert.ok(res.body.length < 30_000, `${res.body.length} bytes`);
    assert.equal(await tenancies(), before);
  });

  test("F13 good lines among 200 bad ones are written together; the list merges the parser's errors and the later checks by line", async () => {
    // N-1 has a newer position on file: the CSV below (an older date) refuses it on line 2,
    // a check made after parsing, in the main thread.
    const newer = await apiRequest(fx.app, "POST", "/api/v1/arrears/positions", fx.officerA, {
      asOf: ASOF,
      items: [
        {
          tenancyRef: "N-1",
          person: { initials: "N.", surname: "Nieuwer" },
          address: { street: "Kerkpad", houseNumber: "4", postcode: "9901 AB", city: "Lindendal" },
          monthlyRentCents: 70_000,
          arrearsCents: 140_000,
          oldestUnpaidDueDate: "2026-04-01",
        },
      ],
    });
    assert.equal(newer.statusCode, 200, newer.body);
    const before = await tenancies();
    const good = (ref: string) =>
      `${ref},G.,Goed,Kerkpad,4,9901 AB,Lindendal,70000,140000,2026-04-01`;
    const [header, ...bad] = positionsCsv(200, "bad", "mix").trimEnd().split("\n");
    const csv = [header, good("N-1"), ...bad, good("G-1"), good("G-2"), good("G-3")].join("\n");
    const res = await postCsv(csv, "2026-04-30");
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    const body = res.json() as Answer;
    assert.equal(body.lines, 204);
    assert.equal(body.imported, 3);
    assert.equal(body.rejected, 201);
    assert.deepEqual(
      { line: body.errors[0]!.line, code: body.errors[0]!.code },
      { line: 2, code: "position_older_than_current" },
    );
    assert.equal(body.errors[1]!.line, 3);
    assert.equal(body.errors.length, MAX_LISTED_ERRORS);
    assert.equal(body.errorsByCode.position_older_than_current, 1);
    assert.equal(sum(body.errorsByCode), body.errorCount);
    assert.equal(await tenancies(), before + 3);
  });

  test("F13 a JSON position of 1,000 bad items lists and counts its errors the same way", async () => {
    const before = await tenancies();
    const items = Array.from({ length: 1_000 }, (_, i) => ({ tenancyRef: `J-${i}` }));
    const res = await apiRequest(fx.app, "POST", "/api/v1/arrears/positions", fx.officerA, {
      asOf: ASOF,
      items,
    });
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    const body = res.json() as Answer;
    assert.equal(body.lines, 1_000);
    assert.equal(body.rejected, 1_000);
    assert.equal(body.errors.length, MAX_LISTED_ERRORS);
    assert.equal(body.errors[0]!.line, 1, "items count from 1");
    assert.ok(body.errorCount > 1_000, String(body.errorCount));
    assert.equal(sum(body.errorsByCode), body.errorCount);
    assert.equal(await tenancies(), before);
  });

  test("F13 the feedback CSV lists and counts its errors the same way", async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `X-${i},no_such_outcome,2026-05-01`);
    const res = await postCsv(
      ["tenancyRef,outcome,date", ...lines].join("\n"),
      ASOF,
      "feedback",
      "municipalityCode=1979",
    );
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    const body = res.json() as Answer & { recorded: number };
    assert.equal(body.recorded, 0);
    assert.equal(body.lines, 300);
    assert.equal(body.rejected, 300);
    assert.equal(body.errors.length, MAX_LISTED_ERRORS);
    assert.equal(body.errorCount, 300);
    assert.deepEqual(body.errorsByCode, { invalid_input: 300 });
  });

  test("F13 the server keeps answering /healthz while a large file is read", async () => {
    let pending = true;
    const importing = postCsv(positionsCsv(20_000, "bad", "busy")).finally(() => {
      pending = false;
    });
    // The file is parsed in a worker thread: meanwhile the main thread answers other requests
    // one after the other. Parsed on the main thread, the health checks would wait for it.
    let answered = 0;
    while (pending) {
      // inject and the in-memory database may answer within one turn of the event loop: give
      // the loop its turn (the worker's messages), as requests from the network do.
      await setImmediate();
      const health = await apiRequest(fx.app, "GET", "/healthz");
      assert.equal(health.statusCode, 200);
      if (pending) answered++;
    }
    const res = await importing;
    assert.equal(res.statusCode, 200);
    assert.equal((res.json() as Answer).rejected, 20_000);
    assert.ok(answered >= 10, `only ${answered} health checks answered during the import`);
  });

  test("F13 a large file refused for its columns, over a real connection: the 400 arrives and the connection stays usable", async () => {
    await fx.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = fx.app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    // The header is refused at once; the rest of the 2.6 MB body is read and dropped.
    const body = positionsCsv(100_000, "bad", "ref").replace("tenancyRef,", "notes,tenancyRef,");
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${base}/api/v1/arrears/positions?asOf=${ASOF}`, {
        method: "POST",
        headers: { ...fx.officerA, "content-type": "text/csv" },
        body,
      });
      assert.equal(res.status, 400);
      assert.equal(
        ((await res.json()) as { error: { code: string } }).error.code,
        "unknown_column",
      );
    }
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
  });

  test("F13 the benchmark (bench/imports/healthz.ts) runs at a tiny scale", async () => {
    const { baseline, runs } = await measureImportHealthz({
      lines: 300,
      parallel: [1, 2],
      rounds: [{ parallel: 1, kind: "good" }],
      baselineSamples: 3,
    });
    assert.equal(baseline.samples, 3);
    assert.deepEqual(
      runs.map((r) => [r.parallel, r.kind]),
      [
        [1, "bad"],
        [2, "bad"],
        [1, "good"],
      ],
    );
    const good = runs.pop()!;
    assert.deepEqual(
      good.imports.map((i) => [i.status, i.imported, i.errorCount]),
      [[200, 300, 0]],
    );
    for (const run of runs) {
      assert.equal(run.imports.length, run.parallel);
      for (const i of run.imports) {
        assert.equal(i.status, 200);
        assert.equal(i.listed, MAX_LISTED_ERRORS);
        assert.ok(i.errorCount >= 300);
      }
      assert.ok(Number.isFinite(run.healthz.p99) || run.healthz.samples === 0);
    }
  });
});
