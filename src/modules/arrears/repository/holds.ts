import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { arrearsHold, arrearsTenancy } from "../tables.ts";

export type HoldRow = typeof arrearsHold.$inferSelect;

// ---- collection holds (schuldenrust and pauses) -----------------------------------------

export async function insertHold(db: Db, row: typeof arrearsHold.$inferInsert) {
  await db.insert(arrearsHold).values(row);
}

export async function holdsOf(db: Db, tenancyId: string) {
  return db
    .select()
    .from(arrearsHold)
    .where(eq(arrearsHold.tenancyId, tenancyId))
    .orderBy(asc(arrearsHold.startDate));
}

/** Holds not ended by hand or early, whose last day is on or after `from`. */
export async function openHolds(db: Db, organisationId: string, from: string) {
  return db
    .select({
      hold: arrearsHold,
      tenancyRef: arrearsTenancy.tenancyRef,
      municipalityCode: arrearsTenancy.municipalityCode,
    })
    .from(arrearsHold)
    .innerJoin(arrearsTenancy, eq(arrearsTenancy.id, arrearsHold.tenancyId))
    .where(
      and(
        eq(arrearsHold.organisationId, organisationId),
        isNull(arrearsHold.endedOn),
        sql`${arrearsHold.until} >= ${from}::date`,
      ),
    );
}

export async function holdsEndedSince(db: Db, organisationId: string, since: string) {
  return db
    .select({
      hold: arrearsHold,
      tenancyRef: arrearsTenancy.tenancyRef,
      municipalityCode: arrearsTenancy.municipalityCode,
    })
    .from(arrearsHold)
    .innerJoin(arrearsTenancy, eq(arrearsTenancy.id, arrearsHold.tenancyId))
    .where(
      and(
        eq(arrearsHold.organisationId, organisationId),
        sql`${arrearsHold.endedOn} >= ${since}::date`,
      ),
    );
}

export async function endHold(
  db: Db,
  id: string,
  endedOn: string,
  endReason: HoldRow["endReason"],
) {
  await db.update(arrearsHold).set({ endedOn, endReason }).where(eq(arrearsHold.id, id));
}
