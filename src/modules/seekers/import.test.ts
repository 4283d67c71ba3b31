import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { count, eq } from "drizzle-orm";
import type { DemoRegion } from "../../demo/demo-region.ts";
import type { TestContext } from "../../testing/context.ts";
import { createDemoApp, type DemoApp } from "../../testing/demo-app.ts";
import { bearer, placeRegistrationThroughApi } from "../../testing/http.ts";
import { checkSeekerFile, formatOf, seekersOf } from "./import.ts";
import { seeker, seekerMatch } from "./tables.ts";

const MAIN = fileURLToPath(new URL("../../main.ts", import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "woonsignaal-seekers-"));
function file(name: string, text: string) {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

const GOOD_CSV = [
  "seekerNumber,initials,firstNames,prefix,surname,birthName,birthDate,gender",
  "W-1,J.,Jan,van der,Laan,,1980-01-15,M",
  "W-2,A.B.,,,Öztürk,,1992-07-30,V",
  "W-3,P.,Piet,,Jansen-de Vries,Jansen,1975-03-03,",
].join("\n");

let fixture: DemoApp;
let ctx: TestContext;
let demo: DemoRegion;
before(async () => {
  fixture = await createDemoApp({ today: "2026-06-01" });
  ({ ctx, demo } = fixture);
});
after(async () => {
  await fixture?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function seekerCount() {
  const [row] = await ctx.database.db.select({ n: count() }).from(seeker);
  return row!.n;
}

describe("checking a seeker file (first pass)", () => {
  test("a clean CSV and a clean JSON-lines file", async () => {
    const csv = await checkSeekerFile(file("ok.csv", GOOD_CSV), "csv");
    const clean = { rejected: 0, errorCount: 0, errorsByCode: {}, errors: [] };
    assert.deepEqual(csv, { lines: 3, valid: 3, ...clean });
    const jsonl = file(
      "ok.jsonl",
      `${JSON.stringify({ seekerNumber: "J-1", person: { initials: "K.", surname: "Kok", birthDate: "1999-09-19" } })}\n\n`,
    );
    assert.equal(formatOf(jsonl), "jsonl");
    assert.deepEqual(await checkSeekerFile(jsonl, "jsonl"), { lines: 1, valid: 1, ...clean });
  });

  test("every bad line is reported with its number, code and field", async () => {
    const csv = file(
      "bad.csv",
      [
        "seekerNumber,initials,surname,birthDate",
        "W-1,J.,Laan,1980-01-15",
        "W-2,J.,Laan,1980-02-30",
        "W 3,J.,Laan,1980-01-15",
        "W-1,K.,Kok,1981-01-01",
        "W-5,J.,Laan",
      ].join("\n"),
    );
    const result = await checkSeekerFile(csv, "csv");
    assert.equal(result.errorCount, 4);
    assert.deepEqual(
      result.errors.map((l) => [l.line, l.errors[0]!.code, l.errors[0]!.field ?? null]),
      [
        [3, "invalid_person", "person.birthDate"],
        [4, "invalid_seeker_number", "seekerNumber"],
        [5, "duplicate_seeker_number", "seekerNumber"],
        [6, "wrong_column_count", null],
      ],
    );
    const header = await checkSeekerFile(file("hdr.csv", "number,name\n1,x"), "csv");
    assert.equal(header.errors[0]!.errors[0]!.code, "invalid_header");
    const jsonl = file(
      "bad.jsonl",
      [
        "{not json",
        JSON.stringify({ seekerNumber: "J-2", person: { initials: "K.", surname: "Kok" } }),
        JSON.stringify({
          seekerNumber: "J-3",
          person: { initials: "K.", surname: "Kok", birthDate: "1999-09-19" },
          note: "x",
        }),
      ].join("\n"),
    );
    const j = await checkSeekerFile(jsonl, "jsonl");
    assert.deepEqual(
      j.errors.map((l) => [l.line, l.errors[0]!.code]),
      [
        [1, "invalid_json"],
        [2, "invalid_person"],
        [3, "unknown_field"],
      ],
    );
  });
});

describe("importing seekers (second pass)", () => {
  test("all rows in one go; a registration in effect is matched against them", async () => {
    const officer = bearer(demo.organisations[0]!.apiKeys.officer);
    const reg = await placeRegistrationThroughApi(fixture.app, officer, {
      person: { initials: "J.", prefix: "van der", surname: "Laan", birthDate: "1980-01-15" },
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    });
    const consortium = demo.consortiumAdmin.organisationId;
    const result = await ctx.services.seekers.importSeekers(
      consortium,
      seekersOf(file("load.csv", GOOD_CSV), "csv"),
      { batchSize: 2 },
    );
    assert.deepEqual(result, { imported: 3, matchesProposed: 1 });
    assert.equal(await seekerCount(), 3);
    const [m] = await ctx.database.db
      .select()
      .from(seekerMatch)
      .where(eq(seekerMatch.registrationId, reg.id));
    assert.equal(m?.seekerNumber, "W-1");
  });

  test("a failure half-way writes nothing", async () => {
    const before = await seekerCount();
    async function* rows() {
      yield {
        seekerNumber: "H-1",
        person: { initials: "H.", surname: "Half", birthDate: "1990-01-01" },
      };
      yield {
        seekerNumber: "H-2",
        person: { initials: "H.", surname: "Half", birthDate: "1990-01-02" },
      };
      throw new Error("the disk went away");
    }
    await assert.rejects(
      ctx.services.seekers.importSeekers(demo.consortiumAdmin.organisationId, rows(), {
        batchSize: 1,
      }),
      /the disk went away/,
    );
    assert.equal(await seekerCount(), before);
  });
});

describe("woonsignaal seekers import (CLI)", () => {
  const run = (args: string[], dataDir: string) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LOG_LEVEL: "warn",
      NODE_ENV: "test",
      DATA_DIR: dataDir,
    };
    delete env.DATABASE_URL;
    delete env.WOONSIGNAAL_MASTER_KEY;
    const r = spawnSync(process.execPath, [MAIN, ...args], {
      env,
      encoding: "utf8",
      timeout: 120_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  test("a file with errors: exit 1, every error on stdout as JSON, nothing written", () => {
    const dataDir = path.join(dir, "cli-bad");
    const bad = file(
      "cli-bad.csv",
      "seekerNumber,initials,surname,birthDate\nW-1,J.,Laan,1980-13-01\n",
    );
    const r = run(["seekers", "import", bad, "--json"], dataDir);
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.imported, 0);
    assert.equal(doc.errors[0].line, 2);
    assert.ok(!fs.existsSync(dataDir), "the database was not even opened");
  });

  test("F13 150 bad lines: the first 100 errors listed by line, every one counted per code", () => {
    const dataDir = path.join(dir, "cli-many");
    const lines = Array.from({ length: 150 }, (_, i) => `W-${i},J.,Laan,1980-02-30`);
    const many = file("many.csv", ["seekerNumber,initials,surname,birthDate", ...lines].join("\n"));
    const r = run(["seekers", "import", many, "--json"], dataDir);
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.lines, 150);
    assert.equal(doc.valid, 0);
    assert.equal(doc.rejected, 150);
    assert.equal(doc.errorCount, 150);
    assert.deepEqual(doc.errorsByCode, { invalid_person: 150 });
    assert.equal(doc.errors.length, 100);
    assert.deepEqual([doc.errors[0].line, doc.errors.at(-1).line], [2, 101]);
    const text = run(["seekers", "import", many], dataDir);
    assert.match(text.stdout + text.stderr, /150 lines, 0 valid, 150 with errors/);
    assert.match(text.stdout + text.stderr, /first 100 of 150 errors/);
  });

  test("a clean file is imported into the demo region", () => {
    const dataDir = path.join(dir, "cli-good");
    assert.equal(run(["demo-seed", "--json"], dataDir).code, 0);
    const r = run(["seekers", "import", file("cli-good.csv", GOOD_CSV), "--json"], dataDir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      lines: 3,
      imported: 3,
      matchesProposed: 0,
      rejected: 0,
      errorCount: 0,
      errorsByCode: {},
      errors: [],
    });
    const usage = run(["seekers", "import", path.join(dir, "missing.csv")], dataDir);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /No such file/);
  });
});
