import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./database.ts";
import { findRow } from "./find.ts";

/** A table whose rows are known by their `id` column. */
type TableWithId = PgTable & { id: PgColumn };

/** Adds `row` to `table`. */
export async function insertRow<T extends PgTable>(
  db: Db,
  table: T,
  row: T["$inferInsert"],
): Promise<void> {
  await db.insert(table as PgTable).values(row);
}

/**
 * Sets `values` on the rows of `table` that meet every condition in `where` (an undefined one is
 * left out, as in findRows) and says how many it changed: 1 or 0 for a change by key that only
 * holds in a certain state (a draft, a pending request, a key not yet revoked).
 */
export async function updateRows<T extends PgTable>(
  db: Db,
  table: T,
  values: Partial<T["$inferInsert"]>,
  where: readonly (SQL | undefined)[],
): Promise<number> {
  const rows = await db
    .update(table as PgTable)
    .set(values)
    .where(and(...where))
    .returning({ one: sql`1` });
  return rows.length;
}

/** Deletes the rows of `table` that meet every condition in `where`; says how many went. */
export async function deleteRows<T extends PgTable>(
  db: Db,
  table: T,
  where: readonly (SQL | undefined)[],
): Promise<number> {
  const rows = await db
    .delete(table as PgTable)
    .where(and(...where))
    .returning({ one: sql`1` });
  return rows.length;
}

/**
 * Sets `values` on the row of `table` with this id only while `condition` holds (a draft, a
 * pending request, a key not yet revoked; undefined: always); true when it did, so of two
 * concurrent changes exactly one wins.
 */
export async function updateByIdWhile<T extends TableWithId>(
  db: Db,
  table: T,
  id: string,
  values: Partial<T["$inferInsert"]>,
  condition: SQL | undefined,
): Promise<boolean> {
  return (await updateRows(db, table, values, [eq(table.id, id), condition])) === 1;
}

/**
 * What a repository does with most tables keyed by `id`: add a row, read one by its id, change
 * one by its id (a change that finds no row changes nothing).
 */
export function rowsById<T extends TableWithId>(table: T) {
  return {
    insert: (db: Db, row: T["$inferInsert"]) => insertRow(db, table, row),
    find: (db: Db, id: string): Promise<T["$inferSelect"] | undefined> =>
      findRow(db, table, eq(table.id, id)),
    update: async (db: Db, id: string, values: Partial<T["$inferInsert"]>): Promise<void> => {
      await updateRows(db, table, values, [eq(table.id, id)]);
    },
  };
}
