import { randomUUID } from "node:crypto";
import { actorOf } from "../../platform/audit/actor.ts";
import { type AuditActor, type RequestMeta, recordAudit } from "../../platform/audit/audit.ts";
import { hasRole, type Principal, type SessionView } from "../../platform/auth/access.ts";
import {
  checkPasswordPolicy,
  createTotpSecret,
  generateOneTimePassword,
  generateRecoveryCodes,
  hashPassword,
  hashRecoveryCode,
  hashToken,
  newApiKey,
  newCsrfToken,
  newSessionToken,
  normaliseRecoveryCode,
  parseApiKey,
  safeEqual,
  totpQrSvg,
  totpUri,
  verifyPassword,
  verifyTotp,
} from "../../platform/auth/index.ts";
import type { OrganisationKind, Role } from "../../platform/auth/roles.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Db } from "../../platform/db/database.ts";
import { AppError, notFound, protocolRule } from "../../platform/errors.ts";
import { addDays, compareDates } from "../../platform/werkdagen.ts";
import type { Profile } from "../../protocol/profile.ts";
import type { OrganisationAccess } from "../organisations/service.ts";
import * as repo from "./repository.ts";
import type {
  ApiKeyView,
  CreateApiKeyInput,
  CreateUserInput,
  UpdateUserInput,
  UserView,
} from "./schemas.ts";

/** Session lifetimes (issue 3; OWASP ASVS 3.3): idle 30 minutes, absolute 12 hours. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
/** A half-signed-in session (password given, second factor not yet) lasts 10 minutes. */
const PRE_AUTH_MS = 10 * 60_000;

/** Brute-force limits: at most 100 failures per account per hour, a growing delay after 5. */
export const SIGN_IN_LIMITS = {
  windowMs: 3600_000,
  perAccount: 100,
  perAddress: 300,
  freeFailures: 5,
  maxDelayMs: 5 * 60_000,
} as const;

export const SESSION_COOKIE = "__Host-woonsignaal";

const SYSTEM_META: RequestMeta = { requestId: null, clientAddress: null };
const SYSTEM_AUDIT_ACTOR: AuditActor = {
  type: "system",
  id: null,
  organisationId: null,
  role: null,
};

/** A new account (the set-up commands give a TOTP secret; admins never do). */
interface AccountInput {
  id?: string;
  organisationId: string;
  email: string;
  displayName: string;
  roles: readonly Role[];
  password: string;
  mustChangePassword: boolean;
  totpSecret?: string;
}

/**
 * Which roles people and systems of each kind of organisation may hold (003 §14.1, §17;
 * design.md §1): participants register and screen; the consortium runs the region and its
 * allocation system; the auditor audits; the supplier supports; the committee decides.
 */
/** Ended API keys stay listed this long (the access review looks back 90 days). */
export const API_KEY_KEEP_DAYS = 90;

export const ROLES_BY_ORGANISATION_KIND: Record<OrganisationKind, readonly Role[]> = {
  housing_corporation: ["officer", "querier", "allocation_system"],
  private_landlord: ["officer", "querier"],
  municipality: ["officer", "querier"],
  consortium: ["consortium_admin", "allocation_system"],
  auditor: ["auditor"],
  supplier: ["support"],
  committee: ["committee"],
};

function checkRolesFit(kind: OrganisationKind, roles: readonly Role[]) {
  const allowed = ROLES_BY_ORGANISATION_KIND[kind];
  const wrong = roles.filter((r) => !allowed.includes(r));
  if (wrong.length > 0) {
    throw protocolRule(
      "role_not_allowed_for_organisation",
      `An organisation of kind ${kind} cannot hold the role ${wrong.join(", ")}.`,
      "003 §14.1 (toegangsrechten per categorie), §17",
      { kind, allowed },
    );
  }
}

interface Deps {
  organisations: {
    accessOf(id: string): Promise<OrganisationAccess | undefined>;
    profile(): Promise<Profile>;
  };
}

/** This module's encrypted column (listed in modules/index.ts ENCRYPTED_COLUMNS). */
export const IDENTITY_ENCRYPTED_COLUMNS = {
  table: "app_user",
  idColumn: "id",
  organisationColumn: "organisation_id",
  columns: ["totp_secret"],
};

/** The encrypted TOTP secret is bound to its user row and column (platform/crypto). */
const totpPlace = (userId: string) => ({ table: "app_user", column: "totp_secret", rowId: userId });

// A real argon2id hash of a random password: signing in as an unknown e-mail costs the
// same time as a wrong password, so timing does not tell which accounts exist.
let dummyHash: Promise<string> | undefined;

function iso(d: Date | null): string | null {
  return d ? new Date(d).toISOString() : null;
}

export type IdentityService = ReturnType<typeof createIdentityService>;

export function createIdentityService(
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger">,
  deps: Deps,
) {
  const { database, clock, keyring } = ctx;
  const db = database.db;

  async function declarationRequired(userId: string, roles: readonly Role[]): Promise<boolean> {
    const profile = await deps.organisations.profile();
    if (!roles.some((r) => profile.declaration.roles.includes(r))) return false;
    return !(await repo.hasAcceptedDeclaration(db, userId, profile.id, profile.version));
  }

  async function principalForUser(user: repo.UserRow): Promise<Principal | null> {
    if (user.status !== "active") return null;
    const access = await deps.organisations.accessOf(user.organisationId);
    if (!access || access.refusal) return null;
    const roles = (await repo.rolesOf(db, [user.id])).get(user.id) ?? [];
    return {
      kind: "user",
      id: user.id,
      organisationId: user.organisationId,
      organisationKind: access.kind,
      roles,
      declarationRequired: await declarationRequired(user.id, roles),
      mustChangePassword: user.mustChangePassword,
    };
  }

  async function userView(rows: repo.UserRow[]): Promise<UserView[]> {
    const roles = await repo.rolesOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((u) => ({
      id: u.id,
      organisationId: u.organisationId,
      email: u.email,
      displayName: u.displayName,
      roles: roles.get(u.id) ?? [],
      status: u.status,
      mfaEnrolled: u.totpEnrolledAt !== null,
      lastSignInAt: iso(u.lastSignInAt),
      createdAt: iso(u.createdAt)!,
    }));
  }

  function apiKeyView(k: repo.ApiKeyRow): ApiKeyView {
    return {
      id: k.id,
      organisationId: k.organisationId,
      role: k.role,
      label: k.label,
      prefix: k.prefix,
      createdAt: iso(k.createdAt)!,
      expiresOn: k.expiresOn,
      lastUsedAt: iso(k.lastUsedAt),
      revokedAt: iso(k.revokedAt),
    };
  }

  async function newSession(
    tx: Db,
    user: repo.UserRow,
    mfaPassed: boolean,
  ): Promise<{ token: string; csrfToken: string }> {
    const token = newSessionToken();
    const csrfToken = newCsrfToken();
    const now = clock.now();
    await repo.insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      organisationId: user.organisationId,
      mfaPassed,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + (mfaPassed ? SESSION_ABSOLUTE_MS : PRE_AUTH_MS)),
    });
    return { token, csrfToken };
  }

  async function failureSubjects(email: string, address: string | null) {
    const account = await keyring.blindIndex("sign_in_account", email);
    const pair = await keyring.blindIndex("sign_in_pair", `${email}|${address ?? "-"}`);
    const addr = address ? await keyring.blindIndex("sign_in_address", address) : null;
    return { account, pair, addr };
  }

  /** Counts a failed sign-in step against the account, address and pair, and audits it. */
  async function recordFailure(
    meta: RequestMeta,
    subjects: Awaited<ReturnType<typeof failureSubjects>>,
    entry: Parameters<typeof recordAudit>[3],
  ) {
    await db.transaction(async (tx) => {
      const keys = [subjects.account, subjects.pair, ...(subjects.addr ? [subjects.addr] : [])];
      await repo.recordSignInFailure(tx, keys, randomUUID, clock.now());
      await recordAudit(tx, clock, meta, entry);
    });
  }

  /** Refuses (429) while an account or address is over its limit or inside its delay. */
  async function enforceSignInLimits(subjects: Awaited<ReturnType<typeof failureSubjects>>) {
    const now = clock.now().getTime();
    const since = new Date(now - SIGN_IN_LIMITS.windowMs);
    const account = await repo.signInFailuresSince(db, subjects.account, since);
    const address = subjects.addr ? await repo.signInFailuresSince(db, subjects.addr, since) : null;
    if (
      account.count >= SIGN_IN_LIMITS.perAccount ||
      (address && address.count >= SIGN_IN_LIMITS.perAddress)
    ) {
      throw new AppError("rate_limited", "Too many failed sign-ins. Try again within the hour.", {
        code: "sign_in_limited",
      });
    }
    // The growing delay counts failures of this account from this address, so an attacker
    // elsewhere slows only themselves; the hourly cap above is the hard limit.
    const pair = await repo.signInFailuresSince(db, subjects.pair, since);
    if (pair.count > SIGN_IN_LIMITS.freeFailures && pair.last) {
      const delay = Math.min(
        2 ** (pair.count - SIGN_IN_LIMITS.freeFailures) * 1000,
        SIGN_IN_LIMITS.maxDelayMs,
      );
      const waitMs = pair.last.getTime() + delay - now;
      if (waitMs > 0) {
        throw new AppError(
          "rate_limited",
          `Too many failed sign-ins. Wait ${Math.ceil(waitMs / 1000)} seconds.`,
          {
            code: "sign_in_delayed",
            details: { retryAfterSeconds: Math.ceil(waitMs / 1000) },
          },
        );
      }
    }
  }

  function userActor(user: repo.UserRow) {
    return { type: "user" as const, id: user.id, organisationId: user.organisationId, role: null };
  }

  async function requireManageable(principal: Principal, organisationId: string) {
    // Consortium admins manage users and keys of every organisation (003 §14.1).
    if (!hasRole(principal, ["consortium_admin"])) throw notFound("organisation");
    const access = await deps.organisations.accessOf(organisationId);
    if (!access) throw notFound("organisation");
    return access;
  }

  /** One way to add an account: by the set-up commands and by a consortium admin alike. */
  async function insertAccount(actor: AuditActor, meta: RequestMeta, input: AccountInput) {
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
  async function insertKey(
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
    },
  ) {
    const id = input.id ?? randomUUID();
    await db.transaction(async (tx) => {
      await repo.insertApiKey(tx, { ...input, id, createdAt: clock.now() });
      await recordAudit(tx, clock, meta, {
        actor,
        action: "api_key.issued",
        objectType: "api_key",
        objectId: id,
        outcome: "success",
        details: { organisationId: input.organisationId, role: input.role, prefix: input.prefix },
      });
    });
    return id;
  }

  async function kindOf(organisationId: string) {
    const access = await deps.organisations.accessOf(organisationId);
    if (!access) throw notFound("organisation");
    return access.kind;
  }

  async function checkOfficerCap(
    organisationId: string,
    roles: readonly Role[],
    excludeUserId?: string,
  ) {
    if (!roles.includes("officer")) return;
    const profile = await deps.organisations.profile();
    const cap = profile.maxOfficersPerParticipant.value;
    if (cap === null) return;
    const n = await repo.countUsersWithRole(db, organisationId, "officer", excludeUserId);
    if (n >= cap) {
      throw protocolRule(
        "officer_cap_reached",
        `This organisation already has ${n} officers; the protocol allows at most ${cap}.`,
        profile.maxOfficersPerParticipant.source,
        { max: cap },
      );
    }
  }

  return {
    /**
     * Set-up (CLI only: `setup`, `demo-seed`): an account created by the system. With a
     * `totpSecret` the authenticator is enrolled already (demo users, whose secrets are
     * printed); without, the person enrols at first sign-in.
     */
    async bootstrapUser(input: AccountInput) {
      return insertAccount(SYSTEM_AUDIT_ACTOR, SYSTEM_META, input);
    },

    /** Set-up (CLI only): an API key whose text the caller chose (the demo's fixed keys). */
    async bootstrapApiKey(input: {
      id?: string;
      organisationId: string;
      role: Role;
      label: string;
      key: string;
    }) {
      const parsed = parseApiKey(input.key);
      if (!parsed) throw new Error("bootstrapApiKey: malformed key");
      return insertKey(SYSTEM_AUDIT_ACTOR, SYSTEM_META, {
        ...input,
        prefix: parsed.prefix,
        keyHash: hashToken(input.key),
        createdBy: null,
        expiresOn: null,
      });
    },

    /** Authenticates `Authorization: Bearer <key>`; null for an unknown, revoked or expired key. */
    async authenticateApiKey(key: string): Promise<Principal | null> {
      const parsed = parseApiKey(key);
      if (!parsed) return null;
      const row = await repo.findApiKeyByPrefix(db, parsed.prefix);
      if (!row || !safeEqual(row.keyHash, hashToken(key)) || row.revokedAt) return null;
      if (row.expiresOn && compareDates(row.expiresOn, clock.today()) < 0) return null;
      const access = await deps.organisations.accessOf(row.organisationId);
      if (!access || access.refusal) return null;
      await repo.markApiKeyUsed(db, row.id, clock.now());
      return {
        kind: "api_key",
        id: row.id,
        organisationId: row.organisationId,
        organisationKind: access.kind,
        roles: [row.role as Role],
        declarationRequired: false,
        mustChangePassword: false,
      };
    },

    /** Looks up a session cookie; expired, idle or revoked sessions are not found. */
    async authenticateSession(
      token: string,
    ): Promise<{ session: SessionView; principal: Principal | null } | null> {
      const now = clock.now();
      const tokenHash = hashToken(token);
      const row = await repo.findLiveSession(
        db,
        tokenHash,
        now,
        new Date(now.getTime() - SESSION_IDLE_MS),
      );
      if (!row) return null;
      const user = await repo.findUser(db, row.userId);
      if (user?.status !== "active") return null;
      const access = await deps.organisations.accessOf(user.organisationId);
      if (!access || access.refusal) return null;
      await repo.touchSession(db, tokenHash, now);
      const session = {
        tokenHash,
        userId: row.userId,
        mfaPassed: row.mfaPassed,
        csrfToken: row.csrfToken,
      };
      return { session, principal: row.mfaPassed ? await principalForUser(user) : null };
    },

    /**
     * First step of signing in. Whatever is wrong (unknown e-mail, wrong password, disabled
     * account, organisation without access) the answer is the same, so it tells an attacker
     * nothing. On success a short pre-authentication session is created: the second factor
     * is always needed before anything else (issue 3: no session without it).
     */
    async signIn(meta: RequestMeta, input: { email: string; password: string }) {
      const email = input.email.trim().toLowerCase();
      const subjects = await failureSubjects(email, meta.clientAddress);
      await enforceSignInLimits(subjects);
      const user = await repo.findUserByEmail(db, email);
      dummyHash ??= hashPassword(randomUUID());
      const passwordOk = await verifyPassword(
        user?.passwordHash ?? (await dummyHash),
        input.password,
      );
      const access = user ? await deps.organisations.accessOf(user.organisationId) : undefined;
      const allowed = user && passwordOk && user.status === "active" && access && !access.refusal;
      if (!allowed) {
        await recordFailure(meta, subjects, {
          actor: user
            ? userActor(user)
            : { type: "public", id: null, organisationId: null, role: null },
          action: "auth.sign_in",
          outcome: "refused",
          details: {
            reason: !user
              ? "unknown_account"
              : !passwordOk
                ? "wrong_password"
                : user.status !== "active"
                  ? "account_disabled"
                  : (access?.refusal ?? "no_organisation"),
          },
        });
        throw new AppError("unauthenticated", "The e-mail address or password is not right.", {
          code: "invalid_credentials",
        });
      }
      const session = await db.transaction(async (tx) => {
        await repo.clearSignInFailures(tx, subjects.pair);
        await recordAudit(tx, clock, meta, {
          actor: userActor(user),
          action: "auth.password_verified",
          outcome: "success",
        });
        return newSession(tx, user, false);
      });
      return {
        token: session.token,
        csrfToken: session.csrfToken,
        status: user.totpEnrolledAt
          ? ("mfa_required" as const)
          : ("mfa_enrolment_required" as const),
      };
    },

    /** Second step: a TOTP code (or a recovery code). A new session id replaces the old one. */
    async verifySecondFactor(
      meta: RequestMeta,
      session: SessionView,
      input: { code: string } | { recoveryCode: string },
    ) {
      const user = await repo.findUser(db, session.userId);
      if (!user?.totpEnrolledAt || !user.totpSecret) {
        throw new AppError("conflict", "Set up your authenticator app first.", {
          code: "mfa_not_enrolled",
        });
      }
      const subjects = await failureSubjects(user.email, meta.clientAddress);
      await enforceSignInLimits(subjects);
      let ok = false;
      let step: number | null = null;
      let method = "totp";
      if ("code" in input) {
        const secret = await keyring.decrypt(
          user.organisationId,
          user.totpSecret,
          totpPlace(user.id),
        );
        const result = verifyTotp({
          secret,
          code: input.code,
          now: clock.now(),
          lastUsedStep: user.totpLastStep,
        });
        ok = result.ok;
        if (result.ok) step = result.step;
        else method = `totp_${result.reason}`;
      } else {
        method = "recovery_code";
        ok = await repo.useRecoveryCode(
          db,
          user.id,
          hashRecoveryCode(normaliseRecoveryCode(input.recoveryCode)),
          clock.now(),
        );
      }
      if (!ok) {
        await recordFailure(meta, subjects, {
          actor: userActor(user),
          action: "auth.second_factor",
          outcome: "refused",
          details: { method },
        });
        throw new AppError("unauthenticated", "That code is not right, or was already used.", {
          code: "invalid_code",
        });
      }
      return db.transaction(async (tx) => {
        if (step !== null && !(await repo.advanceTotpStep(tx, user.id, step))) {
          throw new AppError("unauthenticated", "That code is not right, or was already used.", {
            code: "invalid_code",
          });
        }
        await repo.revokeSession(tx, session.tokenHash, clock.now());
        await repo.updateUser(tx, user.id, { lastSignInAt: clock.now() });
        await recordAudit(tx, clock, meta, {
          actor: userActor(user),
          action: "auth.sign_in",
          outcome: "success",
          details: { method },
        });
        return newSession(tx, user, true);
      });
    },

    /** Enrolment: a new secret (kept encrypted until confirmed), shown as URI and QR code. */
    async startEnrolment(session: SessionView) {
      const user = await repo.findUser(db, session.userId);
      if (!user) throw notFound("account");
      if (user.totpEnrolledAt) {
        throw new AppError("conflict", "An authenticator app is already set up for this account.", {
          code: "mfa_already_enrolled",
        });
      }
      const secret = createTotpSecret();
      await repo.updateUser(db, user.id, {
        totpSecret: await keyring.encrypt(user.organisationId, secret, totpPlace(user.id)),
      });
      const uri = totpUri({ secret, accountName: user.email, issuer: "Woonsignaal" });
      return { secret, otpauthUri: uri, qrSvg: await totpQrSvg(uri) };
    },

    /** Confirms enrolment with a first code; returns recovery codes, shown once. */
    async finishEnrolment(meta: RequestMeta, session: SessionView, code: string) {
      const user = await repo.findUser(db, session.userId);
      if (!user?.totpSecret || user.totpEnrolledAt) {
        throw new AppError("conflict", "Start the set-up of your authenticator app first.", {
          code: "mfa_enrolment_not_started",
        });
      }
      const secret = await keyring.decrypt(
        user.organisationId,
        user.totpSecret,
        totpPlace(user.id),
      );
      const result = verifyTotp({
        secret,
        code,
        now: clock.now(),
        lastUsedStep: user.totpLastStep,
      });
      if (!result.ok) {
        throw new AppError(
          "unauthenticated",
          "That code is not right. Check the time on your phone and try again.",
          { code: "invalid_code" },
        );
      }
      const recoveryCodes = generateRecoveryCodes();
      const next = await db.transaction(async (tx) => {
        await repo.updateUser(tx, user.id, {
          totpEnrolledAt: clock.now(),
          totpLastStep: result.step,
          lastSignInAt: clock.now(),
        });
        await repo.replaceRecoveryCodes(
          tx,
          user.id,
          recoveryCodes.map((c) => hashRecoveryCode(normaliseRecoveryCode(c))),
        );
        await repo.revokeSession(tx, session.tokenHash, clock.now());
        await recordAudit(tx, clock, meta, {
          actor: userActor(user),
          action: "auth.mfa_enrolled",
          outcome: "success",
        });
        return newSession(tx, user, true);
      });
      return { ...next, recoveryCodes };
    },

    async signOut(meta: RequestMeta, session: SessionView) {
      await db.transaction(async (tx) => {
        await repo.revokeSession(tx, session.tokenHash, clock.now());
        const user = await repo.findUser(tx, session.userId);
        if (user)
          await recordAudit(tx, clock, meta, {
            actor: userActor(user),
            action: "auth.sign_out",
            outcome: "success",
          });
      });
    },

    async changePassword(
      meta: RequestMeta,
      principal: Principal,
      session: SessionView | null,
      input: { currentPassword: string; newPassword: string },
    ) {
      const user = await repo.findUser(db, principal.id);
      if (!user || principal.kind !== "user") throw notFound("account");
      // A stolen session must not become a password-guessing oracle: same limits as sign-in.
      const subjects = await failureSubjects(user.email, meta.clientAddress);
      await enforceSignInLimits(subjects);
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        await recordFailure(meta, subjects, {
          actor: actorOf(principal).audit,
          action: "auth.password_change",
          outcome: "refused",
          details: { reason: "wrong_current_password" },
        });
        throw new AppError("forbidden", "The current password is not right.", {
          code: "invalid_credentials",
        });
      }
      const policy = checkPasswordPolicy(input.newPassword, {
        email: user.email,
        name: user.displayName,
      });
      if (!policy.ok)
        throw new AppError("invalid_input", policy.message, {
          code: policy.code,
          details: { messageNl: policy.messageNl },
        });
      const hash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, user.id, {
          passwordHash: hash,
          mustChangePassword: false,
          passwordChangedAt: clock.now(),
        });
        // Every other session of this account ends (issue 3: revoked on password change).
        await repo.revokeSessionsOfUser(tx, user.id, clock.now(), session?.tokenHash);
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "auth.password_changed",
          outcome: "success",
        });
      });
    },

    async me(principal: Principal) {
      const profile = await deps.organisations.profile();
      const access = await deps.organisations.accessOf(principal.organisationId);
      const user = principal.kind === "user" ? await repo.findUser(db, principal.id) : undefined;
      return {
        kind: principal.kind,
        id: principal.id,
        email: user?.email ?? null,
        displayName: user?.displayName ?? null,
        roles: [...principal.roles],
        organisation: { id: principal.organisationId, name: access?.name ?? "" },
        mustChangePassword: principal.mustChangePassword,
        declaration: {
          required: principal.declarationRequired,
          profile: profile.id,
          version: profile.version,
          text: profile.declaration.text,
          source: profile.declaration.source,
        },
      };
    },

    /** Records acceptance of the declaration for the region's current protocol version. */
    async acceptDeclaration(meta: RequestMeta, principal: Principal) {
      if (principal.kind !== "user")
        throw new AppError("forbidden", "Only people accept the declaration.");
      const profile = await deps.organisations.profile();
      await db.transaction(async (tx) => {
        await repo.insertDeclarationAcceptance(tx, {
          userId: principal.id,
          profile: profile.id,
          protocolVersion: profile.version,
          acceptedAt: clock.now(),
        });
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "auth.declaration_accepted",
          outcome: "success",
          details: {
            profile: profile.id,
            version: profile.version,
            source: profile.declaration.source,
          },
        });
      });
    },

    /**
     * Display names of accounts of the caller's own organisation (a registration's history
     * names its colleagues); accounts of other organisations stay unnamed.
     */
    async colleagueNames(principal: Principal, ids: readonly string[]) {
      const names = new Map<string, string>();
      for (const id of new Set(ids)) {
        const user = await repo.findUser(db, id).catch(() => undefined);
        if (user && user.organisationId === principal.organisationId) {
          names.set(id, user.displayName);
        }
      }
      return names;
    },

    async listUsers(principal: Principal, organisationId?: string): Promise<UserView[]> {
      const all = hasRole(principal, ["consortium_admin", "auditor", "support"]);
      const scope = all ? organisationId : principal.organisationId;
      if (!all && organisationId && organisationId !== principal.organisationId) return [];
      return userView(await repo.listUsers(db, scope));
    },

    /** Creates an account with a one-time password; the person must change it and enrol TOTP. */
    async createUser(principal: Principal, meta: RequestMeta, input: CreateUserInput) {
      const access = await requireManageable(principal, input.organisationId);
      if (access.refusal === "withdrawn" || access.refusal === "excluded") {
        throw new AppError("conflict", "This organisation has left the register.");
      }
      if (await repo.findUserByEmail(db, input.email)) {
        throw new AppError("conflict", "There is already an account with this e-mail address.", {
          code: "email_taken",
        });
      }
      checkRolesFit(access.kind, input.roles);
      await checkOfficerCap(input.organisationId, input.roles);
      const activationPassword = generateOneTimePassword();
      const id = await insertAccount(actorOf(principal).audit, meta, {
        ...input,
        password: activationPassword,
        mustChangePassword: true,
      });
      const [user] = await userView([(await repo.findUser(db, id))!]);
      return { user: user!, activationPassword };
    },

    async updateUser(principal: Principal, meta: RequestMeta, id: string, input: UpdateUserInput) {
      const user = await repo.findUser(db, id);
      if (!user || !hasRole(principal, ["consortium_admin"])) throw notFound("account");
      const rolesAfter = input.roles ?? (await repo.rolesOf(db, [id])).get(id) ?? [];
      if (input.roles) checkRolesFit(await kindOf(user.organisationId), input.roles);
      // The cap counts active officers: giving the role, or re-enabling an officer, both count.
      const becomesActiveOfficer =
        rolesAfter.includes("officer") &&
        (input.roles !== undefined || (input.status === "active" && user.status !== "active"));
      if (becomesActiveOfficer && (input.status ?? user.status) === "active") {
        await checkOfficerCap(user.organisationId, rolesAfter, user.id);
      }
      await db.transaction(async (tx) => {
        const values = {
          ...(input.displayName ? { displayName: input.displayName } : {}),
          ...(input.status ? { status: input.status } : {}),
        };
        if (Object.keys(values).length > 0) await repo.updateUser(tx, id, values);
        if (input.roles) await repo.setRoles(tx, id, [...input.roles], clock.now());
        // A role change or a disabled account ends every session at once (issue 3).
        if (input.roles || input.status === "disabled")
          await repo.revokeSessionsOfUser(tx, id, clock.now());
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: input.roles ? "user.roles_changed" : "user.updated",
          objectType: "user",
          objectId: id,
          outcome: "success",
          details: { fields: Object.keys(input), ...(input.roles ? { roles: input.roles } : {}) },
        });
      });
      const [view] = await userView([(await repo.findUser(db, id))!]);
      return view!;
    },

    /** Admin reset (lost phone, forgotten password): new one-time password, TOTP set up again. */
    async resetUser(principal: Principal, meta: RequestMeta, id: string) {
      const user = await repo.findUser(db, id);
      if (!user || !hasRole(principal, ["consortium_admin"])) throw notFound("account");
      const activationPassword = generateOneTimePassword();
      const passwordHash = await hashPassword(activationPassword);
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, id, {
          passwordHash,
          mustChangePassword: true,
          totpSecret: null,
          totpEnrolledAt: null,
          totpLastStep: null,
        });
        await repo.replaceRecoveryCodes(tx, id, []);
        await repo.revokeSessionsOfUser(tx, id, clock.now());
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "user.reset",
          objectType: "user",
          objectId: id,
          outcome: "success",
        });
      });
      return { activationPassword };
    },

    async listApiKeys(principal: Principal, organisationId?: string): Promise<ApiKeyView[]> {
      const all = hasRole(principal, ["consortium_admin", "auditor", "support"]);
      if (!all && organisationId && organisationId !== principal.organisationId) return [];
      return (await repo.listApiKeys(db, all ? organisationId : principal.organisationId)).map(
        apiKeyView,
      );
    },

    /** Issues an API key; the key itself is returned once and stored only as a hash. */
    async issueApiKey(principal: Principal, meta: RequestMeta, input: CreateApiKeyInput) {
      const access = await requireManageable(principal, input.organisationId);
      if (access.refusal === "withdrawn" || access.refusal === "excluded") {
        throw new AppError("conflict", "This organisation has left the register.");
      }
      checkRolesFit(access.kind, [input.role]);
      if (input.expiresOn && compareDates(input.expiresOn, clock.today()) <= 0) {
        throw new AppError("invalid_input", "The expiry date must lie in the future.", {
          code: "expiry_in_past",
        });
      }
      const generated = newApiKey({ environment: "live" });
      const id = await insertKey(actorOf(principal).audit, meta, {
        organisationId: input.organisationId,
        role: input.role,
        label: input.label,
        prefix: generated.prefix,
        keyHash: generated.hash,
        createdBy: principal.kind === "user" ? principal.id : null,
        expiresOn: input.expiresOn ?? null,
      });
      return { ...apiKeyView((await repo.findApiKey(db, id))!), key: generated.key };
    },

    async revokeApiKey(principal: Principal, meta: RequestMeta, id: string) {
      const row = await repo.findApiKey(db, id);
      if (!row || !hasRole(principal, ["consortium_admin"])) throw notFound("API key");
      await db.transaction(async (tx) => {
        await repo.revokeApiKey(tx, id, clock.now());
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "api_key.revoked",
          objectType: "api_key",
          objectId: id,
          outcome: "success",
        });
      });
      return apiKeyView((await repo.findApiKey(db, id))!);
    },

    /** Withdrawal / definitive exclusion: every user disabled, session ended, key revoked. */
    async revokeOrganisationAccess(tx: Db, organisationId: string) {
      const now = clock.now();
      await repo.disableUsersOfOrganisation(tx, organisationId);
      await repo.revokeSessionsOfOrganisation(tx, organisationId, now);
      await repo.revokeApiKeysOfOrganisation(tx, organisationId, now);
    },

    /** Temporary exclusion: sessions end now; accounts and keys stay, refused while suspended. */
    async endOrganisationSessions(tx: Db, organisationId: string) {
      await repo.revokeSessionsOfOrganisation(tx, organisationId, clock.now());
    },

    /** Housekeeping: dead sessions and old sign-in failures are deleted. */
    async housekeeping() {
      const now = clock.now();
      const sessionsDeleted = await repo.deleteDeadSessions(
        db,
        now,
        new Date(now.getTime() - SESSION_IDLE_MS),
      );
      const signInFailuresDeleted = await repo.deleteSignInFailuresBefore(
        db,
        new Date(now.getTime() - SIGN_IN_LIMITS.windowMs),
      );
      return { sessionsDeleted, signInFailuresDeleted };
    },

    /** Retention (issue 9): API keys that ended more than 90 days ago are deleted. */
    async deleteEndedApiKeys(today: string) {
      const cutoffDate = addDays(today, -API_KEY_KEEP_DAYS);
      return repo.deleteApiKeysEndedBefore(db, cutoffDate, new Date(`${cutoffDate}T00:00:00Z`));
    },
  };
}
