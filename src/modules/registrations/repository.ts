import { and, asc, count, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database.ts";
import { registration, registrationBlindIndex } from "./tables.ts";

export type RegistrationRow = typeof registration.$inferSelect;

export async function insertRegistration(db: Db, row: typeof registration.$inferInsert) {
  await db.insert(registration).values(row);
}

export async function findRegistration(db: Db, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await db.select().from(registration).where(eq(registration.id, id));
  return row;
}

export async function updateRegistration(
  db: Db,
  id: string,
  values: Partial<typeof registration.$inferInsert>,
) {
  await db.update(registration).set(values).where(eq(registration.id, id));
}

/** Erasure means gone: the row (and, by cascade, its blind indexes) is deleted. */
export async function deleteRegistration(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .delete(registration)
    .where(eq(registration.id, id))
    .returning({ id: registration.id });
  return rows.length === 1;
}

export async function idsOfOrganisation(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: registration.id })
    .from(registration)
    .where(eq(registration.organisationId, organisationId));
  return rows.map((r) => r.id);
}

export interface ListFilter {
  organisationId: string;
  today: string;
  status?: "pending_notice" | "active" | "restricted" | "expired" | undefined;
  endBefore?: string | undefined;
  endAfter?: string | undefined;
  category?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listRegistrations(
  db: Db,
  f: ListFilter,
): Promise<{ rows: RegistrationRow[]; total: number }> {
  const where = and(
    eq(registration.organisationId, f.organisationId),
    f.status === "expired"
      ? lte(registration.endDate, f.today)
      : f.status
        ? and(eq(registration.status, f.status), gt(registration.endDate, f.today))
        : undefined,
    f.endBefore ? sql`${registration.endDate} < ${f.endBefore}` : undefined,
    f.endAfter ? sql`${registration.endDate} > ${f.endAfter}` : undefined,
    f.category ? sql`${f.category} = ANY(${registration.categories})` : undefined,
  );
  const [total] = await db.select({ n: count() }).from(registration).where(where);
  const rows = await db
    .select()
    .from(registration)
    .where(where)
    .orderBy(asc(registration.endDate), asc(registration.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { rows, total: total?.n ?? 0 };
}

export async function replaceBlindIndexes(
  db: Db,
  registrationId: string,
  entries: { kind: string; value: string }[],
) {
  await db
    .delete(registrationBlindIndex)
    .where(eq(registrationBlindIndex.registrationId, registrationId));
  if (entries.length > 0) {
    await db
      .insert(registrationBlindIndex)
      .values(entries.map((e) => ({ registrationId, kind: e.kind, value: e.value })));
  }
}

/** Registrations with any of these blind-index values (candidate retrieval). */
export async function findByBlindIndex(
  db: Db,
  kind: string,
  values: string[],
): Promise<RegistrationRow[]> {
  if (values.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: registrationBlindIndex.registrationId })
    .from(registrationBlindIndex)
    .where(
      and(eq(registrationBlindIndex.kind, kind), inArray(registrationBlindIndex.value, values)),
    );
  if (rows.length === 0) return [];
  return db
    .select()
    .from(registration)
    .where(
      inArray(
        registration.id,
        rows.map((r) => r.id),
      ),
    );
}
