import { z } from "zod";
import { HUMAN_ROLES, ROLES } from "../../platform/auth/roles.ts";
import { isoDate, organisationInput } from "../organisations/schemas.ts";

const email = z
  .email({ message: "must be an e-mail address" })
  .max(254)
  .transform((e) => e.toLowerCase());

const uniqueRoles = z
  .array(z.enum(HUMAN_ROLES))
  .min(1)
  .max(HUMAN_ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, "lists a role more than once");

export const signInBody = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
  /** Optional: the TOTP code at once, for a full session in one step (F8). */
  code: z.string().trim().min(1).max(12).optional(),
});

export const mfaBody = z.union([
  z.strictObject({ code: z.string().trim().min(1).max(12) }),
  z.strictObject({ recoveryCode: z.string().trim().min(1).max(40) }),
]);

export const enrolBody = z.strictObject({ code: z.string().trim().min(1).max(12) });

export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

export const declarationBody = z.strictObject({ accept: z.literal(true) });

export const createUserBody = z.strictObject({
  organisationId: z.uuid(),
  email,
  displayName: z.string().trim().min(2).max(200),
  roles: uniqueRoles,
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z.strictObject({
  displayName: z.string().trim().min(2).max(200).optional(),
  roles: uniqueRoles.optional(),
  status: z.enum(["active", "disabled"]).optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const listQuery = z.strictObject({ organisationId: z.uuid().optional() });

export const createApiKeyBody = z.strictObject({
  organisationId: z.uuid(),
  role: z.enum(ROLES),
  label: z.string().trim().min(2).max(100),
  expiresOn: isoDate.optional(),
  /** An officer key's named officer: the account of the person who decides with it (D-840). */
  officerId: z.uuid().optional(),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyBody>;

export const userView = z.object({
  id: z.string(),
  organisationId: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  status: z.enum(["active", "disabled"]),
  mfaEnrolled: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const apiKeyView = z.object({
  id: z.string(),
  organisationId: z.string(),
  role: z.string(),
  label: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresOn: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** An officer key's named officer (D-840); null for other roles and older keys. */
  officerId: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyView>;

/** F16: what a consortium admin asks for, to be approved by a second one. */
export const auditorRequestBody = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("organisation"), organisation: organisationInput }),
  z.strictObject({ kind: z.literal("api_key"), apiKey: createApiKeyBody }),
  z.strictObject({ kind: z.literal("user"), user: createUserBody }),
  z.strictObject({ kind: z.literal("reset"), userId: z.uuid() }),
]);
export type AuditorRequestInput = z.infer<typeof auditorRequestBody>;

export const auditorRequestView = z.object({
  id: z.uuid(),
  kind: z.enum(["organisation", "api_key", "user", "reset"]),
  organisationId: z.uuid().nullable(),
  details: z.record(z.string(), z.unknown()),
  status: z.enum(["pending", "approved", "rejected"]),
  requestedBy: z.uuid(),
  requestedAt: z.string(),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
  resultId: z.uuid().nullable(),
});
