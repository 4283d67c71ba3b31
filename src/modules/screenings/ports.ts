/**
 * What other modules may use of the screenings module. The composition root
 * (modules/index.ts) passes the screenings service, which implements them all.
 */
import type { ScreeningsService } from "./service.ts";

/** Oversight: screenings in a period without personal data (misuse signals, annual report). */
export type ScreeningRecords = Pick<ScreeningsService, "screeningsBetween">;

/** Cases: who screened this person (the access answer, AVG art. 15 lid 1 onder c). */
export type ScreeningsOfPerson = Pick<ScreeningsService, "screeningsOf">;

/** Seekers: the hit duty of a block look-up that finds a block (F7). */
export type ScreeningHitDuties = Pick<ScreeningsService, "prepareHitDuties">;
