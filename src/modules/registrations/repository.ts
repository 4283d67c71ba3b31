import {
  and,
  asc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  lte,
  notInArray,
  or,
  sql,
} from "drizzle-orm";
import { anyBlindKey, type BlindKey } from "../../platform/db/blind-keys.ts";
import type { Db } from "../../platform/db/database.ts";
import { findIds } from "../../platform/db/find.ts";
import { type PageRequest, selectPage } from "../../platform/db/paging.ts";
import { deleteRows, rowsById } from "../../platform/db/rows.ts";
import { registration, registrationBlindIndex } from "./tables.ts";

export type RegistrationRow = typeof registration.$inferSelect;

const registrationRows = rowsById(registration);
export const insertRegistration = registrationRows.insert;
export const findRegistration = registrationRows.find;
export const updateRegistration = registrationRows.update;

/** Erasure means gone: the row (and, by cascade, its blind indexes) is deleted. */
export async function deleteRegistration(db: Db, id: string): Promise<boolean> {
  return (await deleteRows(db, registration, [eq(registration.id, id)])) === 1;
}

export async function idsOfOrganisation(db: Db, organisationId: string): Promise<string[]> {
  return findIds(db, registration, [eq(registration.organisationId, organisationId)]);
}

export interface ListFilter extends PageRequest {
  organisationId: string;
  today: string;
  status?: "draft" | "pending_notice" | "active" | "restricted" | "expired" | undefined;
  endBefore?: string | undefined;
  endAfter?: string | undefined;
  category?: string | undefined;
  /** Only what waits for a confirmation: drafts and lengthenings awaiting a second look. */
  awaiting?: boolean | undefined;
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
    f.awaiting
      ? and(
          or(eq(registration.status, "draft"), isNotNull(registration.pendingChange)),
          gt(registration.endDate, f.today),
        )
      : undefined,
  );
  return selectPage(db, registration, where, [asc(registration.endDate), asc(registration.id)], f);
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

/**
 * Registrations sharing any of these blind indexes (candidate retrieval, issue 5). The HMAC
 * domain is the kind, so a value can only ever equal a value of the same kind; the kind is
 * still in the condition so the (kind, value) index is used.
 */
export async function findByBlindKeys(
  db: Db,
  keys: readonly BlindKey[],
): Promise<RegistrationRow[]> {
  if (keys.length === 0) return [];
  const ids = db
    .selectDistinct({ id: registrationBlindIndex.registrationId })
    .from(registrationBlindIndex)
    .where(anyBlindKey(registrationBlindIndex, keys));
  return db.select().from(registration).where(inArray(registration.id, ids));
}

/** Ids of registrations holding a blind index of a kind that is no longer computed. */
export async function idsWithStaleBlindIndexes(
  db: Db,
  currentKinds: readonly string[],
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: registrationBlindIndex.registrationId })
    .from(registrationBlindIndex)
    .where(notInArray(registrationBlindIndex.kind, [...currentKinds]));
  return rows.map((r) => r.id);
}

export async function allIds(db: Db): Promise<string[]> {
  return findIds(db, registration, []);
}

/** Ids of the registrations in effect today (active, started, not ended). */
export async function effectiveIds(db: Db, today: string): Promise<string[]> {
  return findIds(db, registration, [
    eq(registration.status, "active"),
    lte(registration.startDate, today),
    gt(registration.endDate, today),
  ]);
}

/** Ids of registrations whose (exclusive) end date is today or earlier. */
export async function idsEndedBy(db: Db, today: string): Promise<string[]> {
  return findIds(db, registration, [lte(registration.endDate, today)]);
}

/** Which of these ids still exist (the erasure journal's replay checks in batches). */
export async function existingIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return findIds(db, registration, [inArray(registration.id, ids)]);
}

/**
 * Ids of registrations with a part whose (exclusive) end date is today or earlier while a
 * later part runs on (issue #20): the retention job ends those parts one by one.
 */
export async function idsWithPartEndedBy(db: Db, today: string): Promise<string[]> {
  return findIds(db, registration, [
    gt(registration.endDate, today),
    sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${registration.parts}) AS p
      WHERE (p->>'endDate')::date <= ${today}::date)`,
  ]);
}

/** An import's drafts that wait for their first confirmation (issue 20 part 3, D-841). */
export async function draftsOfImport(
  db: Db,
  organisationId: string,
  importId: string,
): Promise<string[]> {
  return findIds(db, registration, [
    eq(registration.organisationId, organisationId),
    eq(registration.importId, importId),
    eq(registration.status, "draft"),
    isNull(registration.decidedBy),
  ]);
}

/** The rows of these ids that belong to this organisation (a page's names; issue 21). */
export async function findOwnRegistrations(
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<RegistrationRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(registration)
    .where(
      and(eq(registration.organisationId, organisationId), inArray(registration.id, [...ids])),
    );
}
