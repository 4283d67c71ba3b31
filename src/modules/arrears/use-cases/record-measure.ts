import { randomUUID } from "node:crypto";
import { recorder } from "../env.ts";
import * as repo from "../repository.ts";
import type { MeasureInput } from "../schemas.ts";
import { auditTenancy, tenancyStep } from "../tenancy-step.ts";

/** A prevention measure (004), recorded on the tenancy's file. */
export const recordMeasure = tenancyStep(async (call, input: MeasureInput) => {
  const { db, clock, principal, organisationId, tenancy } = call;
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
    await auditTenancy(tx, call, "arrears.measure_recorded", { kind, date });
  });
  return { id, kind, date, details, recordedBy: recorder(principal) };
});
