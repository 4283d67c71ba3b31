import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { fourEyesRequired, type Principal } from "../../../platform/auth/access.ts";
import type { OrganisationsEnv } from "../env.ts";
import type { OrganisationInput } from "../schemas.ts";
import { addOrganisation } from "./add-organisation.ts";

/**
 * A consortium admin adds an organisation. One of kind auditor needs a second consortium
 * admin (F16): it is asked as an auditor request (identity) and made here only with the
 * `approval` of that request.
 */
export async function createOrganisation(
  env: OrganisationsEnv,
  principal: Principal,
  meta: RequestMeta,
  input: OrganisationInput,
  approval?: { approvedRequest: string },
) {
  if (input.kind === "auditor" && !approval) throw fourEyesRequired();
  return addOrganisation(env, actorOf(principal).audit, meta, input);
}
