import { actorOf } from "../../../platform/audit/actor.ts";
import { type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import type { OrganisationsEnv } from "../env.ts";
import { getVisible } from "../lookup.ts";
import * as repo from "../repository.ts";
import { view } from "../views.ts";

/** Ends a temporary exclusion: the organisation is active again. */
export async function reinstateOrganisation(
  env: OrganisationsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const { db, clock } = env;
  const row = await getVisible(env, principal, id);
  if (row.status !== "suspended") {
    throw new AppError("conflict", "Only a suspended organisation can be reinstated.");
  }
  await db.transaction(async (tx) => {
    await repo.updateOrganisation(tx, id, {
      status: "active",
      suspendedOn: null,
      updatedAt: clock.now(),
    });
    await recordAudit(tx, clock, meta, {
      actor: actorOf(principal).audit,
      action: "organisation.reinstated",
      objectType: "organisation",
      objectId: id,
      outcome: "success",
    });
  });
  return view((await repo.findOrganisation(db, id))!);
}
