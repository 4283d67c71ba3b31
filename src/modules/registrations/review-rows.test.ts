/**
 * docs/registrations.md maps the protocol review's rows of issue 20 to the tests named after
 * them. This keeps the table true: every test it names exists in the file it names and carries
 * its row's number, and every row the issue names is in the table.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = new URL("../../../", import.meta.url);
const doc = readFileSync(fileURLToPath(new URL("docs/registrations.md", root)), "utf8");

/** The table's rows: the row number and the tests (`file` › "name") of its last column. */
function rows(): { row: string; tests: { file: string; name: string }[] }[] {
  return doc
    .split("\n")
    .filter((line) => /^\| 00[0-3]-\d\d \|/.test(line))
    .map((line) => ({
      row: line.slice(2, 8),
      tests: [...line.matchAll(/`([^`]+\.test\.ts)` › "([^"]+)"/g)].map((m) => ({
        file: m[1]!,
        name: m[2]!,
      })),
    }));
}

test("every test named in docs/registrations.md exists and carries its row's number", () => {
  const table = rows();
  assert.ok(table.length >= 20, `${table.length} rows`);
  for (const { row, tests } of table) {
    for (const t of tests) {
      assert.ok(t.name.includes(row), `${row}: "${t.name}" does not carry the row's number`);
      const source = readFileSync(fileURLToPath(new URL(t.file, root)), "utf8");
      assert.ok(source.includes(`"${t.name}"`), `${row}: ${t.file} has no test "${t.name}"`);
    }
  }
});

test("every row issue 20 names is in the table, with at least one test", () => {
  const table = new Map(rows().map((r) => [r.row, r.tests.length]));
  for (const row of ["003-02", "003-05", "003-42", "003-43", "003-75", "001-04", "001-06"]) {
    assert.ok((table.get(row) ?? 0) > 0, `${row} has no test in docs/registrations.md`);
  }
  // The W and M rows of sections A–C about registrations (review summary, items 1, 7, 10).
  for (const row of ["003-23", "003-47", "001-01"]) {
    assert.ok((table.get(row) ?? 0) > 0, `${row} has no test in docs/registrations.md`);
  }
});
