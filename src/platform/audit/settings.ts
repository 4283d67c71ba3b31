import path from "node:path";
import type { Config } from "../../config.ts";

/** Where the audit log's outside copies live and which key signs them (docs/audit.md). */
export interface AuditSettings {
  dataDir: string;
  isProduction: boolean;
  /** WOONSIGNAAL_AUDIT_SIGNING_KEY: base64 PKCS#8 DER of an Ed25519 private key. */
  signingKey: string | undefined;
  /** WOONSIGNAAL_AUDIT_CHECKPOINT_DIR, default DATA_DIR/audit-checkpoints. */
  checkpointDir: string;
}

/** The file, in the checkpoint directory, that every checkpoint and prune anchor is appended to. */
export const OUTSIDE_FILE_NAME = "checkpoints.jsonl";

export const DEFAULT_AUDIT_RETENTION_MONTHS = 24;

export function auditSettingsFrom(config: Config): AuditSettings {
  return {
    dataDir: config.dataDir,
    isProduction: config.isProduction,
    signingKey: config.auditSigningKey,
    checkpointDir: config.auditCheckpointDir ?? path.join(config.dataDir, "audit-checkpoints"),
  };
}

export function outsideFileOf(settings: Pick<AuditSettings, "checkpointDir">): string {
  return path.join(settings.checkpointDir, OUTSIDE_FILE_NAME);
}
