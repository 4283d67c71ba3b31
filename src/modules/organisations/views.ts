/** How an organisation row is shown and stored: the view, the letterhead, the columns of a patch. */

import type { OrganisationRow } from "./repository.ts";
import type { OrganisationPatch, OrganisationView } from "./schemas.ts";
import type { Letterhead } from "./types.ts";

export function view(row: OrganisationRow): OrganisationView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    kvkNumber: row.kvkNumber,
    address:
      row.street && row.houseNumber && row.postcode && row.city
        ? {
            street: row.street,
            houseNumber: row.houseNumber,
            postcode: row.postcode,
            city: row.city,
          }
        : null,
    objectionAddress: row.objectionAddress,
    dpo:
      row.dpoName && row.dpoEmail
        ? { name: row.dpoName, email: row.dpoEmail, phone: row.dpoPhone }
        : null,
    protocolSignedOn: row.protocolSignedOn,
    lettingAgent: row.lettingAgent,
    status: row.status,
    suspendedOn: row.suspendedOn,
    withdrawnOn: row.withdrawnOn,
    excludedOn: row.excludedOn,
    hasLogo: row.logo !== null,
  };
}

export function letterheadOf(row: OrganisationRow): Letterhead {
  const v = view(row);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    address: v.address,
    objectionAddress: row.objectionAddress,
    dpo: v.dpo,
    logo: row.logo,
  };
}

export function columnsOf(input: OrganisationPatch) {
  const out: Partial<OrganisationRow> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.kind !== undefined) out.kind = input.kind;
  if (input.kvkNumber !== undefined) out.kvkNumber = input.kvkNumber;
  if (input.address !== undefined) {
    out.street = input.address.street;
    out.houseNumber = input.address.houseNumber;
    out.postcode = input.address.postcode.toUpperCase().replace(/^(\d{4}) ?/, "$1 ");
    out.city = input.address.city;
  }
  if (input.objectionAddress !== undefined) out.objectionAddress = input.objectionAddress;
  if (input.dpo !== undefined) {
    out.dpoName = input.dpo.name;
    out.dpoEmail = input.dpo.email;
    out.dpoPhone = input.dpo.phone ?? null;
  }
  if (input.protocolSignedOn !== undefined) out.protocolSignedOn = input.protocolSignedOn;
  if (input.logo !== undefined) out.logo = input.logo;
  if (input.lettingAgent !== undefined) out.lettingAgent = input.lettingAgent;
  return out;
}
