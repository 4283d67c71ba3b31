import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Logger } from "../logger.ts";

/**
 * The master key(s): the root of encryption at rest (docs/keys.md). They never enter the
 * database: they only wrap (encrypt) the per-organisation data keys and the region secrets
 * stored there.
 *
 * WOONSIGNAAL_MASTER_KEY holds one or more comma-separated 32-byte keys, each as base64
 * (standard or url-safe, padding optional) or as 64 hex characters. The FIRST key wraps
 * every new key; the others are only used to unwrap keys still wrapped under them. That is
 * master-key rotation: prepend the new key, restart, run `woonsignaal keys rewrap`, then drop
 * the old key from the variable.
 */

export const MASTER_KEY_VARIABLE = "WOONSIGNAAL_MASTER_KEY";
export const DEV_MASTER_KEY_FILE = "master.key";
export const KEY_BYTES = 32;

/** A key problem that must stop the process: one clear line, never any key material. */
export class KeyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "KeyError";
  }
}

export interface MasterKey {
  /** `mk-` + 16 hex: safe to store and log; identifies, never reveals, the key. */
  readonly id: string;
  readonly key: Buffer;
}

export interface MasterKeys {
  /** Wraps every new key (the first key in WOONSIGNAAL_MASTER_KEY). */
  readonly current: MasterKey;
  /** Every loaded key by id, the current one included: these may unwrap. */
  readonly all: ReadonlyMap<string, Buffer>;
  /** Where the keys came from. */
  readonly source: "environment" | "development-file";
}

/** `mk-` + the first 16 hex digits of SHA-256("woonsignaal master key id" ‖ key). */
export function masterKeyId(key: Buffer): string {
  const digest = createHash("sha256").update("woonsignaal master key id").update(key).digest("hex");
  return `mk-${digest.slice(0, 16)}`;
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** What is wrong with one entry, in words that never repeat it; undefined when it is fine. */
function describeProblem(entry: string): string | undefined {
  if (HEX_KEY.test(entry)) return undefined;
  if (!BASE64_KEY.test(entry)) {
    return "contains characters that are neither base64 nor hex";
  }
  if (/[+/]/.test(entry) && /[-_]/.test(entry)) return "mixes standard and url-safe base64";
  const unpadded = entry.replace(/=+$/, "");
  const padding = entry.length - unpadded.length;
  if (unpadded.length !== 43 || padding > 1) {
    if (/^[0-9a-fA-F]+$/.test(entry)) {
      return `looks like hex but has ${entry.length} characters instead of 64`;
    }
    if (entry.length === 64) return "has 64 characters like a hex key but is not hex";
    return `decodes as base64 to ${Math.floor((unpadded.length * 6) / 8)} bytes instead of ${KEY_BYTES}`;
  }
  // 43 characters carry 258 bits: in a canonical encoding the last two are zero.
  const decoded = Buffer.from(toStd(unpadded), "base64");
  if (decoded.length !== KEY_BYTES || decoded.toString("base64").slice(0, 43) !== toStd(unpadded)) {
    return "is not valid base64";
  }
  return undefined;
}

function toStd(b64: string): string {
  return b64.replace(/-/g, "+").replace(/_/g, "/");
}

function decodeEntry(entry: string): Buffer {
  if (HEX_KEY.test(entry)) return Buffer.from(entry, "hex");
  return Buffer.from(toStd(entry.replace(/=+$/, "")), "base64");
}

/**
 * Parses the value of WOONSIGNAAL_MASTER_KEY (or of the development key file, named by
 * `origin`). Throws `KeyError` naming the variable and what is wrong, never the value.
 */
export function parseMasterKeys(
  value: string,
  origin = MASTER_KEY_VARIABLE,
  source: MasterKeys["source"] = "environment",
): MasterKeys {
  const entries = value.split(",").map((s) => s.trim());
  const keys: MasterKey[] = [];
  const all = new Map<string, Buffer>();
  entries.forEach((entry, i) => {
    const which = entries.length > 1 ? `key ${i + 1} of ${entries.length}` : "the key";
    const fail = (problem: string) =>
      new KeyError(
        `${origin}: ${which} ${problem}; expected ${KEY_BYTES} random bytes as base64 ` +
          "(44 characters, e.g. from `openssl rand -base64 32`) or as 64 hex characters (see docs/keys.md)",
      );
    if (entry === "") throw fail("is empty");
    const problem = describeProblem(entry);
    if (problem) throw fail(problem);
    const key = decodeEntry(entry);
    if (key.length !== KEY_BYTES) throw fail(`decodes to ${key.length} bytes`);
    if (new Set(key).size === 1) throw fail("is one byte repeated, not a random key");
    const id = masterKeyId(key);
    if (all.has(id)) throw fail("appears twice");
    all.set(id, key);
    keys.push({ id, key });
  });
  const current = keys[0];
  if (!current) throw new KeyError(`${origin}: no key given`);
  return { current, all, source };
}

export interface LoadMasterKeysOptions {
  masterKey?: string | undefined;
  dataDir: string;
  isProduction: boolean;
  logger?: Pick<Logger, "warn"> | undefined;
}

/**
 * The master keys for this process: from WOONSIGNAAL_MASTER_KEY when set; otherwise, outside
 * production only, from `DATA_DIR/master.key`, generated on first use (with a loud warning).
 * In production without the variable: `KeyError`.
 */
export function loadMasterKeys(options: LoadMasterKeysOptions): MasterKeys {
  if (options.masterKey !== undefined && options.masterKey.trim() !== "") {
    return parseMasterKeys(options.masterKey);
  }
  if (options.isProduction) {
    throw new KeyError(
      `${MASTER_KEY_VARIABLE} is required in production: a generated development key is never ` +
        "used there. Generate one with `openssl rand -base64 32`, keep it in your secrets manager " +
        "(never in the database or its backups) and see docs/keys.md.",
    );
  }
  const file = path.join(options.dataDir, DEV_MASTER_KEY_FILE);
  const { created, keys } = readOrCreateDevKey(file, options.logger);
  options.logger?.warn(
    { masterKeyId: keys.current.id, file },
    `${MASTER_KEY_VARIABLE} is not set: ${created ? "generated" : "using"} the DEVELOPMENT master ` +
      `key in ${file}. This key is NOT for production: anyone who can read the data directory ` +
      `can read the encrypted data. Set ${MASTER_KEY_VARIABLE} (see docs/keys.md).`,
  );
  return keys;
}

function readOrCreateDevKey(
  file: string,
  logger: Pick<Logger, "warn"> | undefined,
): { created: boolean; keys: MasterKeys } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const origin = `The development master key file ${file}`;
  let fd: number | undefined;
  try {
    // `wx`: exactly one process creates the file; a second one gets EEXIST and reads it.
    fd = fs.openSync(file, "wx", 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  if (fd !== undefined) {
    const encoded = randomBytes(KEY_BYTES).toString("base64");
    try {
      fs.fchmodSync(fd, 0o600);
      fs.writeSync(fd, `${encoded}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return { created: true, keys: parseMasterKeys(encoded, origin, "development-file") };
  }
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    logger?.warn(
      { file, mode: mode.toString(8) },
      `the development master key file is readable by other users; run chmod 600 ${file}`,
    );
  }
  // Another process may have created the file an instant ago and not written it yet.
  let content = fs.readFileSync(file, "utf8").trim();
  for (let attempt = 0; content === "" && attempt < 20; attempt++) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    content = fs.readFileSync(file, "utf8").trim();
  }
  if (content.includes(",")) {
    throw new KeyError(`${origin} must hold exactly one key; set ${MASTER_KEY_VARIABLE} instead`);
  }
  return { created: false, keys: parseMasterKeys(content, origin, "development-file") };
}
