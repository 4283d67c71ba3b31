/**
 * Data keys and region secrets are stored wrapped under the master key (docs/keys.md). This
 * file holds the wrapping: the loaded master keys, wrap/unwrap with the errors that stop the
 * application rather than let it write data nobody can read, the start-up check that every
 * stored key unwraps, and the rewrap after a master-key rotation.
 */
import { eq, ne, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database, Db } from "../db/database.ts";
import type { Logger } from "../logger.ts";
import { DecryptionError, dataKeyAad, regionSecretAad, unwrapKey, wrapKey } from "./envelope.ts";
import type { RewrapResult } from "./keyring-types.ts";
import { KeyError, MASTER_KEY_VARIABLE, type MasterKeys } from "./master-key.ts";
import { dataKey, regionSecret } from "./tables.ts";

/** The loaded master keys and the one way to wrap and unwrap a stored key with them. */
export class MasterKeyWrapper {
  readonly masterKeys: MasterKeys;

  constructor(masterKeys: MasterKeys) {
    this.masterKeys = masterKeys;
  }

  mismatch(ids: string[]): KeyError {
    const hint =
      this.masterKeys.source === "development-file"
        ? ` (${MASTER_KEY_VARIABLE} is not set, so the development key file was used)`
        : "";
    return new KeyError(
      `${MASTER_KEY_VARIABLE} does not match the key this database's keys were wrapped with ` +
        `(${ids.join(", ")}; loaded: ${[...this.masterKeys.all.keys()].join(", ")})${hint}; ` +
        "refusing to start rather than write data nobody can read. See docs/keys.md.",
    );
  }

  /** Unwraps a stored key; `KeyError` when its master key is missing or it does not unwrap. */
  unwrap(masterKeyId: string, wrapped: string, aad: string): Buffer {
    const masterKey = this.masterKeys.all.get(masterKeyId);
    if (!masterKey) throw this.mismatch([masterKeyId]);
    try {
      return unwrapKey(masterKey, wrapped, aad);
    } catch (err) {
      if (!(err instanceof DecryptionError)) throw err;
      throw new KeyError(
        `a key in this database does not unwrap under master key ${masterKeyId} although ` +
          `${MASTER_KEY_VARIABLE} holds that key: the stored key is corrupted. Refusing to ` +
          "continue rather than write data nobody can read; restore the key tables from a backup " +
          "(see docs/keys.md).",
        { cause: err },
      );
    }
  }

  wrap(key: Buffer, aad: string): { wrappedKey: string; masterKeyId: string } {
    const { id, key: masterKey } = this.masterKeys.current;
    return { wrappedKey: wrapKey(masterKey, key, aad), masterKeyId: id };
  }

  /** A stored key wrapped again under the current master key; the bare key is wiped after. */
  rewrap(stored: { masterKeyId: string; wrappedKey: string }, aad: string) {
    const key = this.unwrap(stored.masterKeyId, stored.wrappedKey, aad);
    try {
      return this.wrap(key, aad);
    } finally {
      key.fill(0);
    }
  }
}

/**
 * Checks that every key in the database unwraps under the loaded master keys (at start-up):
 * a wrong or corrupted master key throws `KeyError`.
 */
export async function verifyWrappedKeys(
  database: Database,
  keys: MasterKeyWrapper,
  logger: Logger | undefined,
): Promise<void> {
  const { db } = database;
  const dataKeys = await db
    .select({
      organisationId: dataKey.organisationId,
      version: dataKey.version,
      wrappedKey: dataKey.wrappedKey,
      masterKeyId: dataKey.masterKeyId,
    })
    .from(dataKey);
  const secrets = await db
    .select({
      purpose: regionSecret.purpose,
      wrappedKey: regionSecret.wrappedKey,
      masterKeyId: regionSecret.masterKeyId,
    })
    .from(regionSecret);
  const wrapped = [
    ...secrets.map((s) => ({ ...s, aad: regionSecretAad(s.purpose) })),
    ...dataKeys.map((d) => ({ ...d, aad: dataKeyAad(d.organisationId, d.version) })),
  ];
  const unknown = [...new Set(wrapped.map((w) => w.masterKeyId))].filter(
    (id) => !keys.masterKeys.all.has(id),
  );
  if (unknown.length > 0) throw keys.mismatch(unknown);
  let stale = 0;
  for (const w of wrapped) {
    // Throws KeyError when the row does not authenticate under its master key.
    keys.unwrap(w.masterKeyId, w.wrappedKey, w.aad).fill(0);
    if (w.masterKeyId !== keys.masterKeys.current.id) stale++;
  }
  logger?.info(
    {
      masterKeyId: keys.masterKeys.current.id,
      dataKeys: dataKeys.length,
      regionSecrets: secrets.length,
    },
    "encryption keys verified against the master key",
  );
  if (stale > 0) {
    logger?.warn(
      { keys: stale, masterKeyId: keys.masterKeys.current.id },
      "some keys are still wrapped under an older master key; run `woonsignaal keys rewrap`, " +
        `then remove the old key from ${MASTER_KEY_VARIABLE}`,
    );
  }
}

/**
 * Rewraps, in `tx`, the keys of a table of wrapped keys that are not yet under the master key
 * `current` (locked for the change): `aad` names each key's place, `self` picks its row out.
 * Says how many.
 */
async function rewrapStale<T extends typeof dataKey | typeof regionSecret>(
  tx: Db,
  wrapper: MasterKeyWrapper,
  current: string,
  table: T,
  aad: (row: T["$inferSelect"]) => string,
  self: (row: T["$inferSelect"]) => SQL,
): Promise<number> {
  const rows = (await tx
    .select()
    .from(table as PgTable)
    .where(ne(table.masterKeyId, current))
    .for("update")) as T["$inferSelect"][];
  for (const row of rows) {
    await tx
      .update(table as PgTable)
      .set(wrapper.rewrap(row, aad(row)))
      .where(self(row));
  }
  return rows.length;
}

/** Rewraps every data key and region secret not yet under the current master key, in one transaction. */
export async function rewrapAllKeys(
  database: Database,
  wrapper: MasterKeyWrapper,
): Promise<RewrapResult> {
  const current = wrapper.masterKeys.current.id;
  return database.db.transaction(async (tx) => ({
    dataKeys: await rewrapStale(
      tx,
      wrapper,
      current,
      dataKey,
      (k) => dataKeyAad(k.organisationId, k.version),
      (k) => eq(dataKey.id, k.id),
    ),
    regionSecrets: await rewrapStale(
      tx,
      wrapper,
      current,
      regionSecret,
      (s) => regionSecretAad(s.purpose),
      (s) => eq(regionSecret.purpose, s.purpose),
    ),
    masterKeyId: current,
  }));
}
