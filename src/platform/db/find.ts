import type { SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
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
