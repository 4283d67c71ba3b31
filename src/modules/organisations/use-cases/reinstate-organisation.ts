import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { changeOrganisation, organisationNow } from "../change-organisation.ts";
import type { OrganisationsEnv } from "../env.ts";
import { getVisible } from "../lookup.ts";

/** Ends a temporary exclusion: the organisation is active again. */
export async function reinstateOrganisation(
  env: OrganisationsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const row = await getVisible(env, principal, id);
  if (row.status !== "suspended") {
    throw new AppError("conflict", "Only a suspended organisation can be reinstated.");
  }
  await changeOrganisation(
    env,
    principal,
    meta,
    id,
    { status: "active", suspendedOn: null },
    { action: "organisation.reinstated" },
  );
  return organisationNow(env, id);
}
