import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { insertRow } from "../../../platform/db/rows.ts";
import { arrearsHold, arrearsTenancy } from "../tables.ts";
import { rowsOfTenancy, tenancyLabel } from "./of-tenancy.ts";

export type HoldRow = typeof arrearsHold.$inferSelect;

// ---- collection holds (schuldenrust and pauses) -----------------------------------------

export const insertHold = (db: Db, row: typeof arrearsHold.$inferInsert) =>
  insertRow(db, arrearsHold, row);

export async function holdsOf(db: Db, tenancyId: string) {
  return rowsOfTenancy(db, arrearsHold, tenancyId, arrearsHold.startDate);
}

/** Holds not ended by hand or early, whose last day is on or after `from`. */
export async function openHolds(db: Db, organisationId: string, from: string) {
  return holdsOfOrganisation(
    db,
    organisationId,
    isNull(arrearsHold.endedOn),
    sql`${arrearsHold.until} >= ${from}::date`,
  );
}

export async function holdsEndedSince(db: Db, organisationId: string, since: string) {
  return holdsOfOrganisation(db, organisationId, sql`${arrearsHold.endedOn} >= ${since}::date`);
}

/** An organisation's holds meeting `conditions`, each with its tenancy's label. */
function holdsOfOrganisation(db: Db, organisationId: string, ...conditions: SQL[]) {
  return db
    .select({ hold: arrearsHold, ...tenancyLabel })
    .from(arrearsHold)
    .innerJoin(arrearsTenancy, eq(arrearsTenancy.id, arrearsHold.tenancyId))
    .where(and(eq(arrearsHold.organisationId, organisationId), ...conditions));
}

export async function endHold(
  db: Db,
  id: string,
  endedOn: string,
  endReason: HoldRow["endReason"],
) {
  await db.update(arrearsHold).set({ endedOn, endReason }).where(eq(arrearsHold.id, id));
}
