import { and, asc, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Database, Db } from "../../platform/db/database.ts";
import {
  arrearsAgreement,
  arrearsArrangement,
  arrearsDelivery,
  arrearsEvent,
  arrearsFeedback,
  arrearsHold,
  arrearsInstalment,
  arrearsMeasure,
  arrearsPosition,
  arrearsSignal,
  arrearsTenancy,
} from "./tables.ts";

export type AgreementRow = typeof arrearsAgreement.$inferSelect;
export type TenancyRow = typeof arrearsTenancy.$inferSelect;
export type EventRow = typeof arrearsEvent.$inferSelect;
export type DeliveryRow = typeof arrearsDelivery.$inferSelect;
export type SignalRow = typeof arrearsSignal.$inferSelect;
export type HoldRow = typeof arrearsHold.$inferSelect;
export type MeasureRow = typeof arrearsMeasure.$inferSelect;
export type ArrangementRow = typeof arrearsArrangement.$inferSelect;
export type InstalmentRow = typeof arrearsInstalment.$inferSelect;
export type FeedbackRow = typeof arrearsFeedback.$inferSelect;

const CHUNK = 1000;
function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ---- agreements -------------------------------------------------------------------------

export async function findAgreement(db: Db, organisationId: string, municipalityCode: string) {
  const [row] = await db
    .select()
    .from(arrearsAgreement)
    .where(
      and(
        eq(arrearsAgreement.organisationId, organisationId),
        eq(arrearsAgreement.municipalityCode, municipalityCode),
      ),
    );
  return row;
}

export async function listAgreements(db: Db, organisationId: string) {
  return db
    .select()
    .from(arrearsAgreement)
    .where(eq(arrearsAgreement.organisationId, organisationId))
    .orderBy(asc(arrearsAgreement.municipalityCode));
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
  for (const part of chunks(refs)) {
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

export async function upsertTenancies(db: Db, rows: (typeof arrearsTenancy.$inferInsert)[]) {
  for (const part of chunks(rows, 500)) {
    await db
      .insert(arrearsTenancy)
      .values(part)
      .onConflictDoUpdate({
        target: [arrearsTenancy.organisationId, arrearsTenancy.tenancyRef],
        set: {
          municipalityCode: sql`excluded.municipality_code`,
          municipalityDerived: sql`excluded.municipality_derived`,
          monthlyRentCents: sql`excluded.monthly_rent_cents`,
          arrearsCents: sql`excluded.arrears_cents`,
          oldestUnpaidDueDate: sql`excluded.oldest_unpaid_due_date`,
          asOf: sql`excluded.as_of`,
          arrearsBeganOn: sql`excluded.arrears_began_on`,
          arrearsEndedOn: sql`excluded.arrears_ended_on`,
          personCiphertext: sql`excluded.person_ciphertext`,
          addressCiphertext: sql`excluded.address_ciphertext`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
}

export async function upsertPositions(db: Db, rows: (typeof arrearsPosition.$inferInsert)[]) {
  for (const part of chunks(rows, 1000)) {
    await db
      .insert(arrearsPosition)
      .values(part)
      .onConflictDoUpdate({
        target: [arrearsPosition.tenancyId, arrearsPosition.asOf],
        set: {
          monthlyRentCents: sql`excluded.monthly_rent_cents`,
          arrearsCents: sql`excluded.arrears_cents`,
          oldestUnpaidDueDate: sql`excluded.oldest_unpaid_due_date`,
          lastPaymentDate: sql`excluded.last_payment_date`,
        },
      });
  }
}

export async function insertEvents(db: Db, rows: (typeof arrearsEvent.$inferInsert)[]) {
  let inserted = 0;
  for (const part of chunks(rows, 1000)) {
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
  for (const part of chunks(tenancyIds)) {
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
  const [row] = await db
    .select()
    .from(arrearsTenancy)
    .where(
      and(
        eq(arrearsTenancy.organisationId, organisationId),
        eq(arrearsTenancy.tenancyRef, tenancyRef),
      ),
    );
  return row;
}

export async function eventsOf(db: Db, tenancyId: string) {
  return db
    .select()
    .from(arrearsEvent)
    .where(eq(arrearsEvent.tenancyId, tenancyId))
    .orderBy(asc(arrearsEvent.date));
}

export async function positionsOf(db: Db, tenancyId: string) {
  return db
    .select()
    .from(arrearsPosition)
    .where(eq(arrearsPosition.tenancyId, tenancyId))
    .orderBy(asc(arrearsPosition.asOf));
}

/**
 * The tenancies in arrears (no personal data), for the monthly selection and the worklist.
 * Raw SQL with casts (D-014): this runs over every tenancy of a landlord each month.
 */
export async function tenanciesInArrears(database: Database, organisationId: string) {
  const rows = await database.query<{
    id: string;
    tenancy_ref: string;
    municipality_code: string;
    monthly_rent_cents: number;
    arrears_cents: number;
    oldest_unpaid_due_date: string | null;
    arrears_began_on: string | null;
    as_of: string;
  }>(
    `SELECT id, tenancy_ref, municipality_code, monthly_rent_cents::float8 AS monthly_rent_cents,
            arrears_cents::float8 AS arrears_cents, oldest_unpaid_due_date::text AS oldest_unpaid_due_date,
            arrears_began_on::text AS arrears_began_on, as_of::text AS as_of
       FROM arrears_tenancy WHERE organisation_id = $1 AND arrears_cents > 0`,
    [organisationId],
  );
  return rows.map((r) => ({
    id: r.id,
    tenancyRef: r.tenancy_ref,
    municipalityCode: r.municipality_code,
    monthlyRentCents: Number(r.monthly_rent_cents),
    arrearsCents: Number(r.arrears_cents),
    oldestUnpaidDueDate: r.oldest_unpaid_due_date,
    arrearsBeganOn: r.arrears_began_on,
    asOf: r.as_of,
  }));
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
  const rows = await database.query<{
    id: string;
    tenancy_ref: string;
    municipality_code: string;
    monthly_rent_cents: number;
    arrears_cents: number;
    oldest_unpaid_due_date: string | null;
    as_of: string;
    on_hold: boolean;
    arrangements: number;
  }>(
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
      id: r.id,
      tenancyRef: r.tenancy_ref,
      municipalityCode: r.municipality_code,
      monthlyRentCents: Number(r.monthly_rent_cents),
      arrearsCents: Number(r.arrears_cents),
      oldestUnpaidDueDate: r.oldest_unpaid_due_date,
      asOf: r.as_of,
      onHold: Boolean(r.on_hold),
      arrangements: Number(r.arrangements),
    })),
  };
}

export const EVENT_BITS = {
  contact_attempt: 1,
  debt_help_referral: 2,
  reminder_with_sharing_offer: 4,
  tenant_refused: 8,
} as const;

/**
 * Per tenancy in arrears: which event types are recorded within its current episode (on or
 * after the arrears began, not after `until`), as a bit mask of EVENT_BITS.
 */
export async function episodeEventTypes(
  database: Database,
  organisationId: string,
  until: string,
): Promise<Map<string, number>> {
  const rows = await database.query<{ tenancy_id: string; mask: number }>(
    `SELECT e.tenancy_id, bit_or(CASE e.type WHEN 'contact_attempt' THEN 1 WHEN 'debt_help_referral' THEN 2
                                   WHEN 'reminder_with_sharing_offer' THEN 4 ELSE 8 END) AS mask
       FROM arrears_event e JOIN arrears_tenancy t ON t.id = e.tenancy_id
      WHERE t.organisation_id = $1 AND t.arrears_cents > 0
        AND e.date >= t.arrears_began_on AND e.date <= $2::date
      GROUP BY e.tenancy_id`,
    [organisationId, until],
  );
  return new Map(rows.map((r) => [r.tenancy_id, Number(r.mask)]));
}

/** The last signal of every tenancy of the landlord. */
export async function lastSignals(database: Database, organisationId: string) {
  const rows = await database.query<{
    tenancy_id: string;
    arrears_began_on: string;
    arrears_cents: number;
    signal_date: string;
  }>(
    `SELECT DISTINCT ON (tenancy_id) tenancy_id, arrears_began_on::text AS arrears_began_on,
            arrears_cents::float8 AS arrears_cents, signal_date::text AS signal_date
       FROM arrears_signal WHERE organisation_id = $1
      ORDER BY tenancy_id, signal_date DESC, arrears_cents DESC`,
    [organisationId],
  );
  return new Map(
    rows.map((r) => [
      r.tenancy_id,
      {
        arrearsBeganOn: r.arrears_began_on,
        arrearsCents: Number(r.arrears_cents),
        signalDate: r.signal_date,
      },
    ]),
  );
}

/** The encrypted person and address of the landlord's tenancies in arrears in these municipalities. */
export async function ciphertextsIn(
  database: Database,
  organisationId: string,
  municipalityCodes: readonly string[],
) {
  const rows = await database.query<{
    id: string;
    person_ciphertext: string;
    address_ciphertext: string;
  }>(
    `SELECT id, person_ciphertext, address_ciphertext FROM arrears_tenancy
      WHERE organisation_id = $1 AND arrears_cents > 0 AND municipality_code = ANY($2::text[])`,
    [organisationId, municipalityCodes],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { personCiphertext: r.person_ciphertext, addressCiphertext: r.address_ciphertext },
    ]),
  );
}

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

export async function insertDelivery(db: Db, row: typeof arrearsDelivery.$inferInsert) {
  await db.insert(arrearsDelivery).values(row);
}

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
  return db
    .select()
    .from(arrearsDelivery)
    .where(
      and(
        eq(arrearsDelivery.organisationId, organisationId),
        month ? eq(arrearsDelivery.month, month) : undefined,
      ),
    )
    .orderBy(desc(arrearsDelivery.month), asc(arrearsDelivery.municipalityCode));
}

export async function findDelivery(db: Db, id: string) {
  const [row] = await db.select().from(arrearsDelivery).where(eq(arrearsDelivery.id, id));
  return row;
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
  return db
    .select()
    .from(arrearsSignal)
    .where(eq(arrearsSignal.tenancyId, tenancyId))
    .orderBy(asc(arrearsSignal.signalDate));
}

export async function updateDeliveryDocument(db: Db, id: string, documentCiphertext: string) {
  await db.update(arrearsDelivery).set({ documentCiphertext }).where(eq(arrearsDelivery.id, id));
}

// ---- feedback and holds -----------------------------------------------------------------

export async function insertFeedback(db: Db, row: typeof arrearsFeedback.$inferInsert) {
  const r = await db
    .insert(arrearsFeedback)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: arrearsFeedback.id });
  return r.length === 1;
}

export async function feedbackOfTenancy(db: Db, tenancyId: string) {
  return db
    .select()
    .from(arrearsFeedback)
    .where(eq(arrearsFeedback.tenancyId, tenancyId))
    .orderBy(asc(arrearsFeedback.date));
}

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

// ---- measures and arrangements ----------------------------------------------------------

export async function insertMeasure(db: Db, row: typeof arrearsMeasure.$inferInsert) {
  await db.insert(arrearsMeasure).values(row);
}

export async function measuresOf(db: Db, tenancyId: string) {
  return db
    .select()
    .from(arrearsMeasure)
    .where(eq(arrearsMeasure.tenancyId, tenancyId))
    .orderBy(asc(arrearsMeasure.date));
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
  const [row] = await db.select().from(arrearsArrangement).where(eq(arrearsArrangement.id, id));
  return row;
}

export async function instalmentsOf(db: Db, arrangementIds: readonly string[]) {
  if (arrangementIds.length === 0) return [];
  return db
    .select()
    .from(arrearsInstalment)
    .where(inArray(arrearsInstalment.arrangementId, [...arrangementIds]))
    .orderBy(asc(arrearsInstalment.arrangementId), asc(arrearsInstalment.seq));
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
  return db
    .select()
    .from(arrearsArrangement)
    .where(eq(arrearsArrangement.tenancyId, tenancyId))
    .orderBy(asc(arrearsArrangement.agreedOn));
}

export async function arrangementsOfOrganisation(db: Db, organisationId: string) {
  return db
    .select({
      arrangement: arrearsArrangement,
      tenancyRef: arrearsTenancy.tenancyRef,
      municipalityCode: arrearsTenancy.municipalityCode,
    })
    .from(arrearsArrangement)
    .innerJoin(arrearsTenancy, eq(arrearsTenancy.id, arrearsArrangement.tenancyId))
    .where(eq(arrearsArrangement.organisationId, organisationId));
}

// ---- early warnings and dashboard -------------------------------------------------------

/** The last four positions of every tenancy of the landlord, oldest first per tenancy. */
export async function recentPositions(database: Database, organisationId: string) {
  return database.query<{
    tenancy_id: string;
    tenancy_ref: string;
    municipality_code: string;
    as_of: string;
    arrears_cents: number;
    monthly_rent_cents: number;
    last_payment_date: string | null;
  }>(
    `SELECT p.tenancy_id, t.tenancy_ref, t.municipality_code, p.as_of::text AS as_of,
            p.arrears_cents::float8 AS arrears_cents, p.monthly_rent_cents::float8 AS monthly_rent_cents,
            p.last_payment_date::text AS last_payment_date
       FROM (SELECT *, row_number() OVER (PARTITION BY tenancy_id ORDER BY as_of DESC) AS n
               FROM arrears_position WHERE organisation_id = $1) p
       JOIN arrears_tenancy t ON t.id = p.tenancy_id
      WHERE p.n <= 4
      ORDER BY p.tenancy_id, p.as_of`,
    [organisationId],
  );
}

export async function positionTrend(database: Database, organisationId: string, since: string) {
  return database.query<{ as_of: string; in_arrears: number; arrears_cents: number }>(
    `SELECT as_of::text AS as_of, count(*) FILTER (WHERE arrears_cents > 0)::int AS in_arrears,
            coalesce(sum(arrears_cents), 0)::float8 AS arrears_cents
       FROM arrears_position WHERE organisation_id = $1 AND as_of >= $2::date
      GROUP BY as_of ORDER BY as_of`,
    [organisationId, since],
  );
}

export async function signalTrend(database: Database, organisationId: string, since: string) {
  return database.query<{ month: string; signals: number; repeated: number }>(
    `SELECT to_char(signal_date, 'YYYY-MM') AS month, count(*)::int AS signals,
            count(*) FILTER (WHERE repeated)::int AS repeated
       FROM arrears_signal WHERE organisation_id = $1 AND signal_date >= $2::date
      GROUP BY 1 ORDER BY 1`,
    [organisationId, since],
  );
}

export async function outcomeCounts(database: Database, organisationId: string, since: string) {
  return database.query<{ outcome: string; count: number }>(
    `SELECT outcome, count(*)::int AS count FROM arrears_feedback
      WHERE organisation_id = $1 AND date >= $2::date GROUP BY outcome ORDER BY outcome`,
    [organisationId, since],
  );
}

export async function recentFeedback(db: Db, organisationId: string, since: string) {
  return db
    .select({ feedback: arrearsFeedback, tenancyRef: arrearsTenancy.tenancyRef })
    .from(arrearsFeedback)
    .innerJoin(arrearsTenancy, eq(arrearsTenancy.id, arrearsFeedback.tenancyId))
    .where(
      and(
        eq(arrearsFeedback.organisationId, organisationId),
        sql`${arrearsFeedback.date} >= ${since}::date`,
      ),
    );
}

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
