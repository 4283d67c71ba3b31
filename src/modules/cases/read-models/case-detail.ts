import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { mayReadEvidence } from "../../registrations/ports.ts";
import { findVisibleCase } from "../case-access.ts";
import { place } from "../encryption.ts";
import type { CasesEnv } from "../env.ts";
import { finished } from "../procedures.ts";
import * as repo from "../repository.ts";
import type { CaseDetail } from "../schemas.ts";
import { summarise } from "./case-summary.ts";

/** A case with its reasons, deadlines and timeline (reading it is logged). */
export async function getCase(
  env: CasesEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
): Promise<CaseDetail> {
  const { db, clock, keyring } = env;
  const row = await findVisibleCase(env, principal, id);
  const [summary] = await summarise(env, [row]);
  const today = clock.today();
  const deadlines = await repo.deadlinesOf(db, [id]);
  const events = await repo.eventsOf(db, id);
  const registration = row.registrationId
    ? await env.deps.registrations.viewForCase(row.registrationId)
    : undefined;
  // The deciding officer's weighing (003 §12.1; D-1060): for the primary source, the committee
  // and the auditor, never another participant or the consortium.
  const registrationRow = row.registrationId
    ? await env.deps.registrations.findRow(row.registrationId)
    : undefined;
  const weighingShown =
    registrationRow !== undefined && mayReadEvidence(principal, registrationRow.organisationId);
  await recordSuccess(db, clock, meta, principal, {
    action: "case.viewed",
    objectType: "case",
    objectId: id,
  });
  return {
    ...summary!,
    noticeDate: row.noticeDate,
    identityVerifiedOn: row.identityVerifiedOn,
    identityMethod: row.identityMethod,
    acknowledgedOn: row.acknowledgedOn,
    executedOn: row.executedOn,
    reasons: row.reasonsCiphertext
      ? await keyring.decrypt(
          row.organisationId,
          row.reasonsCiphertext,
          place(id, "reasons_ciphertext"),
        )
      : null,
    facts: row.facts as Record<string, unknown>,
    // The handlers who weigh it: the primary source and the committee; not the consortium admin
    // of another organisation (issue 20 part 2; mayReadEvidence).
    registrationEvidence:
      registration && mayReadEvidence(principal, registration.primarySource.id)
        ? (registration.evidence ?? [])
        : [],
    registrationWeighing: weighingShown ? (registrationRow.weighing ?? null) : null,
    deadlineDetails: deadlines.map((d) => ({
      name: d.name,
      dueDate: d.dueDate,
      source: d.source,
      metOn: d.metOn,
      overdue: d.metOn === null && !finished(row.status) && compareDates(d.dueDate, today) < 0,
    })),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      actor: { kind: e.actorKind, id: e.actorId },
      details: e.details as Record<string, unknown>,
    })),
  };
}
