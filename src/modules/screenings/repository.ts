import { and, asc, count, desc, eq, gt, gte, lt } from "drizzle-orm";
import type { Db } from "../../platform/db/database.ts";
import { findRows } from "../../platform/db/find.ts";
import { type PageRequest, selectPage } from "../../platform/db/paging.ts";
import { insertRow } from "../../platform/db/rows.ts";
import { screening } from "./tables.ts";

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
