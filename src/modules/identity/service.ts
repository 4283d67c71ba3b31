/**
 * The identity service: wires the use cases (use-cases/), read views (read-models/) and the
 * calls other modules use (ports.ts) to one environment. Each method delegates.
 */
import type { AppContext } from "../../platform/context.ts";
import { bindUseCases } from "../../platform/use-cases.ts";
import { createIdentityEnv, type IdentityDeps } from "./env.ts";
import { namedPeople } from "./named-officer.ts";
import { listApiKeys } from "./read-models/api-keys.ts";
import { listAuditorRequests } from "./read-models/auditor-requests.ts";
import { colleagueNames } from "./read-models/colleague-names.ts";
import { me } from "./read-models/me.ts";
import { listUsers } from "./read-models/users.ts";
import { acceptDeclaration } from "./use-cases/accept-declaration.ts";
import { approveAuditorRequest } from "./use-cases/approve-auditor-request.ts";
import { authenticateApiKey } from "./use-cases/authenticate-api-key.ts";
import { authenticateSession } from "./use-cases/authenticate-session.ts";
import { bootstrapApiKey } from "./use-cases/bootstrap-api-key.ts";
import { bootstrapUser } from "./use-cases/bootstrap-user.ts";
import { changePassword } from "./use-cases/change-password.ts";
import { createUser } from "./use-cases/create-user.ts";
import { deleteEndedApiKeys } from "./use-cases/delete-ended-api-keys.ts";
import { endOrganisationSessions } from "./use-cases/end-organisation-sessions.ts";
import { finishEnrolment } from "./use-cases/finish-enrolment.ts";
import { issueApiKey } from "./use-cases/issue-api-key.ts";
import { rejectAuditorRequest } from "./use-cases/reject-auditor-request.ts";
import { requestAuditorAccess } from "./use-cases/request-auditor-access.ts";
import { resetUser } from "./use-cases/reset-user.ts";
import { revokeApiKey } from "./use-cases/revoke-api-key.ts";
import { revokeOrganisationAccess } from "./use-cases/revoke-organisation-access.ts";
import { runHousekeeping } from "./use-cases/run-housekeeping.ts";
import { signIn } from "./use-cases/sign-in.ts";
import { signOut } from "./use-cases/sign-out.ts";
import { startEnrolment } from "./use-cases/start-enrolment.ts";
import { updateUser } from "./use-cases/update-user.ts";
import { verifySecondFactor } from "./use-cases/verify-second-factor.ts";

export {
  API_KEY_KEEP_DAYS,
  IDENTITY_ENCRYPTED_COLUMNS,
  SESSION_ABSOLUTE_MS,
  SESSION_COOKIE,
  SESSION_IDLE_MS,
  SIGN_IN_LIMITS,
} from "./constants.ts";
export { ROLES_BY_ORGANISATION_KIND } from "./policy.ts";

export type IdentityService = ReturnType<typeof createIdentityService>;

export function createIdentityService(
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger">,
  deps: IdentityDeps,
) {
  const env = createIdentityEnv(ctx, deps);
  return bindUseCases(env, {
    // Set-up (CLI only).
    bootstrapUser,
    bootstrapApiKey,
    // Authentication (app.ts) and signing in.
    authenticateApiKey,
    authenticateSession,
    signIn,
    verifySecondFactor,
    startEnrolment,
    finishEnrolment,
    signOut,
    changePassword,
    me,
    acceptDeclaration,
    colleagueNames,
    namedPeople,
    // Accounts and API keys.
    listUsers,
    createUser,
    updateUser,
    resetUser,
    listApiKeys,
    issueApiKey,
    revokeApiKey,
    // Four eyes for auditor access (F16).
    listAuditorRequests,
    requestAuditorAccess,
    approveAuditorRequest,
    rejectAuditorRequest,
    // For organisations' hooks, the jobs and retention (ports.ts).
    revokeOrganisationAccess,
    endOrganisationSessions,
    housekeeping: runHousekeeping,
    deleteEndedApiKeys,
  });
}
