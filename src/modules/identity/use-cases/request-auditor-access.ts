import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { checkAccountRequest, checkKeyRequest } from "../accounts.ts";
import { recordAuditorRequest } from "../auditor-access.ts";
import type { IdentityEnv } from "../env.ts";
import { manageableUser, mayManageAccounts } from "../policy.ts";
import * as repo from "../repository.ts";
import type { AuditorRequestInput } from "../schemas.ts";

/**
 * A consortium admin asks for auditor access (F16): an organisation of kind auditor, an API
 * key with the role auditor, an account with that role, or a reset of such an account. Checked now as the thing itself would
 * be, recorded as pending, without effect until a different consortium admin approves it.
 */
export async function requestAuditorAccess(
  env: IdentityEnv,
  principal: Principal,
  meta: RequestMeta,
  input: AuditorRequestInput,
) {
  if (!mayManageAccounts(principal)) {
    throw new AppError("forbidden", "Only a consortium admin may ask for auditor access.");
  }
  const notAuditor = () =>
    new AppError("invalid_input", "This request is not for auditor access; make it directly.", {
      code: "not_auditor_access",
    });
  switch (input.kind) {
    case "organisation":
      if (input.organisation.kind !== "auditor") throw notAuditor();
      return recordAuditorRequest(env, principal, meta, {
        kind: "organisation",
        organisationId: null,
        payload: input.organisation,
      });
    case "api_key":
      if (input.apiKey.role !== "auditor") throw notAuditor();
      await checkKeyRequest(env, principal, input.apiKey);
      return recordAuditorRequest(env, principal, meta, {
        kind: "api_key",
        organisationId: input.apiKey.organisationId,
        payload: input.apiKey,
      });
    case "user":
      if (!input.user.roles.includes("auditor")) throw notAuditor();
      await checkAccountRequest(env, principal, input.user);
      return recordAuditorRequest(env, principal, meta, {
        kind: "user",
        organisationId: input.user.organisationId,
        payload: input.user,
      });
    case "reset": {
      const user = await manageableUser(env, principal, input.userId);
      const roles = (await repo.rolesOf(env.db, [user.id])).get(user.id) ?? [];
      if (!roles.includes("auditor")) throw notAuditor();
      return recordAuditorRequest(env, principal, meta, {
        kind: "reset",
        organisationId: user.organisationId,
        payload: { userId: user.id, email: user.email, displayName: user.displayName },
      });
    }
  }
}
