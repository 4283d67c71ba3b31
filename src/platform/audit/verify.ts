import { asc, eq, gt } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { isTransaction } from "./audit.ts";
import { currentChainKey, eventHash, GENESIS_HASH, keyedEventHash } from "./chain.ts";
import { type OutsideEntry, outsideEntryOf, readOutsideFile, statementOf } from "./outside.ts";
import { type AuditPublicKey, publicKeyFrom, verifyStatement } from "./signing.ts";
import { auditCheckpoint, auditEvent, auditHead, auditPruneAnchor } from "./tables.ts";

export interface VerifyOptions {
  /** Public keys trusted to sign checkpoints besides those in the outside file (the configured key). */
  trustedKeys: AuditPublicKey[];
  /** The outside copy (`checkpoints.jsonl`); undefined to check the database alone. */
  outsideFile: string | undefined;
  /** Events read per query. */
  batchSize?: number;
  /** The chain keys events may be keyed with; default this process's (chain.ts). */
  chainKeys?: Buffer[];
  /**
   * The checkpoint policy (F4): when given, a run of more than twice `everyEvents` keyed events
   * between checkpoints, or events after the last checkpoint older than twice `intervalMs`
   * at `now`, are reported: checkpoints that should exist are missing.
   */
  policy?: { everyEvents: number; intervalMs: number; now: Date };
}

export interface VerifyProblem {
  /** The first event that can no longer be trusted; null when no single event is to blame. */
  seq: number | null;
  reason: string;
}

interface VerifyCounts {
  /** Events whose hashes were recomputed. */
  events: number;
  /** Checkpoints in the database whose signature and place on the chain were checked. */
  checkpoints: number;
  /** Checkpoints and prune anchors read from the outside file. */
  outsideCheckpoints: number;
  /** The chain starts after this seq (the prune anchor; 0 when nothing was pruned). */
  anchorSeq: number;
  /** The last event's seq. */
  lastSeq: number;
  warnings: string[];
}

export type VerifyResult =
  | ({ ok: true } & VerifyCounts)
  | ({
      ok: false;
      firstBrokenSeq: number | null;
      reason: string;
      /** Every problem found (the first 50), earliest first. */
      problems: VerifyProblem[];
    } & VerifyCounts);

/** A checkpoint or prune anchor, and where it was read. */
interface Signed extends OutsideEntry {
  where: "database" | "outside file";
}

const KIND = { checkpoint: "checkpoint", prune_anchor: "prune anchor" } as const;

const MAX_PROBLEMS = 50;
const MAX_KEPT = 1000;

/**
 * Recomputes the audit chain from its start (the newest prune anchor, or the first event),
 * checks every checkpoint's and prune anchor's signature against the trusted keys and that
 * each lies on the chain, and that the chain is at least as long as the newest of them —
 * in the database and in the outside file. Reads one consistent snapshot.
 */
export async function verifyAuditChain(db: Db, options: VerifyOptions): Promise<VerifyResult> {
  if (isTransaction(db)) return verifyIn(db, options);
  return db.transaction((tx) => verifyIn(tx, options), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
}

async function verifyIn(tx: Db, options: VerifyOptions): Promise<VerifyResult> {
  const problems: VerifyProblem[] = [];
  const warnings: string[] = [];
  let earliest = Number.MAX_SAFE_INTEGER;
  const problem = (seq: number | null, reason: string) => {
    // A log broken everywhere must not fill the memory: keep the first ones, and any earlier.
    if (problems.length < MAX_KEPT || (seq !== null && seq < earliest)) {
      problems.push({ seq, reason });
    }
    if (seq !== null) earliest = Math.min(earliest, seq);
  };

  // Trusted keys: the configured one, and those the outside copy was signed with.
  const trusted = new Map<string, AuditPublicKey>();
  for (const k of options.trustedKeys) trusted.set(k.keyId, k);
  const outside = options.outsideFile
    ? readOutsideFile(options.outsideFile)
    : { exists: false, entries: [] as OutsideEntry[], warnings: [] };
  warnings.push(...outside.warnings);
  for (const e of outside.entries) {
    if (trusted.has(e.keyId)) continue;
    try {
      const k = publicKeyFrom(e.publicKey);
      if (k.keyId === e.keyId) trusted.set(k.keyId, k);
    } catch {
      // An unreadable key trusts nothing; the entry's signature check reports it.
    }
  }

  /** Why a checkpoint or anchor cannot be trusted; undefined when it can. */
  const untrusted = (s: Signed): string | undefined => {
    const what = `the ${KIND[s.type]} at seq ${s.seq} (${s.time}, ${s.where})`;
    const key = trusted.get(s.keyId);
    if (!key) {
      return `${what} is signed by key ${s.keyId}, which is not a trusted audit signing key`;
    }
    if (s.publicKey !== key.publicKey) {
      return `${what} names key ${s.keyId} but carries a different public key`;
    }
    if (!verifyStatement(key.key, statementOf(s), s.signature)) {
      return `${what}: the signature does not verify (forged or altered)`;
    }
    return undefined;
  };

  // Prune anchors: the chain starts after the newest one.
  const anchorRows = await tx.select().from(auditPruneAnchor).orderBy(asc(auditPruneAnchor.seq));
  let anchorSeq = 0;
  let anchorHash = GENESIS_HASH;
  let lastValidAnchorSeq = 0;
  for (const a of anchorRows) {
    const signed: Signed = {
      ...outsideEntryOf("prune_anchor", a, a.prunedCount),
      where: "database",
    };
    const why = untrusted(signed);
    if (why) {
      // Events up to it were removed on the strength of an anchor nobody trusted signed.
      problem(
        lastValidAnchorSeq + 1,
        `events ${lastValidAnchorSeq + 1}–${a.seq} were removed under a prune anchor that cannot be trusted: ${why}`,
      );
    } else {
      lastValidAnchorSeq = a.seq;
    }
    anchorSeq = a.seq;
    anchorHash = a.hash;
  }

  // Checkpoints, in the database and outside it.
  const checkpointRows = await tx
    .select()
    .from(auditCheckpoint)
    .orderBy(asc(auditCheckpoint.seq), asc(auditCheckpoint.createdAt));
  const signedPoints: Signed[] = [
    ...checkpointRows.map((c) => ({
      ...outsideEntryOf("checkpoint", c, c.eventCount),
      where: "database" as const,
    })),
    ...outside.entries.map((e) => ({ ...e, where: "outside file" as const })),
  ];
  if (checkpointRows.length > 0 && options.outsideFile && outside.entries.length === 0) {
    problem(
      null,
      `the database has ${checkpointRows.length} signed checkpoints but the outside copy ${options.outsideFile} ` +
        `${outside.exists ? "holds none" : "is missing"}: without it a rewrite of the whole log cannot be ruled out`,
    );
  }
  const validPoints = signedPoints.filter((s) => {
    const why = untrusted(s);
    if (why) problem(s.seq, why);
    return why === undefined;
  });
  /** The hash the chain has at each seq a checkpoint names. */
  const hashAt = new Map<number, string | undefined>();
  for (const s of validPoints) if (s.seq > anchorSeq) hashAt.set(s.seq, undefined);

  // The chain itself.
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1));
  const batchSize = options.batchSize ?? 1000;
  let expected = anchorSeq + 1;
  let prev = anchorHash;
  let lastSeq = anchorSeq;
  let lastHash = anchorHash;
  let events = 0;
  const chainKeys = options.chainKeys ?? [currentChainKey()];
  /** The first event keyed with the chain key, and the last one with the old unkeyed hash. */
  let firstKeyedSeq: number | undefined;
  let lastUnkeyedSeq: number | undefined;
  for (let cursor = anchorSeq; ; ) {
    const rows = await tx
      .select()
      .from(auditEvent)
      .where(gt(auditEvent.seq, cursor))
      .orderBy(asc(auditEvent.seq))
      .limit(batchSize);
    for (const row of rows) {
      const keyed = chainKeys.some((k) => keyedEventHash(k, row.prevHash, row) === row.hash);
      const unkeyed = !keyed && eventHash(row.prevHash, row) === row.hash;
      const ownHashOk = keyed || unkeyed;
      if (keyed) firstKeyedSeq ??= row.seq;
      else if (unkeyed && firstKeyedSeq !== undefined) {
        problem(
          row.seq,
          `event ${row.seq} carries an unkeyed hash after keyed events: written by someone without the audit key (forged)`,
        );
      } else if (unkeyed) lastUnkeyedSeq = row.seq;
      if (row.seq !== expected) {
        const range =
          row.seq - 1 > expected ? `s ${expected}–${row.seq - 1} are` : ` ${expected} is`;
        problem(expected, `event${range} missing: deleted from the middle of the log`);
      } else if (row.prevHash !== prev) {
        if (ownHashOk && row.seq - 1 > anchorSeq) {
          problem(
            row.seq - 1,
            `event ${row.seq - 1} was rewritten: its hash is not the one event ${row.seq} recorded`,
          );
        } else if (ownHashOk) {
          problem(
            row.seq,
            anchorSeq === 0
              ? `event ${row.seq} does not start the chain: its prev_hash is not the genesis hash`
              : `event ${row.seq} does not continue from the prune anchor at seq ${anchorSeq}`,
          );
        }
      }
      if (!ownHashOk) {
        problem(
          row.seq,
          `event ${row.seq} was altered or forged: its content does not match its hash under the audit key`,
        );
      }
      if (hashAt.has(row.seq)) hashAt.set(row.seq, row.hash);
      prev = row.hash;
      expected = row.seq + 1;
      lastSeq = row.seq;
      lastHash = row.hash;
      events++;
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) break;
    cursor = last.seq;
  }

  if (!head) {
    problem(null, "the chain head (audit_head) is missing");
  } else if (head.seq > lastSeq) {
    problem(lastSeq + 1, `events ${lastSeq + 1}–${head.seq} are missing: the log was cut short`);
  } else if (head.seq < lastSeq) {
    problem(head.seq + 1, `events after ${head.seq} are not part of the chain head`);
  } else if (head.hash !== lastHash) {
    problem(lastSeq, `the chain head's hash differs from event ${lastSeq}'s`);
  }

  // Every trusted checkpoint must lie on the chain, and the chain reach the newest.
  let lastGood = anchorSeq;
  const seen = new Set<string>();
  for (const s of [...validPoints].sort((a, b) => a.seq - b.seq)) {
    // The same checkpoint in the database and outside it is checked once.
    const identity = `${KIND[s.type]}|${s.seq}|${s.hash}|${s.signature}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const what = `the signed ${KIND[s.type]} at seq ${s.seq} (${s.time}, ${s.where})`;
    if (s.seq < anchorSeq) continue; // its events were pruned; the signature was checked
    if (s.seq === anchorSeq) {
      if (s.hash !== anchorHash) {
        problem(anchorSeq + 1, `${what} does not match the prune anchor the chain starts from`);
      }
      continue;
    }
    if (s.seq > lastSeq) {
      problem(
        lastSeq + 1,
        `${what} covers events up to ${s.seq}, but the log ends at ${lastSeq}: the log was cut short`,
      );
      continue;
    }
    if (hashAt.get(s.seq) !== s.hash) {
      problem(
        lastGood + 1,
        `the chain does not pass through ${what}: events after ${lastGood} up to ${s.seq} were rewritten`,
      );
      continue;
    }
    lastGood = Math.max(lastGood, s.seq);
  }
  if (lastUnkeyedSeq !== undefined && lastUnkeyedSeq > lastGood) {
    problem(
      lastGood + 1,
      `events ${lastGood + 1}–${lastUnkeyedSeq} carry the old unkeyed hash and no signed checkpoint covers them: anyone with access to the database could have written them`,
    );
  }
  if (options.policy) {
    await missingCheckpoints(tx, options.policy, {
      anchorSeq,
      lastSeq,
      lastGood,
      firstKeyedSeq,
      onChain: onChainSeqs(validPoints, hashAt, anchorSeq),
      problem,
    });
  } else if (validPoints.length === 0 && events > 0) {
    warnings.push(
      "no signed checkpoint yet: the chain shows that events were not altered or reordered, " +
        "but not that none were removed from its end (run the audit-checkpoint job)",
    );
  }

  const counts: VerifyCounts = {
    events,
    checkpoints: checkpointRows.length,
    outsideCheckpoints: outside.entries.length,
    anchorSeq,
    lastSeq,
    warnings,
  };
  if (problems.length === 0) return { ok: true, ...counts };
  const sorted = [...problems].sort(
    (a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER),
  );
  const first = sorted[0]!;
  return {
    ok: false,
    firstBrokenSeq: first.seq,
    reason: first.reason,
    problems: sorted.slice(0, MAX_PROBLEMS),
    ...counts,
  };
}

/** The seqs of the trusted checkpoints that lie on the chain, ascending, without repeats. */
function onChainSeqs(
  points: Signed[],
  hashAt: Map<number, string | undefined>,
  anchorSeq: number,
): number[] {
  const seqs = new Set<number>();
  for (const s of points) {
    if (s.type === "checkpoint" && s.seq > anchorSeq && hashAt.get(s.seq) === s.hash) {
      seqs.add(s.seq);
    }
  }
  return [...seqs].sort((a, b) => a - b);
}

/**
 * F4: checkpoints that should exist. Between two checkpoints (keyed events only: the unkeyed
 * ones predate the policy) at most twice `everyEvents` events; after the last checkpoint at
 * most that many, and none older than twice the interval. A crash leaves an uncovered tail
 * until the next start signs it: reported too, since it cannot be told from a cut-off or
 * extended tail.
 */
async function missingCheckpoints(
  tx: Db,
  policy: NonNullable<VerifyOptions["policy"]>,
  chain: {
    anchorSeq: number;
    lastSeq: number;
    lastGood: number;
    firstKeyedSeq: number | undefined;
    onChain: number[];
    problem: (seq: number | null, reason: string) => void;
  },
): Promise<void> {
  const limit = 2 * policy.everyEvents;
  const minutes = Math.round(policy.intervalMs / 60_000);
  let from = chain.anchorSeq;
  for (const seq of chain.onChain) {
    const keyedRun = chain.firstKeyedSeq !== undefined && from + 1 >= chain.firstKeyedSeq;
    if (keyedRun && seq - from > limit) {
      chain.problem(
        from + 1,
        `events ${from + 1}–${seq} (${seq - from}) have no signed checkpoint between them, though one is made every ${policy.everyEvents}: checkpoints that should exist are missing`,
      );
    }
    from = seq;
  }
  if (chain.lastSeq <= chain.lastGood) return;
  const first = chain.lastGood + 1;
  const [row] = await tx
    .select({ occurredAt: auditEvent.occurredAt })
    .from(auditEvent)
    .where(eq(auditEvent.seq, first));
  const age = row ? policy.now.getTime() - row.occurredAt.getTime() : 0;
  const count = chain.lastSeq - chain.lastGood;
  if (count > limit || age > 2 * policy.intervalMs) {
    chain.problem(
      first,
      `events ${first}–${chain.lastSeq} (${count}, the first at ${row?.occurredAt.toISOString() ?? "?"}) have no signed checkpoint, though one is made every ${policy.everyEvents} events or ${minutes} minutes and when the server stops: the end of the log may have been cut off, replaced or extended — or the server stopped without its checkpoint (a crash). Checkpoints that should exist are missing.`,
    );
  }
}
