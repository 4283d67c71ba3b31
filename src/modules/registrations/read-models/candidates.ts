import { compareDates } from "../../../platform/werkdagen.ts";
import { blindBlockingKeys } from "../../matching/blind-keys.ts";
import type { MatchPerson } from "../../matching/normalise.ts";
import type { Candidate, RegistrationsEnv } from "../env.ts";
import { personOf } from "../person-data.ts";
import * as repo from "../repository.ts";

/**
 * Active registrations that may produce a hit, match or block: not restricted, not
 * pending notice where the profile wants notice first, not past their end date.
 */
export function isEffective(env: RegistrationsEnv, row: repo.RegistrationRow): boolean {
  const today = env.clock.today();
  return (
    row.status === "active" &&
    compareDates(row.startDate, today) <= 0 && // E.IX/e.i may start later (003 ch. 5)
    compareDates(row.endDate, today) > 0 // the end date is exclusive (profile registrationRules)
  );
}

/** The registrations that share a blind index with this person, decrypted for scoring in memory. */
async function sharingBlindIndex(
  env: RegistrationsEnv,
  person: MatchPerson,
  keep: (row: repo.RegistrationRow) => boolean,
): Promise<Candidate[]> {
  const keys = await blindBlockingKeys(env.keyring, person);
  const rows = (await repo.findByBlindKeys(env.db, keys)).filter(keep);
  return Promise.all(rows.map(async (row) => ({ row, person: await personOf(env, row) })));
}

/**
 * Candidate retrieval (issue 5): the registrations in effect that share a blind index with
 * this person. No access check: the screenings and seekers modules decide what anyone may
 * learn from them.
 */
export async function candidatesFor(
  env: RegistrationsEnv,
  person: MatchPerson,
): Promise<Candidate[]> {
  return sharingBlindIndex(env, person, (row) => isEffective(env, row));
}

/**
 * Every registration still held that shares a blind index with this person — in effect or
 * not (restricted, pending notice, not yet started). For an access answer (AVG art. 15;
 * 003 §15.2): what is held counts, not only what gives a hit. No access check: the cases
 * module decides what the handling officer may see.
 */
export async function heldCandidatesFor(
  env: RegistrationsEnv,
  person: MatchPerson,
): Promise<Candidate[]> {
  return sharingBlindIndex(env, person, () => true);
}

/** One registration with its person decrypted, when it exists and is in effect. */
export async function effectiveCandidate(
  env: RegistrationsEnv,
  id: string,
): Promise<Candidate | undefined> {
  const row = await repo.findRegistration(env.db, id);
  if (!row || !isEffective(env, row)) return undefined;
  return { row, person: await personOf(env, row) };
}

/** Ids of the registrations in effect today (the seekers' initial load matches them all). */
export async function effectiveIds(env: RegistrationsEnv): Promise<string[]> {
  return repo.effectiveIds(env.db, env.clock.today());
}

/**
 * One organisation's registrations, in any status, that share a blind index with this person:
 * the officer's search of their own register (issue 21 part 6). No access check here: the
 * search use case checks who asks and passes the caller's own organisation.
 */
export async function ownCandidatesFor(
  env: RegistrationsEnv,
  organisationId: string,
  person: MatchPerson,
): Promise<Candidate[]> {
  return sharingBlindIndex(env, person, (row) => row.organisationId === organisationId);
}
