/**
 * The registrations service: wires the use cases (use-cases/), read views (read-models/) and
 * the calls other modules use (ports.ts) to one environment. Each method delegates.
 */
import type { AppContext } from "../../platform/context.ts";
import { settled } from "./changes.ts";
import { createRegistrationsEnv, type RegistrationsDeps, type RegistrationsEnv } from "./env.ts";
import {
  candidatesFor,
  effectiveCandidate,
  effectiveIds,
  isEffective,
} from "./read-models/candidates.ts";
import { historyOf } from "./read-models/history.ts";
import {
  existingIds,
  findRow,
  idsEnded,
  idsOf,
  letterSubject,
  viewForCase,
} from "./read-models/records.ts";
import { listRegistrations } from "./read-models/registration-list.ts";
import { activateAfterNotice } from "./use-cases/activate-after-notice.ts";
import { applyCaseState } from "./use-cases/apply-case-state.ts";
import { createRegistration } from "./use-cases/create-registration.ts";
import { deliverTerminationLetters } from "./use-cases/deliver-termination-letters.ts";
import { eraseAllOfOrganisation } from "./use-cases/erase-all-of-organisation.ts";
import { eraseForCase } from "./use-cases/erase-for-case.ts";
import { eraseForRetention } from "./use-cases/erase-for-retention.ts";
import { eraseInTransaction } from "./use-cases/erase-in-transaction.ts";
import { eraseRegistration } from "./use-cases/erase-registration.ts";
import { getRegistration } from "./use-cases/get-registration.ts";
import { importRegistrations } from "./use-cases/import-registrations.ts";
import { liftRestriction } from "./use-cases/lift-restriction.ts";
import { prepareTerminationLetters } from "./use-cases/prepare-termination-letters.ts";
import { reindexBlindIndexes } from "./use-cases/reindex-blind-indexes.ts";
import { replayErasure } from "./use-cases/replay-erasure.ts";
import { restrictRegistration } from "./use-cases/restrict-registration.ts";
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
  /** A use case with this service's environment bound. */
  const use =
    <A extends unknown[], R>(f: (env: RegistrationsEnv, ...a: A) => R) =>
    (...a: A): R =>
      f(env, ...a);
  return {
    // People's use cases (the API and the pages).
    createRegistration: use(createRegistration),
    importRegistrations: use(importRegistrations),
    getRegistration: use(getRegistration),
    historyOf: use(historyOf),
    listRegistrations: use(listRegistrations),
    updateRegistration: use(updateRegistration),
    eraseRegistration: use(eraseRegistration),
    settleClaim: use(settleClaim),
    restrict: use(restrictRegistration),
    liftRestriction: use(liftRestriction),
    // For other modules (ports.ts).
    eraseInTransaction: use(eraseInTransaction),
    prepareTerminationLetters: use(prepareTerminationLetters),
    eraseAllOfOrganisation: use(eraseAllOfOrganisation),
    deliverTerminationLetters: use(deliverTerminationLetters),
    letterSubject: use(letterSubject),
    activateAfterNotice: use(activateAfterNotice),
    eraseForCase: use(eraseForCase),
    eraseForRetention: use(eraseForRetention),
    idsEnded: use(idsEnded),
    idsOf: use(idsOf),
    existingIds: use(existingIds),
    replayErasure: use(replayErasure),
    applyCaseState: use(applyCaseState),
    viewForCase: use(viewForCase),
    settled: use(settled),
    candidatesFor: use(candidatesFor),
    effectiveCandidate: use(effectiveCandidate),
    effectiveIds: use(effectiveIds),
    findRow: use(findRow),
    reindexBlindIndexes: use(reindexBlindIndexes),
    isEffective: use(isEffective),
  };
}
