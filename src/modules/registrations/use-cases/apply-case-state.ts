import { SYSTEM } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Db } from "../../../platform/db/database.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { changedLater } from "../changes.ts";
import type { RegistrationsEnv } from "../env.ts";
import * as repo from "../repository.ts";

/**
 * For the cases module, in the case's transaction: restriction while a request or an
 * objection is pending (AVG art. 18; 003 §15.5, §12.1 "bezwaar lopend"), its end, and the
 * objection's status and outcome as the registration shows them.
 */
export async function applyCaseState(
  env: RegistrationsEnv,
  tx: Db,
  id: string,
  meta: RequestMeta,
  change: {
    restrict?: NonNullable<repo.RegistrationRow["restrictionReason"]>;
    lift?: boolean;
    objectionPending?: boolean;
    objectionOutcome?: repo.RegistrationRow["objectionOutcome"];
    endDate?: string;
  },
  caseId: string,
): Promise<{ restricted: boolean; lifted: boolean }> {
  const { clock } = env;
  const row = await repo.findRegistration(tx, id);
  if (!row) return { restricted: false, lifted: false };
  const values: Partial<repo.RegistrationRow> = {};
  let restricted = false;
  let lifted = false;
  if (change.restrict && row.status === "active") {
    values.status = "restricted";
    values.restrictionReason = change.restrict;
    restricted = true;
  }
  if (change.lift && row.status === "restricted") {
    values.status = "active";
    values.restrictionReason = null;
    lifted = true;
  }
  if (change.objectionPending !== undefined) values.objectionPending = change.objectionPending;
  if (change.objectionOutcome !== undefined) values.objectionOutcome = change.objectionOutcome;
  if (change.endDate !== undefined && compareDates(change.endDate, row.endDate) < 0) {
    // Hardship: only ever in the person's favour; no part runs past the new end (issue #20).
    const end = change.endDate;
    values.parts = row.parts.map((p) =>
      compareDates(p.endDate, end) > 0 ? { ...p, endDate: end } : p,
    );
    values.endDate = end;
  }
  if (Object.keys(values).length === 0) return { restricted, lifted };
  await repo.updateRegistration(tx, id, { ...values, updatedAt: clock.now() });
  await recordSuccess(tx, clock, meta, SYSTEM, {
    action: "registration.case_applied",
    objectType: "registration",
    objectId: id,
    details: { caseId, fields: Object.keys(values) },
  });
  if (lifted || values.endDate) changedLater(env, id);
  return { restricted, lifted };
}
