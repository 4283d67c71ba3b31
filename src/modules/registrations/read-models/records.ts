/** Registrations as other modules read them; they check access themselves. */
import type { LetterSubject } from "../../letters/ports.ts";
import type { RegistrationsEnv } from "../env.ts";
import * as repo from "../repository.ts";
import type { RegistrationView } from "../schemas.ts";
import { fullView, subjectOf } from "../views.ts";

/**
 * For the letters module only (it checks access itself): the registration's person,
 * address and facts, decrypted; undefined when it does not exist (any more).
 */
export async function letterSubject(
  env: RegistrationsEnv,
  id: string,
): Promise<LetterSubject | undefined> {
  const row = await repo.findRegistration(env.db, id);
  return row ? subjectOf(env, row) : undefined;
}

/** The registration with its person, for a case's access answer (AVG art. 15). */
export async function viewForCase(
  env: RegistrationsEnv,
  id: string,
): Promise<RegistrationView | undefined> {
  const row = await repo.findRegistration(env.db, id);
  return row ? fullView(env, row) : undefined;
}

/** The registration row (no personal data decrypted), for other modules' checks. */
export async function findRow(
  env: RegistrationsEnv,
  id: string,
): Promise<repo.RegistrationRow | undefined> {
  return repo.findRegistration(env.db, id);
}

/** Ids of registrations whose (exclusive) end date has come. */
export async function idsEnded(env: RegistrationsEnv, today: string): Promise<string[]> {
  return repo.idsEndedBy(env.db, today);
}

/** Ids of an organisation's registrations (a departed participant's leftovers). */
export async function idsOf(env: RegistrationsEnv, organisationId: string): Promise<string[]> {
  return repo.idsOfOrganisation(env.db, organisationId);
}

/** Which of these registrations still exist. */
export async function existingIds(env: RegistrationsEnv, ids: string[]): Promise<string[]> {
  return repo.existingIds(env.db, ids);
}

/** Ids of registrations with a part ended while another runs on (issue #20). */
export async function idsWithPartEnded(env: RegistrationsEnv, today: string): Promise<string[]> {
  return repo.idsWithPartEndedBy(env.db, today);
}
