import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { auditCase, recordCaseEvent } from "../audit-helpers.ts";
import { findActionableCase } from "../case-access.ts";
import { place } from "../encryption.ts";
import type { CasesEnv } from "../env.ts";
import { finished } from "../procedures.ts";
import { summaryOf } from "../read-models/case-summary.ts";
import * as repo from "../repository.ts";

/** A hearing (optional), with its report kept encrypted (001 Bijlage 2 art. 14–16). */
export async function recordHearing(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  input: { date: string; report?: string | undefined },
) {
  const row = await findActionableCase(env, principal, id);
  if (finished(row.status) || row.status === "decided") {
    throw new AppError("conflict", `This case is ${row.status}: no hearing any more.`, {
      code: "case_not_open",
    });
  }
  const report = input.report
    ? await env.keyring.encrypt(
        row.organisationId,
        input.report,
        place(id, "hearing_report_ciphertext"),
      )
    : null;
  const actor = actorOf(principal);
  await env.db.transaction(async (tx) => {
    await repo.updateCase(tx, id, {
      hearingReportCiphertext: report,
      facts: {
        ...(row.facts as object),
        hearingDate: input.date,
        hearingReport: report !== null,
      },
      updatedAt: env.clock.now(),
    });
    await recordCaseEvent(env, tx, id, actor, "hearing_held", {
      date: input.date,
      report: report !== null,
    });
    await auditCase(env, tx, meta, actor, row, "hearing_recorded");
  });
  return summaryOf(env, id);
}
