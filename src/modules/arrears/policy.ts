/**
 * Who may see and act on arrears data (contract §3; docs/vroegsignalering.md "Access"): the
 * data are the landlord's, so every call acts for one landlord — the caller's organisation,
 * or for the consortium admin the landlord named by ?onBehalfOf — and another landlord's
 * tenancy, delivery or arrangement answers 404. Used by every use case and read model.
 */

import { hasRole, type Principal } from "../../platform/auth/access.ts";
import { AppError, notFound, protocolRule } from "../../platform/errors.ts";
import type { OrganisationAccess } from "../organisations/ports.ts";
import type { ArrearsEnv, OnBehalfOf } from "./env.ts";
import * as repo from "./repository.ts";

const LANDLORD_KINDS = new Set<OrganisationAccess["kind"]>([
  "housing_corporation",
  "private_landlord",
]);

/** Only the consortium acts on behalf of another landlord than the caller's own organisation. */
export function mayActFor(principal: Principal, onBehalfOf: string | undefined): boolean {
  return (
    !onBehalfOf ||
    onBehalfOf === principal.organisationId ||
    hasRole(principal, ["consortium_admin"])
  );
}

/** An organisation that may hold arrears data: a landlord with access. */
export function isLandlordWithAccess(access: OrganisationAccess): boolean {
  return LANDLORD_KINDS.has(access.kind) && !access.refusal;
}

/** The landlord a request acts for: the caller's organisation, or ?onBehalfOf for the consortium. */
export async function landlordFor(
  env: ArrearsEnv,
  principal: Principal,
  onBehalfOf: string | undefined,
) {
  if (!mayActFor(principal, onBehalfOf)) {
    throw new AppError("forbidden", "Only the consortium may act on behalf of another landlord.");
  }
  const id = onBehalfOf ?? principal.organisationId;
  const access = await env.deps.organisations.accessOf(id);
  if (!access) throw notFound("organisation");
  if (!isLandlordWithAccess(access)) {
    // 002 "Wettelijke verplichting": the duty and the data are the landlord's (verhuurder).
    throw protocolRule(
      "landlord_required",
      "Arrears belong to a landlord with access; act for one.",
      "002 Wettelijke verplichting",
      { hint: "a consortium admin acts for a landlord with ?onBehalfOf=<organisation id>" },
    );
  }
  return id;
}

/** The landlord's tenancy with this reference; another landlord's answers 404. */
export async function tenancyOf(env: ArrearsEnv, organisationId: string, ref: string) {
  const row = await repo.findTenancy(env.db, organisationId, ref);
  if (!row) throw notFound("tenancy");
  return row;
}

/**
 * The landlord the caller acts for (landlordFor) and its tenancy with this reference: the
 * opening of every use case on one tenancy.
 */
export async function landlordsTenancy(
  env: ArrearsEnv,
  principal: Principal,
  tenancyRef: string,
  options: OnBehalfOf,
) {
  const organisationId = await landlordFor(env, principal, options.onBehalfOf);
  return { organisationId, tenancy: await tenancyOf(env, organisationId, tenancyRef) };
}

/** The landlord's delivery; another landlord's answers 404. */
export async function deliveryOf(env: ArrearsEnv, organisationId: string, id: string) {
  const delivery = await repo.findDelivery(env.db, id);
  if (!delivery || delivery.organisationId !== organisationId) throw notFound("delivery");
  return delivery;
}

/** The landlord's payment arrangement; another landlord's answers 404. */
export async function arrangementOf(env: ArrearsEnv, organisationId: string, id: string) {
  const arrangement = await repo.findArrangement(env.db, id);
  if (!arrangement || arrangement.organisationId !== organisationId) throw notFound("arrangement");
  return arrangement;
}
