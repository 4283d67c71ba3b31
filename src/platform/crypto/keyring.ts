import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { and, asc, desc, eq, ne } from "drizzle-orm";
import { type Clock, systemClock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import type { Logger } from "../logger.ts";
import { blindIndex } from "./blind-index.ts";
import {
  DecryptionError,
  dataKeyAad,
  decryptField,
  encryptField,
  FIELD_PREFIX,
  fieldAad,
  fieldKeyVersion,
  regionSecretAad,
  unwrapKey,
  wrapKey,
} from "./envelope.ts";
import { KeyError, MASTER_KEY_VARIABLE, type MasterKeys } from "./master-key.ts";
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

export const REGION_KEY_PURPOSES = ["blind_index", "audit_subject"] as const;
export type RegionKeyPurpose = (typeof REGION_KEY_PURPOSES)[number];

export interface DataKey {
  readonly version: number;
  readonly key: Buffer;
}

/** Where an encrypted value lives; part of its AAD together with the organisation. */
export interface FieldLocation {
  table: string;
  column: string;
  rowId: string;
}

/**
 * A table's encrypted columns, as each module registers them for key rotation: every
 * column holding `encrypt(...)` output, the row id column and the organisation column that
 * were used in its AAD.
 */
export interface EncryptedColumn {
  table: string;
  idColumn: string;
  organisationColumn: string;
  columns: string[];
}

export interface KeyringOptions {
  /** For `created_at` / `retired_at` and the retired-key grace period. */
  clock?: Pick<Clock, "now">;
  /** How long unwrapped data keys stay cached (ms). Default 30 000. */
  cacheTtlMs?: number;
  /**
   * A retired version is destroyed only this long after it was retired, so that no other
   * instance still encrypts under it from its cache. Default 0 on PGlite (one process holds
   * the database), `2 × cacheTtlMs + 60 s` on PostgreSQL.
   */
  retiredKeyGraceMs?: number;
  /** Rows per transaction in `reencrypt`. Default 200. */
  batchSize?: number;
}

export interface RotationResult {
  /** The new active version. */
  version: number;
  /** The versions this rotation retired (normally the one previous active version). */
  retired: number[];
}

export interface ReencryptResult {
  /** The active version every value is now under. */
  version: number;
  rows: number;
  values: number;
}

export interface DestroyResult {
  destroyed: number[];
  kept: { version: number; reason: "in_use" | "grace_period" }[];
}

export interface RewrapResult {
  dataKeys: number;
  regionSecrets: number;
  masterKeyId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function organisation(organisationId: string): string {
  const id = typeof organisationId === "string" ? organisationId.toLowerCase() : "";
  if (!UUID.test(id)) throw new TypeError("organisationId must be a UUID");
  return id;
}

function ident(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new TypeError(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  }
  return `"${name}"`;
}

function isUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

interface Cached<T> {
  value: T;
  expires: number;
}

export class Keyring {
  readonly #database: Database;
  readonly #masterKeys: MasterKeys;
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
    this.#masterKeys = masterKeys;
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
    await keyring.#verify();
    return keyring;
  }

  /** The id of the master key new keys are wrapped under. */
  get masterKeyId(): string {
    return this.#masterKeys.current.id;
  }

  async #verify(): Promise<void> {
    const { db } = this.#database;
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
      (id) => !this.#masterKeys.all.has(id),
    );
    if (unknown.length > 0) throw this.#mismatch(unknown);
    let stale = 0;
    for (const w of wrapped) {
      // Throws KeyError when the row does not authenticate under its master key.
      this.#unwrap(w.masterKeyId, w.wrappedKey, w.aad).fill(0);
      if (w.masterKeyId !== this.#masterKeys.current.id) stale++;
    }
    this.#logger?.info(
      {
        masterKeyId: this.#masterKeys.current.id,
        dataKeys: dataKeys.length,
        regionSecrets: secrets.length,
      },
      "encryption keys verified against the master key",
    );
    if (stale > 0) {
      this.#logger?.warn(
        { keys: stale, masterKeyId: this.#masterKeys.current.id },
        "some keys are still wrapped under an older master key; run `woonsignaal keys rewrap`, " +
          `then remove the old key from ${MASTER_KEY_VARIABLE}`,
      );
    }
  }

  #mismatch(ids: string[]): KeyError {
    const hint =
      this.#masterKeys.source === "development-file"
        ? ` (${MASTER_KEY_VARIABLE} is not set, so the development key file was used)`
        : "";
    return new KeyError(
      `${MASTER_KEY_VARIABLE} does not match the key this database's keys were wrapped with ` +
        `(${ids.join(", ")}; loaded: ${[...this.#masterKeys.all.keys()].join(", ")})${hint}; ` +
        "refusing to start rather than write data nobody can read. See docs/keys.md.",
    );
  }

  /** Unwraps a stored key; `KeyError` when its master key is missing or it does not unwrap. */
  #unwrap(masterKeyId: string, wrapped: string, aad: string): Buffer {
    const masterKey = this.#masterKeys.all.get(masterKeyId);
    if (!masterKey) throw this.#mismatch([masterKeyId]);
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

  #wrap(key: Buffer, aad: string): { wrappedKey: string; masterKeyId: string } {
    const { id, key: masterKey } = this.#masterKeys.current;
    return { wrappedKey: wrapKey(masterKey, key, aad), masterKeyId: id };
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
          ...this.#wrap(key, regionSecretAad(purpose)),
          createdAt: this.#clock.now(),
        })
        .onConflictDoNothing();
      key.fill(0);
      // Whoever won the race, everybody uses the stored secret.
      row = await read();
      if (!row) throw new Error(`region secret ${purpose} vanished right after it was created`);
    }
    return this.#unwrap(row.masterKeyId, row.wrappedKey, regionSecretAad(purpose));
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
          ...this.#wrap(key, dataKeyAad(organisationId, 1)),
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
      key: this.#unwrap(row.masterKeyId, row.wrappedKey, dataKeyAad(organisationId, row.version)),
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
    const key = this.#unwrap(row.masterKeyId, row.wrappedKey, dataKeyAad(org, version));
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
        this.#unwrap(r.masterKeyId, r.wrappedKey, dataKeyAad(organisationId, r.version)),
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
            ...this.#wrap(key, dataKeyAad(org, version)),
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
      const stale = spec.columns.map((c) => `(${c.sql} IS NOT NULL AND ${c.sql} NOT LIKE $2)`);
      let after: unknown;
      for (;;) {
        const batch = await this.#database.rawTransaction(async (tx) => {
          const params: unknown[] = [org, `${current}%`];
          if (after !== undefined) params.push(after);
          const found = await tx.query<Record<string, unknown>>(
            `SELECT ${spec.id.sql}, ${spec.columns.map((c) => c.sql).join(", ")} ` +
              `FROM ${spec.table.sql} WHERE ${spec.organisation.sql} = $1 AND (${stale.join(" OR ")})` +
              (after === undefined ? "" : ` AND ${spec.id.sql} > $3`) +
              ` ORDER BY ${spec.id.sql} LIMIT ${this.#batchSize} FOR UPDATE`,
            params,
          );
          let changed = 0;
          for (const row of found) {
            const rowId = row[spec.id.name];
            const sets: string[] = [];
            const updateParams: unknown[] = [rowId];
            for (const column of spec.columns) {
              const value = row[column.name];
              if (value === null || value === undefined) continue;
              const what = `value in ${spec.table.name}.${column.name} of row ${String(rowId)}`;
              if (typeof value !== "string") throw new DecryptionError("format", what);
              if (value.startsWith(current)) continue;
              const aad = fieldAad({
                organisationId: org,
                table: spec.table.name,
                column: column.name,
                rowId: String(rowId),
              });
              let plaintext: string;
              try {
                const key = keys.get(fieldKeyVersion(value));
                if (!key) throw new DecryptionError("key_unavailable", what);
                plaintext = decryptField(key, value, aad);
              } catch (err) {
                if (err instanceof DecryptionError) {
                  throw new DecryptionError(err.reason, what, { cause: err });
                }
                throw err;
              }
              updateParams.push(encryptField(active.key, active.version, plaintext, aad));
              sets.push(`${column.sql} = $${updateParams.length}`);
            }
            if (sets.length === 0) continue;
            await tx.query(
              `UPDATE ${spec.table.sql} SET ${sets.join(", ")} WHERE ${spec.id.sql} = $1`,
              updateParams,
            );
            changed += sets.length;
          }
          const last = found.at(-1);
          return { count: found.length, changed, last: last?.[spec.id.name] };
        });
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
      if (await this.#versionInUse(org, key.version, specs)) {
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

  async #versionInUse(org: string, version: number, specs: CheckedSpec[]): Promise<boolean> {
    for (const spec of specs) {
      const uses = spec.columns.map((c) => `${c.sql} LIKE $2`).join(" OR ");
      const found = await this.#database.query(
        `SELECT 1 FROM ${spec.table.sql} WHERE ${spec.organisation.sql} = $1 AND (${uses}) LIMIT 1`,
        [org, `${FIELD_PREFIX}${version}.%`],
      );
      if (found.length > 0) return true;
    }
    return false;
  }

  // ---- master-key rotation ----------------------------------------------------------------

  /**
   * Rewraps every data key and region secret not yet under the current master key, in one
   * transaction. Afterwards the older master keys can be removed from the environment.
   */
  async rewrapAll(): Promise<RewrapResult> {
    const current = this.#masterKeys.current.id;
    const result = await this.#database.db.transaction(async (tx) => {
      const keys = await tx
        .select({
          id: dataKey.id,
          organisationId: dataKey.organisationId,
          version: dataKey.version,
          wrappedKey: dataKey.wrappedKey,
          masterKeyId: dataKey.masterKeyId,
        })
        .from(dataKey)
        .where(ne(dataKey.masterKeyId, current))
        .for("update");
      for (const k of keys) {
        const aad = dataKeyAad(k.organisationId, k.version);
        const key = this.#unwrap(k.masterKeyId, k.wrappedKey, aad);
        await tx.update(dataKey).set(this.#wrap(key, aad)).where(eq(dataKey.id, k.id));
        key.fill(0);
      }
      const secrets = await tx
        .select({
          purpose: regionSecret.purpose,
          wrappedKey: regionSecret.wrappedKey,
          masterKeyId: regionSecret.masterKeyId,
        })
        .from(regionSecret)
        .where(ne(regionSecret.masterKeyId, current))
        .for("update");
      for (const s of secrets) {
        const aad = regionSecretAad(s.purpose);
        const key = this.#unwrap(s.masterKeyId, s.wrappedKey, aad);
        await tx
          .update(regionSecret)
          .set(this.#wrap(key, aad))
          .where(eq(regionSecret.purpose, s.purpose));
        key.fill(0);
      }
      return { dataKeys: keys.length, regionSecrets: secrets.length, masterKeyId: current };
    });
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

interface Ident {
  name: string;
  sql: string;
}

interface CheckedSpec {
  table: Ident;
  id: Ident;
  organisation: Ident;
  columns: Ident[];
}

function checkedSpec(spec: EncryptedColumn): CheckedSpec {
  const id = (name: string): Ident => ({ name, sql: ident(name) });
  if (spec.columns.length === 0) {
    throw new TypeError(`encrypted columns of ${spec.table}: the column list is empty`);
  }
  return {
    table: id(spec.table),
    id: id(spec.idColumn),
    organisation: id(spec.organisationColumn),
    columns: spec.columns.map(id),
  };
}
