/** Migration tests: the schema as it stood before a migration, to move data across it. */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR } from "../platform/db/migrate.ts";
import { makeTestDir } from "../platform/db/test-database.ts";

/**
 * A copy of the migrations with the journal cut before `tag` (the caller removes the
 * directory): migrate with it, write rows in the old shape, then migrate the rest.
 */
export function migrationsBefore(tag: string): string {
  const dir = makeTestDir("woonsignaal-mig-");
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const file = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(file, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  assert.ok(at > 0, `${tag} is in the journal`);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(file, JSON.stringify(journal));
  return dir;
}
