/**
 * What other modules may use of the arrears module. The composition root (modules/index.ts)
 * passes the arrears service, which implements them all; a consumer depends on its port. The
 * register modules (registrations, seekers, screenings, matching) use none (design.md §2.8).
 */
import type { ArrearsService } from "./service.ts";

/** ENCRYPTED_COLUMNS (modules/index.ts): this module's encrypted columns, for key rotation. */
export { ARREARS_ENCRYPTED_COLUMNS } from "./encrypted.ts";

/** Organisations: a landlord that leaves takes its arrears data with it (termination). */
export type ArrearsOrganisationErasure = Pick<ArrearsService, "eraseAllOfOrganisation">;

/** Retention: the daily `retention` job erases arrears data whose time is up. */
export type ArrearsRetention = Pick<ArrearsService, "eraseExpiredArrears">;

/** The monthly `arrears-signals` job (jobs.ts). */
export type ArrearsSignalsRun = Pick<ArrearsService, "runMonthlySignals">;
