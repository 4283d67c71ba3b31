import type { Principal } from "../../../platform/auth/access.ts";
import { findVisibleCase } from "../case-access.ts";
import type { CasesEnv } from "../env.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs before a case action's body is validated (F15, D-688): another organisation's case is
 * 404 whatever the body: ownership first, then validation. An id that is not an id is left to
 * validation (400).
 */
export async function ensureCaseVisible(
  env: CasesEnv,
  principal: Principal,
  id: string | undefined,
): Promise<void> {
  if (id === undefined || !UUID.test(id)) return;
  await findVisibleCase(env, principal, id);
}
