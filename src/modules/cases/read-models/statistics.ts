import { compareDates } from "../../../platform/werkdagen.ts";
import type { CasesEnv } from "../env.ts";
import * as repo from "../repository.ts";

/**
 * Cases received in [from, to] and how their deadlines went (001 §6.1, 003 §22): counts only.
 */
export async function statistics(env: CasesEnv, from: string, to: string) {
  const today = env.clock.today();
  const { rows } = await repo.listCases(env.db, {
    page: 1,
    pageSize: 1_000_000,
    receivedFrom: from,
    receivedTo: to,
  });
  const deadlines = await repo.deadlinesOf(
    env.db,
    rows.map((r) => r.id),
  );
  const byType: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    byType[r.type] ??= { received: 0 };
    const t = byType[r.type]!;
    t.received = (t.received ?? 0) + 1;
    const key = r.outcome ?? r.status;
    t[key] = (t[key] ?? 0) + 1;
  }
  const performance = { met: 0, metLate: 0, open: 0, overdue: 0 };
  for (const d of deadlines) {
    if (d.metOn) {
      if (compareDates(d.metOn, d.dueDate) <= 0) performance.met++;
      else performance.metLate++;
    } else if (compareDates(d.dueDate, today) < 0) performance.overdue++;
    else performance.open++;
  }
  return { received: rows.length, byType, deadlines: performance };
}
