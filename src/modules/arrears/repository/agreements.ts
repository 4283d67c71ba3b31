import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { findRows } from "../../../platform/db/find.ts";
import { arrearsAgreement } from "../tables.ts";
import { landlordsRow } from "./of-tenancy.ts";

export type AgreementRow = typeof arrearsAgreement.$inferSelect;

// ---- agreements -------------------------------------------------------------------------

export async function findAgreement(db: Db, organisationId: string, municipalityCode: string) {
  return landlordsRow(
    db,
    arrearsAgreement,
    organisationId,
    arrearsAgreement.municipalityCode,
    municipalityCode,
  );
}

export async function listAgreements(db: Db, organisationId: string) {
  return findRows(
    db,
    arrearsAgreement,
    [eq(arrearsAgreement.organisationId, organisationId)],
    [asc(arrearsAgreement.municipalityCode)],
  );
}

export async function upsertAgreement(db: Db, row: typeof arrearsAgreement.$inferInsert) {
  const { id: _id, createdAt: _c, organisationId: _o, municipalityCode: _m, ...update } = row;
  await db
    .insert(arrearsAgreement)
    .values(row)
    .onConflictDoUpdate({
      target: [arrearsAgreement.organisationId, arrearsAgreement.municipalityCode],
      set: update,
    });
}

/** Landlords with at least one agreement signed by both (the monthly job's scope). */
export async function organisationsWithSignedAgreements(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: arrearsAgreement.organisationId })
    .from(arrearsAgreement)
    .where(eq(arrearsAgreement.status, "signed"));
  return rows.map((r) => r.id);
}
