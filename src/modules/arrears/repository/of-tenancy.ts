import { and, asc, eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../../platform/db/database.ts";
import { findRow } from "../../../platform/db/find.ts";
import { arrearsTenancy } from "../tables.ts";

/** One tenancy's rows of a table (its events, positions, signals, holds …), ordered by `by`. */
export async function rowsOfTenancy<T extends PgTable & { tenancyId: PgColumn }>(
  db: Db,
  table: T,
  tenancyId: string,
  by: PgColumn,
): Promise<T["$inferSelect"][]> {
  const rows = await db
    .select()
    .from(table as PgTable)
    .where(eq(table.tenancyId, tenancyId))
    .orderBy(asc(by));
  return rows as T["$inferSelect"][];
}

/**
 * The landlord's own row of a table by the key it gives it (a tenancy by its reference, an
 * agreement by its municipality): another landlord's row with the same key is not found.
 */
export async function landlordsRow<T extends PgTable & { organisationId: PgColumn }>(
  db: Db,
  table: T,
  organisationId: string,
  key: PgColumn,
  value: string,
): Promise<T["$inferSelect"] | undefined> {
  return findRow(db, table, and(eq(table.organisationId, organisationId), eq(key, value)));
}

/** What lists show of a row's tenancy: its reference and municipality (no personal data). */
export const tenancyLabel = {
  tenancyRef: arrearsTenancy.tenancyRef,
  municipalityCode: arrearsTenancy.municipalityCode,
};
