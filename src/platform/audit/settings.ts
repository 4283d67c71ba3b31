import path from "node:path";
import { type Config, ConfigError } from "../../config.ts";

/** Where the audit log's outside copies live and which key signs them (docs/audit.md). */
export interface AuditSettings {
  dataDir: string;
  isProduction: boolean;
  /** WOONSIGNAAL_AUDIT_SIGNING_KEY: base64 PKCS#8 DER of an Ed25519 private key. */
  signingKey: string | undefined;
  /** WOONSIGNAAL_AUDIT_PREVIOUS_SIGNING_KEYS: keys used before a rotation (verify only). */
  previousSigningKeys: string[];
  /**
   * WOONSIGNAAL_AUDIT_CHECKPOINT_DIR; required in production and never inside DATA_DIR.
   * Default (outside production): `<DATA_DIR>-audit-checkpoints`, beside the data directory (D-702).
   */
  checkpointDir: string;
  /** A signed checkpoint at least every this many events (AUDIT_CHECKPOINT_EVENTS). */
  checkpointEvents: number;
  /** … and at least this often while events come in (AUDIT_CHECKPOINT_MINUTES), in ms. */
  checkpointIntervalMs: number;
}

/** The file, in the checkpoint directory, that every checkpoint and prune anchor is appended to. */
export const OUTSIDE_FILE_NAME = "checkpoints.jsonl";

export const DEFAULT_AUDIT_RETENTION_MONTHS = 24;

export const DEFAULT_CHECKPOINT_EVENTS = 1000;
export const DEFAULT_CHECKPOINT_MINUTES = 5;

/** True when `inner` is `outer` or lies below it. */
function isWithin(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * The audit settings of a configuration. In production the checkpoint directory must be set
 * and lie outside DATA_DIR (a ConfigError naming the variable otherwise): whoever can rewrite
 * the data directory must not reach the copy that catches the rewrite.
 */
export function auditSettingsFrom(config: Config): AuditSettings {
  const dataDir = path.resolve(config.dataDir);
  const checkpointDir = config.auditCheckpointDir ?? `${dataDir}-audit-checkpoints`;
  if (config.isProduction) {
    if (!config.auditCheckpointDir) {
      throw new ConfigError(
        "WOONSIGNAAL_AUDIT_CHECKPOINT_DIR",
        "is required when NODE_ENV=production: the signed audit checkpoints are copied there, on storage outside DATA_DIR that the database's administrators cannot rewrite (see docs/audit.md)",
      );
    }
    if (isWithin(path.resolve(checkpointDir), dataDir)) {
      throw new ConfigError(
        "WOONSIGNAAL_AUDIT_CHECKPOINT_DIR",
        `must lie outside DATA_DIR (${dataDir}) when NODE_ENV=production (see docs/audit.md)`,
      );
    }
  }
  return {
    dataDir: config.dataDir,
    isProduction: config.isProduction,
    signingKey: config.auditSigningKey,
    previousSigningKeys: config.auditPreviousSigningKeys ?? [],
    checkpointDir,
    checkpointEvents: config.auditCheckpointEvents ?? DEFAULT_CHECKPOINT_EVENTS,
    checkpointIntervalMs: (config.auditCheckpointMinutes ?? DEFAULT_CHECKPOINT_MINUTES) * 60_000,
  };
}

export function outsideFileOf(settings: Pick<AuditSettings, "checkpointDir">): string {
  return path.join(settings.checkpointDir, OUTSIDE_FILE_NAME);
}
