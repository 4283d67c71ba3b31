/**
 * Vroegsignalering and prevention (issue #11): the landlord's side of seed 002 (monthly
 * signals of rent arrears to the municipality, feedback, schuldenrust) and seed 004 (the
 * measures that prevent arrears). Independent of the register: this module never calls the
 * registrations, seekers or screenings modules, and they never call it (design.md §2.8; a
 * test checks the imports).
 *
 * This file only wires: each method is a use case (use-cases/<verb-noun>.ts) or a read model
 * (read-models/<noun>.ts) with the module's environment (env.ts) bound; who may see and act
 * on what is policy.ts, what other modules may call is ports.ts.
 */

import type { AppContext } from "../../platform/context.ts";
import { bindUseCases } from "../../platform/use-cases.ts";
import { type ArrearsDeps, createArrearsEnv } from "./env.ts";
import { agreementView, listAgreements } from "./read-models/agreements.ts";
import { collectionHold } from "./read-models/collection-hold.ts";
import { dashboard } from "./read-models/dashboard.ts";
import { listDeliveries } from "./read-models/deliveries.ts";
import { getDeliveryCsv, getDeliveryDocument } from "./read-models/delivery-file.ts";
import { earlyWarnings } from "./read-models/early-warnings.ts";
import { listTenancies } from "./read-models/tenancies.ts";
import { getTenancy } from "./read-models/tenancy-file.ts";
import { worklist } from "./read-models/worklist.ts";
import { createArrangement } from "./use-cases/create-arrangement.ts";
import { endPause } from "./use-cases/end-pause.ts";
import { eraseAllOfOrganisation } from "./use-cases/erase-all-of-organisation.ts";
import { eraseExpiredArrears } from "./use-cases/erase-expired-arrears.ts";
import { importFeedback } from "./use-cases/import-feedback.ts";
import { importPositions } from "./use-cases/import-positions.ts";
import { pauseCollection } from "./use-cases/pause-collection.ts";
import { produceDeliveries } from "./use-cases/produce-deliveries.ts";
import { putAgreement } from "./use-cases/put-agreement.ts";
import { recordEvent } from "./use-cases/record-event.ts";
import { recordFeedback } from "./use-cases/record-feedback.ts";
import { recordMeasure } from "./use-cases/record-measure.ts";
import { recordPayment } from "./use-cases/record-payment.ts";
import { runMonthlySignals } from "./use-cases/run-monthly-signals.ts";

export { ARREARS_ENCRYPTED_COLUMNS, type DeliveryDocument } from "./encrypted.ts";
export {
  MAX_PAUSE_DAYS,
  POSITION_HISTORY_MONTHS,
  RETENTION_MONTHS_AFTER_ARREARS,
  SCHULDENRUST_DAYS,
} from "./periods.ts";

export type ArrearsService = ReturnType<typeof createArrearsService>;

export function createArrearsService(
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger">,
  deps: ArrearsDeps,
) {
  const env = createArrearsEnv(ctx, deps);
  return bindUseCases(env, {
    // ---- agreements ----------------------------------------------------------------------
    putAgreement,
    agreementView,
    listAgreements,

    // ---- positions and precondition events ----------------------------------------------
    importPositions,
    recordEvent,

    // ---- the monthly signals ------------------------------------------------------------
    runMonthlySignals,
    produceDeliveries,
    listDeliveries,
    getDeliveryDocument,
    getDeliveryCsv,

    // ---- feedback and collection holds --------------------------------------------------
    recordFeedback,
    importFeedback,
    collectionHold,
    pauseCollection,
    endPause,

    // ---- prevention measures (004) -------------------------------------------------------
    recordMeasure,
    createArrangement,
    recordPayment,

    // ---- the file, the worklist, early warnings, dashboard ------------------------------
    listTenancies,
    getTenancy,
    worklist,
    earlyWarnings,
    dashboard,

    // ---- retention ----------------------------------------------------------------------
    eraseExpiredArrears,
    eraseAllOfOrganisation,
  });
}
