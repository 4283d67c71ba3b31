/**
 * The cases service: rights requests, objections, complaints, appeals, hardship, new chance,
 * support team and consent (docs/cases.md). Thin: it builds the environment once and wires
 * each method to its use case (use-cases/) or read model (read-models/). Access decisions
 * live in policy.ts, the procedures' rules in procedures.ts, what other modules may call in
 * ports.ts.
 */
import type { AppContext } from "../../platform/context.ts";
import { bindUseCases } from "../../platform/use-cases.ts";
import { type CasesDeps, createCasesEnv } from "./env.ts";
import { accessCandidates } from "./read-models/access-candidates.ts";
import { accessConfirmations } from "./read-models/access-confirmations.ts";
import { accessReport } from "./read-models/access-report.ts";
import { appealFile } from "./read-models/appeal-file.ts";
import { caseCandidates } from "./read-models/case-candidates.ts";
import { getCase } from "./read-models/case-detail.ts";
import { listCases } from "./read-models/case-list.ts";
import { casePermissions } from "./read-models/case-permissions.ts";
import { caseIdByReference } from "./read-models/case-reference.ts";
import { caseRequester } from "./read-models/case-requester.ts";
import { caseWorklist } from "./read-models/case-worklist.ts";
import { consentFields } from "./read-models/consent-fields.ts";
import { existingIds } from "./read-models/existing-ids.ts";
import { statistics } from "./read-models/statistics.ts";
import { ensureCaseVisible } from "./read-models/visible-case.ts";
import { acknowledgeCase } from "./use-cases/acknowledge-case.ts";
import { calculateAccessFee } from "./use-cases/calculate-access-fee.ts";
import { carryOutDueRemovals } from "./use-cases/carry-out-due-removals.ts";
import { createCase } from "./use-cases/create-case.ts";
import { createPublicRequest } from "./use-cases/create-public-request.ts";
import { decideAccessCandidate } from "./use-cases/decide-access-candidate.ts";
import { decideAccessConfirmation } from "./use-cases/decide-access-confirmation.ts";
import { decideCase } from "./use-cases/decide-case.ts";
import { endProbation } from "./use-cases/end-probation.ts";
import { eraseExpiredCases } from "./use-cases/erase-expired-cases.ts";
import { executeDecision } from "./use-cases/execute-decision.ts";
import { extendProbation } from "./use-cases/extend-probation.ts";
import { linkRegistration } from "./use-cases/link-registration.ts";
import { recordChallenge } from "./use-cases/record-challenge.ts";
import { recordHearing } from "./use-cases/record-hearing.ts";
import { rejectCandidate } from "./use-cases/reject-candidate.ts";
import { replayErasure } from "./use-cases/replay-erasure.ts";
import { runDeadlines } from "./use-cases/run-deadlines.ts";
import { verifyIdentity } from "./use-cases/verify-identity.ts";
import { withdrawCase } from "./use-cases/withdraw-case.ts";

// Imported from here by modules/index.ts and the web pages.
export { CASE_ENCRYPTED_COLUMNS } from "./encryption.ts";
export { canRegisterCaseKind } from "./policy.ts";
export {
  COMMITTEE_CASES,
  caseTypesInProfile,
  EXPLANATION_MAX,
  NEEDS_LINK_TO_DECIDE,
  PUBLIC_REQUEST_LIMIT,
  PUBLIC_REQUEST_TYPES,
  type PublicRequestInput,
  RIGHTS,
} from "./procedures.ts";

export type CasesService = ReturnType<typeof createCasesService>;

export function createCasesService(
  ctx: Pick<AppContext, "database" | "clock" | "keyring">,
  deps: CasesDeps,
) {
  const env = createCasesEnv(ctx, deps);
  return bindUseCases(env, {
    createCase,
    listCases,
    caseWorklist,
    caseIdByReference,
    getCase,
    ensureCaseVisible,
    casePermissions,
    verifyIdentity,
    acknowledge: acknowledgeCase,
    recordHearing,
    recordChallenge,
    decide: decideCase,
    execute: executeDecision,
    feeFor: calculateAccessFee,
    accessReport,
    accessCandidates,
    decideAccessCandidate,
    accessConfirmations,
    decideAccessConfirmation,
    withdraw: withdrawCase,
    extendProbation,
    endProbation,
    consentFields,
    statistics,
    runDeadlines,
    carryOutDueRemovals,
    eraseExpiredCases,
    existingIds,
    createPublicRequest,
    linkRegistration,
    caseCandidates,
    caseRequester,
    appealFile,
    rejectCandidate,
    replayErasure,
  });
}
