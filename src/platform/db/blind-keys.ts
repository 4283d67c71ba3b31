import { and, inArray, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** One blind index entry: its kind (the HMAC domain) and its value. */
export interface BlindKey {
  kind: string;
  value: string;
}

/**
 * The condition "has any of these blind keys" on a blind index table's kind and value columns
 * (candidate retrieval). The HMAC domain is the kind, so a value can only ever equal a value of
 * the same kind; the kind is still in the condition so the (kind, value) index is used.
 */
export function anyBlindKey(
  columns: { kind: PgColumn; value: PgColumn },
  keys: readonly BlindKey[],
): SQL | undefined {
  return and(
    inArray(columns.kind, [...new Set(keys.map((k) => k.kind))]),
    inArray(
      columns.value,
      keys.map((k) => k.value),
    ),
  );
}
