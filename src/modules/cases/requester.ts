/**
 * The requester's own details on a case (a public request, or a case registered with the
 * person): person, contact address, telephone and the person's own words, encrypted under the
 * handling organisation's data key (design §3), erased with the case (retention).
 */
import type { Address, Person } from "../registrations/schemas.ts";
import { place } from "./encryption.ts";
import type { CasesEnv } from "./env.ts";
import type * as repo from "./repository.ts";

export interface Requester {
  person?: Person;
  address?: Address;
  phone?: string;
  /** The grounds or what is wrong, as the person wrote it (issue 21 part 1; D-910). */
  explanation?: string;
  channel?: "public";
}

/** Encrypts the requester for the case under the organisation's key. */
export function sealRequester(
  env: Pick<CasesEnv, "keyring">,
  organisationId: string,
  caseId: string,
  requester: Requester,
): Promise<string> {
  return env.keyring.encrypt(
    organisationId,
    JSON.stringify(requester),
    place(caseId, "requester_ciphertext"),
  );
}

/** The requester stored on the case ({} when none is). */
export async function readRequester(
  env: Pick<CasesEnv, "keyring">,
  row: Pick<repo.CaseRow, "id" | "organisationId" | "requesterCiphertext">,
): Promise<Requester> {
  if (!row.requesterCiphertext) return {};
  return JSON.parse(
    await env.keyring.decrypt(
      row.organisationId,
      row.requesterCiphertext,
      place(row.id, "requester_ciphertext"),
    ),
  ) as Requester;
}
