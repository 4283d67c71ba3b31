import { SYSTEM } from "../../../platform/audit/actor.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import { addMonths } from "../../../platform/werkdagen.ts";
import type { CasesEnv } from "../env.ts";
import * as repo from "../repository.ts";

/**
 * Closed cases whose retention has passed (docs/retention.md): the case, its deadlines,
 * timeline, duties and letters are deleted; a receipt without personal data stays in the
 * audit log. Each case in its own transaction.
 */
export async function eraseExpiredCases(
  env: CasesEnv,
  today: string,
  retentionMonths: number,
): Promise<string[]> {
  const cutoff = addMonths(today, -retentionMonths);
  const erased: string[] = [];
  const meta = { requestId: null, clientAddress: null };
  for (const row of await repo.finishedBefore(env.db, cutoff)) {
    await env.db.transaction(async (tx) => {
      await env.deps.letters.eraseCaseLetters(tx, row.id);
      await repo.deleteCase(tx, row.id);
      await recordSuccess(tx, env.clock, meta, SYSTEM, {
        action: "case.erased",
        objectType: "case",
        objectId: row.id,
        details: { rule: "case_retention", type: row.type, retentionMonths },
      });
    });
    erased.push(row.id);
  }
  return erased;
}
