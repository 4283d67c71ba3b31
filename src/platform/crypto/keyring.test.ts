import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { FixedClock } from "../clock.ts";
import { createTestDatabase, type TestDatabase } from "../db/test-database.ts";
import type { EncryptedColumn } from "./encrypted-columns.ts";
import { DecryptionError } from "./envelope.ts";
import { Keyring } from "./keyring.ts";
import { KeyError, type MasterKeys, parseMasterKeys } from "./master-key.ts";

const masterA = parseMasterKeys(randomBytes(32).toString("base64"));
const masterB = parseMasterKeys(randomBytes(32).toString("base64"));
const both = (first: MasterKeys, second: MasterKeys) =>
  parseMasterKeys(`${first.current.key.toString("hex")},${second.current.key.toString("hex")}`);

const PROBE = `CREATE TABLE crypto_probe (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL,
  secret text,
  note text
)`;
const probeColumns: EncryptedColumn[] = [
  {
    table: "crypto_probe",
    idColumn: "id",
    organisationColumn: "organisation_id",
    columns: ["secret", "note"],
  },
];

async function insertProbe(
  database: TestDatabase,
  keyring: Keyring,
  org: string,
  values: { secret: string | null; note?: string | null },
): Promise<string> {
  const id = randomUUID();
  const at = (column: string) => ({ table: "crypto_probe", column, rowId: id });
  await database.query(
    "INSERT INTO crypto_probe (id, organisation_id, secret, note) VALUES ($1, $2, $3, $4)",
    [
      id,
      org,
      await keyring.encrypt(org, values.secret, at("secret")),
      await keyring.encrypt(org, values.note ?? null, at("note")),
    ],
  );
  return id;
}

async function readProbe(database: TestDatabase, keyring: Keyring, id: string) {
  const [row] = await database.query<{
    organisation_id: string;
    secret: string | null;
    note: string | null;
  }>("SELECT organisation_id, secret, note FROM crypto_probe WHERE id = $1", [id]);
  assert.ok(row);
  const at = (column: string) => ({ table: "crypto_probe", column, rowId: id });
  return {
    raw: row,
    secret: await keyring.decrypt(row.organisation_id, row.secret, at("secret")),
    note: await keyring.decrypt(row.organisation_id, row.note, at("note")),
  };
}

describe("keyring", () => {
  let database: TestDatabase;
  let keyring: Keyring;

  before(async () => {
    database = await createTestDatabase();
    await database.exec(PROBE);
    keyring = await Keyring.open(database, masterA);
  });
  after(async () => {
    await database?.close();
  });

  test("encrypt/decrypt round trip; null passes through", async () => {
    const org = randomUUID();
    const id = await insertProbe(database, keyring, org, { secret: "Zwaantje", note: null });
    const read = await readProbe(database, keyring, id);
    assert.equal(read.secret, "Zwaantje");
    assert.equal(read.note, null);
    assert.match(read.raw.secret ?? "", /^ws1\.1\./);
    assert.equal(
      await keyring.encrypt(org, undefined, { table: "t", column: "c", rowId: id }),
      null,
    );
  });

  test("a value copied to another row or organisation does not decrypt", async () => {
    const org = randomUUID();
    const id = await insertProbe(database, keyring, org, { secret: "Verkerk" });
    const { raw } = await readProbe(database, keyring, id);
    const elsewhere = { table: "crypto_probe", column: "secret", rowId: randomUUID() };
    await assert.rejects(keyring.decrypt(org, raw.secret, elsewhere), DecryptionError);
    await assert.rejects(
      keyring.decrypt(org, raw.secret, { table: "crypto_probe", column: "note", rowId: id }),
      DecryptionError,
    );
    await assert.rejects(
      keyring.decrypt(randomUUID(), raw.secret, {
        table: "crypto_probe",
        column: "secret",
        rowId: id,
      }),
      DecryptionError,
    );
  });

  test("data keys are stored wrapped: the raw key bytes do not appear", async () => {
    const org = randomUUID();
    const { version, key } = await keyring.dataKeyFor(org);
    assert.equal(version, 1);
    const rows = await database.query<{
      wrapped_key: string;
      master_key_id: string;
      status: string;
    }>("SELECT wrapped_key, master_key_id, status FROM data_key WHERE organisation_id = $1", [org]);
    assert.equal(rows.length, 1);
    const [row] = rows;
    assert.equal(row?.master_key_id, masterA.current.id);
    assert.equal(row?.status, "active");
    const stored = row?.wrapped_key ?? "";
    for (const encoding of ["hex", "base64", "base64url"] as const) {
      assert.ok(!stored.includes(key.toString(encoding).slice(0, 16)), encoding);
    }
    assert.ok(!Buffer.from(stored.slice(4), "base64url").includes(key));
  });

  test("the first data key is created once, even when asked for concurrently", async () => {
    const org = randomUUID();
    const fresh = await Promise.all(
      Array.from({ length: 4 }, () =>
        Keyring.open(database, masterA).then((k) => k.dataKeyFor(org)),
      ),
    );
    for (const k of fresh) assert.deepEqual(k, fresh[0]);
    const [{ count } = { count: 0 }] = await database.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM data_key WHERE organisation_id = $1",
      [org],
    );
    assert.equal(count, 1);
  });

  test("region keys: created once, stable across keyrings, per purpose", async () => {
    const blind = await keyring.regionKey("blind_index");
    const audit = await keyring.regionKey("audit_subject");
    assert.equal(blind.length, 32);
    assert.notDeepEqual(blind, audit);
    const again = await Keyring.open(database, masterA);
    assert.deepEqual(await again.regionKey("blind_index"), blind);
    assert.equal(
      await again.blindIndex("birth_date", "1985-03-14"),
      await keyring.blindIndex("birth_date", "1985-03-14"),
    );
    const rows = await database.query<{ wrapped_key: string }>(
      "SELECT wrapped_key FROM region_secret",
    );
    assert.equal(rows.length, 2);
    for (const r of rows)
      assert.ok(!Buffer.from(r.wrapped_key.slice(4), "base64url").includes(blind));
  });

  test("opening with another master key refuses to start", async () => {
    await keyring.dataKeyFor(randomUUID());
    await assert.rejects(Keyring.open(database, masterB), (err: unknown) => {
      assert.ok(err instanceof KeyError);
      assert.match(err.message, /WOONSIGNAAL_MASTER_KEY does not match/);
      assert.ok(err.message.includes(masterA.current.id));
      assert.match(err.message, /refusing to start/);
      return true;
    });
  });

  test("a corrupted wrapped key refuses to start", async () => {
    const org = randomUUID();
    await keyring.dataKeyFor(org);
    const [row] = await database.query<{ wrapped_key: string }>(
      "SELECT wrapped_key FROM data_key WHERE organisation_id = $1",
      [org],
    );
    const original = row?.wrapped_key ?? "";
    const bytes = Buffer.from(original.slice(4), "base64url");
    bytes[20] = bytes[20]! ^ 0x40;
    await database.query("UPDATE data_key SET wrapped_key = $2 WHERE organisation_id = $1", [
      org,
      `wk1.${bytes.toString("base64url")}`,
    ]);
    try {
      await assert.rejects(Keyring.open(database, masterA), KeyError);
    } finally {
      await database.query("UPDATE data_key SET wrapped_key = $2 WHERE organisation_id = $1", [
        org,
        original,
      ]);
    }
    await Keyring.open(database, masterA);
  });

  test("data-key rotation: rotate, re-encrypt, destroy the retired version", async () => {
    const clock = new FixedClock(new Date("2026-03-01T10:00:00Z"));
    const ring = await Keyring.open(database, masterA, undefined, {
      clock,
      batchSize: 3,
      retiredKeyGraceMs: 60_000,
    });
    const org = randomUUID();
    const bystander = randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      ids.push(
        await insertProbe(database, ring, org, {
          secret: `geheim-${i}`,
          note: i % 3 === 0 ? null : `notitie-${i}`,
        }),
      );
    }
    const bystanderId = await insertProbe(database, ring, bystander, { secret: "ander" });

    const rotated = await ring.rotateDataKey(org);
    assert.deepEqual(rotated, { version: 2, retired: [1] });
    assert.equal((await ring.dataKeyFor(org)).version, 2);
    // New values go under version 2 at once; old ones still read.
    ids.push(await insertProbe(database, ring, org, { secret: "nieuw", note: "nieuw" }));
    assert.equal((await readProbe(database, ring, ids[0]!)).secret, "geheim-0");

    const statuses = await database.query<{
      version: number;
      status: string;
      retired_at: Date | null;
    }>(
      "SELECT version, status, retired_at FROM data_key WHERE organisation_id = $1 ORDER BY version",
      [org],
    );
    assert.deepEqual(
      statuses.map((s) => [s.version, s.status, s.retired_at?.toISOString() ?? null]),
      [
        [1, "retired", "2026-03-01T10:00:00.000Z"],
        [2, "active", null],
      ],
    );

    // Still in use: not destroyed.
    assert.deepEqual(await ring.destroyRetiredKeys(org, probeColumns, { graceMs: 0 }), {
      destroyed: [],
      kept: [{ version: 1, reason: "in_use" }],
    });

    const result = await ring.reencrypt(org, probeColumns);
    assert.deepEqual(result, { version: 2, rows: 8, values: 13 });
    assert.deepEqual(await ring.reencrypt(org, probeColumns), { version: 2, rows: 0, values: 0 });

    for (const [i, id] of ids.entries()) {
      const read = await readProbe(database, ring, id);
      assert.match(read.raw.secret ?? "", /^ws1\.2\./);
      if (read.raw.note !== null) assert.match(read.raw.note, /^ws1\.2\./);
      if (i < 8) {
        assert.equal(read.secret, `geheim-${i}`);
        assert.equal(read.note, i % 3 === 0 ? null : `notitie-${i}`);
      }
    }
    // The other organisation was not touched.
    const other = await readProbe(database, ring, bystanderId);
    assert.match(other.raw.secret ?? "", /^ws1\.1\./);
    assert.equal(other.secret, "ander");

    // Within the grace period (other instances may still cache version 1): kept.
    assert.deepEqual(await ring.destroyRetiredKeys(org, probeColumns), {
      destroyed: [],
      kept: [{ version: 1, reason: "grace_period" }],
    });
    clock.advance(61_000);
    assert.deepEqual(await ring.destroyRetiredKeys(org, probeColumns), {
      destroyed: [1],
      kept: [],
    });
    const versions = await database.query<{ version: number }>(
      "SELECT version FROM data_key WHERE organisation_id = $1",
      [org],
    );
    assert.deepEqual(
      versions.map((v) => v.version),
      [2],
    );
    await assert.rejects(ring.decryptKeyFor(org, 1), DecryptionError);
    assert.equal((await readProbe(database, ring, ids[3]!)).secret, "geheim-3");
    assert.equal((await ring.rotateDataKey(org)).version, 3);
  });

  test("concurrent rotations each get their own version; one stays active", async () => {
    const org = randomUUID();
    const rings = await Promise.all([1, 2, 3].map(() => Keyring.open(database, masterA)));
    await rings[0]!.dataKeyFor(org);
    const results = await Promise.all(rings.map((r) => r.rotateDataKey(org)));
    assert.deepEqual(results.map((r) => r.version).sort(), [2, 3, 4]);
    const rows = await database.query<{ version: number; status: string }>(
      "SELECT version, status FROM data_key WHERE organisation_id = $1 ORDER BY version",
      [org],
    );
    assert.deepEqual(
      rows.map((r) => `${r.version}:${r.status}`),
      ["1:retired", "2:retired", "3:retired", "4:active"],
    );
  });

  test("identifiers of encrypted columns are checked before they reach SQL", async () => {
    const org = randomUUID();
    await assert.rejects(
      keyring.reencrypt(org, [
        {
          table: 'crypto_probe"; DROP TABLE data_key; --',
          idColumn: "id",
          organisationColumn: "organisation_id",
          columns: ["secret"],
        },
      ]),
      TypeError,
    );
  });

  test("crypto-shredding: the organisation's values become unreadable, others stay", async () => {
    const withdrawn = randomUUID();
    const staying = randomUUID();
    const gone = await insertProbe(database, keyring, withdrawn, { secret: "weg", note: "weg" });
    await keyring.rotateDataKey(withdrawn);
    const goneToo = await insertProbe(database, keyring, withdrawn, { secret: "ook weg" });
    const kept = await insertProbe(database, keyring, staying, { secret: "blijft" });
    // Another instance (no cache: it sees the deletion at once).
    const other = await Keyring.open(database, masterA, undefined, { cacheTtlMs: 0 });
    assert.equal((await readProbe(database, other, gone)).secret, "weg");

    assert.equal(await keyring.shredOrganisation(withdrawn), 2);
    for (const ring of [keyring, other]) {
      for (const id of [gone, goneToo]) {
        await assert.rejects(readProbe(database, ring, id), (err: unknown) => {
          assert.ok(err instanceof DecryptionError);
          assert.equal(err.reason, "key_unavailable");
          return true;
        });
      }
      assert.equal((await readProbe(database, ring, kept)).secret, "blijft");
    }
  });

  // Last: it moves every key of this database to master key B.
  test("master-key rotation: prepend the new key, rewrap, then the old key can go", async () => {
    const orgs = [randomUUID(), randomUUID()];
    const old = keyring;
    const ids = [
      await insertProbe(database, old, orgs[0]!, { secret: "een" }),
      await insertProbe(database, old, orgs[1]!, { secret: "twee" }),
    ];
    await old.rotateDataKey(orgs[0]!);
    const blind = await old.blindIndex("surname", "verkerk");

    // Only the new key: refused.
    await assert.rejects(Keyring.open(database, masterB), KeyError);

    // New key first, old key second: starts, reads, and writes new keys under the new one.
    const rotating = await Keyring.open(database, both(masterB, masterA));
    assert.equal((await readProbe(database, rotating, ids[0]!)).secret, "een");
    await rotating.dataKeyFor(randomUUID());
    const count = async (table: string) =>
      (
        await database.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${table} WHERE master_key_id = $1`,
          [masterA.current.id],
        )
      )[0]?.n;
    const underA = {
      dataKeys: await count("data_key"),
      regionSecrets: await count("region_secret"),
    };
    assert.ok((underA.dataKeys ?? 0) >= 3);
    assert.deepEqual(await rotating.rewrapAll(), {
      ...underA,
      masterKeyId: masterB.current.id,
    });
    assert.deepEqual(await rotating.rewrapAll(), {
      dataKeys: 0,
      regionSecrets: 0,
      masterKeyId: masterB.current.id,
    });
    const ids2 = await database.query<{ master_key_id: string }>(
      "SELECT master_key_id FROM data_key UNION ALL SELECT master_key_id FROM region_secret",
    );
    assert.ok(ids2.every((r) => r.master_key_id === masterB.current.id));

    // Now the new key alone works, everything reads, blind indexes are unchanged.
    const fresh = await Keyring.open(database, masterB);
    assert.equal((await readProbe(database, fresh, ids[0]!)).secret, "een");
    assert.equal((await readProbe(database, fresh, ids[1]!)).secret, "twee");
    assert.equal(await fresh.blindIndex("surname", "verkerk"), blind);
    // And the old key alone is refused.
    await assert.rejects(Keyring.open(database, masterA), KeyError);
  });
});
