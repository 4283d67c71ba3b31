import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { changeOrganisation, organisationNow } from "../change-organisation.ts";
import type { OrganisationsEnv } from "../env.ts";
import { getVisible } from "../lookup.ts";

/** Temporary exclusion (003 §20): all authorisations suspended; data stays. */
export async function suspendOrganisation(
  env: OrganisationsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  date: string,
) {
  const row = await getVisible(env, principal, id);
  if (row.status !== "active") {
    throw new AppError("conflict", `The organisation is ${row.status}, not active.`);
  }
  if (compareDates(date, env.clock.today()) > 0) {
    throw new AppError(
      "invalid_input",
      "A suspension takes effect at once: record it on the day it starts.",
      {
        code: "suspension_date_in_future",
      },
    );
  }
  await changeOrganisation(
    env,
    principal,
    meta,
    id,
    { status: "suspended", suspendedOn: date },
    { action: "organisation.suspended", details: { date } },
    async (tx) => {
      for (const handler of env.hooks.onSuspension) await handler(tx, id);
    },
  );
  return organisationNow(env, id);
}
