/**
 * Misuse signals (issue 6; 001 §3.3: every look-up is recorded "om misbruik te kunnen
 * traceren"; 003 §8, §21: the half-yearly check). Pure functions over screening records that
 * hold no personal data (ids, actor, time, purpose, hit, pseudonymous references). A signal
 * is a question for the auditor, never a verdict: each lists the screenings behind it.
 *
 * A participant's block look-up (GET /seekers/{n}/block) is a screening by seeker number
 * (issue 22, F7): it counts for bursts and office hours like any screening, and consecutive
 * numbers looked up one after another raise a sweep signal of their own.
 */
import { isWorkingDay, todayInAmsterdam } from "../../platform/werkdagen.ts";
import { SWEEP_RULE } from "../seekers/ports.ts";

export interface ScreeningRecord {
  id: string;
  organisationId: string;
  actorId: string;
  purpose: string;
  hit: boolean;
  subjectRef: string;
  nameRef: string | null;
  createdAt: Date;
  /** A block look-up by seeker number rather than a screening by person (default screening). */
  kind?: "screening" | "block_lookup";
  /** Block look-ups: the same caller looked up a neighbouring number within the hour. */
  sequential?: boolean;
}

export type SignalKind =
  | "screening_burst"
  | "outside_office_hours"
  | "fishing_similar_names"
  | "screening_without_allocation"
  | "sequential_number_sweep";

export interface MisuseSignal {
  kind: SignalKind;
  organisationId: string;
  actorId: string | null;
  /** What the rule saw, in words, with its numbers. */
  rule: string;
  count: number;
  first: string;
  last: string;
  screenings: {
    id: string;
    at: string;
    purpose: string;
    hit: boolean;
    kind: "screening" | "block_lookup";
  }[];
}

/** The rules' numbers: office hours, fishing and allocation follow-up (docs/audit.md). */
export const SIGNAL_RULES = {
  officeHours: { from: 7, until: 20 },
  fishing: { minScreenings: 5, minDistinctPersons: 3, windowHours: 24 },
  allocationFollowUpDays: 30,
  /** Block look-ups of a neighbouring number (n ± 1) by one caller within an hour. */
  sweep: SWEEP_RULE,
} as const;

const HOUR = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  hour: "2-digit",
  hourCycle: "h23",
});

function amsterdamHour(d: Date): number {
  return Number(HOUR.format(d));
}

function signal(
  kind: SignalKind,
  rule: string,
  rows: ScreeningRecord[],
  actorId: string | null,
): MisuseSignal {
  return {
    kind,
    organisationId: rows[0]!.organisationId,
    actorId,
    rule,
    count: rows.length,
    first: rows[0]!.createdAt.toISOString(),
    last: rows[rows.length - 1]!.createdAt.toISOString(),
    screenings: rows.map((r) => ({
      id: r.id,
      at: r.createdAt.toISOString(),
      purpose: r.purpose,
      hit: r.hit,
      kind: r.kind ?? "screening",
    })),
  };
}

function byActor(rows: ScreeningRecord[]): Map<string, ScreeningRecord[]> {
  const map = new Map<string, ScreeningRecord[]>();
  for (const r of rows) {
    const list = map.get(r.actorId) ?? [];
    list.push(r);
    map.set(r.actorId, list);
  }
  return map;
}

/**
 * The largest run of `list` (oldest first) within `windowMs` that has at least `atLeast`
 * records, or none: the burst and the sweep rule both look for it.
 */
function largestWindow(
  list: ScreeningRecord[],
  windowMs: number,
  atLeast: number,
): ScreeningRecord[] | undefined {
  let start = 0;
  let best: ScreeningRecord[] | undefined;
  for (let end = 0; end < list.length; end++) {
    while (list[end]!.createdAt.getTime() - list[start]!.createdAt.getTime() >= windowMs) start++;
    const window = list.slice(start, end + 1);
    if (window.length >= atLeast && (!best || window.length > best.length)) best = window;
  }
  return best;
}

/** More screenings by one user or key within an hour than the region's threshold. */
export function burstSignals(rows: ScreeningRecord[], perHour: number): MisuseSignal[] {
  const out: MisuseSignal[] = [];
  for (const [actor, list] of byActor(rows)) {
    const best = largestWindow(list, 3_600_000, perHour + 1);
    if (best) {
      out.push(
        signal(
          "screening_burst",
          `more than ${perHour} screenings (block look-ups included) within one hour`,
          best,
          actor,
        ),
      );
    }
  }
  return out;
}

/** Screenings at night, at weekends or on public holidays (Europe/Amsterdam). */
export function offHoursSignals(rows: ScreeningRecord[]): MisuseSignal[] {
  const { from, until } = SIGNAL_RULES.officeHours;
  const out: MisuseSignal[] = [];
  for (const [actor, list] of byActor(rows)) {
    const off = list.filter((r) => {
      const hour = amsterdamHour(r.createdAt);
      return hour < from || hour >= until || !isWorkingDay(todayInAmsterdam(r.createdAt));
    });
    if (off.length > 0) {
      out.push(
        signal(
          "outside_office_hours",
          `screenings outside ${from}:00–${until}:00 on working days (Europe/Amsterdam)`,
          off,
          actor,
        ),
      );
    }
  }
  return out;
}

/**
 * Fishing: one user with many no-hit screenings on the same (phonetic) surname for several
 * different people within a day — trying variants until something hits.
 */
export function fishingSignals(rows: ScreeningRecord[]): MisuseSignal[] {
  const { minScreenings, minDistinctPersons, windowHours } = SIGNAL_RULES.fishing;
  const out: MisuseSignal[] = [];
  for (const [actor, list] of byActor(rows)) {
    const byName = new Map<string, ScreeningRecord[]>();
    for (const r of list) {
      if (r.hit || !r.nameRef) continue;
      byName.set(r.nameRef, [...(byName.get(r.nameRef) ?? []), r]);
    }
    for (const group of byName.values()) {
      let start = 0;
      for (let end = 0; end < group.length; end++) {
        while (
          group[end]!.createdAt.getTime() - group[start]!.createdAt.getTime() >=
          windowHours * 3_600_000
        ) {
          start++;
        }
        const window = group.slice(start, end + 1);
        const persons = new Set(window.map((r) => r.subjectRef)).size;
        if (window.length >= minScreenings && persons >= minDistinctPersons) {
          out.push(
            signal(
              "fishing_similar_names",
              `${minScreenings} or more no-hit screenings on one surname for ${minDistinctPersons} or more different people within ${windowHours} hours`,
              window,
              actor,
            ),
          );
          break;
        }
      }
    }
  }
  return out;
}

/**
 * Screenings for an allocation (or direct mediation) of a person who, a month later, is not
 * a house seeker in the allocation system: a screening without the allocation it was for.
 */
export function withoutAllocationSignals(
  rows: ScreeningRecord[],
  seekers: Set<string>,
  cutoff: Date,
): MisuseSignal[] {
  const byOrganisation = new Map<string, ScreeningRecord[]>();
  for (const r of rows) {
    if (r.kind === "block_lookup") continue; // by number: its sweeps have a rule of their own
    if (!["allocation", "direct_mediation"].includes(r.purpose)) continue;
    if (r.createdAt.getTime() > cutoff.getTime() || seekers.has(r.subjectRef)) continue;
    byOrganisation.set(r.organisationId, [...(byOrganisation.get(r.organisationId) ?? []), r]);
  }
  return [...byOrganisation.values()].map((list) =>
    signal(
      "screening_without_allocation",
      `screenings for an allocation of a person who is not a house seeker ${SIGNAL_RULES.allocationFollowUpDays} days later`,
      list,
      null,
    ),
  );
}

/**
 * Sweeps (F7): one caller looking up seeker numbers one after another — each look-up of a
 * number next to one it looked up within the hour counts — at least `minSequential` times
 * within `windowHours`. What a sweep finds is who is blocked, without a person in mind.
 */
export function sweepSignals(rows: ScreeningRecord[]): MisuseSignal[] {
  const { minSequential, windowHours } = SIGNAL_RULES.sweep;
  const out: MisuseSignal[] = [];
  for (const [actor, list] of byActor(rows.filter((r) => r.sequential === true))) {
    const best = largestWindow(list, windowHours * 3_600_000, minSequential);
    if (best) {
      out.push(
        signal(
          "sequential_number_sweep",
          `${minSequential} or more block look-ups of a seeker number next to one looked up just before, within ${windowHours} hour`,
          best,
          actor,
        ),
      );
    }
  }
  return out;
}
