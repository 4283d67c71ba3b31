/**
 * Issue 20 part 5 (D-822): the migration that splits the one address into the contact and the
 * dwelling address keeps every existing registration's address as both, without loss, on
 * PGlite (and on PostgreSQL when DATABASE_URL is set: createTestDatabase picks it). The reading
 * side (a moved contact address leaves the dwelling as it was) is in evidence.test.ts.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { MIGRATIONS_DIR, migrate } from "../../platform/db/migrate.ts";
import { createTestDatabase, makeTestDir } from "../../platform/db/test-database.ts";

const TAG = "0016_two_addresses_evidence_tenancy";

/** The migrations as they stood before the two addresses: the journal cut before TAG. */
function migrationsBefore(): string {
  const dir = makeTestDir("woonsignaal-mig-");
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const file = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(file, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === TAG);
  assert.ok(at > 0, `${TAG} is in the journal`);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(file, JSON.stringify(journal));
  return dir;
}

test("issue 20 existing registrations keep their one address as both the contact and the dwelling address; nothing else changes", async () => {
  const dir = migrationsBefore();
  const db = await createTestDatabase({ migrate: false });
  try {
    await migrate(db, dir);
    const [region, org, withAddress, without] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    await db.exec(`INSERT INTO region (id, name, profile, created_at)
      VALUES ('${region}', 'Regio', 'aedes-2021', now())`);
    await db.exec(`INSERT INTO organisation (id, region_id, name, kind, status, created_at, updated_at)
      VALUES ('${org}', '${region}', 'Corporatie', 'housing_corporation', 'active', now(), now())`);
    for (const [id, address] of [
      [withAddress, "'ws1.adres'"],
      [without, "NULL"],
    ] as const) {
      await db.exec(`INSERT INTO registration (id, organisation_id, status, categories, criteria,
          placement_date, start_date, end_date, term_months, scope, person_ciphertext,
          address_ciphertext, entered_by_kind, entered_by, protocol_version, created_at, updated_at)
        VALUES ('${id}', '${org}', 'active', '{A.I}', '{a}', '2026-01-01', '2026-01-01',
          '2028-01-01', 24, 'organisation', 'ws1.persoon', ${address}, 'user', '${randomUUID()}',
          'v', now(), now())`);
    }

    assert.equal((await migrate(db))[0], TAG, "this migration runs first; later ones follow");

    const rows = await db.query<{
      id: string;
      address_ciphertext: string | null;
      dwelling_address_ciphertext: string | null;
      dwelling_is_contact: boolean;
      tenancy_relation: string | null;
      evidence_ciphertext: string | null;
      person_ciphertext: string;
      end_date: string;
    }>(
      `SELECT id, address_ciphertext, dwelling_address_ciphertext, dwelling_is_contact,
         tenancy_relation, evidence_ciphertext, person_ciphertext, end_date::text AS end_date
       FROM registration`,
    );
    const moved = rows.find((r) => r.id === withAddress)!;
    assert.equal(moved.address_ciphertext, "ws1.adres", "the contact address is untouched");
    assert.equal(moved.dwelling_is_contact, true, "its dwelling reads the same address");
    assert.equal(moved.dwelling_address_ciphertext, null);
    assert.equal(moved.person_ciphertext, "ws1.persoon");
    assert.equal(moved.end_date, "2028-01-01");
    const none = rows.find((r) => r.id === without)!;
    assert.equal(none.dwelling_is_contact, false, "no address: no dwelling either");
    for (const r of rows) {
      assert.equal(r.tenancy_relation, null, "the relation was never recorded");
      assert.equal(r.evidence_ciphertext, null, "registrations from before v2 have no evidence");
    }
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
