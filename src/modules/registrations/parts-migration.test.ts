/**
 * Issue #20 part 1 (D-801): the migration that adds parts gives every existing registration one
 * part per category group, with the dates, term and scope it was decided with — without loss,
 * on PGlite (and on PostgreSQL when DATABASE_URL is set: createTestDatabase picks it).
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { test } from "node:test";
import { migrate } from "../../platform/db/migrate.ts";
import { createTestDatabase } from "../../platform/db/test-database.ts";
import { migrationsBefore } from "../../testing/migrations.ts";

const TAG = "0015_registration_parts";

test("003-23 existing registrations get one part per category group, their decided term and scope untouched", async () => {
  const dir = migrationsBefore(TAG);
  const db = await createTestDatabase({ migrate: false });
  try {
    await migrate(db, dir);
    const [region, org] = [randomUUID(), randomUUID()];
    await db.exec(`INSERT INTO region (id, name, profile, created_at)
      VALUES ('${region}', 'Regio', 'aedes-2021', now())`);
    await db.exec(`INSERT INTO organisation (id, region_id, name, kind, status, created_at, updated_at)
      VALUES ('${org}', '${region}', 'Corporatie', 'housing_corporation', 'active', now(), now())`);
    const rows = [
      // id, categories, criteria, end, term, scope, claim
      [randomUUID(), "{B.III,D.VII}", "{a}", "2031-11-01", 60, "region", "NULL"],
      [randomUUID(), "{A.I,D.VIII,D.VII}", "{a,d}", "2029-11-01", 36, "organisation", "250000"],
      [randomUUID(), "{C.VI}", "{c}", "2028-11-01", 24, "region", "NULL"],
    ] as const;
    for (const [id, cats, crits, end, term, scope, claim] of rows) {
      await db.exec(`INSERT INTO registration (id, organisation_id, status, categories, criteria,
          placement_date, start_date, end_date, term_months, scope, claim_cents, person_ciphertext,
          entered_by_kind, entered_by, protocol_version, created_at, updated_at)
        VALUES ('${id}', '${org}', 'active', '${cats}', '${crits}', '2026-11-01', '2026-11-01',
          '${end}', ${term}, '${scope}', ${claim}, 'ws1.x', 'user', '${randomUUID()}',
          'versie 1.4 van 13 december 2021, Woonsignaal-revisie 1', now(), now())`);
    }

    assert.equal((await migrate(db))[0], TAG);

    const read = async (id: string) =>
      (
        await db.query<{
          parts: unknown;
          categories: string[];
          end_date: string;
          term_months: number;
          scope: string | null;
          claim_cents: string | number | null;
        }>(
          `SELECT parts, categories, end_date::text AS end_date, term_months, scope, claim_cents
           FROM registration WHERE id = '${id}'`,
        )
      )[0]!;
    const part = (
      group: string,
      categories: string[],
      end: string,
      term: number,
      scope: string,
    ) => ({
      group,
      categories,
      startDate: "2026-11-01",
      endDate: end,
      termMonths: term,
      scope,
    });
    const b = await read(rows[0][0]);
    assert.deepEqual(b.parts, [
      part("B", ["B.III"], "2031-11-01", 60, "region"),
      part("D", ["D.VII"], "2031-11-01", 60, "region"),
    ]);
    assert.deepEqual(b.categories, ["B.III", "D.VII"], "the categories stay as they were");
    assert.equal(b.end_date, "2031-11-01");
    assert.equal(b.scope, "region");
    const a = await read(rows[1][0]);
    assert.deepEqual(a.parts, [
      part("A", ["A.I"], "2029-11-01", 36, "organisation"),
      part("D", ["D.VIII", "D.VII"], "2029-11-01", 36, "organisation"),
    ]);
    assert.equal(Number(a.claim_cents), 250_000, "the claim stays");
    const c = await read(rows[2][0]);
    assert.deepEqual(c.parts, [part("C", ["C.VI"], "2028-11-01", 24, "region")]);
    // From now on the scope may be absent (parts that reach differently), the parts may not.
    await db.exec(`UPDATE registration SET scope = NULL WHERE id = '${rows[2][0]}'`);
    await assert.rejects(
      db.exec(`UPDATE registration SET parts = NULL WHERE id = '${rows[2][0]}'`),
    );
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
