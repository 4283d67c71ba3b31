import { randomUUID } from "node:crypto";
import { type AuditActor, type RequestMeta, recordAudit } from "../../platform/audit/audit.ts";
import type { Principal } from "../../platform/auth/access.ts";
import { hashPassword } from "../../platform/auth/index.ts";
import type { Role } from "../../platform/auth/roles.ts";
import { AppError, notFound, protocolRule } from "../../platform/errors.ts";
import { compareDates } from "../../platform/werkdagen.ts";
import { totpPlace } from "./constants.ts";
import type { IdentityEnv } from "./env.ts";
import { checkRolesFit, requireManageable } from "./policy.ts";
import * as repo from "./repository.ts";

/** A new account (the set-up commands give a TOTP secret; admins never do). */
export interface AccountInput {
  id?: string;
  organisationId: string;
  email: string;
  displayName: string;
  roles: readonly Role[];
  password: string;
  mustChangePassword: boolean;
  totpSecret?: string;
}

/** One way to add an account: by the set-up commands and by a consortium admin alike. */
export async function insertAccount(
  env: IdentityEnv,
  actor: AuditActor,
  meta: RequestMeta,
  input: AccountInput,
) {
  const { db, clock, keyring } = env;
  const id = input.id ?? randomUUID();
  const passwordHash = await hashPassword(input.password);
  const totpSecret = input.totpSecret
    ? await keyring.encrypt(input.organisationId, input.totpSecret, totpPlace(id))
    : null;
  await db.transaction(async (tx) => {
    await repo.insertUser(tx, {
      id,
      organisationId: input.organisationId,
      email: input.email.toLowerCase(),
      displayName: input.displayName,
      passwordHash,
      mustChangePassword: input.mustChangePassword,
      totpSecret,
      totpEnrolledAt: input.totpSecret ? clock.now() : null,
      status: "active",
      createdAt: clock.now(),
    });
    await repo.setRoles(tx, id, [...input.roles], clock.now());
    await recordAudit(tx, clock, meta, {
      actor,
      action: "user.created",
      objectType: "user",
      objectId: id,
      outcome: "success",
      details: { organisationId: input.organisationId, roles: input.roles },
    });
  });
  return id;
}

/** One way to store an API key (only its hash) and audit its issue. */
export async function insertKey(
  env: IdentityEnv,
  actor: AuditActor,
  meta: RequestMeta,
  input: {
    id?: string;
    organisationId: string;
    role: Role;
    label: string;
    prefix: string;
    keyHash: string;
    createdBy: string | null;
    expiresOn: string | null;
    userId?: string | null;
  },
) {
  const { db, clock } = env;
  const id = input.id ?? randomUUID();
  await db.transaction(async (tx) => {
    await repo.insertApiKey(tx, { ...input, id, createdAt: clock.now() });
    await recordAudit(tx, clock, meta, {
      actor,
      action: "api_key.issued",
      objectType: "api_key",
      objectId: id,
      outcome: "success",
      details: {
        organisationId: input.organisationId,
        role: input.role,
        prefix: input.prefix,
        ...(input.userId ? { officer: input.userId } : {}),
      },
    });
  });
  return id;
}

/** The kind of an organisation that exists; 404 otherwise. */
export async function kindOf(env: IdentityEnv, organisationId: string) {
  const access = await env.deps.organisations.accessOf(organisationId);
  if (!access) throw notFound("organisation");
  return access.kind;
}

/** Refuses one officer too many when the profile caps officers per participant. */
export async function checkOfficerCap(
  env: IdentityEnv,
  organisationId: string,
  roles: readonly Role[],
  excludeUserId?: string,
) {
  if (!roles.includes("officer")) return;
  const profile = await env.deps.organisations.profile();
  const cap = profile.maxOfficersPerParticipant.value;
  if (cap === null) return;
  const n = await repo.countUsersWithRole(env.db, organisationId, "officer", excludeUserId);
  if (n >= cap) {
    throw protocolRule(
      "officer_cap_reached",
      `This organisation already has ${n} officers; the protocol allows at most ${cap}.`,
      profile.maxOfficersPerParticipant.source,
      { max: cap },
    );
  }
}

/** What a new API key must pass, asked now or through an auditor request (F16). */
export async function checkKeyRequest(
  env: IdentityEnv,
  principal: Principal,
  input: { organisationId: string; role: Role; expiresOn?: string | undefined },
) {
  const access = await requireManageable(env, principal, input.organisationId);
  if (access.refusal === "withdrawn" || access.refusal === "excluded") {
    throw new AppError("conflict", "This organisation has left the register.");
  }
  checkRolesFit(access.kind, [input.role]);
  if (input.expiresOn && compareDates(input.expiresOn, env.clock.today()) <= 0) {
    throw new AppError("invalid_input", "The expiry date must lie in the future.", {
      code: "expiry_in_past",
    });
  }
}

/** What a new account must pass, asked now or through an auditor request (F16). */
export async function checkAccountRequest(
  env: IdentityEnv,
  principal: Principal,
  input: { organisationId: string; email: string; roles: readonly Role[] },
) {
  const access = await requireManageable(env, principal, input.organisationId);
  if (access.refusal === "withdrawn" || access.refusal === "excluded") {
    throw new AppError("conflict", "This organisation has left the register.");
  }
  if (await repo.findUserByEmail(env.db, input.email)) {
    throw new AppError("conflict", "There is already an account with this e-mail address.", {
      code: "email_taken",
    });
  }
  checkRolesFit(access.kind, input.roles);
  await checkOfficerCap(env, input.organisationId, input.roles);
}
