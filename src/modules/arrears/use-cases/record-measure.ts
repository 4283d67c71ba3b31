import { randomUUID } from "node:crypto";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { type ArrearsEnv, type OnBehalfOf, recorder } from "../env.ts";
import { landlordsTenancy } from "../policy.ts";
import * as repo from "../repository.ts";
import type { MeasureInput } from "../schemas.ts";

/** A prevention measure (004), recorded on the tenancy's file. */
export async function recordMeasure(
  env: ArrearsEnv,
  principal: Principal,
  meta: RequestMeta,
  tenancyRef: string,
  input: MeasureInput,
  options: OnBehalfOf = {},
) {
  const { db, clock } = env;
  const { organisationId, tenancy } = await landlordsTenancy(env, principal, tenancyRef, options);
  const { kind, date, ...details } = input;
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await repo.insertMeasure(tx, {
      id,
      organisationId,
      tenancyId: tenancy.id,
      kind,
      date,
      details,
      ...recorder(principal),
      createdAt: clock.now(),
    });
    await recordSuccess(tx, clock, meta, principal, {
      action: "arrears.measure_recorded",
      objectType: "arrears_tenancy",
      objectId: tenancy.id,
      details: { kind, date },
    });
  });
  return { id, kind, date, details, recordedBy: recorder(principal) };
}
