import { hasRole, type Principal } from "../../../platform/auth/access.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import type { CasesEnv } from "../env.ts";
import * as repo from "../repository.ts";
import type { CaseStatus } from "../schemas.ts";
import { summarise } from "./case-summary.ts";

/**
 * The cases the principal handles (overdue=true: the worklist of cases with a deadline
 * passed); the consortium sees all, the committee only the case files sent to it.
 */
export async function listCases(
  env: CasesEnv,
  principal: Principal,
  query: {
    overdue?: "true" | "false" | undefined;
    status?: CaseStatus | undefined;
    type?: CaseKind | undefined;
    registrationId?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const all = hasRole(principal, ["consortium_admin"]);
  const { rows, total } = await repo.listCases(env.db, {
    organisationId: all ? undefined : principal.organisationId,
    responsibleOnly: hasRole(principal, ["committee"]),
    overdueOn: query.overdue === "true" ? env.clock.today() : undefined,
    status: query.status,
    type: query.type,
    registrationId: query.registrationId,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: await summarise(env, rows), page: query.page, pageSize: query.pageSize, total };
}
