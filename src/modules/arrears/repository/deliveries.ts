import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { findRow, findRows } from "../../../platform/db/find.ts";
import { insertRow } from "../../../platform/db/rows.ts";
import { arrearsDelivery, arrearsSignal } from "../tables.ts";
import { chunks } from "./chunks.ts";
import { rowsOfTenancy } from "./of-tenancy.ts";

export type DeliveryRow = typeof arrearsDelivery.$inferSelect;
export type SignalRow = typeof arrearsSignal.$inferSelect;

// ---- deliveries and signals -------------------------------------------------------------

export async function deliveredMunicipalities(db: Db, organisationId: string, month: string) {
  const rows = await db
    .select({ code: arrearsDelivery.municipalityCode })
    .from(arrearsDelivery)
    .where(
      and(eq(arrearsDelivery.organisationId, organisationId), eq(arrearsDelivery.month, month)),
    );
  return new Set(rows.map((r) => r.code));
}

export const insertDelivery = (db: Db, row: typeof arrearsDelivery.$inferInsert) =>
  insertRow(db, arrearsDelivery, row);

/** Many signals in few statements: the rows travel as one JSON parameter (the monthly run). */
export async function insertSignals(db: Db, rows: (typeof arrearsSignal.$inferInsert)[]) {
  for (const part of chunks(rows, 20_000)) {
    await db.execute(sql`
      INSERT INTO arrears_signal (id, delivery_id, organisation_id, tenancy_id, tenancy_ref,
        municipality_code, arrears_began_on, arrears_cents, months_in_arrears, signal_date, repeated)
      SELECT id, "deliveryId", "organisationId", "tenancyId", "tenancyRef", "municipalityCode",
             "arrearsBeganOn", "arrearsCents", "monthsInArrears", "signalDate", repeated
        FROM json_to_recordset(${JSON.stringify(part)}::json) AS x(id uuid, "deliveryId" uuid,
          "organisationId" uuid, "tenancyId" uuid, "tenancyRef" text, "municipalityCode" text,
          "arrearsBeganOn" date, "arrearsCents" bigint, "monthsInArrears" integer,
          "signalDate" date, repeated boolean)`);
  }
}

export async function listDeliveries(db: Db, organisationId: string, month?: string) {
  return findRows(
    db,
    arrearsDelivery,
    [
      eq(arrearsDelivery.organisationId, organisationId),
      month ? eq(arrearsDelivery.month, month) : undefined,
    ],
    [desc(arrearsDelivery.month), asc(arrearsDelivery.municipalityCode)],
  );
}

export async function findDelivery(db: Db, id: string) {
  return findRow(db, arrearsDelivery, eq(arrearsDelivery.id, id));
}

export async function signalsOfDeliveries(db: Db, deliveryIds: readonly string[]) {
  if (deliveryIds.length === 0) return [];
  const out: SignalRow[] = [];
  for (const part of chunks(deliveryIds, 200)) {
    out.push(
      ...(await db
        .select()
        .from(arrearsSignal)
        .where(inArray(arrearsSignal.deliveryId, part))
        .orderBy(asc(arrearsSignal.tenancyRef))),
    );
  }
  return out;
}

export async function signalsOfTenancy(db: Db, tenancyId: string) {
  return rowsOfTenancy(db, arrearsSignal, tenancyId, arrearsSignal.signalDate);
}

export async function updateDeliveryDocument(db: Db, id: string, documentCiphertext: string) {
  await db.update(arrearsDelivery).set({ documentCiphertext }).where(eq(arrearsDelivery.id, id));
}
