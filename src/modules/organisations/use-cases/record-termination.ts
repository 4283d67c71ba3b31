import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { changeOrganisation, organisationNow } from "../change-organisation.ts";
import type { OrganisationsEnv } from "../env.ts";
import { getVisible } from "../lookup.ts";
import * as repo from "../repository.ts";
import { carryOutTermination } from "./carry-out-termination.ts";

/**
 * Records a withdrawal (uittreding, 003 §17; 001 §7.2) or a definitive exclusion (003 §20;
 * 001 §7.3) on `date`. From that date all the organisation's users and keys lose access
 * (sessions included) and its registrations are erased; a date in the past or today is
 * carried out at once, a later one by the daily job.
 */
export async function recordTermination(
  env: OrganisationsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  date: string,
  reason: "withdrawn" | "excluded",
) {
  const { db, clock } = env;
  const row = await getVisible(env, principal, id);
  if (row.status === "withdrawn" || row.status === "excluded") {
    throw new AppError("conflict", "This organisation has already left the register.");
  }
  if (row.kind === "consortium" && principal.organisationId === id) {
    throw new AppError("conflict", "The consortium cannot withdraw or exclude itself.");
  }
  await changeOrganisation(
    env,
    principal,
    meta,
    id,
    reason === "withdrawn" ? { withdrawnOn: date } : { excludedOn: date },
    {
      action:
        reason === "withdrawn"
          ? "organisation.withdrawal_recorded"
          : "organisation.exclusion_recorded",
      details: { date },
    },
  );
  if (compareDates(date, clock.today()) <= 0) {
    await carryOutTermination(env, (await repo.findOrganisation(db, id))!, reason, meta);
  }
  return organisationNow(env, id);
}
