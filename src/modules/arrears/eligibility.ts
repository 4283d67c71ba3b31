/**
 * Which tenants may be signalled to their municipality, as pure rules (no database): the
 * monthly job, the worklist and the tests all use this one function. Each rule cites its
 * source. A signal is a legal duty with preconditions (Besluit gemeentelijke
 * schuldhulpverlening art. 2, the obligation of seed 002 "Wettelijke verplichting"): when any
 * precondition is not proven in the file, no signal goes — the reason is shown instead.
 */
import { addDays, compareDates, daysBetween } from "../../platform/werkdagen.ts";

export const PRECONDITIONS = [
  "contact_attempt",
  "debt_help_referral",
  "reminder_with_sharing_offer",
] as const;
export type EventType = (typeof PRECONDITIONS)[number] | "tenant_refused";

/** Default lateness before a signal (contract §3 `minDaysLate`, default 30). */
export const DEFAULT_MIN_DAYS_LATE = 30;
/** A position older than this (days before the signal date) is not trusted for a signal. */
export const MAX_POSITION_AGE_DAYS = 45;

export interface AgreementTerms {
  status: "requested" | "sent" | "signed" | "ended";
  minDaysLate: number;
  minAmountCents: number | null;
}

export interface TenancyFacts {
  arrearsCents: number;
  monthlyRentCents: number;
  oldestUnpaidDueDate: string | null;
  arrearsBeganOn: string | null;
  asOf: string;
  /** The newest position date imported for this landlord. */
  latestAsOf: string;
  events: readonly { type: EventType; date: string }[];
  /** The last signal sent for this tenancy, if any. */
  lastSignal?: { arrearsBeganOn: string; arrearsCents: number } | undefined;
  /** A schuldenrust hold (help accepted) covers the signal date. */
  onSchuldenrust: boolean;
}

export interface Reason {
  code: string;
  source: string;
  missing?: string;
}

export interface Assessment {
  eligible: boolean;
  /** A repeated signal for the same arrears (herhaalde melding). */
  repeated: boolean;
  daysLate: number;
  monthsInArrears: number;
  reasons: Reason[];
}

/** Months in arrears: the arrears in whole monthly rents, a part month counting as one. */
export function monthsInArrears(arrearsCents: number, monthlyRentCents: number): number {
  if (arrearsCents <= 0 || monthlyRentCents <= 0) return 0;
  return Math.ceil(arrearsCents / monthlyRentCents);
}

/** Is a precondition event about the current arrears (on or after they began, not after the signal date)? */
function inEpisode(date: string, began: string, signalDate: string) {
  return compareDates(date, began) >= 0 && compareDates(date, signalDate) <= 0;
}

export function assessSignal(
  facts: TenancyFacts,
  agreement: AgreementTerms | undefined,
  signalDate: string,
): Assessment {
  const reasons: Reason[] = [];
  const daysLate =
    facts.oldestUnpaidDueDate && facts.arrearsCents > 0
      ? daysBetween(facts.oldestUnpaidDueDate, signalDate)
      : 0;
  const months = monthsInArrears(facts.arrearsCents, facts.monthlyRentCents);
  const result = (repeated = false): Assessment => ({
    eligible: reasons.length === 0,
    repeated: reasons.length === 0 && repeated,
    daysLate,
    monthsInArrears: months,
    reasons,
  });

  // 002 "Wettelijke verplichting": the duty is about a payment arrears (betalingsachterstand).
  if (facts.arrearsCents <= 0 || !facts.oldestUnpaidDueDate || !facts.arrearsBeganOn) {
    reasons.push({ code: "no_arrears", source: "002 Wettelijke verplichting" });
    return result();
  }
  // Only a current position is a proof of arrears: the latest import, and recent enough.
  if (
    facts.asOf !== facts.latestAsOf ||
    compareDates(facts.asOf, addDays(signalDate, -MAX_POSITION_AGE_DAYS)) < 0
  ) {
    reasons.push({ code: "position_not_current", source: "decision D-104" });
  }
  // 002 "Overeenkomst met gemeente nodig": signals go only under an agreement signed by both;
  // 002 art. 3.4 of the agreement names the reporting point.
  if (!agreement) {
    reasons.push({ code: "no_agreement", source: "002 Overeenkomst met gemeente nodig" });
  } else if (agreement.status !== "signed") {
    reasons.push({ code: "agreement_not_signed", source: "002 Proces na aanmelding" });
  }
  // Lateness: the municipality's threshold, default 30 days (contract §3; Bgs art. 2).
  const minDays = agreement?.minDaysLate ?? DEFAULT_MIN_DAYS_LATE;
  if (daysLate < minDays) {
    reasons.push({ code: "not_late_enough", source: "contract §3 minDaysLate; Bgs art. 2" });
  }
  // An amount threshold the municipality set in the agreement (002 modelovereenkomst).
  if (agreement?.minAmountCents != null && facts.arrearsCents < agreement.minAmountCents) {
    reasons.push({ code: "below_amount_threshold", source: "002 modelovereenkomst" });
  }
  // The legal preconditions, each proven by an event within the current arrears (Bgs art. 2:
  // personal contact attempted, debt help pointed out, a written reminder offering to pass
  // the contact details to the municipality).
  const episode = facts.events.filter((e) => inEpisode(e.date, facts.arrearsBeganOn!, signalDate));
  for (const type of PRECONDITIONS) {
    if (!episode.some((e) => e.type === type)) {
      reasons.push({ code: "precondition_missing", missing: type, source: "Bgs art. 2; 002" });
    }
  }
  // The tenant refused the passing on of the contact details offered in the reminder.
  if (episode.some((e) => e.type === "tenant_refused")) {
    reasons.push({ code: "tenant_refused", source: "Bgs art. 2; 002" });
  }
  // During schuldenrust the municipality already helps (002 step 3): nothing new to signal.
  if (facts.onSchuldenrust) {
    reasons.push({ code: "on_collection_hold", source: "002 stap 3" });
  }
  // Herhaalde melding: the same arrears are signalled again only when they have grown.
  let repeated = false;
  if (facts.lastSignal && facts.lastSignal.arrearsBeganOn === facts.arrearsBeganOn) {
    if (facts.arrearsCents > facts.lastSignal.arrearsCents) repeated = true;
    else
      reasons.push({ code: "already_signalled", source: "002 herhaalde melding (decision D-105)" });
  }
  return result(repeated);
}
