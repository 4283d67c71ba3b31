import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import type { OrganisationInput } from "../../organisations/schemas.ts";
import { alreadyDecided, auditorRequestView, tellAuditors } from "../auditor-access.ts";
import type { IdentityEnv } from "../env.ts";
import { checkAuditorRequestDecider } from "../policy.ts";
import * as repo from "../repository.ts";
import type { CreateApiKeyInput, CreateUserInput } from "../schemas.ts";
import { userView } from "../views.ts";
import { createUser } from "./create-user.ts";
import { issueApiKey } from "./issue-api-key.ts";
import { resetUser } from "./reset-user.ts";

/**
 * The second pair of eyes (F16): a consortium admin other than the one who asked, signed in as
 * a person, approves a pending auditor request. Only now is the organisation, key or account
 * made (with the same checks as when asked, by the approver); a new key or one-time password
 * is shown once, in this answer. If making it fails the request stays pending.
 */
export async function approveAuditorRequest(
  env: IdentityEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const { db, clock, deps } = env;
  const row = await checkAuditorRequestDecider(env, principal, id, "approve");
  if (
    !(await repo.decideAuditorRequest(db, id, {
      status: "approved",
      decidedBy: principal.id,
      decidedAt: clock.now(),
    }))
  ) {
    throw alreadyDecided();
  }
  const approval = { approvedRequest: id };
  let made: {
    resultId: string;
    organisation?: { id: string; name: string };
    apiKey?: Awaited<ReturnType<typeof issueApiKey>>;
    user?: Awaited<ReturnType<typeof createUser>>["user"];
    activationPassword?: string;
  };
  try {
    if (row.kind === "organisation") {
      const organisation = await deps.organisations.createOrganisation(
        principal,
        meta,
        row.payload as OrganisationInput,
        approval,
      );
      made = {
        resultId: organisation.id,
        organisation: { id: organisation.id, name: organisation.name },
      };
    } else if (row.kind === "api_key") {
      const apiKey = await issueApiKey(
        env,
        principal,
        meta,
        row.payload as CreateApiKeyInput,
        approval,
      );
      made = { resultId: apiKey.id, apiKey };
    } else if (row.kind === "reset") {
      const userId = String(row.payload.userId);
      const { activationPassword } = await resetUser(env, principal, meta, userId, approval);
      const [user] = await userView(env, [(await repo.findUser(db, userId))!]);
      made = { resultId: userId, user: user!, activationPassword };
    } else {
      const created = await createUser(
        env,
        principal,
        meta,
        row.payload as CreateUserInput,
        approval,
      );
      made = {
        resultId: created.user.id,
        user: created.user,
        activationPassword: created.activationPassword,
      };
    }
  } catch (err) {
    await repo.reopenAuditorRequest(db, id);
    throw err;
  }
  await db.transaction(async (tx) => {
    await repo.setAuditorRequestResult(tx, id, made.resultId);
    await recordSuccess(tx, clock, meta, principal, {
      action: "auditor_request.approved",
      objectType: "auditor_request",
      objectId: id,
      details: { kind: row.kind, requestedBy: row.requestedBy, resultId: made.resultId },
    });
  });
  const decided = (await repo.findAuditorRequest(db, id))!;
  await tellAuditors(env, decided, "approved");
  const { resultId: _resultId, ...rest } = made;
  return { request: auditorRequestView(decided), ...rest };
}
