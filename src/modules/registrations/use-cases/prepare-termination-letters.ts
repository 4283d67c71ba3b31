import { SYSTEM } from "../../../platform/audit/actor.ts";
import type { PreparedRemoval } from "../../letters/ports.ts";
import type { RegistrationsEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { subjectOf } from "../views.ts";

/**
 * Before a participant leaves: each person it registered is owed the removal letter
 * (001 §7.3 with §3.4; 003 §17). Its data keys are shredded with the departure, so the
 * letters are written now, while the data can still be read, and sent by the consortium.
 */
export async function prepareTerminationLetters(env: RegistrationsEnv, organisationId: string) {
  const { db, deps } = env;
  const sender = await deps.organisations.consortiumId();
  const prepared = new Map<string, PreparedRemoval | null>();
  for (const id of await repo.idsOfOrganisation(db, organisationId)) {
    const row = await repo.findRegistration(db, id);
    if (!row) continue;
    prepared.set(
      id,
      await deps.letters.prepareRemovalLetter({
        registrationId: id,
        subject: await subjectOf(env, row),
        ground: "participant_left",
        actor: SYSTEM,
        ...(sender ? { senderOrganisationId: sender } : {}),
      }),
    );
  }
  env.terminationLetters.set(organisationId, prepared);
}
