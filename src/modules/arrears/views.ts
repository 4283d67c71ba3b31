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

type ArrangementOfOrganisation = Awaited<
  ReturnType<typeof repo.arrangementsOfOrganisation>
>[number];

/**
 * The landlord's arrangements (those `only` keeps), each with its status today (004 "Maatwerk
 * betalingsregelingen"): what the dashboard, the worklist, the tenancy list and the early
 * warnings count.
 */
export async function arrangementsWithStatus(
  env: ArrearsEnv,
  organisationId: string,
  today: string,
  only: (a: ArrangementOfOrganisation) => boolean = () => true,
) {
  const arrangements = (await repo.arrangementsOfOrganisation(env.db, organisationId)).filter(only);
  const instalments = await repo.instalmentsOf(
    env.db,
    arrangements.map((a) => a.arrangement.id),
  );
  return arrangements.map((a) => ({
    ...a,
    ...arrangementStatus(
      instalments.filter((i) => i.arrangementId === a.arrangement.id),
      today,
    ),
  }));
}
