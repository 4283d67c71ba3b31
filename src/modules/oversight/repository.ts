import { and, asc, count, eq, gt, gte, inArray, like, lt, type SQL } from "drizzle-orm";
import { auditEvent } from "../../platform/audit/tables.ts";
import type { Db } from "../../platform/db/database.ts";

export type AuditEventRow = typeof auditEvent.$inferSelect;

export interface AuditFilter {
  /** Inclusive. */
  from?: Date | undefined;
  /** Exclusive. */
  before?: Date | undefined;
  organisationId?: string | undefined;
  actorId?: string | undefined;
  /** An exact action, or a prefix ending in ".*". */
  action?: string | undefined;
  outcome?: string | undefined;
}

function conditions(f: AuditFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    f.from ? gte(auditEvent.occurredAt, f.from) : undefined,
    f.before ? lt(auditEvent.occurredAt, f.before) : undefined,
    f.organisationId ? eq(auditEvent.organisationId, f.organisationId) : undefined,
    f.actorId ? eq(auditEvent.actorId, f.actorId) : undefined,
    f.outcome ? eq(auditEvent.outcome, f.outcome) : undefined,
  ];
  if (f.action?.endsWith(".*")) {
    // LIKE's wildcards in an action name ("_") must match only themselves.
    const prefix = f.action.slice(0, -1).replace(/[\\%_]/g, (c) => `\\${c}`);
    parts.push(like(auditEvent.action, `${prefix}%`));
  } else if (f.action) {
    parts.push(eq(auditEvent.action, f.action));
  }
  return and(...parts);
}

/** The audit events that meet `where`, in the order they were written. */
function eventsInOrder(db: Db, where: SQL | undefined) {
  return db.select().from(auditEvent).where(where).orderBy(asc(auditEvent.seq));
}

export async function countEvents(db: Db, f: AuditFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvent).where(conditions(f));
  return Number(row?.n ?? 0);
}

export async function pageOfEvents(
  db: Db,
  f: AuditFilter,
  offset: number,
  limit: number,
): Promise<AuditEventRow[]> {
  return eventsInOrder(db, conditions(f)).offset(offset).limit(limit);
}

/** Keyset paging for exports: the next `limit` events after `afterSeq`, in seq order. */
export async function eventsAfter(
  db: Db,
  f: AuditFilter,
  afterSeq: number,
  limit: number,
): Promise<AuditEventRow[]> {
  return eventsInOrder(db, and(conditions(f), gt(auditEvent.seq, afterSeq))).limit(limit);
}

/** Events of these actions in [from, before): what the annual report counts. */
export async function eventsOfActions(
  db: Db,
  actions: string[],
  from: Date,
  before: Date,
): Promise<AuditEventRow[]> {
  return eventsInOrder(
    db,
    and(
      inArray(auditEvent.action, actions),
      gte(auditEvent.occurredAt, from),
      lt(auditEvent.occurredAt, before),
    ),
  );
}
