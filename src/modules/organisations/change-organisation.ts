/**
 * The one way a use case changes an organisation's row: the new values (with `updatedAt`),
 * what the change must also do in the same transaction (the suspension hooks), and its audit
 * event on the organisation — all in one transaction. `organisationNow` reads the row again
 * for the answer.
 */
import type { RequestMeta } from "../../platform/audit/audit.ts";
import { type Deed, recordSuccess } from "../../platform/audit/record.ts";
import type { Principal } from "../../platform/auth/access.ts";
import type { Db } from "../../platform/db/database.ts";
import type { OrganisationsEnv } from "./env.ts";
import * as repo from "./repository.ts";
import type { organisation } from "./tables.ts";
import { view } from "./views.ts";

export async function changeOrganisation(
  env: OrganisationsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  values: Partial<typeof organisation.$inferInsert>,
  deed: Pick<Deed, "action" | "details">,
  also?: (tx: Db) => Promise<void>,
): Promise<void> {
  const { db, clock } = env;
  await db.transaction(async (tx) => {
    await repo.updateOrganisation(tx, id, { ...values, updatedAt: clock.now() });
    await also?.(tx);
    await recordSuccess(tx, clock, meta, principal, {
      ...deed,
      objectType: "organisation",
      objectId: id,
    });
  });
}

/** The organisation's view as it is now (after a change). */
export async function organisationNow(env: OrganisationsEnv, id: string) {
  return view((await repo.findOrganisation(env.db, id))!);
}
