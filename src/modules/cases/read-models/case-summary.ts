import { compareDates } from "../../../platform/werkdagen.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import type { CasesEnv } from "../env.ts";
import { finished } from "../procedures.ts";
import * as repo from "../repository.ts";
import type { CaseStatus, CaseSummary } from "../schemas.ts";

/** The summaries of cases: status, outcome, deadlines and whether one has passed unmet. */
export async function summarise(env: CasesEnv, rows: repo.CaseRow[]): Promise<CaseSummary[]> {
  const today = env.clock.today();
  const deadlines = await repo.deadlinesOf(
    env.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const own = deadlines.filter((d) => d.caseId === row.id);
    return {
      id: row.id,
      reference: row.reference,
      type: row.type as CaseKind,
      status: row.status as CaseStatus,
      organisationId: row.organisationId,
      registrationId: row.registrationId,
      parentCaseId: row.parentCaseId,
      receivedDate: row.receivedDate,
      outcome: row.outcome,
      decidedOn: row.decidedOn,
      deadlines: Object.fromEntries(own.map((d) => [d.name, d.dueDate])),
      overdue:
        !finished(row.status) &&
        own.some((d) => d.metOn === null && compareDates(d.dueDate, today) < 0),
      protocolVersion: row.protocolVersion,
    };
  });
}

/** One case's summary, as a use case answers after a step. */
export async function summaryOf(env: CasesEnv, id: string): Promise<CaseSummary> {
  return (await summarise(env, [(await repo.findCase(env.db, id))!]))[0]!;
}
