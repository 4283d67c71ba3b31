import type { Keyring } from "../../platform/crypto/index.ts";
import { blindBlockingKeys } from "../matching/blind-keys.ts";
import type { RegistrationsEnv } from "./env.ts";
import type { RegistrationRow } from "./repository.ts";
import type { Address, Person } from "./schemas.ts";

/** This module's encrypted columns (listed in modules/index.ts ENCRYPTED_COLUMNS). */
export const REGISTRATION_ENCRYPTED_COLUMNS = {
  table: "registration",
  idColumn: "id",
  organisationColumn: "organisation_id",
  columns: ["person_ciphertext", "address_ciphertext"],
};

const personPlace = (id: string) => ({
  table: "registration",
  column: "person_ciphertext",
  rowId: id,
});
const addressPlace = (id: string) => ({
  table: "registration",
  column: "address_ciphertext",
  rowId: id,
});

/**
 * The blind indexes of a person: the matching module's blocking keys (birth date, swapped
 * date, year + phonetic surname, initial + phonetic surname, month-day + phonetic surname),
 * each as a keyed HMAC, so candidates are found without decrypting anyone (issue 5).
 */
export function blindIndexesOf(keyring: Keyring, person: Person) {
  return blindBlockingKeys(keyring, person);
}

/** The registration's person, decrypted. */
export async function personOf(env: RegistrationsEnv, row: RegistrationRow): Promise<Person> {
  return JSON.parse(
    await env.keyring.decrypt(row.organisationId, row.personCiphertext, personPlace(row.id)),
  ) as Person;
}

/** The registration's address, decrypted; null when none is known. */
export async function addressOf(
  env: RegistrationsEnv,
  row: RegistrationRow,
): Promise<Address | null> {
  return row.addressCiphertext
    ? (JSON.parse(
        await env.keyring.decrypt(row.organisationId, row.addressCiphertext, addressPlace(row.id)),
      ) as Address)
    : null;
}

/** The person and address encrypted with the primary source's data key, bound to the row. */
export async function encryptPerson(
  env: RegistrationsEnv,
  organisationId: string,
  id: string,
  person: Person,
  address: Address | undefined | null,
) {
  return {
    personCiphertext: await env.keyring.encrypt(
      organisationId,
      JSON.stringify(person),
      personPlace(id),
    ),
    addressCiphertext: address
      ? await env.keyring.encrypt(organisationId, JSON.stringify(address), addressPlace(id))
      : null,
  };
}
