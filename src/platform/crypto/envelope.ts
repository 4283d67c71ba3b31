import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { keyObjectOf } from "./key-object.ts";

/**
 * AES-256-GCM envelope encryption (docs/keys.md).
 *
 * - Keys (data keys, region secrets) are wrapped under a master key:
 *   `wk1.` + base64url(iv(12) | tag(16) | ciphertext(32)), with AAD naming what the key is
 *   and whose it is (`dataKeyAad`, `regionSecretAad`), so a wrapped key copied to another
 *   row does not unwrap.
 * - Fields are encrypted under a data key: `ws1.<version>.` + base64url(iv(12) | tag(16) |
 *   ciphertext). The key version is in clear (it says which data key to use, and lets SQL
 *   find values under an old version with `LIKE 'ws1.<v>.%'`) and is authenticated: the
 *   whole header is part of the AAD, as is the field's place (`fieldAad`: organisation,
 *   table, column, row id), so a value moved to another row, column or organisation, or
 *   relabelled with another version, fails to decrypt.
 *
 * Every encryption draws a fresh random 96-bit IV. Failures throw `DecryptionError`, whose
 * message never contains plaintext, ciphertext or key material.
 */

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
export const FIELD_PREFIX = "ws1.";
export const WRAPPED_KEY_PREFIX = "wk1.";
export const MAX_KEY_VERSION = 0xffff_ffff;

export type DecryptionFailure =
  | "format" // not a value this code wrote (or truncated)
  | "authentication" // wrong key, tampered, or moved to another place
  | "key_unavailable"; // the key version is gone (destroyed, or the organisation shredded)

export class DecryptionError extends Error {
  readonly reason: DecryptionFailure;
  constructor(reason: DecryptionFailure, what = "value", options?: { cause?: unknown }) {
    super(
      reason === "format"
        ? `The encrypted ${what} is malformed.`
        : reason === "key_unavailable"
          ? `The key for this encrypted ${what} no longer exists (destroyed or crypto-shredded).`
          : `The encrypted ${what} could not be decrypted: wrong key, tampered data, or a value ` +
            "moved from another organisation, row or column.",
      options,
    );
    this.name = "DecryptionError";
    this.reason = reason;
  }
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`AES-256 keys are ${KEY_BYTES} bytes`);
}

function seal(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, keyObjectOf(key), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

function open(key: Buffer, sealed: Buffer, aad: Buffer, what: string): Buffer {
  assertKey(key);
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new DecryptionError("format", what);
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv(ALGORITHM, keyObjectOf(key), iv, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new DecryptionError("authentication", what);
  }
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Strict base64url (no padding, canonical), or undefined. */
function decodeBase64url(text: string): Buffer | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, "base64url");
  return bytes.toString("base64url") === text ? bytes : undefined;
}

/** AAD for an organisation's data key of one version. */
export function dataKeyAad(organisationId: string, version: number): string {
  return JSON.stringify(["data_key", organisationId, version]);
}

/** AAD for a region secret (`blind_index`, `audit_subject`). */
export function regionSecretAad(purpose: string): string {
  return JSON.stringify(["region_secret", purpose]);
}

/** Wraps a 32-byte key under a master key; `aad` binds it to its purpose and owner. */
export function wrapKey(masterKey: Buffer, key: Buffer, aad: string): string {
  assertKey(key);
  const aadBytes = Buffer.from(WRAPPED_KEY_PREFIX + aad, "utf8");
  return WRAPPED_KEY_PREFIX + seal(masterKey, key, aadBytes).toString("base64url");
}

/** The inverse of `wrapKey`; `DecryptionError` for a wrong master key, AAD or a damaged value. */
export function unwrapKey(masterKey: Buffer, wrapped: string, aad: string): Buffer {
  if (!wrapped.startsWith(WRAPPED_KEY_PREFIX)) throw new DecryptionError("format", "key");
  const sealed = decodeBase64url(wrapped.slice(WRAPPED_KEY_PREFIX.length));
  if (!sealed || sealed.length !== IV_BYTES + TAG_BYTES + KEY_BYTES) {
    throw new DecryptionError("format", "key");
  }
  const aadBytes = Buffer.from(WRAPPED_KEY_PREFIX + aad, "utf8");
  return open(masterKey, sealed, aadBytes, "key");
}

export interface FieldPlace {
  organisationId: string;
  table: string;
  column: string;
  rowId: string;
}

/**
 * The AAD of an encrypted field: its organisation, table, column and row id. Decryption
 * with any other place fails, so ciphertext cannot be copied between rows or columns.
 */
export function fieldAad(place: FieldPlace): string {
  for (const [name, value] of Object.entries(place)) {
    if (typeof value !== "string" || value === "") {
      throw new TypeError(`fieldAad: ${name} must be a non-empty string`);
    }
  }
  return JSON.stringify(["field", place.organisationId, place.table, place.column, place.rowId]);
}

function fieldHeader(keyVersion: number): string {
  if (!Number.isInteger(keyVersion) || keyVersion < 1 || keyVersion > MAX_KEY_VERSION) {
    throw new RangeError("key versions are whole numbers from 1 to 2^32-1");
  }
  return `${FIELD_PREFIX}${keyVersion}.`;
}

/** Encrypts one field value: `ws1.<keyVersion>.<base64url(iv | tag | ciphertext)>`. */
export function encryptField(
  key: Buffer,
  keyVersion: number,
  plaintext: string,
  aad: string,
): string {
  const header = fieldHeader(keyVersion);
  const sealed = seal(key, Buffer.from(plaintext, "utf8"), Buffer.from(header + aad, "utf8"));
  return header + sealed.toString("base64url");
}

const FIELD_FORMAT = /^ws1\.([1-9][0-9]{0,9})\.([A-Za-z0-9_-]+)$/;

/** The data-key version an encrypted field was written under; `DecryptionError` if malformed. */
export function fieldKeyVersion(ciphertext: string): number {
  const match = FIELD_FORMAT.exec(ciphertext);
  const version = match ? Number(match[1]) : Number.NaN;
  if (!(version >= 1 && version <= MAX_KEY_VERSION)) throw new DecryptionError("format");
  return version;
}

/** Whether a value looks like an encrypted field (format only; says nothing of its key). */
export function isEncryptedField(value: unknown): value is string {
  return typeof value === "string" && FIELD_FORMAT.test(value);
}

/**
 * Decrypts a value from `encryptField`. `key` must be the data key of the version named in
 * the value (`fieldKeyVersion`), `aad` the same as at encryption (`fieldAad`).
 */
export function decryptField(key: Buffer, ciphertext: string, aad: string): string {
  const version = fieldKeyVersion(ciphertext);
  const header = fieldHeader(version);
  const sealed = decodeBase64url(ciphertext.slice(header.length));
  if (!sealed || sealed.length < IV_BYTES + TAG_BYTES) throw new DecryptionError("format");
  const plaintext = open(key, sealed, Buffer.from(header + aad, "utf8"), "value");
  // Node's decoder replaces invalid UTF-8; we only ever encrypt valid strings, so any
  // replacement would mean our own bug, not tampering (GCM has already authenticated it).
  return plaintext.toString("utf8");
}
