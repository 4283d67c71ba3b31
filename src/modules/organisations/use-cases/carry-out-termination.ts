import { SYSTEM } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { OrganisationsEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** Carries out a withdrawal or definitive exclusion: status, access, data, audit. */
export async function carryOutTermination(
  env: OrganisationsEnv,
  row: repo.OrganisationRow,
  reason: "withdrawn" | "excluded",
  meta: RequestMeta,
) {
  const { db, clock, hooks } = env;
  for (const prepare of hooks.beforeTermination ?? []) await prepare(row.id, reason);
  await db.transaction(async (tx) => {
    await repo.updateOrganisation(tx, row.id, { status: reason, updatedAt: clock.now() });
    for (const handler of hooks.onTermination) await handler(tx, row.id, reason);
    await recordSuccess(tx, clock, meta, SYSTEM, {
      action:
        reason === "withdrawn"
          ? "organisation.withdrawal_carried_out"
          : "organisation.exclusion_carried_out",
      objectType: "organisation",
      objectId: row.id,
    });
  });
  // Nothing of theirs is readable any more once their data keys are gone (crypto-shredding).
  await env.ctx.keyring.shredOrganisation(row.id);
  for (const after of hooks.afterTermination ?? []) await after(row.id);
}
