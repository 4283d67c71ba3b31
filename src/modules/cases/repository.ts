import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  notInArray,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Db } from "../../platform/db/database.ts";
import { findRow, findRows } from "../../platform/db/find.ts";
import { type PageRequest, selectPage } from "../../platform/db/paging.ts";
import { insertRow, rowsById, updateRows } from "../../platform/db/rows.ts";
import { caseDeadline, caseEvent, caseFile } from "./tables.ts";

export type CaseRow = typeof caseFile.$inferSelect;
export type DeadlineRow = typeof caseDeadline.$inferSelect;
export type EventRow = typeof caseEvent.$inferSelect;

/** Statuses in which nothing is owed any more. */
export const FINISHED = ["closed", "inadmissible", "withdrawn", "executed", "effective"] as const;

const caseRows = rowsById(caseFile);
export const insertCase = caseRows.insert;
export const findCase = caseRows.find;
export const updateCase = caseRows.update;

export async function findCaseByReference(db: Db, reference: string): Promise<CaseRow | undefined> {
  return findRow(db, caseFile, eq(caseFile.reference, reference));
}

export async function upsertDeadline(db: Db, row: typeof caseDeadline.$inferInsert) {
  await db
    .insert(caseDeadline)
    .values(row)
    .onConflictDoUpdate({
      target: [caseDeadline.caseId, caseDeadline.name],
      set: { dueDate: row.dueDate, source: row.source, metOn: null, remindedOn: null },
    });
}

export async function meetDeadlines(db: Db, caseId: string, names: string[], on: string) {
  if (names.length === 0) return;
  await updateRows(db, caseDeadline, { metOn: on }, [
    eq(caseDeadline.caseId, caseId),
    inArray(caseDeadline.name, names),
    isNull(caseDeadline.metOn),
  ]);
}

export async function deadlinesOf(db: Db, caseIds: string[]): Promise<DeadlineRow[]> {
  if (caseIds.length === 0) return [];
  return findRows(
    db,
    caseDeadline,
    [inArray(caseDeadline.caseId, caseIds)],
    [asc(caseDeadline.dueDate)],
  );
}

export const insertEvent = (db: Db, row: typeof caseEvent.$inferInsert) =>
  insertRow(db, caseEvent, row);

export async function eventsOf(db: Db, caseId: string): Promise<EventRow[]> {
  return db.select().from(caseEvent).where(eq(caseEvent.caseId, caseId)).orderBy(asc(caseEvent.at));
}

export async function casesOfRegistration(db: Db, registrationId: string): Promise<CaseRow[]> {
  return db.select().from(caseFile).where(eq(caseFile.registrationId, registrationId));
}

export interface CaseFilter extends PageRequest {
  /** Cases this organisation must act on or is the primary source of; undefined: all. */
  organisationId?: string | undefined;
  /** The committee sees only the cases sent to it. */
  responsibleOnly?: boolean;
  overdueOn?: string | undefined;
  status?: string | undefined;
  type?: string | undefined;
  registrationId?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
}

export async function listCases(
  db: Db,
  f: CaseFilter,
): Promise<{ rows: CaseRow[]; total: number }> {
  const overdueIds = f.overdueOn
    ? db
        .selectDistinct({ id: caseDeadline.caseId })
        .from(caseDeadline)
        .where(and(isNull(caseDeadline.metOn), lt(caseDeadline.dueDate, f.overdueOn)))
    : undefined;
  const where = and(
    f.organisationId
      ? f.responsibleOnly
        ? eq(caseFile.organisationId, f.organisationId)
        : or(
            eq(caseFile.organisationId, f.organisationId),
            eq(caseFile.primarySourceId, f.organisationId),
            // On its desk: a pending candidate of a request not yet linked (D-911).
            and(
              isNull(caseFile.registrationId),
              sql`${caseFile.facts} -> 'candidates' @> ${JSON.stringify([{ organisationId: f.organisationId, decision: "pending" }])}::jsonb`,
            ),
          )
      : undefined,
    overdueIds ? inArray(caseFile.id, overdueIds) : undefined,
    overdueIds ? notInArray(caseFile.status, [...FINISHED]) : undefined,
    f.status ? eq(caseFile.status, f.status) : undefined,
    f.type ? eq(caseFile.type, f.type) : undefined,
    f.registrationId ? eq(caseFile.registrationId, f.registrationId) : undefined,
    f.receivedFrom ? gte(caseFile.receivedDate, f.receivedFrom) : undefined,
    f.receivedTo ? lte(caseFile.receivedDate, f.receivedTo) : undefined,
  );
  return selectPage(db, caseFile, where, [desc(caseFile.receivedDate), asc(caseFile.id)], f);
}

/** Open deadlines falling due between the two dates (inclusive), not yet reminded. */
export async function deadlinesToRemind(db: Db, from: string, until: string) {
  return openDeadlinesWithCase(
    db,
    isNull(caseDeadline.remindedOn),
    gte(caseDeadline.dueDate, from),
    lte(caseDeadline.dueDate, until),
    notInArray(caseFile.status, [...FINISHED]),
  );
}

export async function markReminded(db: Db, caseId: string, name: string, on: string) {
  await updateRows(db, caseDeadline, { remindedOn: on }, [
    eq(caseDeadline.caseId, caseId),
    eq(caseDeadline.name, name),
  ]);
}

/** Decided cases whose removal deadline has come without execution (the deadlines job). */
export async function removalsDue(db: Db, today: string) {
  return openDeadlinesWithCase(
    db,
    lte(caseDeadline.dueDate, today),
    sql`${caseDeadline.name} like 'upheld_%_removal'`,
    eq(caseFile.status, "decided"),
  );
}

/** Deadlines not yet met, with their case, that also meet these conditions. */
function openDeadlinesWithCase(db: Db, ...conditions: SQL[]) {
  return db
    .select({ deadline: caseDeadline, caseRow: caseFile })
    .from(caseDeadline)
    .innerJoin(caseFile, eq(caseFile.id, caseDeadline.caseId))
    .where(and(isNull(caseDeadline.metOn), ...conditions));
}

/** Consents whose reflection period ended (they take effect). */
export async function consentsToActivate(db: Db, today: string) {
  return db
    .select({ deadline: caseDeadline, caseRow: caseFile })
    .from(caseDeadline)
    .innerJoin(caseFile, eq(caseFile.id, caseDeadline.caseId))
    .where(
      and(
        eq(caseDeadline.name, "consent_reflection"),
        lt(caseDeadline.dueDate, today),
        eq(caseFile.status, "reflection"),
      ),
    );
}

export async function effectiveConsents(db: Db, registrationId: string): Promise<CaseRow[]> {
  return findRows(db, caseFile, [
    eq(caseFile.registrationId, registrationId),
    eq(caseFile.type, "consent"),
    eq(caseFile.status, "effective"),
  ]);
}

/** Finished cases whose last step (decision, execution or last change) lies before `cutoff`. */
export async function finishedBefore(db: Db, cutoff: string): Promise<CaseRow[]> {
  const rows = await db
    .select()
    .from(caseFile)
    .where(
      or(
        inArray(caseFile.status, ["closed", "inadmissible", "withdrawn", "executed"]),
        and(eq(caseFile.status, "decided"), eq(caseFile.outcome, "rejected")),
      ),
    );
  return rows.filter((r) => {
    const last = [r.executedOn, r.decidedOn, r.receivedDate, r.updatedAt.toISOString().slice(0, 10)]
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1)!;
    return last < cutoff;
  });
}

export async function deleteCase(db: Db, id: string) {
  await db.delete(caseFile).where(eq(caseFile.id, id));
}

export async function existingIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: caseFile.id }).from(caseFile).where(inArray(caseFile.id, ids));
  return rows.map((r) => r.id);
}

/** The appeals that follow a case (its parent), for the committee's view of the file (D-914). */
export async function appealsFollowing(db: Db, parentCaseId: string): Promise<CaseRow[]> {
  return db
    .select()
    .from(caseFile)
    .where(and(eq(caseFile.parentCaseId, parentCaseId), eq(caseFile.type, "appeal")));
}

/** Open access requests with a pending check of a registration of this primary source (D-1040). */
export async function casesCheckedBy(db: Db, organisationId: string): Promise<CaseRow[]> {
  return db
    .select()
    .from(caseFile)
    .where(
      and(
        eq(caseFile.type, "access"),
        inArray(caseFile.status, ["received", "acknowledged"]),
        sql`${caseFile.facts} -> 'sourceChecks' @> ${JSON.stringify([{ organisationId, status: "pending" }])}::jsonb`,
      ),
    )
    .orderBy(asc(caseFile.receivedDate), asc(caseFile.id));
}
