import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { DatabaseUnavailableError, openDatabase, redactUrl } from "./database.ts";
import { DataDirLockedError, lockDataDir } from "./datadir-lock.ts";
import { MIGRATIONS_DIR, MigrationError, migrate, readMigrations } from "./migrate.ts";
import { createTestDatabase } from "./test-database.ts";

const tmpDirs: string[] = [];
const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "woonsignaal-db-"));
  tmpDirs.push(dir);
  return dir;
};
after(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

test("migrations apply once and record a checksum; a second run applies nothing", async () => {
  const db = await createTestDatabase({ migrate: false });
  try {
    const first = await migrate(db);
    assert.deepEqual(
      first,
      readMigrations().map((m) => m.tag),
    );
    assert.deepEqual(await migrate(db), []);
    const rows = await db.query<{ tag: string; checksum: string }>(
      "SELECT tag, checksum FROM schema_migration ORDER BY tag",
    );
    assert.equal(rows.length, first.length);
    assert.match(rows[0]!.checksum, /^[0-9a-f]{64}$/);
  } finally {
    await db.close();
  }
});

function copyMigrations(): string {
  const dir = tmp();
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

test("an applied migration that was edited afterwards is refused", async () => {
  const dir = copyMigrations();
  const db = await createTestDatabase({ migrate: false });
  try {
    await migrate(db, dir);
    const first = readMigrations(dir)[0]!;
    fs.appendFileSync(path.join(dir, `${first.tag}.sql`), "\n-- edited\n");
    await assert.rejects(migrate(db, dir), (err: unknown) => {
      assert.ok(err instanceof MigrationError);
      assert.match(err.message, /was changed after it was applied/);
      return true;
    });
  } finally {
    await db.close();
  }
});

test("a failing migration rolls back entirely and names itself", async () => {
  const dir = copyMigrations();
  const journal = JSON.parse(fs.readFileSync(path.join(dir, "meta/_journal.json"), "utf8"));
  journal.entries.push({ idx: journal.entries.length, tag: "9999_broken", when: 0 });
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify(journal));
  fs.writeFileSync(
    path.join(dir, "9999_broken.sql"),
    "CREATE TABLE half_done (id int);\n--> statement-breakpoint\nSELECT * FROM no_such_table;",
  );
  const db = await createTestDatabase({ migrate: false });
  try {
    await assert.rejects(migrate(db, dir), /Migration 9999_broken failed/);
    const tables = await db.query(
      "SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'",
    );
    assert.equal(tables.length, 0, "the first statement was rolled back too");
    const applied = await db.query("SELECT 1 FROM schema_migration WHERE tag = '9999_broken'");
    assert.equal(applied.length, 0);
  } finally {
    await db.close();
  }
});

test("a database migrated by a newer version is refused, not silently used", async () => {
  const db = await createTestDatabase();
  try {
    await db.query("INSERT INTO schema_migration (tag, checksum) VALUES ('9999_future', 'x')");
    await assert.rejects(migrate(db), /migrations this version does not know \(9999_future\)/);
  } finally {
    await db.close();
  }
});

test("a second process cannot open the same embedded data directory", async () => {
  const dir = tmp();
  const db = await openDatabase({ dataDir: dir });
  try {
    await assert.rejects(openDatabase({ dataDir: dir }), (err: unknown) => {
      assert.ok(err instanceof DataDirLockedError);
      assert.match(err.message, /in use by another Woonsignaal process/);
      return true;
    });
  } finally {
    await db.close();
  }
  // Once closed, the directory can be opened again, and the data is still there.
  const again = await openDatabase({ dataDir: dir });
  try {
    assert.deepEqual(await again.query("SELECT 1 AS one"), [{ one: 1 }]);
  } finally {
    await again.close();
  }
});

test("F6 a lock file naming a dead or a live unrelated pid does not block: only the OS lock counts", () => {
  const dir = tmp();
  for (const pid of ["2147483646", String(process.ppid), "1"]) {
    fs.writeFileSync(path.join(dir, "woonsignaal.lock"), pid);
    const release = lockDataDir(dir);
    assert.equal(fs.readFileSync(path.join(dir, "woonsignaal.lock"), "utf8"), String(process.pid));
    // Held: a second taker (even in this process) is refused, and told the holder's pid.
    assert.throws(
      () => lockDataDir(dir),
      (err: unknown) => err instanceof DataDirLockedError && err.pid === process.pid,
    );
    release();
  }
  // Released: taken again at once.
  lockDataDir(dir)();
});

test("an unreachable server is retried with backoff, then reported clearly", async () => {
  const warnings: unknown[] = [];
  const logger = { warn: (obj: unknown) => warnings.push(obj) } as never;
  const started = Date.now();
  await assert.rejects(
    openDatabase({
      url: "postgres://woonsignaal:secret@127.0.0.1:1/none",
      connectTimeoutMs: 3_000, // room for two attempts even on a loaded machine
      logger,
    }),
    (err: unknown) => {
      assert.ok(err instanceof DatabaseUnavailableError);
      assert.match(err.message, /Cannot reach the database at .* after \d+ attempts/);
      assert.ok(!err.message.includes("secret"), "the password is not in the message");
      return true;
    },
  );
  assert.ok(warnings.length >= 2, "each failed attempt is reported");
  assert.ok(Date.now() - started < 10_000);
});

test("redactUrl hides the password", () => {
  assert.equal(redactUrl("postgres://u:pw@h:5432/d"), "postgres://u:***@h:5432/d");
});

test("transactions roll back on error on this engine", async () => {
  const db = await createTestDatabase();
  try {
    await db.exec("CREATE TABLE t (id int primary key)");
    await assert.rejects(
      db.rawTransaction(async (tx) => {
        await tx.query("INSERT INTO t VALUES (1)");
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.deepEqual(await db.query("SELECT * FROM t"), []);
  } finally {
    await db.close();
  }
});
