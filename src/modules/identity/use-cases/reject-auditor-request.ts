import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { alreadyDecided, auditorRequestView } from "../auditor-access.ts";
import type { IdentityEnv } from "../env.ts";
import { checkAuditorRequestDecider } from "../policy.ts";
import * as repo from "../repository.ts";

/** A consortium admin refuses a pending auditor request (the one who asked may withdraw it). */
export async function rejectAuditorRequest(
  env: IdentityEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const { db, clock } = env;
  const row = await checkAuditorRequestDecider(env, principal, id, "reject");
  await db.transaction(async (tx) => {
    const decided = await repo.decideAuditorRequest(tx, id, {
      status: "rejected",
      decidedBy: principal.id,
      decidedAt: clock.now(),
    });
    if (!decided) {
      throw alreadyDecided();
    }
    await recordSuccess(tx, clock, meta, principal, {
      action: "auditor_request.rejected",
      objectType: "auditor_request",
      objectId: id,
      details: { kind: row.kind, requestedBy: row.requestedBy },
    });
  });
  return auditorRequestView((await repo.findAuditorRequest(db, id))!);
}
