/**
 * Seed 004 "Gereedschapskist aanpak schulden en armoede": the measures that prevent arrears,
 * as pure rules. Nothing here decides anything about a tenant: the arrangement status is
 * arithmetic on recorded instalments, and an early warning is a reason for a person to call
 * (004 "Data-analyse en alert zijn op specifieke huurders"), shown with the rule that raised
 * it. None of it is ever used for the register (design.md §2.8).
 */
import { addDays, compareDates } from "../../platform/werkdagen.ts";

/** An instalment is missed when still (partly) unpaid this many days after its due date. */
export const INSTALMENT_GRACE_DAYS = 7;

export interface Instalment {
  seq: number;
  dueDate: string;
  amountCents: number;
  paidCents: number;
  paidOn: string | null;
}

export type ArrangementStatus = "on_track" | "kept" | "broken";

/** 004 "Maatwerk betalingsregelingen": kept when all is paid, broken when one is missed. */
export function arrangementStatus(instalments: readonly Instalment[], today: string) {
  const due = instalments.filter((i) => compareDates(i.dueDate, today) <= 0);
  const missed = instalments.filter(
    (i) =>
      i.paidCents < i.amountCents &&
      compareDates(addDays(i.dueDate, INSTALMENT_GRACE_DAYS), today) < 0,
  );
  const status: ArrangementStatus =
    missed.length > 0
      ? "broken"
      : instalments.every((i) => i.paidCents >= i.amountCents)
        ? "kept"
        : "on_track";
  return {
    status,
    instalmentsDue: due.length,
    instalmentsPaid: instalments.filter((i) => i.paidCents >= i.amountCents).length,
    instalmentsMissed: missed.length,
  };
}

export interface PositionPoint {
  asOf: string;
  arrearsCents: number;
  monthlyRentCents: number;
  lastPaymentDate: string | null;
}

export interface EarlyWarningRule {
  rule: string;
  explanation: string;
  source: string;
}

/** The rules, as shown with every alert (transparent: a person can check them by hand). */
export const EARLY_WARNING_RULES: readonly EarlyWarningRule[] = [
  {
    rule: "paying_later",
    explanation:
      "The last payment fell on a later day of the month in each of the last three positions.",
    source: "004 Data-analyse en alert zijn op specifieke huurders",
  },
  {
    rule: "partial_payments",
    explanation:
      "In at least two of the last three months the arrears grew by less than one month's rent: part of the rent was paid.",
    source: "004 Data-analyse en alert zijn op specifieke huurders",
  },
  {
    rule: "growing_arrears",
    explanation: "The arrears grew in each of the last three positions.",
    source: "004 Data-analyse en alert zijn op specifieke huurders",
  },
  {
    rule: "broken_arrangement",
    explanation: `An instalment of a payment arrangement is unpaid more than ${INSTALMENT_GRACE_DAYS} days after its due date.`,
    source: "004 Maatwerk betalingsregelingen",
  },
];

/**
 * The rules that fire for one tenancy. `positions` are its positions, newest last (at most
 * the last four are looked at). Each firing rule comes with the facts it was computed from.
 */
export function earlyWarnings(
  positions: readonly PositionPoint[],
  brokenArrangement: boolean,
): { rule: string; facts: Record<string, unknown> }[] {
  const out: { rule: string; facts: Record<string, unknown> }[] = [];
  const last3 = positions.slice(-3);
  const days = last3.map((p) =>
    p.lastPaymentDate ? Number(p.lastPaymentDate.slice(8, 10)) : null,
  );
  if (
    last3.length === 3 &&
    days.every((d) => d !== null) &&
    days[0]! < days[1]! &&
    days[1]! < days[2]!
  ) {
    out.push({
      rule: "paying_later",
      facts: { lastPaymentDays: days, asOf: last3.map((p) => p.asOf) },
    });
  }
  const last4 = positions.slice(-4);
  const steps = last4.slice(1).map((p, i) => ({
    asOf: p.asOf,
    growth: p.arrearsCents - last4[i]!.arrearsCents,
    rent: p.monthlyRentCents,
  }));
  const partial = steps.filter((s) => s.growth > 0 && s.growth < s.rent);
  if (partial.length >= 2) {
    out.push({ rule: "partial_payments", facts: { months: partial.map((s) => s.asOf) } });
  }
  if (
    last3.length === 3 &&
    last3[0]!.arrearsCents < last3[1]!.arrearsCents &&
    last3[1]!.arrearsCents < last3[2]!.arrearsCents
  ) {
    out.push({
      rule: "growing_arrears",
      facts: { arrearsCents: last3.map((p) => p.arrearsCents), asOf: last3.map((p) => p.asOf) },
    });
  }
  if (brokenArrangement) out.push({ rule: "broken_arrangement", facts: {} });
  return out;
}
