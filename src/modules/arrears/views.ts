/** A hold, an arrangement and a signal assessment as the use cases and read models answer them. */

import type { Assessment } from "./eligibility.ts";
import type { ArrearsEnv } from "./env.ts";
import { arrangementStatus } from "./prevention.ts";
import * as repo from "./repository.ts";

export function holdView(h: repo.HoldRow) {
  return {
    id: h.id,
    kind: h.kind,
    reason: h.reason,
    startDate: h.startDate,
    until: h.until,
    endedOn: h.endedOn,
    endReason: h.endReason,
  };
}

export async function arrangementView(
  env: ArrearsEnv,
  a: repo.ArrangementRow,
  instalments?: repo.InstalmentRow[],
) {
  const { db, clock } = env;
  const rows = instalments ?? (await repo.instalmentsOf(db, [a.id]));
  const status = arrangementStatus(rows, clock.today());
  return {
    id: a.id,
    agreedOn: a.agreedOn,
    totalCents: a.totalCents,
    ...status,
    paidCents: rows.reduce((s, i) => s + i.paidCents, 0),
    instalments: rows.map((i) => ({
      seq: i.seq,
      dueDate: i.dueDate,
      amountCents: i.amountCents,
      paidCents: i.paidCents,
      paidOn: i.paidOn,
    })),
  };
}

export function publicAssessment(a: Assessment) {
  return {
    eligible: a.eligible,
    repeated: a.repeated,
    daysLate: a.daysLate,
    monthsInArrears: a.monthsInArrears,
    reasons: a.reasons,
  };
}
