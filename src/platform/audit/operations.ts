import { eq } from "drizzle-orm";
import { KeyError } from "../crypto/master-key.ts";
import type { Db } from "../db/database.ts";
import type { Logger } from "../logger.ts";
import { addDays, addMonths } from "../werkdagen.ts";
import { chainKeyOf, currentChainKey } from "./chain.ts";
import { createCheckpoint, exportMissing, pruneAuditLog } from "./checkpoint.ts";
import { type AuditSettings, outsideFileOf } from "./settings.ts";
import { loadPreviousSigningKeys, loadSigningKey, SIGNING_KEY_VARIABLE } from "./signing.ts";
import { auditHead } from "./tables.ts";
import { type VerifyResult, verifyAuditChain } from "./verify.ts";

const amsterdamOffset = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Amsterdam",
  timeZoneName: "longOffset",
});

/** The instant a calendar day begins in Europe/Amsterdam. */
export function startOfAmsterdamDay(date: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  // Summer time changes at 01:00 UTC, so the offset at UTC midnight is that of local midnight.
  const name =
    amsterdamOffset.formatToParts(utcMidnight).find((p) => p.type === "timeZoneName")?.value ?? "";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const minutes = m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new Date(utcMidnight.getTime() - minutes * 60_000);
}

/** The first instant after a calendar day in Europe/Amsterdam. */
export function endOfAmsterdamDay(date: string): Date {
  return startOfAmsterdamDay(addDays(date, 1));
}

/**
 * Verifies the audit log as `woonsignaal audit verify` does: against the configured signing
 * key and the chain key derived from it, the outside copy in the checkpoint directory, and the
 * checkpoint policy (F4: checkpoints that should exist). The key is required once the log
 * holds events: without it a forged or re-hashed event cannot be told from a real one.
 */
export async function verifyAuditLog(
  db: Db,
  settings: AuditSettings,
  options: {
    logger?: Pick<Logger, "warn"> | undefined;
    now: Date;
    /** `audit verify`: a KeyError when there is no key but there are events. */
    requireKey?: boolean;
  },
): Promise<VerifyResult> {
  const key = loadSigningKey({ ...settings, logger: options.logger, create: false });
  if (!key && options.requireKey) {
    const [head] = await db
      .select({ seq: auditHead.seq })
      .from(auditHead)
      .where(eq(auditHead.id, 1));
    if ((head?.seq ?? 0) > 0) {
      throw new KeyError(
        `audit verify needs the audit signing key (${SIGNING_KEY_VARIABLE}): the events are chained under a key derived from it, and only that key tells a real event from a forged one (docs/audit.md).`,
      );
    }
  }
  const keys = [...(key ? [key] : []), ...loadPreviousSigningKeys(settings.previousSigningKeys)];
  return verifyAuditChain(db, {
    trustedKeys: keys,
    // The process's own key too: the same one in a runtime; a test's random one otherwise.
    chainKeys: [...keys.map(chainKeyOf), currentChainKey()],
    outsideFile: outsideFileOf(settings),
    policy: {
      everyEvents: settings.checkpointEvents,
      intervalMs: settings.checkpointIntervalMs,
      now: options.now,
    },
  });
}

export interface CheckpointRunSummary {
  [key: string]: unknown;
  checkpointCreated: boolean;
  checkpointSeq: number;
  events: number;
  reexported: number;
  retentionMonths: number | null;
  pruned: number;
  prunedUpToSeq: number;
}

/**
 * The daily audit-checkpoint job: export what the outside copy lacks, sign a checkpoint of
 * the chain's end, then prune events older than the retention up to a checkpoint boundary.
 */
export async function runAuditCheckpoint(
  db: Db,
  options: {
    settings: AuditSettings;
    clock: { now(): Date };
    logger?: Pick<Logger, "warn">;
    today: string;
    /** null: do not prune (the setting could not be read). */
    retentionMonths: number | null;
  },
): Promise<CheckpointRunSummary> {
  const key = loadSigningKey({ ...options.settings, logger: options.logger, create: true })!;
  const previous = loadPreviousSigningKeys(options.settings.previousSigningKeys);
  const outsideFile = outsideFileOf(options.settings);
  const reexported = await exportMissing(db, outsideFile);
  const checkpoint = await createCheckpoint(db, { clock: options.clock, key, outsideFile });
  const prune =
    options.retentionMonths === null
      ? { pruned: 0, anchorSeq: 0 }
      : await pruneAuditLog(db, {
          clock: options.clock,
          key,
          outsideFile,
          cutoff: startOfAmsterdamDay(addMonths(options.today, -options.retentionMonths)),
          verify: {
            trustedKeys: [key, ...previous],
            chainKeys: [currentChainKey(), ...previous.map(chainKeyOf)],
            outsideFile,
          },
        });
  return {
    checkpointCreated: checkpoint.created,
    checkpointSeq: checkpoint.seq,
    events: checkpoint.count,
    reexported,
    retentionMonths: options.retentionMonths,
    pruned: prune.pruned,
    prunedUpToSeq: prune.anchorSeq,
  };
}
