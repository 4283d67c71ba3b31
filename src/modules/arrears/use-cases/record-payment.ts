import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { protocolRule } from "../../../platform/errors.ts";
import { auditArrangement } from "../audit-arrangement.ts";
import type { ArrearsEnv, OnBehalfOf } from "../env.ts";
import { arrangementOf, landlordFor } from "../policy.ts";
import * as repo from "../repository.ts";
import { arrangementView } from "../views.ts";

/** A payment on an arrangement, applied to the oldest open instalments first. */
export async function recordPayment(
  env: ArrearsEnv,
  principal: Principal,
  meta: RequestMeta,
  arrangementId: string,
  input: { date: string; amountCents: number },
  options: OnBehalfOf = {},
) {
  const { db, clock } = env;
  const organisationId = await landlordFor(env, principal, options.onBehalfOf);
  const arrangement = await arrangementOf(env, organisationId, arrangementId);
  const instalments = await repo.instalmentsOf(db, [arrangementId]);
  const open = instalments.reduce((s, i) => s + (i.amountCents - i.paidCents), 0);
  if (input.amountCents > open) {
    throw protocolRule(
      "payment_exceeds_arrangement",
      "The payment is more than what remains of the arrangement.",
      "004 Maatwerk betalingsregelingen",
      { openCents: open },
    );
  }
  let rest = input.amountCents;
  const changes: { seq: number; paidCents: number }[] = [];
  for (const i of instalments) {
    if (rest === 0) break;
    const due = i.amountCents - i.paidCents;
    if (due <= 0) continue;
    const pay = Math.min(due, rest);
    rest -= pay;
    i.paidCents += pay;
    i.paidOn = input.date;
    changes.push({ seq: i.seq, paidCents: i.paidCents });
  }
  await db.transaction(async (tx) => {
    for (const c of changes) {
      await repo.updateInstalment(tx, arrangementId, c.seq, {
        paidCents: c.paidCents,
        paidOn: input.date,
      });
    }
    await auditArrangement(
      tx,
      { clock, meta, principal },
      arrangementId,
      "arrears.arrangement_payment",
      {
        amountCents: input.amountCents,
        date: input.date,
      },
    );
  });
  return arrangementView(env, arrangement, instalments);
}
