import type { RequestMeta } from "../../platform/audit/audit.ts";
import { recordSuccess } from "../../platform/audit/record.ts";
import type { Principal } from "../../platform/auth/access.ts";
import type { CasesEnv } from "./env.ts";

/**
 * The names of the primary sources of candidate registrations, and the audit of reading
 * them for a case: one record under each registration (so its primary source sees that it was
 * read, a joint controller's act: 003 §15.2, AVG art. 26 lid 3) and one under the case.
 * Shared by the access answer's candidates and the candidates matched on receipt (D-911).
 */
export async function readCandidatesFor(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  caseId: string,
  reads: {
    registrations: readonly { registrationId: string; organisationId: string }[];
    registrationAction: string;
    caseAction: string;
    details: Record<string, unknown>;
  },
): Promise<Map<string, string>> {
  const { db, clock, deps } = env;
  const names = new Map<string, string>();
  for (const r of reads.registrations) {
    if (!names.has(r.organisationId))
      names.set(r.organisationId, (await deps.organisations.getName(r.organisationId)) ?? "");
  }
  await db.transaction(async (tx) => {
    for (const r of reads.registrations) {
      await recordSuccess(tx, clock, meta, principal, {
        action: reads.registrationAction,
        objectType: "registration",
        objectId: r.registrationId,
        details: { caseId, ...reads.details },
      });
    }
    await recordSuccess(tx, clock, meta, principal, {
      action: reads.caseAction,
      objectType: "case",
      objectId: caseId,
      details: { candidates: reads.registrations.length },
    });
  });
  return names;
}
