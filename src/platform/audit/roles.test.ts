/**
 * The two database roles on PostgreSQL (docs/audit.md): the owner runs migrations; the
 * application's role may only INSERT and SELECT audit events. PGlite has no roles to speak
 * of (one user, one connection): these tests run on PostgreSQL only.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { FixedClock } from "../clock.ts";
import { openDatabase } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { createTestDatabase, type TestDatabase } from "../db/test-database.ts";
import { recordAudit } from "./audit.ts";
import { createCheckpoint, pruneAuditLog } from "./checkpoint.ts";
import { append, entry, META, removeTmpDirs, testKey, tmpDir } from "./test-helpers.ts";
import { verifyAuditChain } from "./verify.ts";

after(() => removeTmpDirs());
const onPostgres = Boolean(process.env.DATABASE_URL);
const DOCS = fileURLToPath(new URL("../../../docs/audit.md", import.meta.url));

/** The grant script from docs/audit.md, for role `role`: exactly what operators run. */
function grantScript(role: string): string {
  const doc = fs.readFileSync(DOCS, "utf8");
  const block = /```sql grants\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(block, "docs/audit.md has the grant script (```sql grants)");
  return block.replaceAll("woonsignaal_app", role);
}

describe("database roles (PostgreSQL)", { skip: !onPostgres && "PostgreSQL only" }, () => {
  let database: TestDatabase;
  const role = `woonsignaal_app_test_${randomBytes(4).toString("hex")}`;

  before(async () => {
    database = await createTestDatabase();
    await database.exec(`CREATE ROLE ${role} LOGIN`);
    await database.exec(grantScript(role));
  });
  after(async () => {
    if (!database) return;
    await database.exec(`DROP OWNED BY ${role}`).catch(() => {});
    await database.close();
    // The role is cluster-wide: drop it once its grants are gone with the database.
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => {});
    await admin.end();
  });

  test("the application's role may append events but not UPDATE or DELETE them", async () => {
    const clock = new FixedClock("2023-01-01");
    await append(database.db, clock, 3);
    // As the brief's operator would check it: SET ROLE inside a transaction.
    await database.rawTransaction(async (tx) => {
      await tx.exec(`SET LOCAL ROLE ${role}`);
      const [me] = await tx.query<{ current_user: string }>("SELECT current_user");
      assert.equal(me?.current_user, role);
      await tx.query("SELECT count(*) FROM audit_event");
    });
    for (const statement of [
      "UPDATE audit_event SET action = 'forged' WHERE seq = 1",
      "DELETE FROM audit_event WHERE seq = 1",
      "TRUNCATE audit_event",
      "UPDATE audit_checkpoint SET hash = 'x'",
      "DELETE FROM audit_prune_anchor",
    ]) {
      await assert.rejects(
        database.rawTransaction(async (tx) => {
          await tx.exec(`SET LOCAL ROLE ${role}`);
          await tx.query(statement);
        }),
        (err: Error & { code?: string }) => {
          assert.equal(err.code, "42501", `${statement}: ${err.message}`);
          assert.match(err.message, /permission denied/);
          return true;
        },
        statement,
      );
    }
  });

  test("connected as that role, the application starts, writes, checkpoints and prunes", async () => {
    const url = new URL(database.url!);
    url.username = role;
    url.password = "";
    const app = await openDatabase({ url: url.toString(), poolSize: 2, connectTimeoutMs: 5_000 });
    try {
      assert.deepEqual(await migrate(app), [], "start-up with an up-to-date schema");
      const clock = new FixedClock("2023-01-02");
      await recordAudit(app.db, clock, META, entry(1));
      const key = testKey();
      const outsideFile = path.join(tmpDir(), "checkpoints.jsonl");
      const checkpoint = await createCheckpoint(app.db, { clock, key, outsideFile });
      clock.set("2026-06-01");
      await recordAudit(app.db, clock, META, entry(2));
      const verify = { trustedKeys: [key], outsideFile };
      const pruned = await pruneAuditLog(app.db, {
        clock,
        key,
        outsideFile,
        cutoff: new Date("2024-06-01T00:00:00Z"),
        verify,
      });
      assert.equal(pruned.anchorSeq, checkpoint.seq);
      assert.equal(pruned.pruned, checkpoint.seq);
      const result = await verifyAuditChain(app.db, verify);
      assert.equal(result.ok, true, JSON.stringify(result));
      assert.equal(result.anchorSeq, checkpoint.seq);
    } finally {
      await app.close();
    }
  });
});
