import type { Clock } from "../clock.ts";

/** The keyring's options and the results of its key operations (keyring.ts, docs/keys.md). */
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
