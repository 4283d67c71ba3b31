import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { KeyError } from "../crypto/master-key.ts";
import type { Logger } from "../logger.ts";
import { canonicalJson } from "./canonical.ts";

/**
 * The audit signing key: Ed25519, kept OUTSIDE the database (docs/audit.md). It signs the
 * checkpoints and prune anchors; whoever can rewrite the database cannot forge those.
 *
 * WOONSIGNAAL_AUDIT_SIGNING_KEY holds the private key as base64 PKCS#8 DER. Outside
 * production, without the variable, a development key is generated into
 * `DATA_DIR/audit-signing.key` (mode 0600) with a warning.
 */
export const SIGNING_KEY_VARIABLE = "WOONSIGNAAL_AUDIT_SIGNING_KEY";
export const DEV_SIGNING_KEY_FILE = "audit-signing.key";
export const PREVIOUS_SIGNING_KEYS_VARIABLE = "WOONSIGNAAL_AUDIT_PREVIOUS_SIGNING_KEYS";

export interface AuditPublicKey {
  /** First 16 hex digits of SHA-256 over the SPKI DER of the public key. */
  keyId: string;
  /** SPKI DER, base64. */
  publicKey: string;
  key: KeyObject;
}

export interface AuditSigningKey extends AuditPublicKey {
  privateKey: KeyObject;
  source: "environment" | "development-file";
}

export function keyIdOf(spkiDer: Buffer): string {
  return createHash("sha256").update(spkiDer).digest("hex").slice(0, 16);
}

/** The public half from its base64 SPKI DER; throws on anything but an Ed25519 key. */
export function publicKeyFrom(spkiBase64: string): AuditPublicKey {
  const der = Buffer.from(spkiBase64, "base64");
  const key = createPublicKey({ key: der, format: "der", type: "spki" });
  if (key.asymmetricKeyType !== "ed25519") throw new Error("not an Ed25519 public key");
  const canonical = key.export({ format: "der", type: "spki" });
  return { keyId: keyIdOf(canonical), publicKey: canonical.toString("base64"), key };
}

function fromPrivateDer(
  der: Buffer,
  origin: string,
  source: AuditSigningKey["source"],
): AuditSigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: der, format: "der", type: "pkcs8" });
  } catch (err) {
    throw new KeyError(`${origin} is not a private key as base64 PKCS#8 DER (see docs/audit.md)`, {
      cause: err,
    });
  }
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new KeyError(
      `${origin} is a ${privateKey.asymmetricKeyType} key; the audit signing key must be Ed25519`,
    );
  }
  const spki = createPublicKey(privateKey).export({ format: "der", type: "spki" });
  return {
    privateKey,
    key: createPublicKey(privateKey),
    keyId: keyIdOf(spki),
    publicKey: spki.toString("base64"),
    source,
  };
}

/** A new key as the variable wants it (base64 PKCS#8 DER): for docs and operators. */
export function generateSigningKeyBase64(): string {
  const { privateKey } = generateKeyPairSync("ed25519");
  return privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
}

export interface LoadSigningKeyOptions {
  signingKey: string | undefined;
  dataDir: string;
  isProduction: boolean;
  logger?: Pick<Logger, "warn"> | undefined;
  /** Generate the development key when it is missing (the checkpoint job); verify only reads. */
  create: boolean;
}

/**
 * The signing key: from the variable; otherwise (outside production) the development file,
 * generated when `create` is set. Undefined when there is none and none may be created.
 */
export function loadSigningKey(options: LoadSigningKeyOptions): AuditSigningKey | undefined {
  const value = options.signingKey?.trim();
  if (value) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
      throw new KeyError(`${SIGNING_KEY_VARIABLE} must be base64 (PKCS#8 DER of an Ed25519 key)`);
    }
    return fromPrivateDer(Buffer.from(value, "base64"), SIGNING_KEY_VARIABLE, "environment");
  }
  if (options.isProduction) {
    if (!options.create) return undefined;
    throw new KeyError(
      `${SIGNING_KEY_VARIABLE} is required in production to sign audit checkpoints: a generated ` +
        "development key is never used there. Generate one (docs/audit.md) and keep it in your " +
        "secrets manager, never in the database or its backups.",
    );
  }
  const file = path.join(options.dataDir, DEV_SIGNING_KEY_FILE);
  const origin = `The development audit signing key file ${file}`;
  if (!fs.existsSync(file)) {
    if (!options.create) return undefined;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    let fd: number | undefined;
    try {
      fd = fs.openSync(file, "wx", 0o600); // exactly one process creates it
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    if (fd !== undefined) {
      try {
        fs.fchmodSync(fd, 0o600);
        fs.writeSync(fd, `${generateSigningKeyBase64()}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      options.logger?.warn(
        { file },
        `${SIGNING_KEY_VARIABLE} is not set: generated a DEVELOPMENT audit signing key in ${file}. ` +
          `Not for production: set ${SIGNING_KEY_VARIABLE} (see docs/audit.md).`,
      );
    }
  }
  let content = fs.readFileSync(file, "utf8").trim();
  for (let attempt = 0; content === "" && attempt < 20; attempt++) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    content = fs.readFileSync(file, "utf8").trim();
  }
  return fromPrivateDer(Buffer.from(content, "base64"), origin, "development-file");
}

/** The keys of WOONSIGNAAL_AUDIT_PREVIOUS_SIGNING_KEYS (base64 PKCS#8 DER each); KeyError when one is not. */
export function loadPreviousSigningKeys(values: string[]): AuditSigningKey[] {
  return values.map((value, i) => {
    const origin = `Key ${i + 1} of ${PREVIOUS_SIGNING_KEYS_VARIABLE}`;
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
      throw new KeyError(`${origin} must be base64 (PKCS#8 DER of an Ed25519 key)`);
    }
    return fromPrivateDer(Buffer.from(value, "base64"), origin, "environment");
  });
}

/** What a checkpoint signs. */
export interface CheckpointStatement {
  type: "woonsignaal.audit.checkpoint";
  seq: number;
  hash: string;
  count: number;
  time: string;
}

/** What a prune anchor signs: every event with seq ≤ `seq` was removed; `hash` is seq's. */
export interface PruneAnchorStatement {
  type: "woonsignaal.audit.prune_anchor";
  seq: number;
  hash: string;
  count: number;
  time: string;
}

export type SignedStatement = CheckpointStatement | PruneAnchorStatement;

export function signStatement(key: AuditSigningKey, statement: SignedStatement): string {
  return sign(null, Buffer.from(canonicalJson(statement), "utf8"), key.privateKey).toString(
    "base64",
  );
}

export function verifyStatement(
  key: KeyObject,
  statement: SignedStatement,
  signature: string,
): boolean {
  try {
    return verify(
      null,
      Buffer.from(canonicalJson(statement), "utf8"),
      key,
      Buffer.from(signature, "base64"),
    );
  } catch {
    return false;
  }
}
