import { dutyPlace } from "../encrypted-columns.ts";
import type { LettersEnv } from "../env.ts";
import type { DutyData, SealedHitDuty } from "../production.ts";
import * as repo from "../repository.ts";
import { sealDutyData } from "./seal-duty-data.ts";

/**
 * Seals a hit letter's addressee (as `sealDutyData`) and computes its group: the keyed
 * reference of the registration hit, so that screenings of one person by one organisation
 * within the letter term make one duty (003 §13.4; 001 §3.3; D-990). When this screening
 * brings an address or e-mail and there is an unsent duty it will likely join, the addressee
 * is also sealed for that duty, so that its letter goes to the contact data now known.
 * Call it before the transaction (D-009); `recordHitDuty` checks the join again inside it.
 */
export async function sealHitDuty(
  env: LettersEnv,
  organisationId: string,
  registrationId: string,
  eventDate: string,
  data: DutyData,
): Promise<SealedHitDuty> {
  const sealed = await sealDutyData(env, organisationId, data);
  const groupRef = await env.keyring.subjectRef(`hit_duty:${registrationId}`);
  const hasContact = Boolean(data.address || data.person?.email);
  const join = hasContact
    ? await repo.dutyToJoin(env.db, organisationId, "hit", groupRef, eventDate)
    : undefined;
  if (!join || (join.status !== "open" && join.status !== "documented")) {
    return { ...sealed, groupRef };
  }
  const ciphertext = await env.keyring.encrypt(
    organisationId,
    JSON.stringify(data),
    dutyPlace(join.id),
  );
  return { ...sealed, groupRef, contactFor: { dutyId: join.id, ciphertext } };
}
