import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { arrearsFeedback, arrearsTenancy } from "../tables.ts";
import { rowsOfTenancy } from "./of-tenancy.ts";

export type FeedbackRow = typeof arrearsFeedback.$inferSelect;

// ---- feedback ---------------------------------------------------------------------------

export async function insertFeedback(db: Db, row: typeof arrearsFeedback.$inferInsert) {
  const r = await db
    .insert(arrearsFeedback)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: arrearsFeedback.id });
  return r.length === 1;
}

export async function feedbackOfTenancy(db: Db, tenancyId: string) {
  return rowsOfTenancy(db, arrearsFeedback, tenancyId, arrearsFeedback.date);
}
export async function recentFeedback(db: Db, organisationId: string, since: string) {
  return db
    .select({ feedback: arrearsFeedback, tenancyRef: arrearsTenancy.tenancyRef })
    .from(arrearsFeedback)
    .innerJoin(arrearsTenancy, eq(arrearsTenancy.id, arrearsFeedback.tenancyId))
    .where(
      and(
        eq(arrearsFeedback.organisationId, organisationId),
        sql`${arrearsFeedback.date} >= ${since}::date`,
      ),
    );
}
