/**
 * The registrations a public request was matched to on receipt (issue 21 part 2, D-911),
 * kept on the case as ids and scores only (no personal data in `facts`): who has the case on
 * its desk, and which registrations the case restricts provisionally. Pure; shared by the
 * policy, the use cases and the read model.
 */
import type { CaseRow } from "./repository.ts";

export interface DeskCandidate {
  registrationId: string;
  /** The registration's primary source: the participant whose desk the case is on. */
  organisationId: string;
  score: number;
  /** pending until an officer links it (the case is about it) or rejects it (another person). */
  decision: "pending" | "linked" | "rejected";
  /** Restricted at once by this case (no hits, no new blocks) until linked or rejected. */
  provisional: boolean;
}

type WithFacts = Pick<CaseRow, "facts" | "registrationId">;

export function deskCandidatesOf(row: Pick<CaseRow, "facts">): DeskCandidate[] {
  return (row.facts as { candidates?: DeskCandidate[] } | null)?.candidates ?? [];
}

/** The participants with a pending candidate of a case not yet linked: the case is on their desk. */
export function deskOrganisations(row: WithFacts): string[] {
  if (row.registrationId) return [];
  return deskCandidatesOf(row)
    .filter((c) => c.decision === "pending")
    .map((c) => c.organisationId);
}
