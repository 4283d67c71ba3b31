import type { Principal } from "../../../platform/auth/access.ts";
import type { Db } from "../../../platform/db/database.ts";
import type { ScreeningHistoryItem } from "../history-schemas.ts";
import * as repo from "../repository.ts";

/**
 * The caller's own screenings, newest first (issue 21 part 10, D-992): purpose, when and
 * whether it was a hit. Only one's own: a querier does not see colleagues' look-ups (those are
 * for oversight). No person: the screening record keeps none, by design (docs/retention.md).
 */
export async function ownScreenings(
  db: Db,
  principal: Principal,
  page: { page: number; pageSize: number },
): Promise<{ items: ScreeningHistoryItem[]; page: number; pageSize: number; total: number }> {
  const { rows, total } = await repo.screeningsByActor(db, principal.id, page);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.createdAt.toISOString(),
      purpose: r.purpose,
      hit: r.hit,
      results: r.resultCount,
    })),
    page: page.page,
    pageSize: page.pageSize,
    total,
  };
}
