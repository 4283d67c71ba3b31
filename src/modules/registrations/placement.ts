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

/**
 * How the placement is decided (issue 20 part 3; D-841, D-842): by the named officer at once, or
 * as a draft that waits for the importing officer's confirmation or a second officer's look.
 */
export interface PlacementDecision {
  draft: boolean;
  /** The named officer who decided (the first look of a four-eyes draft); null when none yet. */
  decidedBy: string | null;
  importId?: string;
}

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
 * letter duty's id; a draft owes no letter yet (it has no effect until confirmed) and answers
 * null.
 */
export async function placeRegistration(
  env: RegistrationsEnv,
  tx: Db,
  principal: Principal,
  meta: RequestMeta,
  profile: Profile,
  p: Placement,
  at: { now: Date; today: string },
  decision: PlacementDecision,
  audit: { import?: true } = {},
): Promise<string | null> {
  const { clock } = env;
  const { now, today } = at;
  await repo.insertRegistration(tx, {
    id: p.id,
    organisationId: p.organisationId,
    status: decision.draft ? "draft" : p.evaluation.initialStatus,
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
    decidedBy: decision.decidedBy,
    decidedAt: decision.decidedBy ? now : null,
    weighing: p.input.weighing ?? null,
    importId: decision.importId ?? null,
    createdAt: now,
    updatedAt: now,
  });
  await repo.replaceBlindIndexes(tx, p.id, p.indexes);
  const dutyId = decision.draft
    ? null
    : await placementDuty(env, tx, profile, p.organisationId, p.id, today);
  await recordSuccess(tx, clock, meta, principal, {
    action: "registration.created",
    objectType: "registration",
    objectId: p.id,
    details: {
      primarySource: p.organisationId,
      categories: p.input.categories,
      ...(decision.draft ? { draft: true } : {}),
      ...(decision.decidedBy ? { decidedBy: decision.decidedBy } : {}),
      ...audit,
    },
  });
  return dutyId;
}

/** The placement letter a registration owes from the day it takes effect (003 ch. 10). */
export async function placementDuty(
  env: RegistrationsEnv,
  tx: Db,
  profile: Profile,
  organisationId: string,
  registrationId: string,
  today: string,
): Promise<string> {
  const duty = await env.deps.letters.recordDuty(tx, profile, {
    organisationId,
    registrationId,
    kind: "placement",
    eventDate: today,
    deadlineKey: "placement_letter",
  });
  return duty.id;
}
