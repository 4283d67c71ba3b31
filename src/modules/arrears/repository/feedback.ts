import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { arrearsFeedback, arrearsTenancy } from "../tables.ts";

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
  return db
    .select()
    .from(arrearsFeedback)
    .where(eq(arrearsFeedback.tenancyId, tenancyId))
    .orderBy(asc(arrearsFeedback.date));
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
