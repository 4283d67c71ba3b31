import { eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import {
  arrearsAgreement,
  arrearsDelivery,
  arrearsPosition,
  arrearsSignal,
  arrearsTenancy,
} from "../tables.ts";
import { chunks } from "./chunks.ts";

// ---- retention --------------------------------------------------------------------------

function expiredTenancy(cutoff: string) {
  // Arrears ended on or before the cutoff and did not come back, or no position has mentioned
  // the tenancy since the cutoff (docs/retention.md "Vroegsignalering").
  return sql`((${arrearsTenancy.arrearsCents} = 0 AND ${arrearsTenancy.arrearsEndedOn} <= ${cutoff}::date)
    OR ${arrearsTenancy.asOf} <= ${cutoff}::date)`;
}

/** Signals that retention will erase: their episode ended, or their tenancy goes. */
export async function expiringSignals(db: Db, cutoff: string) {
  return db
    .select({
      id: arrearsSignal.id,
      deliveryId: arrearsSignal.deliveryId,
      tenancyRef: arrearsSignal.tenancyRef,
    })
    .from(arrearsSignal)
    .innerJoin(arrearsTenancy, eq(arrearsTenancy.id, arrearsSignal.tenancyId))
    .where(sql`${lte(arrearsSignal.episodeEndedOn, cutoff)} OR ${expiredTenancy(cutoff)}`);
}

export async function deleteExpiredTenancies(db: Db, cutoff: string) {
  const rows = await db
    .delete(arrearsTenancy)
    .where(expiredTenancy(cutoff))
    .returning({ id: arrearsTenancy.id });
  return rows.length;
}

export async function deleteSignals(db: Db, ids: readonly string[]) {
  for (const part of chunks(ids))
    await db.delete(arrearsSignal).where(inArray(arrearsSignal.id, part));
}

export async function deletePositionsBefore(db: Db, cutoff: string) {
  const rows = await db
    .delete(arrearsPosition)
    .where(sql`${arrearsPosition.asOf} < ${cutoff}::date`)
    .returning({ asOf: arrearsPosition.asOf });
  return rows.length;
}

export async function deleteDelivery(db: Db, id: string) {
  await db.delete(arrearsDelivery).where(eq(arrearsDelivery.id, id));
}

export async function deleteAllOfOrganisation(db: Db, organisationId: string) {
  await db.delete(arrearsDelivery).where(eq(arrearsDelivery.organisationId, organisationId));
  await db.delete(arrearsTenancy).where(eq(arrearsTenancy.organisationId, organisationId));
  await db.delete(arrearsAgreement).where(eq(arrearsAgreement.organisationId, organisationId));
}
