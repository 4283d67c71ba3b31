import type { Db } from "../../platform/db/database.ts";
import { compareDates, termEnd } from "../../platform/werkdagen.ts";
import type { CaseKind } from "../../protocol/case-kinds.ts";
import type { Profile } from "../../protocol/profile.ts";
import { keysOf } from "./procedures.ts";
import * as repo from "./repository.ts";

/** The deadline a profile key sets from a date (undefined when the profile has no such term). */
export function due(profile: Profile, key: string, from: string) {
  const rule = profile.deadlines[key];
  if (!rule) return undefined;
  return { name: key, dueDate: termEnd(from, rule.term).date, source: rule.source };
}

/** Records the case's deadline for a profile key (nothing when there is no key or term). */
export async function addDeadline(
  tx: Db,
  profile: Profile,
  caseId: string,
  key: string | undefined,
  from: string,
) {
  if (!key) return;
  const d = due(profile, key, from);
  if (d) await repo.upsertDeadline(tx, { caseId, ...d });
}

/** Received after the window (a profile key) that runs from a date? */
export function isWindowLate(
  profile: Profile,
  key: string,
  from: string | null | undefined,
  received: string,
) {
  if (!from) return false;
  const d = due(profile, key, from);
  return d !== undefined && compareDates(received, d.dueDate) > 0;
}

/**
 * The deadlines a case gets on receipt, from the profile: acknowledgement and decision (an
 * appeal's decision term runs from its acknowledgement, 001 §11), the access copies, the
 * correction's execution. Answers them as `{ name: "YYYY-MM-DD" }` (contract §6 `dueDates`).
 */
export async function addReceiptDeadlines(
  tx: Db,
  profile: Profile,
  caseId: string,
  type: CaseKind,
  receivedDate: string,
): Promise<Record<string, string>> {
  const keys = keysOf(type);
  const names = [
    keys.acknowledgement,
    type === "appeal" ? undefined : keys.decision,
    type === "access" ? "access_copies" : undefined,
    ["rectification", "erasure", "restriction"].includes(type) ? "correction_execution" : undefined,
  ];
  const out: Record<string, string> = {};
  for (const name of names) {
    if (!name) continue;
    const d = due(profile, name, receivedDate);
    if (!d) continue;
    await repo.upsertDeadline(tx, { caseId, ...d });
    out[name] = d.dueDate;
  }
  return out;
}
