import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import type { OrganisationsEnv } from "../env.ts";
import { getVisible } from "../lookup.ts";
import * as repo from "../repository.ts";
import { view } from "../views.ts";

/** Temporary exclusion (003 §20): all authorisations suspended; data stays. */
export async function suspendOrganisation(
  env: OrganisationsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  date: string,
) {
  const { db, clock, hooks } = env;
  const row = await getVisible(env, principal, id);
  if (row.status !== "active") {
    throw new AppError("conflict", `The organisation is ${row.status}, not active.`);
  }
  if (compareDates(date, clock.today()) > 0) {
    throw new AppError(
      "invalid_input",
      "A suspension takes effect at once: record it on the day it starts.",
      {
        code: "suspension_date_in_future",
      },
    );
  }
  await db.transaction(async (tx) => {
    await repo.updateOrganisation(tx, id, {
      status: "suspended",
      suspendedOn: date,
      updatedAt: clock.now(),
    });
    for (const handler of hooks.onSuspension) await handler(tx, id);
    await recordSuccess(tx, clock, meta, principal, {
      action: "organisation.suspended",
      objectType: "organisation",
      objectId: id,
      details: { date },
    });
  });
  return view((await repo.findOrganisation(db, id))!);
}
