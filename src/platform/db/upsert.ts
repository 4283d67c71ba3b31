import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * The `set` of an upsert (`onConflictDoUpdate`) that takes these columns from the row proposed
 * for insertion: `excluded.<column>`.
 */
export function fromExcluded<T extends PgTable>(
  table: T,
  keys: readonly (keyof T["$inferInsert"] & string)[],
): Record<string, SQL> {
  const columns = getTableColumns(table);
  return Object.fromEntries(
    keys.map((key) => [key, sql.raw(`excluded.${columns[key]?.name ?? key}`)]),
  );
}
