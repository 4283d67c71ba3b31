/**
 * The registrations service: wires the use cases (use-cases/), read views (read-models/) and
 * the calls other modules use (ports.ts) to one environment. Each method delegates.
 */
import type { AppContext } from "../../platform/context.ts";
import { bindUseCases } from "../../platform/use-cases.ts";
import { settled } from "./changes.ts";
import { createRegistrationsEnv, type RegistrationsDeps } from "./env.ts";
import {
  candidatesFor,
  effectiveCandidate,
  effectiveIds,
  heldCandidatesFor,
  isEffective,
} from "./read-models/candidates.ts";
import { decisionMakers } from "./read-models/decision-makers.ts";
import { historyOf } from "./read-models/history.ts";
import { namesOf } from "./read-models/person-names.ts";
import {
  existingIds,
  findRow,
  idsEnded,
  idsOf,
  idsWithPartEnded,
  letterSubject,
  viewForCase,
} from "./read-models/records.ts";
import { listRegistrations } from "./read-models/registration-list.ts";
import { activateAfterNotice } from "./use-cases/activate-after-notice.ts";
import { applyCaseState } from "./use-cases/apply-case-state.ts";
import { confirmImport } from "./use-cases/confirm-import.ts";
import { confirmRegistration } from "./use-cases/confirm-registration.ts";
import { createRegistration } from "./use-cases/create-registration.ts";
import { deliverTerminationLetters } from "./use-cases/deliver-termination-letters.ts";
import { endPartsForRetention } from "./use-cases/end-parts-for-retention.ts";
import { eraseAllOfOrganisation } from "./use-cases/erase-all-of-organisation.ts";
import { eraseForCase } from "./use-cases/erase-for-case.ts";
import { eraseForRetention } from "./use-cases/erase-for-retention.ts";
import { eraseInTransaction } from "./use-cases/erase-in-transaction.ts";
import { eraseRegistration } from "./use-cases/erase-registration.ts";
import { getRegistration } from "./use-cases/get-registration.ts";
import { getRegistrationGrounds } from "./use-cases/get-registration-grounds.ts";
import { importRegistrations } from "./use-cases/import-registrations.ts";
import { liftRestriction } from "./use-cases/lift-restriction.ts";
import { prepareTerminationLetters } from "./use-cases/prepare-termination-letters.ts";
import { reindexBlindIndexes } from "./use-cases/reindex-blind-indexes.ts";
import { replayErasure } from "./use-cases/replay-erasure.ts";
import { restrictRegistration } from "./use-cases/restrict-registration.ts";
import { searchRegistrations } from "./use-cases/search-registrations.ts";
import { settleClaim } from "./use-cases/settle-claim.ts";
import { updateRegistration } from "./use-cases/update-registration.ts";

export type { Candidate, ErasureReason } from "./env.ts";
export { blindIndexesOf, REGISTRATION_ENCRYPTED_COLUMNS } from "./person-data.ts";

export type RegistrationsService = ReturnType<typeof createRegistrationsService>;

export function createRegistrationsService(
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger">,
  deps: RegistrationsDeps,
) {
  const env = createRegistrationsEnv(ctx, deps);
  return bindUseCases(env, {
    // People's use cases (the API and the pages).
    createRegistration,
    importRegistrations,
    getRegistration,
    getRegistrationGrounds,
    historyOf,
    listRegistrations,
    searchRegistrations,
    namesOf,
    updateRegistration,
    confirmRegistration,
    confirmImport,
    eraseRegistration,
    settleClaim,
    restrict: restrictRegistration,
    liftRestriction,
    // For other modules (ports.ts).
    eraseInTransaction,
    prepareTerminationLetters,
    eraseAllOfOrganisation,
    deliverTerminationLetters,
    letterSubject,
    activateAfterNotice,
    eraseForCase,
    eraseForRetention,
    endPartsForRetention,
    idsEnded,
    idsWithPartEnded,
    idsOf,
    existingIds,
    replayErasure,
    applyCaseState,
    viewForCase,
    settled,
    candidatesFor,
    decisionMakers,
    heldCandidatesFor,
    effectiveCandidate,
    effectiveIds,
    findRow,
    reindexBlindIndexes,
    isEffective,
  });
}
