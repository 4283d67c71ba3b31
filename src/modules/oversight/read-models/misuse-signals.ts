import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { endOfAmsterdamDay, startOfAmsterdamDay } from "../../../platform/audit/operations.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { addDays, compareDates } from "../../../platform/werkdagen.ts";
import { later, type OversightEnv } from "../env.ts";
import { requireAuditor } from "../policy.ts";
import {
  burstSignals,
  fishingSignals,
  offHoursSignals,
  type ScreeningRecord,
  SIGNAL_RULES,
  sweepSignals,
  withoutAllocationSignals,
} from "../signals.ts";

/**
 * Misuse signals between two dates (issue 6; 001 §3.3; 003 §8, §21): bursts by one user,
 * screenings outside office hours, fishing on similar names, screenings for an allocation
 * that never followed, sweeps through consecutive seeker numbers (block look-ups, F7). Each with the screenings behind it; the look is logged.
 */
export async function misuseSignals(
  env: OversightEnv,
  principal: Principal,
  meta: RequestMeta,
  range: { from: string; to: string },
) {
  const { db, clock, deps } = env;
  requireAuditor(principal);
  if (compareDates(range.to, range.from) < 0) {
    throw new AppError("invalid_input", "`to` must not lie before `from`.", {
      code: "invalid_range",
    });
  }
  const { screenings, seekers } = later(env);
  const from = startOfAmsterdamDay(range.from);
  const before = endOfAmsterdamDay(range.to);
  // A participant's block look-up is a screening by seeker number (F7): counted with them.
  const rows: ScreeningRecord[] = [
    ...(await screenings.screeningsBetween(from, before)),
    ...(await seekers.blockLookupsBetween(from, before)).map((r) => ({
      ...r,
      nameRef: null,
      kind: "block_lookup" as const,
    })),
  ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const settings = await deps.organisations.settings();
  const cutoff = startOfAmsterdamDay(addDays(clock.today(), -SIGNAL_RULES.allocationFollowUpDays));
  const seekerSet = await seekers.seekerSubjects([...new Set(rows.map((r) => r.subjectRef))]);
  const signals = [
    ...burstSignals(rows, settings.screeningBurstPerHour),
    ...offHoursSignals(rows),
    ...fishingSignals(rows),
    ...withoutAllocationSignals(rows, seekerSet, cutoff),
    ...sweepSignals(rows),
  ];
  await recordSuccess(db, clock, meta, principal, {
    action: "oversight.misuse_signals_viewed",
    objectType: "report",
    details: { from: range.from, to: range.to, signals: signals.length },
  });
  return {
    from: range.from,
    to: range.to,
    screenings: rows.length,
    rules: { ...SIGNAL_RULES, burstPerHour: settings.screeningBurstPerHour },
    source: "001 §3.3; 003 §8, §21",
    signals,
  };
}
