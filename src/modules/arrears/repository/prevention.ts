import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { findRow, findRows } from "../../../platform/db/find.ts";
import { insertRow } from "../../../platform/db/rows.ts";
import {
  arrearsArrangement,
  arrearsInstalment,
  arrearsMeasure,
  arrearsTenancy,
} from "../tables.ts";
import { rowsOfTenancy, tenancyLabel } from "./of-tenancy.ts";

export type MeasureRow = typeof arrearsMeasure.$inferSelect;
export type ArrangementRow = typeof arrearsArrangement.$inferSelect;
export type InstalmentRow = typeof arrearsInstalment.$inferSelect;

// ---- measures and arrangements ----------------------------------------------------------

export const insertMeasure = (db: Db, row: typeof arrearsMeasure.$inferInsert) =>
  insertRow(db, arrearsMeasure, row);

export async function measuresOf(db: Db, tenancyId: string) {
  return rowsOfTenancy(db, arrearsMeasure, tenancyId, arrearsMeasure.date);
}

export async function measureCounts(db: Db, organisationId: string, since: string) {
  return db
    .select({ kind: arrearsMeasure.kind, count: sql<number>`count(*)::int` })
    .from(arrearsMeasure)
    .where(
      and(
        eq(arrearsMeasure.organisationId, organisationId),
        sql`${arrearsMeasure.date} >= ${since}::date`,
      ),
    )
    .groupBy(arrearsMeasure.kind);
}

export async function insertArrangement(
  db: Db,
  row: typeof arrearsArrangement.$inferInsert,
  instalments: (typeof arrearsInstalment.$inferInsert)[],
) {
  await db.insert(arrearsArrangement).values(row);
  await db.insert(arrearsInstalment).values(instalments);
}

export async function findArrangement(db: Db, id: string) {
  return findRow(db, arrearsArrangement, eq(arrearsArrangement.id, id));
}

export async function instalmentsOf(db: Db, arrangementIds: readonly string[]) {
  if (arrangementIds.length === 0) return [];
  return findRows(
    db,
    arrearsInstalment,
    [inArray(arrearsInstalment.arrangementId, [...arrangementIds])],
    [asc(arrearsInstalment.arrangementId), asc(arrearsInstalment.seq)],
  );
}

export async function updateInstalment(
  db: Db,
  arrangementId: string,
  seq: number,
  values: { paidCents: number; paidOn: string },
) {
  await db
    .update(arrearsInstalment)
    .set(values)
    .where(and(eq(arrearsInstalment.arrangementId, arrangementId), eq(arrearsInstalment.seq, seq)));
}

export async function arrangementsOfTenancy(db: Db, tenancyId: string) {
  return rowsOfTenancy(db, arrearsArrangement, tenancyId, arrearsArrangement.agreedOn);
}

export async function arrangementsOfOrganisation(db: Db, organisationId: string) {
  return db
    .select({ arrangement: arrearsArrangement, ...tenancyLabel })
    .from(arrearsArrangement)
    .innerJoin(arrearsTenancy, eq(arrearsTenancy.id, arrearsArrangement.tenancyId))
    .where(eq(arrearsArrangement.organisationId, organisationId));
}
