import { hashToken, parseApiKey } from "../../../platform/auth/index.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import { insertKey } from "../accounts.ts";
import { SYSTEM_AUDIT_ACTOR, SYSTEM_META } from "../constants.ts";
import type { IdentityEnv } from "../env.ts";

/** Set-up (CLI only): an API key whose text the caller chose (the demo's fixed keys). */
export async function bootstrapApiKey(
  env: IdentityEnv,
  input: {
    id?: string;
    organisationId: string;
    role: Role;
    label: string;
    key: string;
    /** An officer key's named officer (D-840). */
    userId?: string;
  },
) {
  const parsed = parseApiKey(input.key);
  if (!parsed) throw new Error("bootstrapApiKey: malformed key");
  return insertKey(env, SYSTEM_AUDIT_ACTOR, SYSTEM_META, {
    ...input,
    prefix: parsed.prefix,
    keyHash: hashToken(input.key),
    createdBy: null,
    expiresOn: null,
  });
}
