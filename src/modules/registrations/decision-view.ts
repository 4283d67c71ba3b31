/**
 * Who entered and who decided a registration, and what it still waits for (003 §12.1 "naam van
 * geautoriseerd functionaris"; issue 20 part 3; D-841..D-845), as answers show it.
 */
import { hasRole, type Principal } from "../../platform/auth/access.ts";
import { todayInAmsterdam } from "../../platform/werkdagen.ts";
import type { Weighing } from "../../protocol/weighing.ts";
import type { RegistrationsEnv } from "./env.ts";
import { mayReadEvidence } from "./policy.ts";
import type { RegistrationRow } from "./repository.ts";
import type { ChangeReason, RegistrationSummary } from "./schemas.ts";

/** A lengthening waiting for the second officer's look, as stored (no personal data; D-845). */
export interface PendingChange {
  categories: string[];
  criteria: string[];
  placementDate: string;
  claimCents: number | null;
  termMonths: number;
  startDate: string;
  endDate: string;
  scope: RegistrationRow["scope"];
  reason: ChangeReason;
  /** The officer who asked for it (the first look). */
  by: string;
  /** Their weighing of the new term (D-1060); absent in changes from before it. */
  weighing?: Weighing;
}

export function pendingChangeOf(row: RegistrationRow): PendingChange | null {
  return (row.pendingChange as PendingChange | null) ?? null;
}

/** What a registration waits for: the first confirmation, a second officer, or nothing. */
export function awaitingOf(row: RegistrationRow): RegistrationSummary["awaiting"] {
  if (pendingChangeOf(row)) return "second_officer";
  if (row.status !== "draft") return null;
  return row.decidedBy === null ? "confirmation" : "second_officer";
}

/** Names show to the primary source's own organisation and the auditor only (D-843). */
function mayName(viewer: Principal | undefined, row: RegistrationRow): boolean {
  return (
    viewer !== undefined &&
    (viewer.organisationId === row.organisationId || hasRole(viewer, ["auditor"]))
  );
}

export async function decisionOf(
  env: RegistrationsEnv,
  row: RegistrationRow,
  viewer: Principal | undefined,
): Promise<
  Pick<
    RegistrationSummary,
    | "enteredBy"
    | "decidedBy"
    | "decidedOn"
    | "secondLookBy"
    | "awaiting"
    | "pendingChange"
    | "importId"
    | "weighing"
  >
> {
  const actors = [
    { kind: row.enteredByKind, id: row.enteredBy },
    ...(row.decidedBy ? [{ kind: "user" as const, id: row.decidedBy }] : []),
    ...(row.secondLookBy ? [{ kind: "user" as const, id: row.secondLookBy }] : []),
  ];
  const people = await env.deps.people.namedPeople(actors);
  const named = mayName(viewer, row);
  const shown = (id: string) => {
    const p = people.get(id);
    return { id: p?.id ?? id, name: named ? (p?.name ?? null) : null };
  };
  const pending = pendingChangeOf(row);
  return {
    enteredBy: shown(row.enteredBy),
    decidedBy: row.decidedBy ? shown(row.decidedBy) : null,
    decidedOn: row.decidedAt ? todayInAmsterdam(row.decidedAt) : null,
    secondLookBy: row.secondLookBy ? shown(row.secondLookBy) : null,
    awaiting: awaitingOf(row),
    pendingChange: pending
      ? {
          placementDate: pending.placementDate,
          termMonths: pending.termMonths,
          categories: pending.categories,
          criteria: pending.criteria,
          endDate: pending.endDate,
          reason: pending.reason,
        }
      : null,
    importId: row.importId,
    // The weighing: the primary source, the auditor and the committee only (D-1060), the same
    // readers as the evidence (mayReadEvidence); an internal read without a viewer leaves it out.
    ...(viewer !== undefined && mayReadEvidence(viewer, row.organisationId)
      ? { weighing: row.weighing ?? null }
      : {}),
  };
}
