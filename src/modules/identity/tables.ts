import {
  bigint,
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { belongsTo, organisationRow } from "../../platform/db/columns.ts";

/** A person who works with Woonsignaal (staff of an organisation); one organisation each. */
export const appUser = pgTable(
  "app_user",
  {
    ...organisationRow(),
    /** Lower-cased; the sign-in name. */
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** Set by an admin reset: the next sign-in must choose a new password. */
    mustChangePassword: boolean("must_change_password").notNull().default(true),
    /** TOTP secret, encrypted with the organisation's data key (column totp_secret). */
    totpSecret: text("totp_secret"),
    totpEnrolledAt: timestamp("totp_enrolled_at", { withTimezone: true }),
    /** The last accepted TOTP time step: a code of that step or earlier is a replay. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    status: text("status", { enum: ["active", "disabled"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    /** When the owner was last told of repeated failed sign-ins (F8: one e-mail per burst). */
    signInWarnedAt: timestamp("sign_in_warned_at", { withTimezone: true }),
  },
  (t) => [
    unique("app_user_email").on(t.email),
    index("app_user_organisation").on(t.organisationId),
  ],
);

export const userRole = pgTable(
  "user_role",
  {
    userId: belongsTo("user_id", () => appUser.id),
    role: text("role").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const recoveryCode = pgTable(
  "recovery_code",
  {
    userId: belongsTo("user_id", () => appUser.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/** 001 §3.2, §3.6; 003 §19: the signed declaration of compliance and confidentiality. */
export const declarationAcceptance = pgTable(
  "declaration_acceptance",
  {
    userId: belongsTo("user_id", () => appUser.id),
    profile: text("profile").notNull(),
    protocolVersion: text("protocol_version").notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.profile, t.protocolVersion] })],
);

/** Server-side sessions; the cookie carries a random token, the table only its hash. */
export const userSession = pgTable(
  "user_session",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: belongsTo("user_id", () => appUser.id),
    organisationId: uuid("organisation_id").notNull(),
    /** false until the second factor is given: such a session may only finish signing in. */
    mfaPassed: boolean("mfa_passed").notNull(),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("user_session_user").on(t.userId), index("user_session_expires").on(t.expiresAt)],
);

export const apiKey = pgTable(
  "api_key",
  {
    ...organisationRow(),
    role: text("role").notNull(),
    label: text("label").notNull(),
    /** Shown in lists and used to find the key; the secret part is stored only as a hash. */
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    createdBy: uuid("created_by"),
    /**
     * The named officer (a user) an officer key acts for (003 §12.1, §12.2, §19; issue 20 part
     * 3, D-840): revoked when that person is disabled or loses the officer role.
     */
    userId: uuid("user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresOn: date("expires_on", { mode: "string" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    unique("api_key_prefix").on(t.prefix),
    index("api_key_organisation").on(t.organisationId),
  ],
);

/**
 * Failed sign-ins, for the per-account and per-address limits. `subject` is a keyed hash
 * of the e-mail address or the client address, never the address itself.
 */
export const signInFailure = pgTable(
  "sign_in_failure",
  {
    id: uuid("id").primaryKey(),
    subject: text("subject").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sign_in_failure_subject").on(t.subject, t.occurredAt)],
);

/**
 * Four eyes for auditor access (F16): a consortium admin's request for an organisation of kind
 * auditor, an auditor API key, an auditor account, or a new one-time password for one (reset). It has no effect until a different
 * consortium admin (a person) approves it; then the thing is made and `resultId` names it.
 */
export const auditorRequest = pgTable(
  "auditor_request",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind", { enum: ["organisation", "api_key", "user", "reset"] }).notNull(),
    /** The organisation the key or account is for; for a new organisation, null. */
    organisationId: uuid("organisation_id"),
    /** What was asked, as the API took it (never a key or password: those are made at approval). */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["pending", "approved", "rejected"] }).notNull(),
    /** A user id, or an API key id when a consortium key asked. */
    requestedBy: uuid("requested_by").notNull(),
    requestedByKind: text("requested_by_kind", { enum: ["user", "api_key"] }).notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    resultId: uuid("result_id"),
  },
  (t) => [index("auditor_request_status").on(t.status, t.requestedAt)],
);
