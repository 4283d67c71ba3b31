/** What placing a registration writes, for a single registration and an import alike. */
import type { RequestMeta } from "../../platform/audit/audit.ts";
import { recordSuccess } from "../../platform/audit/record.ts";
import type { Principal } from "../../platform/auth/access.ts";
import type { Db } from "../../platform/db/database.ts";
import type { Evaluation } from "../../protocol/engine.ts";
import type { Profile } from "../../protocol/profile.ts";
import { claimKept } from "../../protocol/profile-limits.ts";
import { protocolVersionOf } from "../../protocol/version.ts";
import type { RegistrationsEnv } from "./env.ts";
import type { blindIndexesOf, encryptPerson } from "./person-data.ts";
import * as repo from "./repository.ts";
import type { RegistrationInput } from "./schemas.ts";

export interface Placement {
  id: string;
  organisationId: string;
  input: RegistrationInput;
  evaluation: Extract<Evaluation, { ok: true }>;
  encrypted: Awaited<ReturnType<typeof encryptPerson>>;
  indexes: Awaited<ReturnType<typeof blindIndexesOf>>;
}

/**
 * Inside the caller's transaction: the registration's row and blind indexes, the placement
 * letter it owes from today (003 ch. 10; 001 §3.4, §9.1) and the audit record. Answers the
 * letter duty's id.
 */
export async function placeRegistration(
  env: RegistrationsEnv,
  tx: Db,
  principal: Principal,
  meta: RequestMeta,
  profile: Profile,
  p: Placement,
  at: { now: Date; today: string },
  audit: { import?: true } = {},
): Promise<string> {
  const { clock, deps } = env;
  const { now, today } = at;
  await repo.insertRegistration(tx, {
    id: p.id,
    organisationId: p.organisationId,
    status: p.evaluation.initialStatus,
    categories: p.input.categories,
    criteria: p.input.criteria,
    placementDate: p.input.placementDate,
    startDate: p.evaluation.startDate,
    endDate: p.evaluation.endDate,
    termMonths: p.evaluation.termMonths,
    scope: p.evaluation.scope,
    parts: p.evaluation.parts,
    claimCents: claimKept(profile, p.input.categories) ? (p.input.claimCents ?? null) : null,
    ...p.encrypted,
    tenancyRelation: p.input.tenancyRelation ?? null,
    enteredByKind: principal.kind,
    enteredBy: principal.id,
    protocolVersion: protocolVersionOf(profile),
    createdAt: now,
    updatedAt: now,
  });
  await repo.replaceBlindIndexes(tx, p.id, p.indexes);
  const duty = await deps.letters.recordDuty(tx, profile, {
    organisationId: p.organisationId,
    registrationId: p.id,
    kind: "placement",
    eventDate: today,
    deadlineKey: "placement_letter",
  });
  await recordSuccess(tx, clock, meta, principal, {
    action: "registration.created",
    objectType: "registration",
    objectId: p.id,
    details: { primarySource: p.organisationId, categories: p.input.categories, ...audit },
  });
  return duty.id;
}
