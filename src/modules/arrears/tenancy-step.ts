/**
 * A use case on one of the landlord's tenancies: the landlord the caller acts for and its
 * tenancy with the reference (landlordsTenancy: another landlord's answers 404), then the step.
 * The service binds the result like any use case: `(principal, meta, tenancyRef, input?, options?)`.
 */
import type { RequestMeta } from "../../platform/audit/audit.ts";
import { type Deed, recordSuccess } from "../../platform/audit/record.ts";
import type { Principal } from "../../platform/auth/access.ts";
import type { Db } from "../../platform/db/database.ts";
import type { ArrearsEnv, OnBehalfOf } from "./env.ts";
import { landlordsTenancy } from "./policy.ts";
import type { TenancyRow } from "./repository/tenancies.ts";

/** What a tenancy step works with: the call, the landlord acted for and its tenancy. */
export interface TenancyCall extends ArrearsEnv {
  env: ArrearsEnv;
  principal: Principal;
  meta: RequestMeta;
  organisationId: string;
  tenancy: TenancyRow;
}

async function openTenancy(
  env: ArrearsEnv,
  principal: Principal,
  meta: RequestMeta,
  tenancyRef: string,
  options: OnBehalfOf,
): Promise<TenancyCall> {
  const { organisationId, tenancy } = await landlordsTenancy(env, principal, tenancyRef, options);
  return { ...env, env, principal, meta, organisationId, tenancy };
}

/** A step that takes an input: `(principal, meta, tenancyRef, input, options?)`. */
export function tenancyStep<I, R>(step: (call: TenancyCall, input: I) => Promise<R>) {
  return async (
    env: ArrearsEnv,
    principal: Principal,
    meta: RequestMeta,
    tenancyRef: string,
    input: I,
    options: OnBehalfOf = {},
  ): Promise<R> => step(await openTenancy(env, principal, meta, tenancyRef, options), input);
}

/** A step on the tenancy alone: `(principal, meta, tenancyRef, options?)`. */
export function tenancyAction<R>(step: (call: TenancyCall) => Promise<R>) {
  return async (
    env: ArrearsEnv,
    principal: Principal,
    meta: RequestMeta,
    tenancyRef: string,
    options: OnBehalfOf = {},
  ): Promise<R> => step(await openTenancy(env, principal, meta, tenancyRef, options));
}

/** The audit event of a step on the tenancy, written with `db` (the step's transaction). */
export function auditTenancy(
  db: Db,
  { clock, meta, principal, tenancy }: TenancyCall,
  action: string,
  details?: Deed["details"],
): Promise<void> {
  return recordSuccess(db, clock, meta, principal, {
    action,
    objectType: "arrears_tenancy",
    objectId: tenancy.id,
    ...(details === undefined ? {} : { details }),
  });
}
