import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { findVisibleCase } from "../case-access.ts";
import { place } from "../encryption.ts";
import type { CasesEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { readRequester } from "../requester.ts";

/**
 * The file the committee judges (issue 21 part 5, D-914; 001 Bijlage 2 art. 7): for an appeal,
 * the objection or complaint it follows — the person's own words, the decision and its
 * reasons — and the registration as far as the committee may see it (its categories, term,
 * scope and primary source; not the person's contact details, which the appeal carries
 * itself). Undefined for a case without a parent. Reading it is audited.
 */
export async function appealFile(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const row = await findVisibleCase(env, principal, id);
  if (!row.parentCaseId) return undefined;
  const parent = await repo.findCase(env.db, row.parentCaseId);
  if (!parent) return undefined;
  const requester = await readRequester(env, parent);
  const reasons = parent.reasonsCiphertext
    ? await env.keyring.decrypt(
        parent.organisationId,
        parent.reasonsCiphertext,
        place(parent.id, "reasons_ciphertext"),
      )
    : null;
  const registrationId = row.registrationId ?? parent.registrationId;
  const registration = registrationId
    ? await env.deps.registrations.viewForCase(registrationId)
    : undefined;
  await recordSuccess(env.db, env.clock, meta, principal, {
    action: "case.appeal_file_viewed",
    objectType: "case",
    objectId: id,
    details: { parentCaseId: parent.id, registrationId: registrationId ?? null },
  });
  return {
    parent: {
      id: parent.id,
      reference: parent.reference,
      type: parent.type,
      outcome: parent.outcome,
      decidedOn: parent.decidedOn,
      reasons,
      explanation: requester.explanation ?? null,
    },
    registration: registration
      ? {
          categories: registration.categories,
          startDate: registration.startDate,
          endDate: registration.endDate,
          scope: registration.scope,
          parts: registration.parts,
          primarySource: registration.primarySource,
        }
      : null,
  };
}
