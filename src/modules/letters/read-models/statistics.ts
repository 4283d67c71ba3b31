import { compareDates, todayInAmsterdam } from "../../../platform/werkdagen.ts";
import type { LettersEnv } from "../env.ts";
import * as repo from "../repository.ts";

export interface DutyCounts {
  owed: number;
  withinDeadline: number;
  late: number;
  open: number;
  overdue: number;
  skipped: number;
  cancelled: number;
}

/**
 * Letters owed for events in [from, to] and how many went out within their deadline
 * (001 §6.1, 003 §22 annual report): counts only.
 */
export async function statistics(
  env: LettersEnv,
  from: string,
  to: string,
): Promise<Record<string, DutyCounts>> {
  const today = env.clock.today();
  const byKind: Record<string, DutyCounts> = {};
  for (const d of await repo.dutiesForReport(env.db, from, to)) {
    byKind[d.kind] ??= {
      owed: 0,
      withinDeadline: 0,
      late: 0,
      open: 0,
      overdue: 0,
      skipped: 0,
      cancelled: 0,
    };
    const k = byKind[d.kind]!;
    k.owed++;
    if (d.status === "open") {
      k.open++;
      if (compareDates(d.dueDate, today) < 0) k.overdue++;
    } else if (d.status === "cancelled") k.cancelled++;
    else if (d.status === "skipped") k.skipped++;
    else if (d.closedAt && compareDates(todayInAmsterdam(d.closedAt), d.dueDate) <= 0)
      k.withinDeadline++;
    else k.late++;
  }
  return byKind;
}
