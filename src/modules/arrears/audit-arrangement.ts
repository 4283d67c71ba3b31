import type { RequestMeta } from "../../platform/audit/audit.ts";
import { type Deed, recordSuccess } from "../../platform/audit/record.ts";
import type { Principal } from "../../platform/auth/access.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/database.ts";

/**
 * The audit event of a step on a payment arrangement (created, a payment recorded), written
 * with `db` (the step's transaction); the arrangement is the event's object.
 */
export function auditArrangement(
  db: Db,
  { clock, meta, principal }: { clock: Clock; meta: RequestMeta; principal: Principal },
  arrangementId: string,
  action: string,
  details: Deed["details"],
): Promise<void> {
  return recordSuccess(db, clock, meta, principal, {
    action,
    objectType: "arrears_arrangement",
    objectId: arrangementId,
    details,
  });
}
