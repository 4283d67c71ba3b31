import type { Db } from "../../platform/db/database.ts";
import { compareDates, termEnd } from "../../platform/werkdagen.ts";
import type { Profile } from "../../protocol/profile.ts";
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
