import { SYSTEM } from "../../../platform/audit/actor.ts";
import type { RegistrationsEnv } from "../env.ts";

/** After the departure: e-mail the removal letters where an address is known. */
export async function deliverTerminationLetters(env: RegistrationsEnv, organisationId: string) {
  const { deps } = env;
  const prepared = env.terminationLetters.get(organisationId);
  // The departure has committed: its registrations are gone for good.
  deps.journal?.record("registration", [...(prepared?.keys() ?? [])]);
  env.terminationLetters.delete(organisationId);
  for (const letter of prepared?.values() ?? []) {
    await deps.letters.deliverPrepared(letter, SYSTEM, {
      requestId: null,
      clientAddress: null,
    });
  }
}
