import { SYSTEM } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import type { RegistrationsEnv } from "../env.ts";
import { endParts } from "./end-parts.ts";

/**
 * For the retention job: the parts of a registration whose term has ended go, the others run
 * on (003 §6 punt 1, §7; issue #20). In its own transaction, like a whole erasure.
 */
export async function endPartsForRetention(
  env: RegistrationsEnv,
  id: string,
  today: string,
  meta: RequestMeta,
) {
  return endParts(
    env,
    id,
    (p) => compareDates(p.endDate, today) <= 0,
    { type: "retention", by: null, ground: "term_expired" },
    SYSTEM,
    meta,
  );
}
