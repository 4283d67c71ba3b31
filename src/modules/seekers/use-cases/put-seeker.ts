import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { matchFingerprint } from "../../matching/blind-keys.ts";
import { normalisePerson } from "../../matching/normalise.ts";
import type { Person } from "../../registrations/schemas.ts";
import type { SeekersEnv } from "../env.ts";
import { matchSeeker } from "../pairs.ts";
import * as repo from "../repository.ts";
import { encryptSeeker, storedPerson } from "../seeker-data.ts";

/**
 * PUT /seekers/{n} (contract §3): the allocation system keeps the index in step. The
 * person is matched at once against the registrations in effect, so a proposal is on the
 * primary source's worklist before the answer leaves (well within 2 seconds).
 */
export async function putSeeker(
  env: SeekersEnv,
  principal: Principal,
  meta: RequestMeta,
  seekerNumber: string,
  input: Person,
): Promise<{ seekerNumber: string; status: "created" | "updated" | "unchanged" }> {
  const { db, clock, keyring } = env;
  if (input.seekerNumber !== undefined && input.seekerNumber !== seekerNumber) {
    throw new AppError(
      "invalid_input",
      "The person's seekerNumber differs from the one in the address; leave it out or make them equal.",
      { code: "seeker_number_mismatch" },
    );
  }
  const person = storedPerson(input);
  const existing = await repo.findSeeker(db, seekerNumber);
  // An allocation system re-sending what it sent before (a full sync) costs one HMAC.
  if (existing?.fingerprint === (await matchFingerprint(keyring, person))) {
    return { seekerNumber, status: "unchanged" };
  }
  const encrypted = await encryptSeeker(env, principal.organisationId, seekerNumber, person);
  const now = clock.now();
  await db.transaction(async (tx) => {
    await repo.upsertSeeker(
      tx,
      {
        seekerNumber,
        organisationId: principal.organisationId,
        personCiphertext: encrypted.personCiphertext,
        fingerprint: encrypted.fingerprint,
        subjectRef: encrypted.subjectRef,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      },
      encrypted.indexes,
    );
    await recordSuccess(tx, clock, meta, principal, {
      action: existing ? "seeker.updated" : "seeker.created",
      objectType: "seeker",
      objectId: seekerNumber,
    });
  });
  const row = (await repo.findSeeker(db, seekerNumber))!;
  await matchSeeker(env, { row, person, normalised: normalisePerson(person) });
  return { seekerNumber, status: existing ? "updated" : "created" };
}
