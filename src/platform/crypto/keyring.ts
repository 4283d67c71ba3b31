import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { and, asc, desc, eq } from "drizzle-orm";
import { type Clock, systemClock } from "../clock.ts";
import { type Database, isUniqueViolation } from "../db/database.ts";
import type { Logger } from "../logger.ts";
import { blindIndex } from "./blind-index.ts";
import {
  checkedSpec,
  type EncryptedColumn,
  reencryptBatch,
  versionInUse,
} from "./encrypted-columns.ts";
import {
  DecryptionError,
  dataKeyAad,
  decryptField,
  encryptField,
  FIELD_PREFIX,
  fieldAad,
  fieldKeyVersion,
  regionSecretAad,
} from "./envelope.ts";
import type {
  DataKey,
  DestroyResult,
  FieldLocation,
  KeyringOptions,
  ReencryptResult,
  RegionKeyPurpose,
  RewrapResult,
  RotationResult,
} from "./keyring-types.ts";
import { REGION_KEY_PURPOSES } from "./keyring-types.ts";
import { KeyError, type MasterKeys } from "./master-key.ts";
import { MasterKeyWrapper, rewrapAllKeys, verifyWrappedKeys } from "./master-wrapping.ts";
import { dataKey, regionSecret } from "./tables.ts";

/**
 * The keyring: every other module encrypts, decrypts and computes blind indexes through it
 * (docs/keys.md).
 *
 * - Per-organisation data keys (table `data_key`), wrapped under the current master key;
 *   one `active` version encrypts, `retired` versions only decrypt until re-encryption has
 *   moved every value off them and `destroyRetiredKeys` deletes them.
 * - Region secrets (table `region_secret`): the blind-index key and the audit pseudonym key.
 *
 * Unwrapped keys are cached in memory for `cacheTtlMs` (default 30 s): that is how long
 * another instance of the application may keep encrypting under a version that was just
 * retired, or keep reading an organisation that was just shredded.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function organisation(organisationId: string): string {
  const id = typeof organisationId === "string" ? organisationId.toLowerCase() : "";
  if (!UUID.test(id)) throw new TypeError("organisationId must be a UUID");
  return id;
}

interface Cached<T> {
  value: T;
  expires: number;
}

export class Keyring {
  readonly #database: Database;
  readonly #keys: MasterKeyWrapper;
  readonly #logger: Logger | undefined;
  readonly #clock: Pick<Clock, "now">;
  readonly #cacheTtlMs: number;
  readonly #retiredKeyGraceMs: number;
  readonly #batchSize: number;
  /** organisationId → its active data key. */
  readonly #active = new Map<string, Cached<DataKey>>();
  /** `organisationId:version` → data key. */
  readonly #versions = new Map<string, Cached<Buffer>>();
  readonly #region = new Map<RegionKeyPurpose, Promise<Buffer>>();

  private constructor(
    database: Database,
    masterKeys: MasterKeys,
    logger: Logger | undefined,
    options: KeyringOptions,
  ) {
    this.#database = database;
    this.#keys = new MasterKeyWrapper(masterKeys);
    this.#logger = logger;
    this.#clock = options.clock ?? systemClock;
    this.#cacheTtlMs = options.cacheTtlMs ?? 30_000;
    this.#retiredKeyGraceMs =
      options.retiredKeyGraceMs ?? (database.kind === "pglite" ? 0 : 2 * this.#cacheTtlMs + 60_000);
    this.#batchSize = options.batchSize ?? 200;
    if (!Number.isInteger(this.#batchSize) || this.#batchSize < 1) {
      throw new RangeError("batchSize must be a positive whole number");
    }
  }

  /**
   * Opens the keyring, after checking that every key in the database unwraps under the
   * loaded master keys. A wrong or corrupted master key throws `KeyError`: the application
   * must not start and write data that nobody could read later.
   */
  static async open(
    database: Database,
    masterKeys: MasterKeys,
    logger?: Logger,
    options: KeyringOptions = {},
  ): Promise<Keyring> {
    const keyring = new Keyring(database, masterKeys, logger, options);
    await verifyWrappedKeys(keyring.#database, keyring.#keys, keyring.#logger);
    return keyring;
  }

  /** The id of the master key new keys are wrapped under. */
  get masterKeyId(): string {
    return this.#keys.masterKeys.current.id;
  }

  // ---- region secrets ---------------------------------------------------------------------

  /** The region secret for `purpose`, created on first use; cached for the process lifetime. */
  regionKey(purpose: RegionKeyPurpose): Promise<Buffer> {
    if (!REGION_KEY_PURPOSES.includes(purpose)) {
      return Promise.reject(new TypeError(`unknown region key purpose ${JSON.stringify(purpose)}`));
    }
    let pending = this.#region.get(purpose);
    if (!pending) {
      pending = this.#loadRegionKey(purpose);
      this.#region.set(purpose, pending);
      pending.catch(() => this.#region.delete(purpose));
    }
    return pending;
  }

  async #loadRegionKey(purpose: RegionKeyPurpose): Promise<Buffer> {
    const { db } = this.#database;
    const read = async () =>
      (
        await db
          .select({ wrappedKey: regionSecret.wrappedKey, masterKeyId: regionSecret.masterKeyId })
          .from(regionSecret)
          .where(eq(regionSecret.purpose, purpose))
      )[0];
    let row = await read();
    if (!row) {
      const key = randomBytes(32);
      await db
        .insert(regionSecret)
        .values({
          purpose,
          ...this.#keys.wrap(key, regionSecretAad(purpose)),
          createdAt: this.#clock.now(),
        })
        .onConflictDoNothing();
      key.fill(0);
      // Whoever won the race, everybody uses the stored secret.
      row = await read();
      if (!row) throw new Error(`region secret ${purpose} vanished right after it was created`);
    }
    return this.#keys.unwrap(row.masterKeyId, row.wrappedKey, regionSecretAad(purpose));
  }

  /** `blindIndex` under the region's blind-index key; the caller normalises the value. */
  async blindIndex(domain: string, normalisedValue: string): Promise<string> {
    return blindIndex(await this.regionKey("blind_index"), domain, normalisedValue);
  }

  /**
   * A pseudonymous reference to a person for the audit log and the screening register
   * (issue 6): a keyed HMAC under the audit key, which is separate from the blind-index key,
   * so the log cannot be joined to the stored data with the blind-index key alone.
   */
  async subjectRef(
    normalisedValue: string,
    domain: "subject" | "name" = "subject",
  ): Promise<string> {
    return blindIndex(await this.regionKey("audit_subject"), domain, normalisedValue);
  }

  // ---- data keys --------------------------------------------------------------------------

  #cacheKey(organisationId: string, version: number): string {
    return `${organisationId}:${version}`;
  }

  #remember(organisationId: string, value: DataKey): void {
    const expires = performance.now() + this.#cacheTtlMs;
    this.#active.set(organisationId, { value, expires });
    this.#versions.set(this.#cacheKey(organisationId, value.version), {
      value: value.key,
      expires,
    });
  }

  async #readActive(organisationId: string) {
    const [row] = await this.#database.db
      .select({
        version: dataKey.version,
        wrappedKey: dataKey.wrappedKey,
        masterKeyId: dataKey.masterKeyId,
      })
      .from(dataKey)
      .where(and(eq(dataKey.organisationId, organisationId), eq(dataKey.status, "active")))
      .orderBy(desc(dataKey.version))
      .limit(1);
    return row;
  }

  async #loadActive(organisationId: string): Promise<DataKey> {
    let row = await this.#readActive(organisationId);
    if (!row) {
      const key = randomBytes(32);
      await this.#database.db
        .insert(dataKey)
        .values({
          id: randomUUID(),
          organisationId,
          version: 1,
          ...this.#keys.wrap(key, dataKeyAad(organisationId, 1)),
          status: "active",
          createdAt: this.#clock.now(),
        })
        .onConflictDoNothing();
      key.fill(0);
      row = await this.#readActive(organisationId);
      if (!row) {
        throw new KeyError(
          `organisation ${organisationId} has data keys but none is active; ` +
            "run `woonsignaal keys rotate --organisation <id>`",
        );
      }
    }
    const value = {
      version: row.version,
      key: this.#keys.unwrap(
        row.masterKeyId,
        row.wrappedKey,
        dataKeyAad(organisationId, row.version),
      ),
    };
    this.#remember(organisationId, value);
    return value;
  }

  /** The organisation's active data key (version 1 is created on first use). */
  async dataKeyFor(organisationId: string): Promise<DataKey> {
    const org = organisation(organisationId);
    const cached = this.#active.get(org);
    if (cached && cached.expires > performance.now()) return cached.value;
    return this.#loadActive(org);
  }

  /**
   * The organisation's data key of `version` (active or retired), for decryption.
   * `DecryptionError` (reason `key_unavailable`) when it was destroyed or shredded.
   */
  async decryptKeyFor(organisationId: string, version: number): Promise<Buffer> {
    const org = organisation(organisationId);
    if (!Number.isInteger(version) || version < 1) {
      throw new RangeError("key versions are positive whole numbers");
    }
    const cacheKey = this.#cacheKey(org, version);
    const cached = this.#versions.get(cacheKey);
    if (cached && cached.expires > performance.now()) return cached.value;
    const [row] = await this.#database.db
      .select({ wrappedKey: dataKey.wrappedKey, masterKeyId: dataKey.masterKeyId })
      .from(dataKey)
      .where(and(eq(dataKey.organisationId, org), eq(dataKey.version, version)));
    if (!row) {
      this.#versions.delete(cacheKey);
      throw new DecryptionError("key_unavailable");
    }
    const key = this.#keys.unwrap(row.masterKeyId, row.wrappedKey, dataKeyAad(org, version));
    this.#versions.set(cacheKey, { value: key, expires: performance.now() + this.#cacheTtlMs });
    return key;
  }

  /** Every existing version of the organisation's data keys, unwrapped (for re-encryption). */
  async #allVersions(organisationId: string): Promise<Map<number, Buffer>> {
    const rows = await this.#database.db
      .select({
        version: dataKey.version,
        wrappedKey: dataKey.wrappedKey,
        masterKeyId: dataKey.masterKeyId,
      })
      .from(dataKey)
      .where(eq(dataKey.organisationId, organisationId));
    return new Map(
      rows.map((r) => [
        r.version,
        this.#keys.unwrap(r.masterKeyId, r.wrappedKey, dataKeyAad(organisationId, r.version)),
      ]),
    );
  }

  // ---- fields -----------------------------------------------------------------------------

  /** Encrypts a field value of the organisation's row; null and undefined stay null. */
  async encrypt(organisationId: string, plaintext: string, at: FieldLocation): Promise<string>;
  async encrypt(
    organisationId: string,
    plaintext: string | null | undefined,
    at: FieldLocation,
  ): Promise<string | null>;
  async encrypt(
    organisationId: string,
    plaintext: string | null | undefined,
    at: FieldLocation,
  ): Promise<string | null> {
    if (plaintext === null || plaintext === undefined) return null;
    const org = organisation(organisationId);
    const { version, key } = await this.dataKeyFor(org);
    return encryptField(key, version, plaintext, fieldAad({ organisationId: org, ...at }));
  }

  /**
   * For bulk writes inside one long transaction (the seekers' initial load): an encrypter
   * bound to the data key active now, which needs no further look-ups — on PGlite nothing may
   * query outside the open transaction (docs/decisions.md D-009). Same output as `encrypt`.
   */
  async encrypterFor(
    organisationId: string,
  ): Promise<(plaintext: string, at: FieldLocation) => string> {
    const org = organisation(organisationId);
    const { version, key } = await this.dataKeyFor(org);
    return (plaintext, at) =>
      encryptField(key, version, plaintext, fieldAad({ organisationId: org, ...at }));
  }

  /** Decrypts what `encrypt` wrote at the same place; null and undefined stay null. */
  async decrypt(organisationId: string, ciphertext: string, at: FieldLocation): Promise<string>;
  async decrypt(
    organisationId: string,
    ciphertext: string | null | undefined,
    at: FieldLocation,
  ): Promise<string | null>;
  async decrypt(
    organisationId: string,
    ciphertext: string | null | undefined,
    at: FieldLocation,
  ): Promise<string | null> {
    if (ciphertext === null || ciphertext === undefined) return null;
    const org = organisation(organisationId);
    const key = await this.decryptKeyFor(org, fieldKeyVersion(ciphertext));
    return decryptField(key, ciphertext, fieldAad({ organisationId: org, ...at }));
  }

  // ---- data-key rotation ------------------------------------------------------------------

  /**
   * Creates a new active data key version for the organisation and retires the previous
   * one (which keeps decrypting until `reencrypt` and `destroyRetiredKeys`).
   */
  async rotateDataKey(organisationId: string): Promise<RotationResult> {
    const org = organisation(organisationId);
    for (let attempt = 1; ; attempt++) {
      const key = randomBytes(32);
      try {
        const result = await this.#database.db.transaction(async (tx) => {
          const rows = await tx
            .select({ version: dataKey.version, status: dataKey.status })
            .from(dataKey)
            .where(eq(dataKey.organisationId, org))
            .for("update");
          const version = rows.reduce((m, r) => Math.max(m, r.version), 0) + 1;
          const now = this.#clock.now();
          await tx
            .update(dataKey)
            .set({ status: "retired", retiredAt: now })
            .where(and(eq(dataKey.organisationId, org), eq(dataKey.status, "active")));
          await tx.insert(dataKey).values({
            id: randomUUID(),
            organisationId: org,
            version,
            ...this.#keys.wrap(key, dataKeyAad(org, version)),
            status: "active",
            createdAt: now,
          });
          return {
            version,
            retired: rows.filter((r) => r.status === "active").map((r) => r.version),
          };
        });
        this.#remember(org, { version: result.version, key });
        this.#logger?.info(
          { organisationId: org, version: result.version, retired: result.retired },
          "data key rotated",
        );
        return result;
      } catch (err) {
        // A concurrent rotation took the same version number: start again from its result.
        if (attempt < 5 && isUniqueViolation(err)) continue;
        throw err;
      }
    }
  }

  /**
   * Re-encrypts every value of the organisation in `columns` that is not under the active
   * data key version. Batches of `batchSize` rows, each in its own transaction with the rows
   * locked; safe to interrupt and run again.
   */
  async reencrypt(organisationId: string, columns: EncryptedColumn[]): Promise<ReencryptResult> {
    const org = organisation(organisationId);
    const specs = columns.map(checkedSpec);
    // Fresh from the database, not from a cache another process may have outdated.
    const active = await this.#loadActive(org);
    const keys = await this.#allVersions(org);
    const current = `${FIELD_PREFIX}${active.version}.`;
    let rows = 0;
    let values = 0;
    for (const spec of specs) {
      let after: unknown;
      for (;;) {
        const batch = await this.#database.rawTransaction((tx) =>
          reencryptBatch(tx, {
            spec,
            org,
            current,
            active,
            keys,
            after,
            batchSize: this.#batchSize,
          }),
        );
        rows += batch.count;
        values += batch.changed;
        if (batch.count < this.#batchSize) break;
        after = batch.last;
      }
    }
    if (values > 0) {
      this.#logger?.info(
        { organisationId: org, version: active.version, rows, values },
        "values re-encrypted under the active data key",
      );
    }
    return { version: active.version, rows, values };
  }

  /**
   * Deletes the organisation's retired data key versions that no value in `columns` uses
   * any more (and whose grace period has passed). `columns` must list EVERY encrypted
   * column of the application — pass `ENCRYPTED_COLUMNS` (src/modules/index.ts), never a
   * hand-made list: a version still used by an unlisted column would be lost.
   */
  async destroyRetiredKeys(
    organisationId: string,
    columns: EncryptedColumn[],
    options: { graceMs?: number } = {},
  ): Promise<DestroyResult> {
    const org = organisation(organisationId);
    const specs = columns.map(checkedSpec);
    const graceMs = options.graceMs ?? this.#retiredKeyGraceMs;
    const { db } = this.#database;
    const retired = await db
      .select({ id: dataKey.id, version: dataKey.version, retiredAt: dataKey.retiredAt })
      .from(dataKey)
      .where(and(eq(dataKey.organisationId, org), eq(dataKey.status, "retired")))
      .orderBy(asc(dataKey.version));
    const now = this.#clock.now().getTime();
    const result: DestroyResult = { destroyed: [], kept: [] };
    for (const key of retired) {
      const retiredAt = key.retiredAt?.getTime() ?? now;
      if (now - retiredAt < graceMs) {
        result.kept.push({ version: key.version, reason: "grace_period" });
        continue;
      }
      if (await versionInUse(this.#database, org, key.version, specs)) {
        result.kept.push({ version: key.version, reason: "in_use" });
        continue;
      }
      await db.delete(dataKey).where(and(eq(dataKey.id, key.id), eq(dataKey.status, "retired")));
      this.#versions.delete(this.#cacheKey(org, key.version));
      result.destroyed.push(key.version);
    }
    if (result.destroyed.length > 0) {
      this.#logger?.info(
        { organisationId: org, destroyed: result.destroyed },
        "retired data keys destroyed",
      );
    }
    return result;
  }

  // ---- master-key rotation ----------------------------------------------------------------

  /**
   * Rewraps every data key and region secret not yet under the current master key, in one
   * transaction. Afterwards the older master keys can be removed from the environment.
   */
  async rewrapAll(): Promise<RewrapResult> {
    const result = await rewrapAllKeys(this.#database, this.#keys);
    this.#logger?.info(result, "keys rewrapped under the current master key");
    return result;
  }

  // ---- crypto-shredding -------------------------------------------------------------------

  /**
   * Deletes every data key of the organisation: whatever ciphertext of theirs survives (in
   * the database or in a backup) can no longer be decrypted. Returns the number of keys.
   */
  async shredOrganisation(organisationId: string): Promise<number> {
    const org = organisation(organisationId);
    const deleted = await this.#database.db
      .delete(dataKey)
      .where(eq(dataKey.organisationId, org))
      .returning({ version: dataKey.version });
    this.#active.delete(org);
    for (const cacheKey of [...this.#versions.keys()]) {
      if (cacheKey.startsWith(`${org}:`)) this.#versions.delete(cacheKey);
    }
    this.#logger?.warn(
      { organisationId: org, keys: deleted.length },
      "organisation crypto-shredded: its data keys are destroyed",
    );
    return deleted.length;
  }
}
