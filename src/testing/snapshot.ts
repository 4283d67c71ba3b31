import type { TestContext } from "./context.ts";

/**
 * Every row of the named tables (ordered by the first column) as one string, to compare a
 * register before and after something that must leave it untouched.
 */
export async function tablesSnapshot(
  ctx: Pick<TestContext, "database">,
  tables: readonly string[],
): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    out[t] = await ctx.database.query(`SELECT * FROM ${t} ORDER BY 1`);
  }
  return JSON.stringify(out);
}
