import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { changeOrganisation, organisationNow } from "../change-organisation.ts";
import type { OrganisationsEnv } from "../env.ts";
import { getVisible } from "../lookup.ts";
import { checkLettingAgent } from "../participant-agent.ts";
import { checkCommitteeAddress, checkKind } from "../policy.ts";
import { profile } from "../read-models/region.ts";
import type { OrganisationPatch } from "../schemas.ts";
import { columnsOf, view } from "../views.ts";

export async function updateOrganisation(
  env: OrganisationsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  patch: OrganisationPatch,
) {
  const row = await getVisible(env, principal, id);
  if (row.status === "withdrawn" || row.status === "excluded") {
    throw new AppError("conflict", "A withdrawn or excluded organisation cannot be changed.");
  }
  const p = await profile(env);
  if (patch.kind) checkKind(p, patch.kind);
  checkLettingAgent(p, patch.kind ?? row.kind, patch.lettingAgent ?? row.lettingAgent);
  checkCommitteeAddress(patch.kind ?? row.kind, patch.address ?? view(row).address);
  await changeOrganisation(env, principal, meta, id, columnsOf(patch), {
    action: "organisation.updated",
    details: { fields: Object.keys(patch) },
  });
  return organisationNow(env, id);
}
