import type { Principal } from "../../../platform/auth/access.ts";
import { findVisibleCase } from "../case-access.ts";
import type { CasesEnv } from "../env.ts";
import { canActOnCase, canCarryOutDecision } from "../policy.ts";

/** What the principal may do with a case it can see, by the same policy the use cases apply. */
export interface CasePermissions {
  /** Acknowledge, verify identity, hear, decide, withdraw (policy.ts canActOnCase). */
  act: boolean;
  /** Carry out an upheld decision (policy.ts canCarryOutDecision; 003 §16.3). */
  carryOut: boolean;
}

/**
 * The case page shows a step's form only when the use case behind it would accept the
 * principal (issue #18 part 5: one place per access decision). 404 when the case is not
 * visible, as every other case read.
 */
export async function casePermissions(
  env: CasesEnv,
  principal: Principal,
  id: string,
): Promise<CasePermissions> {
  const row = await findVisibleCase(env, principal, id);
  return { act: canActOnCase(principal, row), carryOut: canCarryOutDecision(principal, row) };
}
