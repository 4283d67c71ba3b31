/**
 * On what a screening's disclosure of a registration rests (issue 24 part 4; design.md §2.7:
 * identity is decided by a person, not a score). Shared by the screening, the later answer
 * (read-models/screening-result.ts) and the primary source's decision.
 *
 * - The primary source's own people, and the consortium that acts for every participant
 *   (003 §14.1; 001 §5.1, §5.3), see their register as before: the engine's candidate counts.
 * - Another participant learns something about a registration only when the screened person
 *   is exactly the registered person (matching/identity.ts), is the seeker of a block the
 *   primary source confirmed (same seeker number, or exactly that seeker), or when the primary
 *   source's officer confirmed this screened person; a rejected pair shows nothing. Anything
 *   else the engine proposes becomes "mogelijke treffer — wordt gecontroleerd" and a task for
 *   the primary source (profile deadline `screening_confirmation`).
 */
import { randomUUID } from "node:crypto";
import type { Principal } from "../../platform/auth/access.ts";
import { termEnd } from "../../platform/werkdagen.ts";
import type { DisclosureGrant, Profile } from "../../protocol/profile.ts";
import { sameIdentity } from "../matching/identity.ts";
import type { NormalisedPerson } from "../matching/normalise.ts";
import type { Address, Candidate, Person } from "../registrations/ports.ts";
import type { ScreeningsEnv } from "./env.ts";
import * as repo from "./repository.ts";

export type IdentityBasis = "identified" | "confirmed" | "pending" | "rejected" | "hidden";

/** Where a task's typed person is encrypted (bound into the ciphertext). */
export const candidatePlace = (id: string) => ({
  table: "screening_candidate",
  column: "person_ciphertext",
  rowId: id,
});

/** What a pending task keeps of the screening, as typed: for the judgement and the hit letter. */
export interface TypedSubject {
  person: Person;
  address: Address | null;
}

/** Whether this caller learns of another organisation's registration only on a confirmed identity. */
export function needsConfirmedIdentity(
  roles: readonly string[],
  callerOrganisationId: string,
  registrationOrganisationId: string,
): boolean {
  return callerOrganisationId !== registrationOrganisationId && !roles.includes("consortium_admin");
}

/**
 * On what a candidate the engine matched may be disclosed to this caller: `identified` (exact,
 * the same blocked seeker, or the primary source's own people), `confirmed` (its officer said
 * so for this screened data before), `pending` (to be confirmed), `rejected` (its officer said
 * no), `hidden` (the grant needs a confirmed block and there is none: 003 §6 punten 3–5).
 */
export async function identityBasis(
  env: ScreeningsEnv,
  input: {
    principal: Pick<Principal, "organisationId" | "roles">;
    grant: DisclosureGrant;
    candidate: Candidate & { normalised: NormalisedPerson };
    person: NormalisedPerson;
    seekerNumber: string | undefined;
    fingerprint: string;
  },
): Promise<IdentityBasis> {
  const { principal, grant, candidate: c, person } = input;
  let sameSeeker = false;
  if (grant.requiresConfirmedMatch) {
    const block = await env.deps.seekers.confirmedFor(c.row.id, person, input.seekerNumber);
    if (block === "none") return "hidden";
    sameSeeker = block === "same_seeker";
  }
  if (!needsConfirmedIdentity(principal.roles, principal.organisationId, c.row.organisationId)) {
    return "identified";
  }
  if (sameSeeker || sameIdentity(person, c.normalised)) return "identified";
  return (await repo.priorDecision(env.db, c.row.id, input.fingerprint)) ?? "pending";
}

/** The last day the primary source has to confirm or reject (1 working day unless the profile says otherwise). */
export function confirmationDue(profile: Profile, today: string): string {
  const rule = profile.deadlines.screening_confirmation;
  return termEnd(today, rule?.term ?? { workingDays: 1 }).date;
}

/** A candidate as stored (repository insertCandidates). */
export type CandidateRow = Parameters<typeof repo.insertCandidates>[1][number];

/** What every candidate row of a screening carries. */
interface CandidateBase {
  screeningId: string;
  querierOrganisationId: string;
  candidate: Candidate;
  score: number;
  fingerprint: string;
}

/** A candidate disclosed at once: identified, or confirmed for these data before. */
export function candidateRow(
  env: ScreeningsEnv,
  input: CandidateBase,
  basis: "identified" | "confirmed",
): CandidateRow {
  const now = env.clock.now();
  return {
    id: randomUUID(),
    organisationId: input.candidate.row.organisationId,
    screeningId: input.screeningId,
    registrationId: input.candidate.row.id,
    querierOrganisationId: input.querierOrganisationId,
    status: basis,
    score: input.score,
    subjectFingerprint: input.fingerprint,
    createdAt: now,
    // The earlier decision, applied again: the latest decision is what counts next time.
    ...(basis === "confirmed" ? { decidedAt: now } : {}),
  };
}

/** A pending candidate: the primary source's task, with the typed subject under its key. */
export async function pendingCandidateRow(
  env: ScreeningsEnv,
  input: CandidateBase & { subject: TypedSubject; dueDate: string },
): Promise<CandidateRow> {
  const row = candidateRow(env, input, "identified");
  return {
    ...row,
    status: "pending",
    personCiphertext: await env.keyring.encrypt(
      row.organisationId,
      JSON.stringify(input.subject),
      candidatePlace(row.id),
    ),
    dueDate: input.dueDate,
  };
}
