import { SYSTEM_ACTOR } from "../../../platform/audit/audit.ts";
import { type OrganisationsEnv, SYSTEM_META } from "../env.ts";
import type { OrganisationInput } from "../schemas.ts";
import { addOrganisation } from "./add-organisation.ts";

/** Set-up (CLI only): an organisation created by the system, not by a signed-in admin. */
export async function bootstrapOrganisation(
  env: OrganisationsEnv,
  input: OrganisationInput & { id?: string },
) {
  return addOrganisation(env, SYSTEM_ACTOR, SYSTEM_META, input);
}
