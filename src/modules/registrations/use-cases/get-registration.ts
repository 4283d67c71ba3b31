import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import type { RegistrationsEnv } from "../env.ts";
import { visibleRegistration } from "../policy.ts";
import type { RegistrationView } from "../schemas.ts";
import { fullView } from "../views.ts";

/** One registration with the person's data, for its primary source; the look is logged. */
export async function getRegistration(
  env: RegistrationsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
): Promise<RegistrationView> {
  const { db, clock } = env;
  const row = await visibleRegistration(db, principal, id);
  // The officers' names show to the own organisation and the auditor only (D-843).
  const view = await fullView(env, row, principal);
  // Reading a person's data is itself logged (design.md §2.6: every look is logged).
  await recordSuccess(db, clock, meta, principal, {
    action: "registration.viewed",
    objectType: "registration",
    objectId: id,
  });
  return view;
}
