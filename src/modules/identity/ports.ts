/**
 * What other modules (and app.ts) may use of the identity module: each port only the calls
 * its consumer needs. The composition root (modules/index.ts) passes the identity service,
 * which implements them all; a consumer depends on its port, never on the concrete service.
 */
import type { IdentityService } from "./service.ts";

export { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from "./constants.ts";

/** app.ts: who is asking, from a session cookie or an API key. */
export type Authentication = Pick<IdentityService, "authenticateSession" | "authenticateApiKey">;

/** Organisations' hooks: a participant that leaves or is suspended loses access. */
export type IdentityTermination = Pick<
  IdentityService,
  "revokeOrganisationAccess" | "endOrganisationSessions"
>;

/** Registrations: the named person behind who entered and who decided (D-843). */
export type NamedPeople = Pick<IdentityService, "namedPeople">;

/** Oversight: the accounts and API keys for the access review. */
export type IdentityForOversight = Pick<IdentityService, "listUsers" | "listApiKeys">;

/** Retention and the jobs: dead sessions, old sign-in failures and ended API keys go. */
export type IdentityForRetention = Pick<IdentityService, "housekeeping" | "deleteEndedApiKeys">;

/** The set-up commands (CLI, demo): accounts and API keys created by the system. */
export type IdentityBootstrap = Pick<IdentityService, "bootstrapUser" | "bootstrapApiKey">;
