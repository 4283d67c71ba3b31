import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/**
 * Random tokens: session tokens, CSRF tokens and API keys. All carry 256 random bits, and the
 * database stores only their SHA-256 (`hashToken`), so that a leaked database or backup gives
 * no usable session or key. A fast hash is enough because the inputs are random, not chosen
 * by people: there is nothing to guess from the hash.
 */

const TOKEN_BYTES = 32;

/** A session token for the cookie: 32 random bytes, base64url (43 characters). */
export function newSessionToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** A CSRF token: 32 random bytes, base64url. */
export function newCsrfToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** SHA-256 hex of a token or key: what the database stores and looks up. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

// --- API keys ------------------------------------------------------------------------------

export type ApiKeyEnvironment = "live" | "demo";

export interface NewApiKey {
  /** The whole key, shown to the administrator once and never stored. */
  key: string;
  /** `ws_live_<id>`: not secret, shown in key lists and used to find the key's row. */
  prefix: string;
  /** `hashToken(key)`: what the row stores. */
  hash: string;
}

/**
 * The prefix id uses lowercase letters and digits only, so `_` separates the parts without
 * ambiguity (the secret part is base64url and may itself contain `_` and `-`). 36^8 ≈ 2^41:
 * ids are not secret, only unique; the caller retries on a (rare) unique-constraint clash.
 */
const PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const PREFIX_ID_LENGTH = 8;
const API_KEY = /^(ws_(live|demo)_[a-z0-9]{8})_[A-Za-z0-9_-]{43}$/;

/**
 * A new API key `ws_<environment>_<8-char id>_<32 random bytes, base64url>`, e.g.
 * `ws_live_k3x9q2ab_Jq…`. The environment is in the key so that a demo key pasted into a live
 * system is recognisable (and refused) at a glance, and secret scanners can match the shape.
 */
export function newApiKey(options: { environment: ApiKeyEnvironment }): NewApiKey {
  if (options.environment !== "live" && options.environment !== "demo") {
    throw new TypeError("API key environment must be live or demo");
  }
  let id = "";
  for (let i = 0; i < PREFIX_ID_LENGTH; i++)
    id += PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)];
  const prefix = `ws_${options.environment}_${id}`;
  const key = `${prefix}_${randomBytes(TOKEN_BYTES).toString("base64url")}`;
  return { key, prefix, hash: hashToken(key) };
}

/**
 * The prefix (to find the row) and environment of a well-formed key, or null. The caller then
 * compares `hashToken(key)` with the row's hash using `safeEqual`.
 */
export function parseApiKey(
  key: string,
): { prefix: string; environment: ApiKeyEnvironment } | null {
  if (typeof key !== "string" || key.length > 100) return null;
  const match = API_KEY.exec(key);
  if (match === null) return null;
  return { prefix: match[1]!, environment: match[2] as ApiKeyEnvironment };
}

/**
 * Constant-time comparison of two strings (their UTF-8 bytes). Strings of different lengths
 * are unequal at once: the length is not secret for what this compares (hashes, tokens of
 * a fixed size).
 */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}
