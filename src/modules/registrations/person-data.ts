import type { Keyring } from "../../platform/crypto/index.ts";
import { blindBlockingKeys } from "../matching/blind-keys.ts";
import type { RegistrationsEnv } from "./env.ts";
import type { RegistrationRow } from "./repository.ts";
import type { Address, EvidenceItemInput, Person } from "./schemas.ts";

/** This module's encrypted columns (listed in modules/index.ts ENCRYPTED_COLUMNS). */
export const REGISTRATION_ENCRYPTED_COLUMNS = {
  table: "registration",
  idColumn: "id",
  organisationColumn: "organisation_id",
  columns: [
    "person_ciphertext",
    "address_ciphertext",
    "dwelling_address_ciphertext",
    "evidence_ciphertext",
  ],
};

const personPlace = (id: string) => ({
  table: "registration",
  column: "person_ciphertext",
  rowId: id,
});
const addressPlace = (id: string, column = "address_ciphertext") => ({
  table: "registration",
  column,
  rowId: id,
});
const DWELLING = "dwelling_address_ciphertext";
const EVIDENCE = "evidence_ciphertext";

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

/**
 * The rented dwelling's address: its own column, or the contact address for a registration
 * from before the two addresses (dwellingIsContact, D-822).
 */
export async function dwellingAddressOf(
  env: RegistrationsEnv,
  row: RegistrationRow,
): Promise<Address | null> {
  if (row.dwellingIsContact) return addressOf(env, row);
  return row.dwellingAddressCiphertext
    ? (JSON.parse(
        await env.keyring.decrypt(
          row.organisationId,
          row.dwellingAddressCiphertext,
          addressPlace(row.id, DWELLING),
        ),
      ) as Address)
    : null;
}

/** The evidence each criterion rests on, decrypted; empty for a registration from before v2. */
export async function evidenceOf(
  env: RegistrationsEnv,
  row: RegistrationRow,
): Promise<EvidenceItemInput[]> {
  return row.evidenceCiphertext
    ? (JSON.parse(
        await env.keyring.decrypt(
          row.organisationId,
          row.evidenceCiphertext,
          addressPlace(row.id, EVIDENCE),
        ),
      ) as EvidenceItemInput[])
    : [];
}

/** What a registration holds encrypted: the person, both addresses and the evidence. */
export interface PersonData {
  person: Person;
  contactAddress: Address | undefined | null;
  dwellingAddress: Address | undefined | null;
  evidence: readonly EvidenceItemInput[] | undefined;
}

/**
 * The person, addresses and evidence encrypted with the primary source's data key, each bound
 * to its row and column. Both addresses are written out, so a registration from before the two
 * addresses stops reading its dwelling from the contact address once it is written again.
 */
export async function encryptPerson(
  env: RegistrationsEnv,
  organisationId: string,
  id: string,
  data: PersonData,
) {
  const seal = async (value: unknown, column: string) =>
    value
      ? env.keyring.encrypt(organisationId, JSON.stringify(value), addressPlace(id, column))
      : null;
  return {
    personCiphertext: await env.keyring.encrypt(
      organisationId,
      JSON.stringify(data.person),
      personPlace(id),
    ),
    addressCiphertext: await seal(data.contactAddress, "address_ciphertext"),
    dwellingAddressCiphertext: await seal(data.dwellingAddress, DWELLING),
    dwellingIsContact: false,
    evidenceCiphertext: await seal(data.evidence?.length ? data.evidence : null, EVIDENCE),
  };
}
