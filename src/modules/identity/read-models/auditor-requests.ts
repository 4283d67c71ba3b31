import type { Principal } from "../../../platform/auth/access.ts";
import { notFound } from "../../../platform/errors.ts";
import { auditorRequestView } from "../auditor-access.ts";
import type { IdentityEnv } from "../env.ts";
import { mayReadAuditorRequests } from "../policy.ts";
import * as repo from "../repository.ts";

/** The four-eyes requests for auditor access, pending first (consortium admins and auditors). */
export async function listAuditorRequests(env: IdentityEnv, principal: Principal) {
  if (!mayReadAuditorRequests(principal)) throw notFound("auditor requests");
  return (await repo.listAuditorRequests(env.db)).map(auditorRequestView);
}
