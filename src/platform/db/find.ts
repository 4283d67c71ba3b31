import { and, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./database.ts";

/**
 * The row of `table` that `where` picks out, or undefined: for lookups by a key (an id, a
 * token hash, an organisation and its own reference), where at most one row can match.
 */
export async function findRow<T extends PgTable>(
  db: Db,
  table: T,
  where: SQL | undefined,
): Promise<T["$inferSelect"] | undefined> {
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(where);
  return row as T["$inferSelect"] | undefined;
}

/**
 * The rows of `table` that meet every condition in `where` (an undefined one is left out: an
 * optional filter), in the order `orderBy` gives (none: no particular order).
 */
export async function findRows<T extends PgTable>(
  db: Db,
  table: T,
  where: readonly (SQL | undefined)[],
  orderBy: readonly (SQL | PgColumn)[] = [],
): Promise<T["$inferSelect"][]> {
  const rows = await db
    .select()
    .from(table as PgTable)
    .where(and(...where))
    .orderBy(...orderBy);
  return rows as T["$inferSelect"][];
}

/** The ids of the rows of `table` that meet every condition in `where`, in no particular order. */
export async function findIds<T extends PgTable & { id: PgColumn }>(
  db: Db,
  table: T,
  where: readonly (SQL | undefined)[],
): Promise<string[]> {
  const rows = await db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(and(...where));
  return rows.map((r) => r.id as string);
}
