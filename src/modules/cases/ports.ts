/**
 * What other modules may use of the cases module, each port only the calls its consumer
 * needs. The composition root (modules/index.ts) passes the cases service, which implements
 * them all; a consumer depends on its port, never on the concrete service.
 */
import type { CasesService } from "./service.ts";

/** The `deadlines` job (cases/jobs.ts): reminders, consents taking effect, due removals. */
export type CaseDeadlines = Pick<CasesService, "runDeadlines">;

/** Retention: due removals, erasing finished cases, and replaying journalled erasures. */
export type CaseRetention = Pick<
  CasesService,
  "carryOutDueRemovals" | "eraseExpiredCases" | "existingIds" | "replayErasure"
>;

/** Oversight: counts for the annual report (001 §6.1, 003 §22). */
export type CaseStatistics = Pick<CasesService, "statistics">;

/** Screenings: the fields a written consent adds (001 §5.5). */
export type CaseConsents = Pick<CasesService, "consentFields">;

/** The web pages: a printed case reference to its id (only a case the caller may see). */
export type CaseReferences = Pick<CasesService, "caseIdByReference">;
