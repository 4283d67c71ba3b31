import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import type { OrganisationsEnv } from "../env.ts";
import { getVisible } from "../lookup.ts";
import { checkLettingAgent } from "../participant-agent.ts";
import { checkCommitteeAddress, checkKind } from "../policy.ts";
import { profile } from "../read-models/region.ts";
import * as repo from "../repository.ts";
import type { OrganisationPatch } from "../schemas.ts";
import { columnsOf, view } from "../views.ts";

export async function updateOrganisation(
  env: OrganisationsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  patch: OrganisationPatch,
) {
  const { db, clock } = env;
  const row = await getVisible(env, principal, id);
  if (row.status === "withdrawn" || row.status === "excluded") {
    throw new AppError("conflict", "A withdrawn or excluded organisation cannot be changed.");
  }
  const p = await profile(env);
  if (patch.kind) checkKind(p, patch.kind);
  checkLettingAgent(p, patch.kind ?? row.kind, patch.lettingAgent ?? row.lettingAgent);
  checkCommitteeAddress(patch.kind ?? row.kind, patch.address ?? view(row).address);
  await db.transaction(async (tx) => {
    await repo.updateOrganisation(tx, id, { ...columnsOf(patch), updatedAt: clock.now() });
    await recordSuccess(tx, clock, meta, principal, {
      action: "organisation.updated",
      objectType: "organisation",
      objectId: id,
      details: { fields: Object.keys(patch) },
    });
  });
  return view((await repo.findOrganisation(db, id))!);
}
