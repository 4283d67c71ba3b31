/**
 * A screening's definite answer, read again (GET /screenings/{id}; contract §6, issue 24 part
 * 4): the registrations it found on an exact identity, and those the primary source has since
 * confirmed, each disclosed as the screening organisation's grant allows today; `pending` while
 * a possible hit still waits for the primary source. Only the organisation that screened reads
 * it: the one who screened, or its officers.
 */
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import { notFound } from "../../../platform/errors.ts";
import { disclosureGrant } from "../../../protocol/engine.ts";
import type { Profile } from "../../../protocol/profile.ts";
import type { Candidate } from "../../registrations/ports.ts";
import type { HitDutyInput } from "../../seekers/ports.ts";
import type { ScreeningsEnv } from "../env.ts";
import { disclose, hitLetterFacts, withConsent } from "../policy.ts";
import * as repo from "../repository.ts";
import type { ScreeningAnswer, ScreeningResult } from "../schemas.ts";

/** The roles a screening was made with (stored joined by commas). */
export const rolesOf = (screening: repo.ScreeningRow) => screening.role.split(",") as Role[];

/**
 * What one registration found by a screening shows its organisation today: one result per
 * part in force, the part that concerns it most first, and what the hit letter tells of that
 * part (D-953); nothing when the registration is no longer in effect or the grant is gone.
 * `viewer` decides whether the officers' names are shown (D-843); without one (a decision made
 * by the primary source on the querier's behalf) the names are not read at all.
 */
export async function disclosedTo(
  env: ScreeningsEnv,
  profile: Profile,
  screening: repo.ScreeningRow,
  registration: Candidate,
  viewer?: Principal,
): Promise<{ results: ScreeningResult[]; letter?: HitDutyInput["hits"][number] }> {
  const grant = disclosureGrant(
    profile,
    screening.organisationId,
    rolesOf(screening),
    registration.row.organisationId,
  );
  if (!grant) return { results: [] };
  const consent =
    registration.row.organisationId === screening.organisationId
      ? []
      : await env.deps.cases().consentFields(registration.row.id, profile);
  const shown = await disclose(
    withConsent(grant, consent),
    registration,
    screening.organisationId,
    (id) => env.deps.organisations.getName(id),
    env.clock.today(),
    async (row) => (viewer ? env.deps.registrations.decisionMakers(row, viewer) : {}),
  );
  const first = shown[0];
  return {
    results: shown.map((s) => s.result),
    ...(first
      ? {
          letter: hitLetterFacts(
            profile,
            grant,
            consent,
            screening.organisationId,
            registration,
            first.part,
          ),
        }
      : {}),
  };
}

/** May this caller read this screening's answer again? */
function mayRead(principal: Principal, screening: repo.ScreeningRow): boolean {
  if (screening.organisationId !== principal.organisationId) return false;
  return (
    screening.actorId === principal.id ||
    principal.roles.includes("officer") ||
    principal.roles.includes("consortium_admin")
  );
}

export async function getScreeningResult(
  env: ScreeningsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
): Promise<ScreeningAnswer> {
  const screening = await repo.findScreening(env.db, id);
  if (!screening || !mayRead(principal, screening)) throw notFound("screening");
  const candidates = await repo.candidatesOfScreening(env.db, id);
  if (candidates.length === 0 && screening.hit) {
    // A hit screened before its candidates were kept (migration 0018): its answer cannot be
    // given again, and "no hit" would be untrue.
    throw notFound("screening");
  }
  const profile = await env.deps.organisations.profile();
  const results: ScreeningResult[] = [];
  let due: string | undefined;
  for (const c of candidates) {
    if (c.status === "pending") {
      if (c.dueDate && (!due || c.dueDate < due)) due = c.dueDate;
      continue;
    }
    if (c.status === "rejected") continue;
    const registration = await env.deps.registrations.effectiveCandidate(c.registrationId);
    if (registration) {
      results.push(
        ...(await disclosedTo(env, profile, screening, registration, principal)).results,
      );
    }
  }
  await recordSuccess(env.db, env.clock, meta, principal, {
    action: "screening.result_viewed",
    objectType: "screening",
    objectId: id,
    details: { results: results.length, pending: due !== undefined },
  });
  return {
    id,
    hit: results.length > 0,
    pending: due !== undefined,
    ...(due ? { confirmationDue: due } : {}),
    results,
  };
}
