import { and, asc, count, desc, eq, gt, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "../../platform/db/database.ts";
import { findRows } from "../../platform/db/find.ts";
import { type PageRequest, selectPage } from "../../platform/db/paging.ts";
import { insertRow, rowsById, updateRows } from "../../platform/db/rows.ts";
import { type ScreeningCandidateStatus, screening, screeningCandidate } from "./tables.ts";

export type ScreeningRow = typeof screening.$inferSelect;

export const insertScreening = (db: Db, row: typeof screening.$inferInsert) =>
  insertRow(db, screening, row);

/** Screenings by one user or key after `since` (the burst signal counts them). */
export async function countByActorSince(db: Db, actorId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(screening)
    .where(and(eq(screening.actorId, actorId), gt(screening.createdAt, since)));
  return row?.n ?? 0;
}

/** Every screening of one pseudonymous person, oldest first (a person's access request). */
export async function screeningsOfSubject(db: Db, subjectRef: string): Promise<ScreeningRow[]> {
  return findRows(
    db,
    screening,
    [eq(screening.subjectRef, subjectRef)],
    [asc(screening.createdAt)],
  );
}

/** Screenings in [from, before), oldest first: what oversight counts and checks (no persons). */
export async function screeningsBetween(db: Db, from: Date, before: Date): Promise<ScreeningRow[]> {
  return findRows(
    db,
    screening,
    [gte(screening.createdAt, from), lt(screening.createdAt, before)],
    [asc(screening.createdAt)],
  );
}

// Screening candidates (issue 24 part 4): on what each disclosure rests, and the primary
// source's confirmation tasks.

export type ScreeningCandidateRow = typeof screeningCandidate.$inferSelect;

const screenings = rowsById(screening);
export const findScreening = screenings.find;
export const updateScreening = screenings.update;

const candidates = rowsById(screeningCandidate);
export const findCandidate = candidates.find;

export async function insertCandidates(
  db: Db,
  rows: (typeof screeningCandidate.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await db.insert(screeningCandidate).values(rows);
}

export const candidatesOfScreening = (db: Db, screeningId: string) =>
  findRows(db, screeningCandidate, [eq(screeningCandidate.screeningId, screeningId)]);

/** The last decision on this registration for a screened person with this fingerprint. */
export async function priorDecision(
  db: Db,
  registrationId: string,
  fingerprint: string,
): Promise<"confirmed" | "rejected" | undefined> {
  const [row] = await db
    .select({ status: screeningCandidate.status })
    .from(screeningCandidate)
    .where(
      and(
        eq(screeningCandidate.registrationId, registrationId),
        eq(screeningCandidate.subjectFingerprint, fingerprint),
        inArray(screeningCandidate.status, ["confirmed", "rejected"]),
      ),
    )
    .orderBy(desc(screeningCandidate.decidedAt))
    .limit(1);
  return row?.status === "confirmed" || row?.status === "rejected" ? row.status : undefined;
}

/** A primary source's candidates in a state, the earliest due first. */
export const candidatesOfOrganisation = (
  db: Db,
  organisationId: string,
  status: ScreeningCandidateStatus,
) =>
  findRows(
    db,
    screeningCandidate,
    [eq(screeningCandidate.organisationId, organisationId), eq(screeningCandidate.status, status)],
    [asc(screeningCandidate.dueDate), asc(screeningCandidate.createdAt)],
  );

/** The pending tasks about the same screened data and registration (decided together). */
export const pendingTwins = (db: Db, registrationId: string, fingerprint: string) =>
  findRows(db, screeningCandidate, [
    eq(screeningCandidate.registrationId, registrationId),
    eq(screeningCandidate.subjectFingerprint, fingerprint),
    eq(screeningCandidate.status, "pending"),
  ]);

/** Decides one pending task (the typed data erased with it); false when it was not pending. */
export async function decideCandidate(
  db: Db,
  id: string,
  values: Pick<
    typeof screeningCandidate.$inferInsert,
    "status" | "decidedAt" | "decidedBy" | "decidedByKind"
  >,
): Promise<boolean> {
  const changed = await updateRows(db, screeningCandidate, { ...values, personCiphertext: null }, [
    eq(screeningCandidate.id, id),
    eq(screeningCandidate.status, "pending"),
  ]);
  return changed === 1;
}

/** One page of a user's or key's own screenings, newest first (their history, issue 21 part 10). */
export async function screeningsByActor(
  db: Db,
  actorId: string,
  page: PageRequest,
): Promise<{ rows: ScreeningRow[]; total: number }> {
  return selectPage(
    db,
    screening,
    eq(screening.actorId, actorId),
    [desc(screening.createdAt), desc(screening.id)],
    page,
  );
}
