import { randomUUID } from "node:crypto";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { importReport } from "../../../platform/imports/line-errors.ts";
import { addDays, compareDates } from "../../../platform/werkdagen.ts";
import { type ArrearsEnv, type OnBehalfOf, recorder } from "../env.ts";
import type { ParsedFeedback } from "../import.ts";
import { SCHULDENRUST_DAYS } from "../periods.ts";
import { landlordFor } from "../policy.ts";
import * as repo from "../repository.ts";

/**
 * Feedback already parsed line by line (JSON items or a CSV file, import.ts). Every line is
 * checked on its own; the good lines are written in one transaction, a bad line not at all
 * and reported with its line number (the same rule as the position import).
 */
export async function importFeedback(
  env: ArrearsEnv,
  principal: Principal,
  meta: RequestMeta,
  municipalityCode: string,
  parsed: ParsedFeedback,
  options: OnBehalfOf = {},
) {
  const { db, clock } = env;
  const organisationId = await landlordFor(env, principal, options.onBehalfOf);
  const input = { municipalityCode };
  const today = clock.today();
  const states = await repo.tenancyStates(
    db,
    organisationId,
    parsed.lines.map((l) => l.item.tenancyRef),
  );
  const errors = parsed.errors;
  const feedback: Parameters<typeof repo.insertFeedback>[1][] = [];
  const holds: Parameters<typeof repo.insertHold>[1][] = [];
  const now = clock.now();
  for (const { line, item } of parsed.lines) {
    const s = states.get(item.tenancyRef);
    if (!s) {
      errors.add({ line, code: "unknown_tenancy", message: "no tenancy with this reference" });
      continue;
    }
    if (compareDates(item.date, today) > 0) {
      errors.add({ line, code: "date_in_future", message: "date: lies in the future" });
      continue;
    }
    const signal = (await repo.signalsOfTenancy(db, s.id))
      .filter((x) => x.municipalityCode === input.municipalityCode)
      .at(-1);
    if (!signal) {
      errors.add({
        line,
        code: "not_signalled",
        message: "this tenancy was not signalled to this municipality",
      });
      continue;
    }
    if (compareDates(item.date, signal.signalDate) < 0) {
      errors.add({ line, code: "feedback_before_signal", message: "date: before the signal" });
      continue;
    }
    const feedbackId = randomUUID();
    feedback.push({
      id: feedbackId,
      organisationId,
      signalId: signal.id,
      tenancyId: s.id,
      municipalityCode: input.municipalityCode,
      outcome: item.outcome,
      date: item.date,
      ...recorder(principal),
      createdAt: now,
    });
    if (item.outcome === "help_accepted") {
      const open = (await repo.holdsOf(db, s.id)).some(
        (h) =>
          h.kind === "schuldenrust" &&
          !h.endedOn &&
          compareDates(h.startDate, item.date) <= 0 &&
          compareDates(item.date, h.until) <= 0,
      );
      if (!open) {
        holds.push({
          id: randomUUID(),
          organisationId,
          tenancyId: s.id,
          kind: "schuldenrust",
          reason: "help_accepted",
          startDate: item.date,
          // 002 step 3: collection suspended for 30 days after help was accepted.
          until: addDays(item.date, SCHULDENRUST_DAYS),
          arrearsCentsAtStart: s.arrearsCents,
          feedbackId,
          ...recorder(principal),
          createdAt: now,
        });
      }
    }
  }
  let recorded = 0;
  await db.transaction(async (tx) => {
    const kept = new Set<string>();
    for (const f of feedback) if (await repo.insertFeedback(tx, f)) kept.add(f.id!);
    recorded = kept.size;
    for (const h of holds) if (kept.has(h.feedbackId!)) await repo.insertHold(tx, h);
    await recordSuccess(tx, clock, meta, principal, {
      action: "arrears.feedback_recorded",
      objectType: "arrears_feedback",
      details: {
        landlord: organisationId,
        municipalityCode: input.municipalityCode,
        lines: parsed.total,
        recorded,
        rejected: errors.rejectedLines,
        outcomes: feedback.map((f) => f.outcome),
      },
    });
  });
  return {
    recorded,
    duplicates: feedback.length - recorded,
    ...importReport(parsed.total, errors),
  };
}
