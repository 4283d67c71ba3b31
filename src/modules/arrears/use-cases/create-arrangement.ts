import { randomUUID } from "node:crypto";
import { AppError } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { auditArrangement } from "../audit-arrangement.ts";
import { recorder } from "../env.ts";
import * as repo from "../repository.ts";
import type { ArrangementInput } from "../schemas.ts";
import { tenancyStep } from "../tenancy-step.ts";
import { arrangementView } from "../views.ts";

/** 004 "Maatwerk betalingsregelingen": a schedule of instalments; its status follows by itself. */
export const createArrangement = tenancyStep(async (call, input: ArrangementInput) => {
  const { env, db, clock, principal, organisationId, tenancy } = call;
  const sorted = [...input.instalments].sort((a, b) => compareDates(a.dueDate, b.dueDate));
  if (sorted.some((i) => compareDates(i.dueDate, input.agreedOn) < 0)) {
    throw new AppError("invalid_input", "instalments: a due date before the agreement.", {
      code: "instalment_before_agreement",
    });
  }
  const id = randomUUID();
  const row = {
    id,
    organisationId,
    tenancyId: tenancy.id,
    agreedOn: input.agreedOn,
    totalCents: sorted.reduce((s, i) => s + i.amountCents, 0),
    ...recorder(principal),
    createdAt: clock.now(),
  };
  const instalments = sorted.map((i, n) => ({
    arrangementId: id,
    seq: n + 1,
    dueDate: i.dueDate,
    amountCents: i.amountCents,
    paidCents: 0,
    paidOn: null,
  }));
  await db.transaction(async (tx) => {
    await repo.insertArrangement(tx, row, instalments);
    await auditArrangement(tx, call, id, "arrears.arrangement_created", {
      instalments: instalments.length,
      totalCents: row.totalCents,
    });
  });
  return arrangementView(env, row, instalments);
});
