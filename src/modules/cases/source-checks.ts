/**
 * The primary source's check of an access request's candidate (issue 24 part 4, D-1040): the
 * officer who answers an access request at another participant sees a registration of another
 * primary source only when it is exactly the requester (`sameIdentity`, D-1010) or after that
 * registration's primary source confirmed it is the same person (design.md §2.7: identity is
 * decided by a person, not a score; 003 §6 punt 3, §15.2). Kept on the case as ids and dates
 * only (`facts.sourceChecks`), so the primary source finds its tasks by a jsonb containment.
 * Pure; shared by the access answer, the candidates read model and the confirmation steps.
 */
import type { CaseRow } from "./repository.ts";

export interface SourceCheck {
  registrationId: string;
  /** The registration's primary source: whose task the check is. */
  organisationId: string;
  status: "pending" | "confirmed" | "rejected";
  /** The last day to decide (profile deadline `screening_confirmation`, as for a screening). */
  due: string;
  decidedOn?: string;
}

export function sourceChecksOf(row: Pick<CaseRow, "facts">): SourceCheck[] {
  return (row.facts as { sourceChecks?: SourceCheck[] } | null)?.sourceChecks ?? [];
}

/** Whether the handling organisation must ask the primary source before it sees a candidate. */
export function needsSourceCheck(
  row: Pick<CaseRow, "organisationId" | "registrationId">,
  c: { registrationId: string; primarySourceId: string; exact: boolean },
): boolean {
  return (
    !c.exact && c.primarySourceId !== row.organisationId && c.registrationId !== row.registrationId
  );
}
