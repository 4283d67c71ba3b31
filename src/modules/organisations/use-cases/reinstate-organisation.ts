import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
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
    await recordSuccess(tx, clock, meta, principal, {
      action: "organisation.reinstated",
      objectType: "organisation",
      objectId: id,
    });
  });
  return view((await repo.findOrganisation(db, id))!);
}
