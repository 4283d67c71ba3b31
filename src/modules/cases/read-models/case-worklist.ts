import { hasRole, type Principal } from "../../../platform/auth/access.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import type { CasesEnv } from "../env.ts";
import { finished } from "../procedures.ts";
import * as repo from "../repository.ts";
import type { CaseStatus } from "../schemas.ts";

/** At most this many running cases are read for one worklist. */
const READ_AT_MOST = 500;

/** A case on the worklist: its first deadline not yet met. */
export interface CaseWorkItem {
  id: string;
  reference: string;
  type: CaseKind;
  status: CaseStatus;
  registrationId: string | null;
  /** The first deadline not yet met: what the officer must do next, and by when. */
  deadline: { name: string; dueDate: string };
  overdue: boolean;
}

/**
 * The cases the principal handles that still owe something (issue 21 part 7; usability review
 * defect 7): not finished, with a deadline not yet met, earliest first. A decided case whose
 * deadlines are all met leaves the worklist (its decision letter and carrying out are done, or
 * are owed as letter duties of their own) — before, a decided objection stayed listed as if its
 * deadlines were still due.
 */
export async function caseWorklist(
  env: CasesEnv,
  principal: Principal,
): Promise<{ items: CaseWorkItem[]; total: number }> {
  const all = hasRole(principal, ["consortium_admin"]);
  const { rows } = await repo.listCases(env.db, {
    organisationId: all ? undefined : principal.organisationId,
    responsibleOnly: hasRole(principal, ["committee"]),
    page: 1,
    pageSize: READ_AT_MOST,
  });
  const running = rows.filter((r) => !finished(r.status));
  const deadlines = await repo.deadlinesOf(
    env.db,
    running.map((r) => r.id),
  );
  const today = env.clock.today();
  const items: CaseWorkItem[] = [];
  for (const row of running) {
    const next = deadlines
      .filter((d) => d.caseId === row.id && d.metOn === null)
      .sort((a, b) => compareDates(a.dueDate, b.dueDate))[0];
    if (!next) continue;
    items.push({
      id: row.id,
      reference: row.reference,
      type: row.type as CaseKind,
      status: row.status as CaseStatus,
      registrationId: row.registrationId,
      deadline: { name: next.name, dueDate: next.dueDate },
      overdue: compareDates(next.dueDate, today) < 0,
    });
  }
  items.sort((a, b) => compareDates(a.deadline.dueDate, b.deadline.dueDate));
  return { items, total: items.length };
}
