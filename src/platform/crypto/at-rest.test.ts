import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { promisify } from "node:util";
import { type Database, openDatabase } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { createTestDatabase } from "../db/test-database.ts";
import { Keyring } from "./keyring.ts";
import { parseMasterKeys } from "./master-key.ts";

/**
 * No plaintext at rest: what goes through the keyring must not appear anywhere in what the
 * database writes to disk or in a dump. Each test also stores one value unencrypted and
 * checks that it IS found, so that the search itself is known to work.
 */

const masterKeys = parseMasterKeys(randomBytes(32).toString("base64"));
const SECRET = "Zwaantje-Verkerk-1985";
const SECRET_2 = "Bloemgracht 217-III Amsterdam";
const CONTROL = "Controle-Onversleuteld-4711";

async function writeProbe(database: Database): Promise<{ dataKey: Buffer; regionKey: Buffer }> {
  await database.exec(
    "CREATE TABLE crypto_probe (id uuid PRIMARY KEY, organisation_id uuid NOT NULL, secret text, address text, plain text)",
  );
  const keyring = await Keyring.open(database, masterKeys);
  const org = randomUUID();
  for (let i = 0; i < 3; i++) {
    const id = randomUUID();
    const at = (column: string) => ({ table: "crypto_probe", column, rowId: id });
    await database.query(
      "INSERT INTO crypto_probe (id, organisation_id, secret, address, plain) VALUES ($1, $2, $3, $4, $5)",
      [
        id,
        org,
        await keyring.encrypt(org, SECRET, at("secret")),
        await keyring.encrypt(org, SECRET_2, at("address")),
        CONTROL,
      ],
    );
  }
  return {
    dataKey: (await keyring.dataKeyFor(org)).key,
    regionKey: await keyring.regionKey("blind_index"),
  };
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

const encodings = (key: Buffer) => [
  key,
  Buffer.from(key.toString("hex")),
  Buffer.from(key.toString("base64")),
  Buffer.from(key.toString("base64url")),
];

describe("no plaintext at rest", () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("PGlite: no file of the data directory holds the plaintext or a key", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "woonsignaal-at-rest-"));
    dirs.push(dataDir);
    const database = await openDatabase({ dataDir });
    let keys: { dataKey: Buffer; regionKey: Buffer };
    try {
      await migrate(database);
      keys = await writeProbe(database);
      await database.exec("CHECKPOINT");
    } finally {
      await database.close();
    }
    const needles = {
      secret: Buffer.from(SECRET),
      secret2: Buffer.from(SECRET_2),
      masterKey: encodings(masterKeys.current.key),
      dataKey: encodings(keys.dataKey),
      regionKey: encodings(keys.regionKey),
    };
    let controlFound = 0;
    let files = 0;
    for (const file of filesUnder(dataDir)) {
      files++;
      const content = fs.readFileSync(file);
      if (content.includes(CONTROL)) controlFound++;
      const where = path.relative(dataDir, file);
      assert.ok(!content.includes(needles.secret), `plaintext in ${where}`);
      assert.ok(!content.includes(needles.secret2), `plaintext in ${where}`);
      for (const [name, list] of Object.entries(needles)) {
        if (!Array.isArray(list)) continue;
        for (const needle of list) assert.ok(!content.includes(needle), `${name} in ${where}`);
      }
    }
    assert.ok(files > 10, `only ${files} files under the data directory`);
    assert.ok(
      controlFound > 0,
      "the unencrypted control value was not found: the search is broken",
    );
  });

  test("PostgreSQL: pg_dump output holds no plaintext and no key", {
    skip: process.env.DATABASE_URL ? false : "DATABASE_URL is not set",
  }, async () => {
    const database = await createTestDatabase();
    try {
      assert.equal(database.kind, "postgres");
      assert.ok(database.url);
      const keys = await writeProbe(database);
      const pgDump = fs.existsSync("/usr/bin/pg_dump") ? "/usr/bin/pg_dump" : "pg_dump";
      const { stdout } = await promisify(execFile)(
        pgDump,
        ["--no-owner", "--no-privileges", `--dbname=${database.url}`],
        { maxBuffer: 64 * 1024 * 1024, encoding: "utf8" },
      );
      assert.ok(stdout.includes(CONTROL), "the unencrypted control value is not in the dump");
      assert.ok(stdout.includes("COPY public.data_key"), "the dump has no data_key table");
      assert.ok(!stdout.includes(SECRET), "plaintext in the dump");
      assert.ok(!stdout.includes(SECRET_2), "plaintext in the dump");
      for (const key of [masterKeys.current.key, keys.dataKey, keys.regionKey]) {
        for (const encoded of encodings(key).slice(1)) {
          assert.ok(!stdout.includes(encoded.toString()), "key material in the dump");
        }
      }
    } finally {
      await database.close();
    }
  });
});
