import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  or,
  type SQL,
} from "drizzle-orm";
import type { Actor } from "../../platform/audit/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import { findIds, findRows } from "../../platform/db/find.ts";
import { type PageRequest, selectPage } from "../../platform/db/paging.ts";
import { rowsById, updateByIdWhile, updateRows } from "../../platform/db/rows.ts";
import { dutyOccasion, letter, notificationDuty } from "./tables.ts";

export type DutyRow = typeof notificationDuty.$inferSelect;
export type LetterRow = typeof letter.$inferSelect;
export type DutyStatus = DutyRow["status"];

const dutyRows = rowsById(notificationDuty);
export const insertDuty = dutyRows.insert;
export const findDuty = dutyRows.find;

export async function updateDuty(
  db: Db,
  id: string,
  values: Partial<typeof notificationDuty.$inferInsert>,
  onlyWhenStatus?: readonly DutyStatus[],
): Promise<boolean> {
  const inStatus = onlyWhenStatus
    ? inArray(notificationDuty.status, [...onlyWhenStatus])
    : undefined;
  return updateByIdWhile(db, notificationDuty, id, values, inStatus);
}

/**
 * Closes a duty that is still open (fulfilled, documented or skipped, with `values`), recording
 * who closed it and when; false when it was no longer open (another request came first).
 */
export function closeOpenDuty(
  db: Db,
  id: string,
  by: Pick<Actor, "kind" | "id">,
  at: Date,
  values: Partial<typeof notificationDuty.$inferInsert>,
): Promise<boolean> {
  const closed = { closedAt: at, closedByKind: by.kind, closedBy: by.id };
  return updateDuty(db, id, { ...values, ...closed }, ["open"]);
}

export async function dutiesOfRegistration(db: Db, registrationId: string): Promise<DutyRow[]> {
  return findRows(
    db,
    notificationDuty,
    [eq(notificationDuty.registrationId, registrationId)],
    [asc(notificationDuty.dueDate), asc(notificationDuty.createdAt)],
  );
}

/** An organisation's open duties, earliest due first. */
export async function openDutiesOfOrganisation(db: Db, organisationId: string): Promise<DutyRow[]> {
  return findRows(
    db,
    notificationDuty,
    [eq(notificationDuty.organisationId, organisationId), eq(notificationDuty.status, "open")],
    [asc(notificationDuty.dueDate)],
  );
}

export interface DutyFilter extends PageRequest {
  /** undefined: every organisation (consortium admin). */
  organisationIds?: string[] | undefined;
  registrationId?: string | undefined;
  status?: DutyStatus | undefined;
  /** Open duties whose due date lies before this day. */
  overdueOn?: string | undefined;
  withoutLetter?: boolean;
}

export async function listDuties(
  db: Db,
  f: DutyFilter,
): Promise<{ rows: DutyRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [
    f.organisationIds ? inArray(notificationDuty.organisationId, f.organisationIds) : undefined,
    f.registrationId ? eq(notificationDuty.registrationId, f.registrationId) : undefined,
    f.status ? eq(notificationDuty.status, f.status) : undefined,
    f.overdueOn
      ? and(eq(notificationDuty.status, "open"), lt(notificationDuty.dueDate, f.overdueOn))
      : undefined,
  ];
  const where = and(...conditions);
  return selectPage(
    db,
    notificationDuty,
    where,
    [asc(notificationDuty.dueDate), asc(notificationDuty.createdAt)],
    f,
  );
}

/** Open duties that have no letter yet (the letters of an import are produced later). */
export async function openDutiesWithoutLetter(
  db: Db,
  organisationIds: string[] | undefined,
  limit: number,
): Promise<DutyRow[]> {
  const rows = await db
    .select({ duty: notificationDuty })
    .from(notificationDuty)
    .leftJoin(letter, eq(letter.dutyId, notificationDuty.id))
    .where(
      and(
        eq(notificationDuty.status, "open"),
        isNull(letter.id),
        // A recipient notice is addressed to an organisation: no letter is produced for it.
        ne(notificationDuty.kind, "recipient_notice"),
        organisationIds ? inArray(notificationDuty.organisationId, organisationIds) : undefined,
      ),
    )
    .orderBy(asc(notificationDuty.dueDate), asc(notificationDuty.createdAt))
    .limit(limit);
  return rows.map((r) => r.duty);
}

/** An organisation's hit-letter duties on these event days (the access answer looks for its own). */
export async function hitDutiesOn(
  db: Db,
  organisationId: string,
  days: readonly string[],
): Promise<DutyRow[]> {
  if (days.length === 0) return [];
  // A duty made on an earlier day lists later screenings as its occasions (D-990).
  const withOccasion = await db
    .selectDistinct({ id: dutyOccasion.dutyId })
    .from(dutyOccasion)
    .where(
      and(
        eq(dutyOccasion.organisationId, organisationId),
        inArray(dutyOccasion.occurredOn, [...days]),
      ),
    );
  return findRows(db, notificationDuty, [
    eq(notificationDuty.organisationId, organisationId),
    eq(notificationDuty.kind, "hit"),
    withOccasion.length > 0
      ? or(
          inArray(notificationDuty.eventDate, [...days]),
          inArray(
            notificationDuty.id,
            withOccasion.map((r) => r.id),
          ),
        )
      : inArray(notificationDuty.eventDate, [...days]),
  ]);
}

/**
 * The duty a new event of the same group joins (D-990): the organisation's latest duty of this
 * kind and group whose term (event date to due date) holds the day, unless it was cancelled.
 */
export async function dutyToJoin(
  db: Db,
  organisationId: string,
  kind: string,
  groupRef: string,
  day: string,
): Promise<DutyRow | undefined> {
  const [row] = await db
    .select()
    .from(notificationDuty)
    .where(
      and(
        eq(notificationDuty.organisationId, organisationId),
        eq(notificationDuty.kind, kind),
        eq(notificationDuty.groupRef, groupRef),
        ne(notificationDuty.status, "cancelled"),
        lte(notificationDuty.eventDate, day),
        gte(notificationDuty.dueDate, day),
      ),
    )
    .orderBy(desc(notificationDuty.eventDate), desc(notificationDuty.createdAt))
    .limit(1);
  return row;
}

/** These duties (any organisation: the caller checks who may see them). */
export async function rowsOfDuties(db: Db, ids: readonly string[]): Promise<DutyRow[]> {
  if (ids.length === 0) return [];
  return findRows(db, notificationDuty, [inArray(notificationDuty.id, [...ids])]);
}

export type OccasionRow = typeof dutyOccasion.$inferSelect;

export async function insertOccasion(db: Db, row: typeof dutyOccasion.$inferInsert) {
  await db.insert(dutyOccasion).values(row);
}

/** The occasions of these duties, oldest first. */
export async function occasionsOfDuties(
  db: Db,
  dutyIds: readonly string[],
): Promise<OccasionRow[]> {
  if (dutyIds.length === 0) return [];
  return findRows(
    db,
    dutyOccasion,
    [inArray(dutyOccasion.dutyId, [...dutyIds])],
    [asc(dutyOccasion.occurredOn), asc(dutyOccasion.createdAt)],
  );
}

/** The letters of these duties, newest first. */
export async function lettersOfDuties(db: Db, dutyIds: readonly string[]): Promise<LetterRow[]> {
  if (dutyIds.length === 0) return [];
  return findRows(db, letter, [inArray(letter.dutyId, [...dutyIds])], [desc(letter.createdAt)]);
}

const letterRows = rowsById(letter);
export const insertLetter = letterRows.insert;
export const findLetter = letterRows.find;

/** Changes a letter only while it is a draft: sent and documented letters are immutable. */
export async function updateDraft(
  db: Db,
  id: string,
  values: Partial<typeof letter.$inferInsert>,
): Promise<boolean> {
  return updateByIdWhile(db, letter, id, values, eq(letter.status, "draft"));
}

/** Drafts of a duty are replaced when its letter is produced again; they were never sent. */
export async function deleteDraftsOfDuty(db: Db, dutyId: string) {
  await db.delete(letter).where(and(eq(letter.dutyId, dutyId), eq(letter.status, "draft")));
}

export async function lettersOfDuty(db: Db, dutyId: string): Promise<LetterRow[]> {
  return db.select().from(letter).where(eq(letter.dutyId, dutyId)).orderBy(desc(letter.createdAt));
}

export interface LetterFilter extends PageRequest {
  organisationIds?: string[] | undefined;
  registrationId?: string | undefined;
  dutyId?: string | undefined;
  caseId?: string | undefined;
  status?: LetterRow["status"] | undefined;
}

export async function listLetters(
  db: Db,
  f: LetterFilter,
): Promise<{ rows: LetterRow[]; total: number }> {
  const where = and(
    f.organisationIds ? inArray(letter.organisationId, f.organisationIds) : undefined,
    f.registrationId ? eq(letter.registrationId, f.registrationId) : undefined,
    f.dutyId ? eq(letter.dutyId, f.dutyId) : undefined,
    f.caseId ? eq(letter.caseId, f.caseId) : undefined,
    f.status ? eq(letter.status, f.status) : undefined,
  );
  return selectPage(db, letter, where, [desc(letter.createdAt), asc(letter.id)], f);
}

/** The day the registration's placement letter went out, if it did (001 §11 Reactie). */
export async function placementLetterSentOn(
  db: Db,
  registrationId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ sentOn: letter.sentOn })
    .from(letter)
    .where(
      and(
        eq(letter.registrationId, registrationId),
        eq(letter.kind, "placement"),
        eq(letter.status, "sent"),
      ),
    )
    .orderBy(asc(letter.sentOn))
    .limit(1);
  return row?.sentOn ?? null;
}

/**
 * On erasure of a registration: its open duties are cancelled and every letter about it loses
 * its content (the metadata stays as a receipt without personal data). Only the primary
 * source's own duties and letters: another organisation's hit letter is that organisation's.
 */
export async function forgetRegistration(
  db: Db,
  organisationId: string,
  registrationId: string,
  now: Date,
) {
  await updateRows(
    db,
    notificationDuty,
    { status: "cancelled", closedAt: now, closedByKind: "system", closedBy: null },
    [
      eq(notificationDuty.registrationId, registrationId),
      eq(notificationDuty.organisationId, organisationId),
      inArray(notificationDuty.status, ["open", "documented"]),
    ],
  );
  // A block letter's sealed block (the inschrijfnummer) and a part-ended letter's categories
  // (D-950) go with the registration too.
  await updateRows(db, notificationDuty, { recipientCiphertext: null }, [
    eq(notificationDuty.registrationId, registrationId),
    eq(notificationDuty.organisationId, organisationId),
    inArray(notificationDuty.kind, ["block", "part_ended"]),
  ]);
  // Drafts never went out: they become "skipped" (not sent) and lose their content too.
  await updateRows(db, letter, { status: "skipped" }, [
    eq(letter.registrationId, registrationId),
    eq(letter.organisationId, organisationId),
    eq(letter.status, "draft"),
  ]);
  await updateRows(db, letter, { pdfCiphertext: null, contentErasedAt: now }, [
    eq(letter.registrationId, registrationId),
    eq(letter.organisationId, organisationId),
    ne(letter.kind, "removal"),
    isNull(letter.contentErasedAt),
  ]);
}

/**
 * A block that ends before its letter went out (the seeker left the index): the block letter's
 * open duty is cancelled and loses its sealed block, and a draft of it never goes out — a
 * letter must not tell the person of a block that no longer exists. The duty names its block
 * in `reason` (seekers' decide-match). Sent letters stay as they are: they were true then.
 */
/** The block letter duties of one block (their `reason` is the block's id, D-673). */
export async function blockDuties(db: Db, blockId: string): Promise<DutyRow[]> {
  return findRows(db, notificationDuty, [
    eq(notificationDuty.kind, "block"),
    eq(notificationDuty.reason, blockId),
  ]);
}

export async function cancelBlockLetters(db: Db, blockIds: readonly string[], now: Date) {
  if (blockIds.length === 0) return 0;
  const duties = await db
    .update(notificationDuty)
    .set({
      status: "cancelled",
      closedAt: now,
      closedByKind: "system",
      closedBy: null,
      recipientCiphertext: null,
    })
    .where(
      and(
        eq(notificationDuty.kind, "block"),
        inArray(notificationDuty.reason, [...blockIds]),
        inArray(notificationDuty.status, ["open", "documented"]),
      ),
    )
    .returning({ id: notificationDuty.id });
  if (duties.length > 0) {
    const dutyIds = duties.map((d) => d.id);
    await updateRows(db, letter, { status: "skipped", pdfCiphertext: null, contentErasedAt: now }, [
      inArray(letter.dutyId, dutyIds),
      eq(letter.status, "draft"),
    ]);
  }
  return duties.length;
}

/** A final (sent or documented) letter's content may only be erased, never changed. */
export async function eraseContent(db: Db, id: string, now: Date) {
  await updateRows(db, letter, { pdfCiphertext: null, contentErasedAt: now }, [
    eq(letter.id, id),
    isNull(letter.contentErasedAt),
  ]);
}

/** Duties whose event fell in [from, to] (dates), for the annual report: kind, status, dates. */
export async function dutiesForReport(db: Db, from: string, to: string) {
  return db
    .select({
      kind: notificationDuty.kind,
      status: notificationDuty.status,
      dueDate: notificationDuty.dueDate,
      closedAt: notificationDuty.closedAt,
      eventDate: notificationDuty.eventDate,
    })
    .from(notificationDuty)
    .where(and(gte(notificationDuty.eventDate, from), lte(notificationDuty.eventDate, to)));
}

/** A closed case past its retention: its duties and letters go entirely (issue 9). */
export async function deleteCaseLetters(db: Db, caseId: string): Promise<number> {
  const duties = db
    .select({ id: notificationDuty.id })
    .from(notificationDuty)
    .where(eq(notificationDuty.caseId, caseId));
  const letters = await db
    .delete(letter)
    .where(inArray(letter.dutyId, duties))
    .returning({ id: letter.id });
  await db.delete(notificationDuty).where(eq(notificationDuty.caseId, caseId));
  return letters.length;
}

/**
 * The open recipient notices made before `createdBefore` that still hold their sealed facts
 * (NOTICE_DETAILS_KEEP_MONTHS): the retention job erases those facts.
 */
export async function unprocessedNoticesBefore(db: Db, createdBefore: Date): Promise<string[]> {
  return findIds(db, notificationDuty, [
    eq(notificationDuty.kind, "recipient_notice"),
    eq(notificationDuty.status, "open"),
    isNotNull(notificationDuty.recipientCiphertext),
    lt(notificationDuty.createdAt, createdBefore),
  ]);
}
