import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import type { OrganisationsEnv } from "../env.ts";
import type { OrganisationInput } from "../schemas.ts";
import { addOrganisation } from "./add-organisation.ts";

export async function createOrganisation(
  env: OrganisationsEnv,
  principal: Principal,
  meta: RequestMeta,
  input: OrganisationInput,
) {
  return addOrganisation(env, actorOf(principal).audit, meta, input);
}
