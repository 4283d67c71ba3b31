import { count, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./database.ts";

/** Which page of a list to read (1-based), and how many rows a page holds. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * One page of a table's rows matching `where`, in `order`, and how many rows match in all
 * (the paged lists of the API: `{ items, page, pageSize, total }`).
 */
export async function selectPage<T extends PgTable>(
  db: Db,
  table: T,
  where: SQL | undefined,
  order: (PgColumn | SQL)[],
  { page, pageSize }: PageRequest,
): Promise<{ rows: T["$inferSelect"][]; total: number }> {
  const [total] = await db
    .select({ n: count() })
    .from(table as PgTable)
    .where(where);
  const rows = await db
    .select()
    .from(table as PgTable)
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows: rows as T["$inferSelect"][], total: total?.n ?? 0 };
}
