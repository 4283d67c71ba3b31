import { randomUUID } from "node:crypto";
import { dutyPlace } from "../encrypted-columns.ts";
import type { LettersEnv } from "../env.ts";
import type { DutyData } from "../production.ts";

/**
 * Seals a duty's addressee (and hit or case facts) with the owing organisation's data key.
 * Call it BEFORE the transaction that records the duty (D-009) and pass the result in.
 */
export async function sealDutyData(env: LettersEnv, organisationId: string, data: DutyData) {
  const dutyId = randomUUID();
  return {
    dutyId,
    ciphertext: await env.keyring.encrypt(organisationId, JSON.stringify(data), dutyPlace(dutyId)),
  };
}
