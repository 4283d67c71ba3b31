import type { EncryptedColumn } from "../../platform/crypto/index.ts";
import { decryptField, fieldAad, fieldKeyVersion } from "../../platform/crypto/index.ts";
import type { ArrearsEnv } from "./env.ts";
import type { ArrearsPerson } from "./schemas.ts";
import type { SignalRecord } from "./signal-format.ts";

/** This module's encrypted columns (listed in modules/index.ts ENCRYPTED_COLUMNS). */
export const ARREARS_ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  {
    table: "arrears_tenancy",
    idColumn: "id",
    organisationColumn: "organisation_id",
    columns: ["person_ciphertext", "address_ciphertext"],
  },
  {
    table: "arrears_delivery",
    idColumn: "id",
    organisationColumn: "organisation_id",
    columns: ["document_ciphertext"],
  },
  {
    table: "arrears_agreement",
    idColumn: "id",
    organisationColumn: "organisation_id",
    columns: ["contacts_ciphertext"],
  },
];

const place = (table: string, column: string, rowId: string) => ({ table, column, rowId });
export const personPlace = (id: string) => place("arrears_tenancy", "person_ciphertext", id);
export const addressPlace = (id: string) => place("arrears_tenancy", "address_ciphertext", id);
export const documentPlace = (id: string) => place("arrears_delivery", "document_ciphertext", id);
export const contactsPlace = (id: string) => place("arrears_agreement", "contacts_ciphertext", id);

/** The tenant's identification and contact details as stored (one encrypted JSON document). */
export interface StoredPerson {
  person: ArrearsPerson;
  phone?: string | undefined;
}

/** The delivered file's content (encrypted in arrears_delivery.document_ciphertext). */
export interface DeliveryDocument {
  format: string;
  municipalityCode: string;
  month: string;
  reportingPoint: "ris" | "vps";
  landlord: { name: string; kvk: string | null };
  signals: SignalRecord[];
}

/** Decrypts many values of one organisation without a query per value (the monthly run). */
export async function bulkDecrypter(
  env: ArrearsEnv,
  organisationId: string,
  ciphertexts: Iterable<string>,
) {
  const { keyring } = env;
  const keys = new Map<number, Buffer>();
  for (const ct of ciphertexts) {
    const v = fieldKeyVersion(ct);
    if (!keys.has(v)) keys.set(v, await keyring.decryptKeyFor(organisationId, v));
  }
  return (ct: string, at: { table: string; column: string; rowId: string }) =>
    decryptField(keys.get(fieldKeyVersion(ct))!, ct, fieldAad({ organisationId, ...at }));
}
