/**
 * Who entered and who decided a registration, as another module shows it (003 §12.1 "naam van
 * geautoriseerd functionaris"; D-840, D-843): the named officers `{ id, name }`, the name only
 * to the primary source's own organisation and the auditor — a screening's grant decides
 * whether the field is shown at all, this decides whether the name is.
 */
import type { Principal } from "../../../platform/auth/access.ts";
import { decisionOf } from "../decision-view.ts";
import type { RegistrationsEnv } from "../env.ts";
import type { RegistrationRow } from "../repository.ts";

export async function decisionMakers(
  env: RegistrationsEnv,
  row: RegistrationRow,
  viewer: Principal,
) {
  const { enteredBy, decidedBy } = await decisionOf(env, row, viewer);
  return { enteredBy, decidedBy };
}
