import { randomUUID } from "node:crypto";
import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { evaluateRegistration } from "../../../protocol/engine.ts";
import { weighingViolations } from "../../../protocol/weighing.ts";
import { changed } from "../changes.ts";
import { decidingPerson, fourEyesOf } from "../decision.ts";
import type { RegistrationsEnv } from "../env.ts";
import { groundsViolations, personDataOf } from "../grounds.ts";
import { blindIndexesOf, encryptPerson } from "../person-data.ts";
import { placeRegistration } from "../placement.ts";
import { primarySourceFor, refuse } from "../primary-source.ts";
import { optInRefusals, personFieldError } from "../profile-limits.ts";
import * as repo from "../repository.ts";
import type { RegistrationInput, RegistrationSummary } from "../schemas.ts";
import { summary } from "../views.ts";

/**
 * Places a person on the list (003 ch. 5, 7, 8; 001 §3.2, Bijlage 1). The profile's
 * rules decide; any refusal names its rule and article (422). The person's letter is owed
 * from today (003 ch. 10; 001 §3.4, §9.1). The named officer decides (003 §12.1); a category
 * under four eyes, or an entry without a named person, waits as a draft (D-841, D-842).
 */
export async function createRegistration(
  env: RegistrationsEnv,
  principal: Principal,
  meta: RequestMeta,
  input: RegistrationInput,
  options: { onBehalfOf?: string | undefined } = {},
): Promise<RegistrationSummary> {
  const { db, clock, keyring, deps } = env;
  const organisationId = await primarySourceFor(env, principal, options.onBehalfOf);
  const person = decidingPerson(principal);
  const profile = await deps.organisations.profile();
  const today = clock.today();
  const fieldError = personFieldError(profile, input.person);
  if (fieldError) throw fieldError;
  const evaluation = evaluateRegistration(profile, input, today);
  const optIn = await optInRefusals(env, profile, input.categories);
  const grounds = groundsViolations(profile, input, today);
  // The named officer who decides records their weighing (003 §12.1; D-1060); a system key's
  // draft gets it from the officer who confirms it.
  const weighed =
    person === undefined && input.weighing === undefined
      ? []
      : weighingViolations(input.weighing, evaluation.ok ? evaluation : undefined);
  if (!evaluation.ok || optIn.length > 0 || grounds.length > 0 || weighed.length > 0) {
    throw refuse([
      ...optIn,
      ...(evaluation.ok ? [] : evaluation.violations),
      ...grounds,
      ...weighed,
    ]);
  }
  // Four eyes, or no named person (a consortium system key): a draft until an officer confirms.
  const fourEyes = await fourEyesOf(env, input.categories);
  const decision = {
    draft: fourEyes.length > 0 || person === undefined,
    decidedBy: person ?? null,
  };
  const id = randomUUID();
  // Encryption and blind indexes first: nothing may use another connection inside the
  // transaction (PGlite has one; D-009).
  const encrypted = await encryptPerson(env, organisationId, id, personDataOf(input));
  const indexes = await blindIndexesOf(keyring, input.person);
  const now = clock.now();
  let dutyId: string | null = null;
  await db.transaction(async (tx) => {
    dutyId = await placeRegistration(
      env,
      tx,
      principal,
      meta,
      profile,
      { id, organisationId, input, evaluation, encrypted, indexes },
      { now, today },
      decision,
    );
  });
  // The placement letter right away (e-mailed when an address is known; with kkr's notice
  // first, sending it activates the registration). A letter that fails stays on the worklist.
  if (dutyId) await deps.letters.produceAfterEvent(dutyId, actorOf(principal), meta);
  await changed(env, id);
  return summary(env, (await repo.findRegistration(db, id))!, undefined, principal);
}
