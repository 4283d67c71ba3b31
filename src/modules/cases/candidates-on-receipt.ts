/**
 * A public request finds the registration itself (issue 21 part 2, D-911): on receipt the
 * requester's identification runs through the matching engine against the region's
 * registrations; every candidate goes on its primary source's desk, and an objection,
 * rectification or restriction restricts each candidate at once, provisionally (AVG art. 18
 * lid 1 a, d; 003 §12.1 "bezwaar lopend"), so that "zolang uw bezwaar loopt, geeft uw
 * vermelding geen treffer" holds from the moment of receipt. The officer then links one
 * (link-registration.ts) or rejects it (reject-candidate.ts), which ends the provisional
 * restriction of the others.
 */
import type { Actor } from "../../platform/audit/actor.ts";
import type { RequestMeta } from "../../platform/audit/audit.ts";
import { recordSuccess } from "../../platform/audit/record.ts";
import type { Db } from "../../platform/db/database.ts";
import type { CaseKind } from "../../protocol/case-kinds.ts";
import type { Person } from "../registrations/schemas.ts";
import { recordCaseEvent } from "./audit-helpers.ts";
import { type DeskCandidate, deskCandidatesOf } from "./desk-candidates.ts";
import type { CasesEnv } from "./env.ts";
import { RESTRICTS_ON_RECEIPT } from "./procedures.ts";
import { caseStateOnRegistration } from "./registration-state.ts";
import * as repo from "./repository.ts";
import { type ScoredRegistration, scoreRequester } from "./requester-candidates.ts";

/**
 * The candidates of a new request. An access request's go on no desk: the receiving participant
 * answers for the whole region through its own candidates step (003 §15.2); those of another
 * primary source that are not exactly the requester are its checks from receipt (D-1040,
 * create-public-request.ts).
 */
export async function scoreOnReceipt(
  env: CasesEnv,
  _type: CaseKind,
  person: Person,
): Promise<ScoredRegistration[]> {
  return scoreRequester(env, person);
}

/** Records the candidates on the case and restricts them provisionally where the type asks. */
export async function putOnDesks(
  env: CasesEnv,
  tx: Db,
  meta: RequestMeta,
  actor: Actor,
  caseId: string,
  type: CaseKind,
  scored: readonly ScoredRegistration[],
) {
  if (type === "access") return;
  const { restrict } = caseStateOnRegistration(type, ["objection"]);
  const candidates: DeskCandidate[] = [];
  for (const c of scored) {
    let provisional = false;
    if (restrict && RESTRICTS_ON_RECEIPT.includes(type)) {
      const applied = await env.deps.registrations.applyCaseState(
        tx,
        c.registrationId,
        meta,
        { restrict },
        caseId,
      );
      provisional = applied.restricted;
    }
    candidates.push({
      registrationId: c.registrationId,
      organisationId: c.primarySourceId,
      score: c.score,
      decision: "pending",
      provisional,
    });
    // The primary source sees under its registration that a request may be about it.
    await recordSuccess(tx, env.clock, meta, actor, {
      action: "registration.candidate_for_request",
      objectType: "registration",
      objectId: c.registrationId,
      details: { caseId, type, provisionalRestriction: provisional },
    });
  }
  const row = (await repo.findCase(tx, caseId))!;
  await repo.updateCase(tx, caseId, { facts: { ...(row.facts as object), candidates } });
  await recordCaseEvent(env, tx, caseId, actor, "candidates_found", {
    candidates: candidates.length,
    provisionalRestrictions: candidates.filter((c) => c.provisional).length,
  });
}

/**
 * Ends the provisional restriction of the candidates `settle` decides (linked keeps its
 * restriction as the case's own; the others are lifted), and stores the decisions. Answers
 * the candidates as stored and whether the linked one was restricted by this case.
 */
export async function settleCandidates(
  env: CasesEnv,
  tx: Db,
  meta: RequestMeta,
  row: repo.CaseRow,
  settle: (c: DeskCandidate) => DeskCandidate["decision"],
): Promise<{ candidates: DeskCandidate[]; linkedWasRestricted: boolean }> {
  let linkedWasRestricted = false;
  const candidates: DeskCandidate[] = [];
  for (const c of deskCandidatesOf(row)) {
    const decision = c.decision === "pending" ? settle(c) : c.decision;
    let provisional = c.provisional;
    if (c.provisional && decision === "linked") linkedWasRestricted = true;
    if (c.provisional && decision === "rejected") {
      await env.deps.registrations.applyCaseState(
        tx,
        c.registrationId,
        meta,
        { lift: true },
        row.id,
      );
      provisional = false;
    }
    if (decision === "linked") provisional = false;
    candidates.push({ ...c, decision, provisional });
  }
  return { candidates, linkedWasRestricted };
}
