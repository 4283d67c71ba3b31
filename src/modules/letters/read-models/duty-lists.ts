/** Duty lists for other modules (no access check: the caller has done its own). */
import type { LettersEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** Every duty of a registration, earliest due first. */
export async function dutiesOf(env: LettersEnv, registrationId: string) {
  return repo.dutiesOfRegistration(env.db, registrationId);
}

/** An organisation's open duties, earliest due first. */
export async function openDutiesOf(env: LettersEnv, organisationId: string) {
  return repo.openDutiesOfOrganisation(env.db, organisationId);
}
