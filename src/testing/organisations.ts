import type { App } from "../platform/context.ts";
import { apiRequest } from "./http.ts";

/**
 * The body of POST /api/v1/organisations that the tests send: a housing corporation with its
 * address, objection address and DPO; `extra` overrides or adds fields.
 */
export function organisationBody(name: string, extra: object = {}) {
  return {
    name,
    kind: "housing_corporation",
    kvkNumber: "98765432",
    address: { street: "Teststraat", houseNumber: "1", postcode: "9999 ZZ", city: "Teststad" },
    objectionAddress: "Testwonen, t.a.v. bezwaren, Postbus 1, 9999 ZZ Teststad",
    dpo: { name: "F. Gegevens", email: "fg@test.example" },
    ...extra,
  };
}

/** POST /api/v1/organisations with `headers` (the consortium admin's): the answer, not asserted. */
export function postOrganisation(app: App, headers: Record<string, string>, body: object) {
  return apiRequest(app, "POST", "/api/v1/organisations", headers, body);
}
