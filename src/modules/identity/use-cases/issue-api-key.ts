import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { newApiKey } from "../../../platform/auth/index.ts";
import { AppError } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { insertKey } from "../accounts.ts";
import type { IdentityEnv } from "../env.ts";
import { checkRolesFit, requireManageable } from "../policy.ts";
import * as repo from "../repository.ts";
import type { CreateApiKeyInput } from "../schemas.ts";
import { apiKeyView } from "../views.ts";

/** Issues an API key; the key itself is returned once and stored only as a hash. */
export async function issueApiKey(
  env: IdentityEnv,
  principal: Principal,
  meta: RequestMeta,
  input: CreateApiKeyInput,
) {
  const { db, clock } = env;
  const access = await requireManageable(env, principal, input.organisationId);
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
  const id = await insertKey(env, actorOf(principal).audit, meta, {
    organisationId: input.organisationId,
    role: input.role,
    label: input.label,
    prefix: generated.prefix,
    keyHash: generated.hash,
    createdBy: principal.kind === "user" ? principal.id : null,
    expiresOn: input.expiresOn ?? null,
  });
  return { ...apiKeyView((await repo.findApiKey(db, id))!), key: generated.key };
}
