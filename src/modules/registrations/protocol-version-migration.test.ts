/**
 * 003-75 (D-760): the migration that adds the protocol version moves existing registrations
 * and cases to revision 1 of the region's profile, without loss, on PGlite (and on
 * PostgreSQL when DATABASE_URL is set: createTestDatabase picks it).
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { test } from "node:test";
import { migrate } from "../../platform/db/migrate.ts";
import { createTestDatabase } from "../../platform/db/test-database.ts";
import { migrationsBefore as migrationsBeforeTag } from "../../testing/migrations.ts";

const TAG = "0014_protocol_version_letting_agent";

/** The migrations as they stood before the protocol version. */
const migrationsBefore = () => migrationsBeforeTag(TAG);

for (const [profile, expected] of [
  ["keurmerk-2013", "versie van 10 februari 2013, Woonsignaal-revisie 1"],
  ["kkr", "brochure van het Nationaal Meldpunt Ongewenst Huurdersgedrag, Woonsignaal-revisie 1"],
] as const) {
  test(`003-75 existing registrations and cases of a ${profile} region get revision 1 of its profile, their terms untouched`, async () => {
    const dir = migrationsBefore();
    const db = await createTestDatabase({ migrate: false });
    try {
      await migrate(db, dir);
      const [region, org, reg, kase] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await db.exec(`INSERT INTO region (id, name, profile, created_at)
        VALUES ('${region}', 'Regio', '${profile}', now())`);
      await db.exec(`INSERT INTO organisation (id, region_id, name, kind, status, created_at, updated_at)
        VALUES ('${org}', '${region}', 'Verhuurder', 'private_landlord', 'active', now(), now())`);
      await db.exec(`INSERT INTO registration (id, organisation_id, status, categories, criteria,
          placement_date, start_date, end_date, term_months, scope, person_ciphertext,
          entered_by_kind, entered_by, created_at, updated_at)
        VALUES ('${reg}', '${org}', 'active', '{W1}', '{W1.1}', '2025-01-01', '2025-01-01',
          '2030-01-01', 60, 'region', 'ws1.x', 'user', '${randomUUID()}', now(), now())`);
      await db.exec(`INSERT INTO case_file (id, reference, type, status, organisation_id,
          registration_id, received_date, created_at, updated_at)
        VALUES ('${kase}', 'Z-1', 'objection', 'received', '${org}', '${reg}', '2025-02-01',
          now(), now())`);

      assert.equal((await migrate(db))[0], TAG, "this migration first, then any later ones");

      const [r] = await db.query<{ protocol_version: string; end_date: string; term: number }>(
        `SELECT protocol_version, end_date::text AS end_date, term_months AS term
         FROM registration WHERE id = '${reg}'`,
      );
      assert.equal(r!.protocol_version, expected);
      assert.equal(r!.end_date, "2030-01-01");
      assert.equal(r!.term, 60);
      const [c] = await db.query<{ protocol_version: string }>(
        `SELECT protocol_version FROM case_file WHERE id = '${kase}'`,
      );
      assert.equal(c!.protocol_version, expected);
      const [o] = await db.query<{ letting_agent: string | null }>(
        `SELECT letting_agent FROM organisation WHERE id = '${org}'`,
      );
      assert.equal(o!.letting_agent, null);
      // From now on the column is required.
      await assert.rejects(
        db.exec(`UPDATE registration SET protocol_version = NULL WHERE id = '${reg}'`),
      );
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
