import type { CasesEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { executeDecision } from "./execute-decision.ts";

/**
 * Upheld objections, complaints and appeals whose removal term has come without execution:
 * the registration is removed now (003 §12.4, §16.3; 001 §3.4). Both the `deadlines` and
 * the `retention` job call it; it is idempotent.
 */
export async function carryOutDueRemovals(env: CasesEnv, today: string): Promise<number> {
  const meta = { requestId: null, clientAddress: null };
  let removals = 0;
  for (const { caseRow } of await repo.removalsDue(env.db, today)) {
    if (caseRow.outcome !== "rejected") {
      await executeDecision(env, null, meta, caseRow.id, "removed");
      removals++;
    }
  }
  return removals;
}
