/** A seeker's stored data: its encrypted person, its blind keys, and reading it back. */

import {
  type BlindIndexer,
  blindBlockingKeys,
  blindSurnameCountKeys,
  matchFingerprint,
  subjectValue,
} from "../matching/blind-keys.ts";
import { asNormalised, type NormalisedPerson, normalisePerson } from "../matching/normalise.ts";
import type { Person } from "../registrations/schemas.ts";
import type { SeekersEnv } from "./env.ts";
import type * as repo from "./repository.ts";

/** Where a seeker's person is encrypted (bound into the ciphertext). */
export const seekerPlace = (n: string) => ({
  table: "seeker",
  column: "person_ciphertext",
  rowId: n,
});

/** A seeker with its person decrypted and normalised once. */
export interface LoadedSeeker {
  row: repo.SeekerRow;
  person: Person;
  normalised: NormalisedPerson;
}

export async function loadSeeker(env: SeekersEnv, row: repo.SeekerRow): Promise<LoadedSeeker> {
  const person = JSON.parse(
    await env.keyring.decrypt(
      row.organisationId,
      row.personCiphertext,
      seekerPlace(row.seekerNumber),
    ),
  ) as Person;
  return { row, person, normalised: normalisePerson(person) };
}

/**
 * A seeker's stored blind keys: its blocking keys and its surname count keys. Bulk work
 * passes a `rememberingIndexer`: birth dates and surname cores repeat across a region.
 */
export async function seekerBlindKeys(
  env: SeekersEnv,
  person: Person | NormalisedPerson,
  indexer: BlindIndexer = env.keyring,
): Promise<{ kind: string; value: string }[]> {
  const normalised = asNormalised(person);
  return [
    ...(await blindBlockingKeys(indexer, normalised)),
    ...(await blindSurnameCountKeys(indexer, normalised)),
  ];
}

export async function encryptSeeker(
  env: SeekersEnv,
  organisationId: string,
  seekerNumber: string,
  person: Person,
) {
  return {
    personCiphertext: await env.keyring.encrypt(
      organisationId,
      JSON.stringify(person),
      seekerPlace(seekerNumber),
    ),
    fingerprint: await matchFingerprint(env.keyring, person),
    subjectRef: await env.keyring.subjectRef(subjectValue(person)),
    indexes: await seekerBlindKeys(env, person),
  };
}

/** The data kept of a seeker: the person without the seeker number (it is the key). */
export function storedPerson(person: Person): Person {
  const { seekerNumber: _ignored, ...rest } = person;
  return rest;
}
