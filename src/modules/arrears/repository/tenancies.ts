import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database, Db } from "../../../platform/db/database.ts";
import { fromExcluded } from "../../../platform/db/upsert.ts";
import { arrearsEvent, arrearsPosition, arrearsSignal, arrearsTenancy } from "../tables.ts";
import { inTurns } from "./chunks.ts";
import { landlordsRow, rowsOfTenancy } from "./of-tenancy.ts";

export type TenancyRow = typeof arrearsTenancy.$inferSelect;
export type EventRow = typeof arrearsEvent.$inferSelect;

/**
 * Rows per upsert and references per look-up during an import. On the embedded database each
 * statement runs in the thread that answers requests: a 250-row upsert (drizzle builds 4,000
 * parameters, PGlite runs it) held it for 40-80 ms, 50 rows for under 20 (F13, D-791).
 */
const WRITE_PART = 50;
const LOOKUP_PART = 100;

// ---- tenancies and positions ------------------------------------------------------------

export interface TenancyState {
  id: string;
  tenancyRef: string;
  arrearsCents: number;
  arrearsBeganOn: string | null;
  arrearsEndedOn: string | null;
  asOf: string;
}

export async function tenancyStates(
  db: Db,
  organisationId: string,
  refs: readonly string[],
): Promise<Map<string, TenancyState>> {
  const out = new Map<string, TenancyState>();
  for await (const part of inTurns(refs, LOOKUP_PART)) {
    const rows = await db
      .select({
        id: arrearsTenancy.id,
        tenancyRef: arrearsTenancy.tenancyRef,
        arrearsCents: arrearsTenancy.arrearsCents,
        arrearsBeganOn: arrearsTenancy.arrearsBeganOn,
        arrearsEndedOn: arrearsTenancy.arrearsEndedOn,
        asOf: arrearsTenancy.asOf,
      })
      .from(arrearsTenancy)
      .where(
        and(
          eq(arrearsTenancy.organisationId, organisationId),
          inArray(arrearsTenancy.tenancyRef, part),
        ),
      );
    for (const r of rows) out.set(r.tenancyRef, r);
  }
  return out;
}

/**
 * Inserts rows `partSize` at a time; a row whose `target` key exists already takes the
 * `columns` named from the new row instead.
 */
async function upsertInParts<T extends PgTable>(
  db: Db,
  table: T,
  rows: T["$inferInsert"][],
  partSize: number,
  target: PgColumn[],
  columns: readonly (keyof T["$inferInsert"] & string)[],
) {
  for await (const part of inTurns(rows, partSize)) {
    await db
      .insert(table as PgTable)
      .values(part)
      .onConflictDoUpdate({ target, set: fromExcluded(table, columns) });
  }
}

/** The position a tenancy carries as its current one and a month's position row records. */
const POSITION_COLUMNS = ["monthlyRentCents", "arrearsCents", "oldestUnpaidDueDate"] as const;

export async function upsertTenancies(db: Db, rows: (typeof arrearsTenancy.$inferInsert)[]) {
  const key = [arrearsTenancy.organisationId, arrearsTenancy.tenancyRef];
  await upsertInParts(db, arrearsTenancy, rows, WRITE_PART, key, [
    ...POSITION_COLUMNS,
    "municipalityCode",
    "municipalityDerived",
    "asOf",
    "arrearsBeganOn",
    "arrearsEndedOn",
    "personCiphertext",
    "addressCiphertext",
    "updatedAt",
  ]);
}

export async function upsertPositions(db: Db, rows: (typeof arrearsPosition.$inferInsert)[]) {
  const key = [arrearsPosition.tenancyId, arrearsPosition.asOf];
  await upsertInParts(db, arrearsPosition, rows, WRITE_PART, key, [
    ...POSITION_COLUMNS,
    "lastPaymentDate",
  ]);
}

export async function insertEvents(db: Db, rows: (typeof arrearsEvent.$inferInsert)[]) {
  let inserted = 0;
  for await (const part of inTurns(rows, 1000)) {
    const r = await db
      .insert(arrearsEvent)
      .values(part)
      .onConflictDoNothing()
      .returning({ id: arrearsEvent.id });
    inserted += r.length;
  }
  return inserted;
}

/** When an episode ends, its signals start their retention period. */
export async function markSignalsEpisodeEnded(
  db: Db,
  tenancyIds: readonly string[],
  endedOn: string,
) {
  for await (const part of inTurns(tenancyIds)) {
    await db
      .update(arrearsSignal)
      .set({ episodeEndedOn: endedOn })
      .where(and(inArray(arrearsSignal.tenancyId, part), isNull(arrearsSignal.episodeEndedOn)));
  }
}

export async function latestAsOf(db: Db, organisationId: string): Promise<string | null> {
  const [row] = await db
    .select({ asOf: sql<string | null>`max(${arrearsTenancy.asOf})::text` })
    .from(arrearsTenancy)
    .where(eq(arrearsTenancy.organisationId, organisationId));
  return row?.asOf ?? null;
}

export async function findTenancy(db: Db, organisationId: string, tenancyRef: string) {
  return landlordsRow(db, arrearsTenancy, organisationId, arrearsTenancy.tenancyRef, tenancyRef);
}

export async function eventsOf(db: Db, tenancyId: string) {
  return rowsOfTenancy(db, arrearsEvent, tenancyId, arrearsEvent.date);
}

export async function positionsOf(db: Db, tenancyId: string) {
  return rowsOfTenancy(db, arrearsPosition, tenancyId, arrearsPosition.asOf);
}

/** A tenancy's reference, place and position as the raw queries below read them (no person). */
interface TenancySummaryRow {
  id: string;
  tenancy_ref: string;
  municipality_code: string;
  monthly_rent_cents: number;
  arrears_cents: number;
  oldest_unpaid_due_date: string | null;
  as_of: string;
}

function tenancySummary(r: TenancySummaryRow) {
  return {
    id: r.id,
    tenancyRef: r.tenancy_ref,
    municipalityCode: r.municipality_code,
    monthlyRentCents: Number(r.monthly_rent_cents),
    arrearsCents: Number(r.arrears_cents),
    oldestUnpaidDueDate: r.oldest_unpaid_due_date,
    asOf: r.as_of,
  };
}

/**
 * The tenancies in arrears (no personal data), for the monthly selection and the worklist.
 * Raw SQL with casts (D-014): this runs over every tenancy of a landlord each month.
 */
export async function tenanciesInArrears(database: Database, organisationId: string) {
  const rows = await database.query<TenancySummaryRow & { arrears_began_on: string | null }>(
    `SELECT id, tenancy_ref, municipality_code, monthly_rent_cents::float8 AS monthly_rent_cents,
            arrears_cents::float8 AS arrears_cents, oldest_unpaid_due_date::text AS oldest_unpaid_due_date,
            arrears_began_on::text AS arrears_began_on, as_of::text AS as_of
       FROM arrears_tenancy WHERE organisation_id = $1 AND arrears_cents > 0`,
    [organisationId],
  );
  return rows.map((r) => ({ ...tenancySummary(r), arrearsBeganOn: r.arrears_began_on }));
}

export type TenancyFilter = "in_arrears" | "hold" | "arrangement";

/**
 * A page of a landlord's tenancies (references and amounts only: no personal data is
 * decrypted for a list), searched by reference and filtered; arrears oldest first.
 */
export async function listTenancies(
  database: Database,
  organisationId: string,
  options: { search?: string | undefined; filter?: TenancyFilter | undefined; today: string },
  page: { offset: number; limit: number },
) {
  const params: unknown[] = [organisationId, options.today];
  const where = ["t.organisation_id = $1"];
  if (options.search) {
    params.push(`%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`t.tenancy_ref ILIKE $${params.length}`);
  }
  if (options.filter === "in_arrears") where.push("t.arrears_cents > 0");
  if (options.filter === "hold") {
    where.push(`EXISTS (SELECT 1 FROM arrears_hold h WHERE h.tenancy_id = t.id AND h.ended_on IS NULL
      AND h.start_date <= $2::date AND h.until >= $2::date)`);
  }
  if (options.filter === "arrangement") {
    where.push("EXISTS (SELECT 1 FROM arrears_arrangement a WHERE a.tenancy_id = t.id)");
  }
  const clause = where.join(" AND ");
  const [count] = await database.query<{ n: number }>(
    // ($2, today, is used by the hold filter only; named here so every query binds it.)
    `SELECT count(*)::int AS n FROM arrears_tenancy t WHERE ${clause} AND $2::date IS NOT NULL`,
    params,
  );
  const rows = await database.query<TenancySummaryRow & { on_hold: boolean; arrangements: number }>(
    `SELECT t.id, t.tenancy_ref, t.municipality_code, t.monthly_rent_cents::float8 AS monthly_rent_cents,
            t.arrears_cents::float8 AS arrears_cents,
            t.oldest_unpaid_due_date::text AS oldest_unpaid_due_date, t.as_of::text AS as_of,
            EXISTS (SELECT 1 FROM arrears_hold h WHERE h.tenancy_id = t.id AND h.ended_on IS NULL
              AND h.start_date <= $2::date AND h.until >= $2::date) AS on_hold,
            (SELECT count(*)::int FROM arrears_arrangement a WHERE a.tenancy_id = t.id) AS arrangements
       FROM arrears_tenancy t WHERE ${clause}
      ORDER BY (t.arrears_cents > 0) DESC, t.oldest_unpaid_due_date ASC NULLS LAST, t.tenancy_ref ASC
      LIMIT ${Math.trunc(page.limit)} OFFSET ${Math.trunc(page.offset)}`,
    params,
  );
  return {
    total: count?.n ?? 0,
    rows: rows.map((r) => ({
      ...tenancySummary(r),
      onHold: Boolean(r.on_hold),
      arrangements: Number(r.arrangements),
    })),
  };
}
