import { and, asc, count, desc, eq, gt, gte, inArray, lt, notExists, sql } from "drizzle-orm";
import { anyBlindKey, type BlindKey } from "../../platform/db/blind-keys.ts";
import type { Db } from "../../platform/db/database.ts";
import { findRows } from "../../platform/db/find.ts";
import { type PageRequest, selectPage } from "../../platform/db/paging.ts";
import { deleteRows, insertRow, rowsById } from "../../platform/db/rows.ts";
import {
  blockLookup,
  seeker,
  seekerBlindIndex,
  seekerBlock,
  seekerMatch,
  seekerStatistic,
} from "./tables.ts";

export type SeekerRow = typeof seeker.$inferSelect;
export type MatchRow = typeof seekerMatch.$inferSelect;
export type BlockRow = typeof seekerBlock.$inferSelect;

export async function findSeeker(db: Db, seekerNumber: string): Promise<SeekerRow | undefined> {
  const [row] = await db.select().from(seeker).where(eq(seeker.seekerNumber, seekerNumber));
  return row;
}

/** Inserts or replaces a seeker and its blind indexes (in the caller's transaction). */
export async function upsertSeeker(
  db: Db,
  row: typeof seeker.$inferInsert,
  indexes: readonly { kind: string; value: string }[],
) {
  await db
    .insert(seeker)
    .values(row)
    .onConflictDoUpdate({
      target: seeker.seekerNumber,
      set: {
        organisationId: row.organisationId,
        personCiphertext: row.personCiphertext,
        fingerprint: row.fingerprint,
        subjectRef: row.subjectRef ?? null,
        updatedAt: row.updatedAt,
      },
    });
  await db.delete(seekerBlindIndex).where(eq(seekerBlindIndex.seekerNumber, row.seekerNumber));
  if (indexes.length > 0) {
    await db
      .insert(seekerBlindIndex)
      .values(
        indexes.map((i) => ({ seekerNumber: row.seekerNumber, kind: i.kind, value: i.value })),
      );
  }
}

/** The initial load: many seekers at once (same effect as upsertSeeker for each). */
export async function upsertSeekers(
  db: Db,
  rows: (typeof seeker.$inferInsert)[],
  indexes: readonly { seekerNumber: string; kind: string; value: string }[],
) {
  if (rows.length === 0) return;
  // Many rows in few statements: they travel as one JSON parameter (json_to_recordset, D-030).
  // For an initial load of 2,000,000 seekers, building the statement row by row cost more
  // than the database's own work (docs/benchmarks.md, "The product's import").
  await db.execute(sql`
    INSERT INTO seeker (seeker_number, organisation_id, person_ciphertext, fingerprint,
      subject_ref, created_at, updated_at)
    SELECT "seekerNumber", "organisationId", "personCiphertext", fingerprint, "subjectRef",
           "createdAt", "updatedAt"
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x("seekerNumber" text,
        "organisationId" uuid, "personCiphertext" text, fingerprint text, "subjectRef" text,
        "createdAt" timestamptz, "updatedAt" timestamptz)
    ON CONFLICT (seeker_number) DO UPDATE SET
      organisation_id = excluded.organisation_id,
      person_ciphertext = excluded.person_ciphertext,
      fingerprint = excluded.fingerprint,
      subject_ref = excluded.subject_ref,
      updated_at = excluded.updated_at`);
  // ARRAY(…) is evaluated once, so the index on seeker_number is used (an IN over the JSON
  // set-returning function made PostgreSQL scan the whole table for every batch).
  await db.execute(sql`
    DELETE FROM seeker_blind_index
     WHERE seeker_number = ANY(ARRAY(
       SELECT json_array_elements_text(${JSON.stringify(rows.map((r) => r.seekerNumber))}::json)))`);
  for (let i = 0; i < indexes.length; i += 20_000) {
    await db.execute(sql`
      INSERT INTO seeker_blind_index (seeker_number, kind, value)
      SELECT "seekerNumber", kind, value
        FROM json_to_recordset(${JSON.stringify(indexes.slice(i, i + 20_000))}::json)
          AS x("seekerNumber" text, kind text, value text)`);
  }
}

/** Erasure means gone: the seeker, its blind indexes, matches and blocks (cascade). */
export async function deleteSeeker(db: Db, seekerNumber: string): Promise<boolean> {
  return (await deleteRows(db, seeker, [eq(seeker.seekerNumber, seekerNumber)])) === 1;
}

/** Seekers in seeker-number order after `after` (batches over the whole index). */
/**
 * Seekers in number order after `after`; with `lackingKind`, only those without any blind
 * index of that kind (stored before the kind existed).
 */
export async function seekersAfter(
  db: Db,
  after: string,
  limit: number,
  lackingKind?: string,
): Promise<SeekerRow[]> {
  const lacking =
    lackingKind === undefined
      ? undefined
      : notExists(
          db
            .select({ one: sql`1` })
            .from(seekerBlindIndex)
            .where(
              and(
                eq(seekerBlindIndex.seekerNumber, seeker.seekerNumber),
                eq(seekerBlindIndex.kind, lackingKind),
              ),
            ),
        );
  return db
    .select()
    .from(seeker)
    .where(and(gt(seeker.seekerNumber, after), lacking))
    .orderBy(asc(seeker.seekerNumber))
    .limit(limit);
}

/** Seeker numbers only, in order after `after` (walks the index without its data). */
export async function seekerNumbersAfter(db: Db, after: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ n: seeker.seekerNumber })
    .from(seeker)
    .where(gt(seeker.seekerNumber, after))
    .orderBy(asc(seeker.seekerNumber))
    .limit(limit);
  return rows.map((r) => r.n);
}

/** A participant's block look-up (F7): kept like a screening, without personal data. */
export const insertBlockLookup = (db: Db, row: typeof blockLookup.$inferInsert) =>
  insertRow(db, blockLookup, row);

/** The conditions for this caller's block look-ups since `since`. */
function ownLookupsSince(actorId: string, since: Date) {
  return [eq(blockLookup.actorId, actorId), gte(blockLookup.createdAt, since)];
}

/** Whether this caller looked up any of these numbers (by reference) since `since`. */
export async function lookedUpSince(
  db: Db,
  actorId: string,
  seekerRefs: string[],
  since: Date,
): Promise<boolean> {
  if (seekerRefs.length === 0) return false;
  const [row] = await db
    .select({ id: blockLookup.id })
    .from(blockLookup)
    .where(and(...ownLookupsSince(actorId, since), inArray(blockLookup.seekerRef, seekerRefs)))
    .limit(1);
  return row !== undefined;
}

/** How many of this caller's look-ups since `since` were of a neighbouring number (sweeps). */
export async function countSequentialSince(db: Db, actorId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(blockLookup)
    .where(and(...ownLookupsSince(actorId, since), eq(blockLookup.sequential, true)));
  return row?.n ?? 0;
}

export type BlockLookupRow = typeof blockLookup.$inferSelect;

/** Block look-ups in [from, before), oldest first (oversight's misuse signals). */
export async function blockLookupsBetween(
  db: Db,
  from: Date,
  before: Date,
): Promise<BlockLookupRow[]> {
  return findRows(
    db,
    blockLookup,
    [gte(blockLookup.createdAt, from), lt(blockLookup.createdAt, before)],
    [asc(blockLookup.createdAt), asc(blockLookup.id)],
  );
}

/** A stored figure of the seeker index (seeker_statistic), with when it was counted. */
export async function findStatistic(
  db: Db,
  name: string,
): Promise<{ value: number; countedAt: Date } | undefined> {
  const [row] = await db
    .select({ value: seekerStatistic.value, countedAt: seekerStatistic.countedAt })
    .from(seekerStatistic)
    .where(eq(seekerStatistic.name, name));
  return row;
}

export async function saveStatistic(db: Db, name: string, value: number, countedAt: Date) {
  await db
    .insert(seekerStatistic)
    .values({ name, value, countedAt })
    .onConflictDoUpdate({ target: seekerStatistic.name, set: { value, countedAt } });
}

export async function countSeekers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(seeker);
  return row?.n ?? 0;
}

/** How many seekers carry each of these blind values of one kind (absent: none). */
export async function countBlindValues(
  db: Db,
  kind: string,
  values: readonly string[],
): Promise<Map<string, number>> {
  if (values.length === 0) return new Map();
  const rows = await db
    .select({ value: seekerBlindIndex.value, n: count() })
    .from(seekerBlindIndex)
    .where(and(eq(seekerBlindIndex.kind, kind), inArray(seekerBlindIndex.value, [...values])))
    .groupBy(seekerBlindIndex.value);
  return new Map(rows.map((r) => [r.value, r.n]));
}

/** Seekers sharing any of these blind indexes (candidate retrieval for a registration). */
export async function findSeekersByBlindKeys(
  db: Db,
  keys: readonly BlindKey[],
): Promise<SeekerRow[]> {
  if (keys.length === 0) return [];
  const numbers = db
    .selectDistinct({ n: seekerBlindIndex.seekerNumber })
    .from(seekerBlindIndex)
    .where(anyBlindKey(seekerBlindIndex, keys));
  return db.select().from(seeker).where(inArray(seeker.seekerNumber, numbers));
}

const matchRows = rowsById(seekerMatch);
export const findMatch = matchRows.find;
export const insertMatch = matchRows.insert;
export const updateMatch = matchRows.update;

export async function findPair(
  db: Db,
  registrationId: string,
  seekerNumber: string,
): Promise<MatchRow | undefined> {
  const [row] = await db
    .select()
    .from(seekerMatch)
    .where(
      and(
        eq(seekerMatch.registrationId, registrationId),
        eq(seekerMatch.seekerNumber, seekerNumber),
      ),
    );
  return row;
}

export async function deleteMatch(db: Db, id: string) {
  await db.delete(seekerMatch).where(eq(seekerMatch.id, id));
}

export async function matchesOfSeeker(db: Db, seekerNumber: string): Promise<MatchRow[]> {
  return db.select().from(seekerMatch).where(eq(seekerMatch.seekerNumber, seekerNumber));
}

export async function matchesOfRegistration(db: Db, registrationId: string): Promise<MatchRow[]> {
  return db.select().from(seekerMatch).where(eq(seekerMatch.registrationId, registrationId));
}

export async function listMatches(
  db: Db,
  f: PageRequest & { organisationId: string; status?: MatchRow["status"] | undefined },
): Promise<{ rows: MatchRow[]; total: number }> {
  const where = and(
    eq(seekerMatch.organisationId, f.organisationId),
    f.status ? eq(seekerMatch.status, f.status) : undefined,
  );
  return selectPage(
    db,
    seekerMatch,
    where,
    [desc(seekerMatch.score), asc(seekerMatch.proposedAt), asc(seekerMatch.id)],
    f,
  );
}

export const insertBlock = (db: Db, row: typeof seekerBlock.$inferInsert) =>
  insertRow(db, seekerBlock, row);

/**
 * A seeker's blocks. Whether a block is in force depends on its registration (status, start,
 * end, scope), which the caller asks of the registrations module, on today's date.
 */
/** The block a confirmed match created (one at most: seeker_block_match is unique). */
export async function blockOfMatch(db: Db, matchId: string): Promise<BlockRow | undefined> {
  const [row] = await db.select().from(seekerBlock).where(eq(seekerBlock.matchId, matchId));
  return row;
}

export async function deleteBlock(db: Db, id: string): Promise<void> {
  await db.delete(seekerBlock).where(eq(seekerBlock.id, id));
}

export async function blocksOfSeeker(db: Db, seekerNumber: string): Promise<BlockRow[]> {
  return db.select().from(seekerBlock).where(eq(seekerBlock.seekerNumber, seekerNumber));
}

/** The blocks resting on a registration (screenings check them for a confirmed match). */
export async function blocksOfRegistration(db: Db, registrationId: string): Promise<BlockRow[]> {
  return db.select().from(seekerBlock).where(eq(seekerBlock.registrationId, registrationId));
}

/** Which of these subject references belong to a seeker in the index. */
export async function seekerSubjects(db: Db, refs: string[]): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ ref: seeker.subjectRef })
    .from(seeker)
    .where(inArray(seeker.subjectRef, refs));
  return new Set(rows.map((r) => r.ref).filter((r): r is string => r !== null));
}

export async function existingNumbers(db: Db, numbers: string[]): Promise<string[]> {
  if (numbers.length === 0) return [];
  const rows = await db
    .select({ n: seeker.seekerNumber })
    .from(seeker)
    .where(inArray(seeker.seekerNumber, numbers));
  return rows.map((r) => r.n);
}
