import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { fourEyesRequired, type Principal } from "../../../platform/auth/access.ts";
import { newApiKey } from "../../../platform/auth/index.ts";
import { checkKeyRequest, insertKey } from "../accounts.ts";
import type { Approval } from "../auditor-access.ts";
import type { IdentityEnv } from "../env.ts";
import { checkNamedOfficer } from "../named-officer.ts";
import * as repo from "../repository.ts";
import type { CreateApiKeyInput } from "../schemas.ts";
import { apiKeyView } from "../views.ts";

/**
 * Issues an API key; the key itself is returned once and stored only as a hash. An auditor key
 * needs a second consortium admin (F16): it is asked as an auditor request and made here only
 * with that request's `approval`.
 */
export async function issueApiKey(
  env: IdentityEnv,
  principal: Principal,
  meta: RequestMeta,
  input: CreateApiKeyInput,
  approval?: Approval,
) {
  const { db } = env;
  await checkKeyRequest(env, principal, input);
  await checkNamedOfficer(env, input);
  if (input.role === "auditor" && !approval) throw fourEyesRequired();
  const generated = newApiKey({ environment: "live" });
  const id = await insertKey(env, actorOf(principal).audit, meta, {
    organisationId: input.organisationId,
    role: input.role,
    label: input.label,
    prefix: generated.prefix,
    keyHash: generated.hash,
    createdBy: principal.kind === "user" ? principal.id : null,
    userId: input.officerId ?? null,
    expiresOn: input.expiresOn ?? null,
  });
  return { ...apiKeyView((await repo.findApiKey(db, id))!), key: generated.key };
}
