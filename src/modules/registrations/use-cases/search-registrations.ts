import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { explainPair } from "../../matching/explain.ts";
import { normalisePerson } from "../../matching/normalise.ts";
import { scoreNormalised, vetoedByBirthDate } from "../../matching/score.ts";
import type { OrganisationAccess } from "../../organisations/ports.ts";
import type { RegistrationsEnv } from "../env.ts";
import { assertMayReadRegister } from "../policy.ts";
import { ownCandidatesFor } from "../read-models/candidates.ts";
import type { SearchAnswer, SearchInput } from "../schemas.ts";
import { summary } from "../views.ts";

/** At most this many results: a search finds a person, it does not list the register. */
const MAX_RESULTS = 20;

/**
 * Find a person in the caller's own register (issue 21 part 6; `POST /registrations/search`,
 * never personal data in a URL, D-203): the registrations of the caller's organisation, in any
 * status, that share a blind index with the person (the candidate retrieval screenings and
 * public requests use, D-911), scored by the matching engine with the region's scoring and
 * explained per field (D-875). A pair the birth date vetoes is no candidate. Best first; likely
 * ones (at or above the region's match threshold) before the rest. Only the primary source's
 * own officers (and a consortium admin, for their own organisation) search (003 §6.3, §13.3);
 * every search is audited with its purpose and the ids it showed, never the name searched.
 */
export async function searchRegistrations(
  env: RegistrationsEnv,
  principal: Principal,
  meta: RequestMeta,
  input: SearchInput,
): Promise<SearchAnswer> {
  assertMayReadRegister(principal);
  const searched = normalisePerson(input.person);
  const candidates = (await ownCandidatesFor(env, principal.organisationId, input.person)).map(
    (c) => ({ ...c, normalised: normalisePerson(c.person) }),
  );
  const scoring =
    (await env.deps.scoring?.().scoringFor([searched, ...candidates.map((c) => c.normalised)])) ??
    {};
  const scored = candidates
    .filter((c) => !vetoedByBirthDate(searched, c.normalised, scoring))
    .map((c) => ({ c, result: scoreNormalised(searched, c.normalised, scoring) }))
    .sort((a, b) => b.result.score - a.result.score)
    .slice(0, MAX_RESULTS);
  const names = new Map<string, Promise<OrganisationAccess | undefined>>();
  const results = await Promise.all(
    scored.map(async ({ c, result }) => ({
      registration: await summary(env, c.row, names, principal),
      person: c.person,
      score: Math.round(result.score * 10) / 10,
      likely: result.decision === "match",
      explanation: explainPair(input.person, c.person).map(({ field, agreement, text }) => ({
        field,
        agreement,
        text,
      })),
    })),
  );
  await recordSuccess(env.db, env.clock, meta, principal, {
    action: "registration.searched",
    objectType: "registration",
    objectId: null,
    details: {
      purpose: input.purpose ?? null,
      results: results.length,
      registrationIds: results.map((r) => r.registration.id),
    },
  });
  return { purpose: input.purpose ?? null, results };
}
