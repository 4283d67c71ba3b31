import { and, count, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Role } from "../../platform/auth/roles.ts";
import type { Db } from "../../platform/db/database.ts";
import { findRow, findRows } from "../../platform/db/find.ts";
import {
  deleteRows,
  insertRow,
  rowsById,
  updateByIdWhile,
  updateRows,
} from "../../platform/db/rows.ts";
import {
  apiKey,
  appUser,
  auditorRequest,
  declarationAcceptance,
  recoveryCode,
  signInFailure,
  userRole,
  userSession,
} from "./tables.ts";

export type UserRow = typeof appUser.$inferSelect;
export type SessionRow = typeof userSession.$inferSelect;
export type ApiKeyRow = typeof apiKey.$inferSelect;
export type AuditorRequestRow = typeof auditorRequest.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return findRow(db, appUser, eq(appUser.email, email));
}

const userRows = rowsById(appUser);
export const insertUser = userRows.insert;
export const findUser = userRows.find;
export const updateUser = userRows.update;

export async function listUsers(db: Db, organisationId?: string): Promise<UserRow[]> {
  const ofOrganisation = organisationId ? eq(appUser.organisationId, organisationId) : undefined;
  return findRows(db, appUser, [ofOrganisation], [appUser.email]);
}

export async function rolesOf(db: Db, userIds: string[]): Promise<Map<string, Role[]>> {
  const map = new Map<string, Role[]>();
  if (userIds.length === 0) return map;
  const rows = await db.select().from(userRole).where(inArray(userRole.userId, userIds));
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.role as Role]);
  return map;
}

export async function setRoles(db: Db, userId: string, roles: Role[], now: Date): Promise<void> {
  await db.delete(userRole).where(eq(userRole.userId, userId));
  if (roles.length > 0) {
    await db.insert(userRole).values(roles.map((role) => ({ userId, role, grantedAt: now })));
  }
}

export async function countUsersWithRole(
  db: Db,
  organisationId: string,
  role: Role,
  excludeUserId?: string,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(userRole)
    .innerJoin(appUser, eq(appUser.id, userRole.userId))
    .where(
      and(
        eq(appUser.organisationId, organisationId),
        eq(userRole.role, role),
        eq(appUser.status, "active"),
        excludeUserId ? sql`${appUser.id} <> ${excludeUserId}` : undefined,
      ),
    );
  return row?.n ?? 0;
}

export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[]) {
  await db.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
  if (hashes.length > 0) {
    await db.insert(recoveryCode).values(hashes.map((codeHash) => ({ userId, codeHash })));
  }
}

/** Marks an unused recovery code used; true when there was one. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string, now: Date) {
  return (
    (await updateRows(db, recoveryCode, { usedAt: now }, [
      eq(recoveryCode.userId, userId),
      eq(recoveryCode.codeHash, codeHash),
      isNull(recoveryCode.usedAt),
    ])) === 1
  );
}

export async function hasAcceptedDeclaration(
  db: Db,
  userId: string,
  profile: string,
  version: string,
): Promise<boolean> {
  const rows = await db
    .select({ userId: declarationAcceptance.userId })
    .from(declarationAcceptance)
    .where(
      and(
        eq(declarationAcceptance.userId, userId),
        eq(declarationAcceptance.profile, profile),
        eq(declarationAcceptance.protocolVersion, version),
      ),
    );
  return rows.length > 0;
}

export async function insertDeclarationAcceptance(
  db: Db,
  row: typeof declarationAcceptance.$inferInsert,
): Promise<void> {
  await db.insert(declarationAcceptance).values(row).onConflictDoNothing();
}

// Sessions

export const insertSession = (db: Db, row: typeof userSession.$inferInsert) =>
  insertRow(db, userSession, row);

export async function findLiveSession(
  db: Db,
  tokenHash: string,
  now: Date,
  idleCutoff: Date,
): Promise<SessionRow | undefined> {
  return findRow(
    db,
    userSession,
    and(
      eq(userSession.tokenHash, tokenHash),
      isNull(userSession.revokedAt),
      gt(userSession.expiresAt, now),
      gt(userSession.lastSeenAt, idleCutoff),
    ),
  );
}

export async function touchSession(db: Db, tokenHash: string, now: Date) {
  await updateRows(db, userSession, { lastSeenAt: now }, [eq(userSession.tokenHash, tokenHash)]);
}

export async function revokeSession(db: Db, tokenHash: string, now: Date) {
  await updateRows(db, userSession, { revokedAt: now }, [
    eq(userSession.tokenHash, tokenHash),
    isNull(userSession.revokedAt),
  ]);
}

export async function revokeSessionsOfUser(db: Db, userId: string, now: Date, except?: string) {
  await updateRows(db, userSession, { revokedAt: now }, [
    eq(userSession.userId, userId),
    isNull(userSession.revokedAt),
    except ? sql`${userSession.tokenHash} <> ${except}` : undefined,
  ]);
}

export async function revokeSessionsOfOrganisation(db: Db, organisationId: string, now: Date) {
  return updateRows(db, userSession, { revokedAt: now }, [
    eq(userSession.organisationId, organisationId),
    isNull(userSession.revokedAt),
  ]);
}

/** Sessions past their absolute or idle end, or revoked, are deleted; returns how many. */
export async function deleteDeadSessions(db: Db, now: Date, idleCutoff: Date): Promise<number> {
  return deleteRows(db, userSession, [
    or(
      lt(userSession.expiresAt, now),
      lt(userSession.lastSeenAt, idleCutoff),
      sql`${userSession.revokedAt} IS NOT NULL`,
    ),
  ]);
}

// API keys

const apiKeyRows = rowsById(apiKey);
export const insertApiKey = apiKeyRows.insert;
export const findApiKey = apiKeyRows.find;

export async function findApiKeyByPrefix(db: Db, prefix: string): Promise<ApiKeyRow | undefined> {
  return findRow(db, apiKey, eq(apiKey.prefix, prefix));
}

export async function listApiKeys(db: Db, organisationId?: string): Promise<ApiKeyRow[]> {
  const ofOrganisation = organisationId ? eq(apiKey.organisationId, organisationId) : undefined;
  return findRows(db, apiKey, [ofOrganisation], [apiKey.createdAt]);
}

export async function markApiKeyUsed(db: Db, id: string, now: Date) {
  await updateRows(db, apiKey, { lastUsedAt: now }, [eq(apiKey.id, id)]);
}

export async function revokeApiKey(db: Db, id: string, now: Date): Promise<boolean> {
  return updateByIdWhile(db, apiKey, id, { revokedAt: now }, isNull(apiKey.revokedAt));
}

export async function revokeApiKeysOfOrganisation(db: Db, organisationId: string, now: Date) {
  return updateRows(db, apiKey, { revokedAt: now }, [
    eq(apiKey.organisationId, organisationId),
    isNull(apiKey.revokedAt),
  ]);
}

/** The live keys of a named officer who is disabled or loses the role (D-840). */
export async function revokeApiKeysOfUser(db: Db, userId: string, now: Date) {
  return updateRows(db, apiKey, { revokedAt: now }, [
    eq(apiKey.userId, userId),
    isNull(apiKey.revokedAt),
  ]);
}

export async function disableUsersOfOrganisation(db: Db, organisationId: string) {
  return updateRows(db, appUser, { status: "disabled" }, [
    eq(appUser.organisationId, organisationId),
    eq(appUser.status, "active"),
  ]);
}

// Sign-in failures (brute-force limits)

export async function recordSignInFailure(db: Db, subjects: string[], id: () => string, now: Date) {
  await db
    .insert(signInFailure)
    .values(subjects.map((subject) => ({ id: id(), subject, occurredAt: now })));
}

/** Failures of `subject` since `since`: how many, and when the last one was. */
export async function signInFailuresSince(
  db: Db,
  subject: string,
  since: Date,
): Promise<{ count: number; last: Date | null }> {
  const [row] = await db
    .select({ n: count(), last: sql<string | null>`max(${signInFailure.occurredAt})` })
    .from(signInFailure)
    .where(and(eq(signInFailure.subject, subject), gt(signInFailure.occurredAt, since)));
  return { count: row?.n ?? 0, last: row?.last ? new Date(row.last) : null };
}

/** When the first failure of `subject` since `since` was, or null. */
export async function firstSignInFailureSince(
  db: Db,
  subject: string,
  since: Date,
): Promise<Date | null> {
  const [row] = await db
    .select({ first: sql<string | null>`min(${signInFailure.occurredAt})` })
    .from(signInFailure)
    .where(and(eq(signInFailure.subject, subject), gt(signInFailure.occurredAt, since)));
  return row?.first ? new Date(row.first) : null;
}

/**
 * Claims the failed-sign-in warning of an account: true for exactly one caller, and only when
 * no warning was sent since `quietSince` (one e-mail per burst).
 */
export async function claimSignInWarning(
  db: Db,
  userId: string,
  now: Date,
  quietSince: Date,
): Promise<boolean> {
  return (
    (await updateRows(db, appUser, { signInWarnedAt: now }, [
      eq(appUser.id, userId),
      or(isNull(appUser.signInWarnedAt), lt(appUser.signInWarnedAt, quietSince)),
    ])) === 1
  );
}

export async function clearSignInFailures(db: Db, subject: string) {
  await db.delete(signInFailure).where(eq(signInFailure.subject, subject));
}

export async function deleteSignInFailuresBefore(db: Db, before: Date): Promise<number> {
  return deleteRows(db, signInFailure, [lt(signInFailure.occurredAt, before)]);
}

/**
 * Records the TOTP step just used, only if it is later than the last one: of two concurrent
 * requests with the same code exactly one succeeds (RFC 6238 §5.2, no replay).
 */
export async function advanceTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  return (
    (await updateRows(db, appUser, { totpLastStep: step }, [
      eq(appUser.id, userId),
      or(isNull(appUser.totpLastStep), lt(appUser.totpLastStep, step)),
    ])) === 1
  );
}

/**
 * API keys that expired or were revoked before `cutoff`: their hashes serve nothing any more
 * once the access review (90 days) no longer lists them.
 */
export async function deleteApiKeysEndedBefore(db: Db, cutoffDate: string, cutoff: Date) {
  return deleteRows(db, apiKey, [
    or(lt(apiKey.expiresOn, cutoffDate), lt(apiKey.revokedAt, cutoff)),
  ]);
}

/** Active accounts holding `role`, in any organisation (the auditors to tell, F16). */
export async function activeUsersWithRole(db: Db, role: Role): Promise<UserRow[]> {
  const rows = await db
    .select({ user: appUser })
    .from(userRole)
    .innerJoin(appUser, eq(appUser.id, userRole.userId))
    .where(and(eq(userRole.role, role), eq(appUser.status, "active")))
    .orderBy(appUser.email);
  return rows.map((r) => r.user);
}

const auditorRequestRows = rowsById(auditorRequest);
export const insertAuditorRequest = auditorRequestRows.insert;
export const findAuditorRequest = auditorRequestRows.find;

/** Pending requests first, then the decided ones, newest first. */
export async function listAuditorRequests(db: Db): Promise<AuditorRequestRow[]> {
  return db
    .select()
    .from(auditorRequest)
    .orderBy(
      sql`${auditorRequest.status} = 'pending' DESC`,
      sql`${auditorRequest.requestedAt} DESC`,
    );
}

/**
 * Decides a pending request: true for exactly one caller (two admins deciding at once: one
 * wins). `reopen` puts an approval back to pending when carrying it out failed.
 */
export async function decideAuditorRequest(
  db: Db,
  id: string,
  decision: { status: "approved" | "rejected"; decidedBy: string; decidedAt: Date },
): Promise<boolean> {
  return updateByIdWhile(db, auditorRequest, id, decision, eq(auditorRequest.status, "pending"));
}

export async function reopenAuditorRequest(db: Db, id: string) {
  await updateRows(db, auditorRequest, { status: "pending", decidedBy: null, decidedAt: null }, [
    eq(auditorRequest.id, id),
  ]);
}

export async function setAuditorRequestResult(db: Db, id: string, resultId: string) {
  await updateRows(db, auditorRequest, { resultId }, [eq(auditorRequest.id, id)]);
}
