import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, gt, gte, lt, lte, min, sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { AuditChainError, recordAudit, SYSTEM_ACTOR } from "./audit.ts";
import {
  appendOutside,
  type OutsideEntry,
  outsideEntryOf,
  readOutsideFile,
  statementOf,
} from "./outside.ts";
import { type AuditSigningKey, signStatement } from "./signing.ts";
import { auditCheckpoint, auditEvent, auditHead, auditPruneAnchor } from "./tables.ts";
import { type VerifyOptions, verifyAuditChain } from "./verify.ts";

export interface CheckpointOptions {
  clock: { now(): Date };
  key: AuditSigningKey;
  /** The outside copy, `checkpoints.jsonl`. */
  outsideFile: string;
}

export interface CheckpointSummary {
  /** False when nothing was logged since the last checkpoint (or nothing at all). */
  created: boolean;
  seq: number;
  hash: string;
  count: number;
  time: string | null;
}

/**
 * Appends to the outside copy every checkpoint and prune anchor of the database that it does
 * not hold yet (after a failed write, or when the directory was moved). Returns how many.
 */
export async function exportMissing(db: Db, outsideFile: string): Promise<number> {
  const have = new Set(readOutsideFile(outsideFile).entries.map((e) => e.signature));
  const missing: OutsideEntry[] = [];
  for (const c of await db.select().from(auditCheckpoint).orderBy(asc(auditCheckpoint.seq))) {
    if (!have.has(c.signature)) missing.push(outsideEntryOf("checkpoint", c, c.eventCount));
  }
  for (const a of await db.select().from(auditPruneAnchor).orderBy(asc(auditPruneAnchor.seq))) {
    if (!have.has(a.signature)) missing.push(outsideEntryOf("prune_anchor", a, a.prunedCount));
  }
  appendOutside(outsideFile, missing);
  return missing.length;
}

/**
 * Signs the chain's current end {seq, hash, count, time}, appends it to the outside copy
 * (flushed to disk) and stores it in `audit_checkpoint`, in that order: the outside copy is
 * never behind the database. Writers are not blocked: the head row is read, not locked.
 */
export async function createCheckpoint(
  db: Db,
  options: CheckpointOptions,
): Promise<CheckpointSummary> {
  return db.transaction(async (tx) => {
    const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1));
    if (!head) throw new AuditChainError("The audit chain has no head row: run the migrations.");
    const [latest] = await tx
      .select({ seq: auditCheckpoint.seq, createdAt: auditCheckpoint.createdAt })
      .from(auditCheckpoint)
      .orderBy(desc(auditCheckpoint.seq), desc(auditCheckpoint.createdAt))
      .limit(1);
    const [present] = await tx
      .select({ n: count() })
      .from(auditEvent)
      .where(lte(auditEvent.seq, head.seq));
    const eventCount = Number(present?.n ?? 0);
    if (head.seq === 0 || (latest && latest.seq >= head.seq)) {
      return {
        created: false,
        seq: head.seq,
        hash: head.hash,
        count: eventCount,
        time: latest?.createdAt.toISOString() ?? null,
      };
    }
    const point = signAndExport(options, "checkpoint", {
      seq: head.seq,
      hash: head.hash,
      count: eventCount,
    });
    await tx.insert(auditCheckpoint).values({ ...point, eventCount });
    return {
      created: true,
      seq: head.seq,
      hash: head.hash,
      count: eventCount,
      time: point.createdAt.toISOString(),
    };
  });
}

export interface PruneSummary {
  /** Events removed (0 when nothing was old enough up to a checkpoint). */
  pruned: number;
  /** The chain now starts after this seq (0: nothing ever pruned). */
  anchorSeq: number;
}

/**
 * Retention: removes the events older than `cutoff`, but only up to a checkpoint boundary —
 * the newest checkpoint all of whose events are older — and only when the whole chain
 * verifies (pruning must never hide tampering). Leaves a signed prune anchor {seq, hash}
 * (in the database and outside) that verification starts from, and logs the prune itself.
 */
export async function pruneAuditLog(
  db: Db,
  options: CheckpointOptions & { cutoff: Date; verify: VerifyOptions },
): Promise<PruneSummary> {
  const [anchor] = await db
    .select({ seq: auditPruneAnchor.seq })
    .from(auditPruneAnchor)
    .orderBy(desc(auditPruneAnchor.seq))
    .limit(1);
  const anchorSeq = anchor?.seq ?? 0;
  const [youngest] = await db
    .select({ seq: min(auditEvent.seq) })
    .from(auditEvent)
    .where(and(gt(auditEvent.seq, anchorSeq), gte(auditEvent.occurredAt, options.cutoff)));
  const youngestSeq = youngest?.seq == null ? undefined : Number(youngest.seq);
  const [boundary] = await db
    .select({ seq: auditCheckpoint.seq, hash: auditCheckpoint.hash })
    .from(auditCheckpoint)
    .where(
      and(
        gt(auditCheckpoint.seq, anchorSeq),
        youngestSeq === undefined ? undefined : lt(auditCheckpoint.seq, youngestSeq),
      ),
    )
    .orderBy(desc(auditCheckpoint.seq))
    .limit(1);
  if (!boundary) return { pruned: 0, anchorSeq };

  const check = await verifyAuditChain(db, options.verify);
  if (!check.ok) {
    throw new AuditChainError(
      `Not pruning the audit log: it does not verify (first broken seq ${check.firstBrokenSeq}: ${check.reason}). Run \`woonsignaal audit verify\`.`,
    );
  }

  return db.transaction(async (tx) => {
    const [atBoundary] = await tx
      .select({ hash: auditEvent.hash })
      .from(auditEvent)
      .where(eq(auditEvent.seq, boundary.seq));
    if (atBoundary?.hash !== boundary.hash) {
      throw new AuditChainError(
        `Not pruning: event ${boundary.seq} does not match its checkpoint. Run \`woonsignaal audit verify\`.`,
      );
    }
    const [toGo] = await tx
      .select({ n: count() })
      .from(auditEvent)
      .where(lte(auditEvent.seq, boundary.seq));
    const prunedCount = Number(toGo?.n ?? 0);
    // Outside first, as with checkpoints: the outside copy is never behind the database.
    const point = signAndExport(options, "prune_anchor", {
      seq: boundary.seq,
      hash: boundary.hash,
      count: prunedCount,
    });
    await tx.insert(auditPruneAnchor).values({ ...point, prunedCount });
    // Removes events up to the anchor: the one delete the append-only trigger allows.
    const deleted = await tx.execute(sql`SELECT audit_prune(${boundary.seq}) AS n`);
    const n = Number((rowsOf(deleted)[0] as { n?: unknown } | undefined)?.n ?? 0);
    await recordAudit(
      tx,
      options.clock,
      { requestId: null, clientAddress: null },
      {
        actor: SYSTEM_ACTOR,
        action: "audit.pruned",
        objectType: "audit_log",
        outcome: "success",
        details: {
          upToSeq: boundary.seq,
          events: n,
          olderThan: options.cutoff.toISOString(),
        },
      },
    );
    return { pruned: n, anchorSeq: boundary.seq };
  });
}

/**
 * Signs a checkpoint or prune anchor {seq, hash, count, time: now} and appends it to the
 * outside copy (flushed to disk). The caller stores the answer in the database after it, so
 * the outside copy is never behind the database. Answers the columns both tables share.
 */
function signAndExport(
  options: CheckpointOptions,
  type: OutsideEntry["type"],
  point: { seq: number; hash: string; count: number },
) {
  const createdAt = new Date(options.clock.now().getTime());
  const time = createdAt.toISOString();
  const signature = signStatement(options.key, statementOf({ type, ...point, time }));
  const { keyId, publicKey } = options.key;
  appendOutside(options.outsideFile, [
    {
      type,
      seq: point.seq,
      hash: point.hash,
      count: point.count,
      time,
      keyId,
      publicKey,
      signature,
    },
  ]);
  return {
    id: randomUUID(),
    seq: point.seq,
    hash: point.hash,
    createdAt,
    keyId,
    publicKey,
    signature,
  };
}

/** `execute()` answers rows directly (pglite: `.rows`, node-postgres: `.rows`). */
function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  const rows = (result as { rows?: unknown[] }).rows;
  return Array.isArray(rows) ? rows : [];
}
