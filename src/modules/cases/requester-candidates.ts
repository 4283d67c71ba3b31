/**
 * The registrations held anywhere in the region that the matching engine scores as the person
 * who asked (the region's threshold and surname counts, as screenings score), each with the
 * per-field comparison an officer judges. Shared by the access answer (003 §15.2) and the
 * search on receipt of a public request (issue 21 part 2, D-911).
 */
import { sameIdentity } from "../matching/identity.ts";
import { normalisePerson } from "../matching/normalise.ts";
import { matchScore } from "../matching/score.ts";
import type { Person } from "../registrations/schemas.ts";
import type { CasesEnv } from "./env.ts";

/** One field of the requester's own data against the registration's. */
export interface Comparison {
  field: string;
  requester: string | null;
  registered: string | null;
  same: boolean;
}

export interface ScoredRegistration {
  registrationId: string;
  primarySourceId: string;
  score: number;
  /** Exactly the requester (`sameIdentity`, D-1010): may be shown to any participant at once. */
  exact: boolean;
  comparison: Comparison[];
}

const COMPARED = [
  "initials",
  "prefix",
  "surname",
  "birthName",
  "birthDate",
  "seekerNumber",
  "email",
] as const;

/**
 * The candidates, best first. `linkedId` (the case's own registration) always counts, at 100:
 * it was chosen by a person, not scored.
 */
export async function scoreRequester(
  env: CasesEnv,
  person: Person,
  linkedId: string | null = null,
): Promise<ScoredRegistration[]> {
  const normalised = normalisePerson(person);
  const held = (await env.deps.registrations.heldCandidatesFor(person)).map((c) => ({
    ...c,
    normalised: normalisePerson(c.person),
  }));
  const scoring = await env.deps
    .seekers()
    .scoringFor([normalised, ...held.map((c) => c.normalised)]);
  const out: ScoredRegistration[] = [];
  for (const c of held) {
    let score = 100;
    if (c.row.id !== linkedId) {
      const result = matchScore(normalised, c.normalised, scoring);
      if (!result) continue;
      score = result.score;
    }
    out.push({
      registrationId: c.row.id,
      primarySourceId: c.row.organisationId,
      score,
      exact: sameIdentity(normalised, c.normalised),
      comparison: COMPARED.map((field) => {
        const a = (person as Record<string, string | undefined>)[field] ?? null;
        const b = (c.person as Record<string, string | undefined>)[field] ?? null;
        return {
          field,
          requester: a,
          registered: b,
          same: a !== null && b !== null && a.toLowerCase() === b.toLowerCase(),
        };
      }).filter((x) => x.requester !== null || x.registered !== null),
    });
  }
  return out.sort((a, b) => b.score - a.score);
}
