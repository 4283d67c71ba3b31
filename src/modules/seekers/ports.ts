/**
 * What other modules may use of the seekers module, each port only the calls its consumer
 * needs. The composition root (modules/index.ts) passes the seekers service, which
 * implements them all.
 */
import type { SeekersService } from "./service.ts";

/** Screenings: the region's scoring, and whether a confirmed block lets a hit show. */
export type SeekerScreening = Pick<SeekersService, "scoringFor" | "confirmedFor">;

/** Registrations' afterChange hook: match a changed registration against the seekers. */
export type SeekerMatching = Pick<SeekersService, "matchRegistration">;

/**
 * Retention: which seekers still exist (by number, or by the journal's keyed reference of the
 * number), and replaying an erasure after a restore.
 */
export type SeekerErasure = Pick<
  SeekersService,
  "existingNumbers" | "numbersWithRefs" | "replayErasure"
>;

/**
 * Oversight: which screened persons are house seekers (subject references only), and the
 * participants' block look-ups, counted with the screenings by the misuse signals (F7).
 */
export type SeekerSubjects = Pick<SeekersService, "seekerSubjects" | "blockLookupsBetween">;

/**
 * Cases: the region's scoring (the access answer's region-wide candidates) and who saw a block
 * on a registration (its actual recipients; the art. 19 notice).
 */
export type SeekersForCases = Pick<SeekersService, "scoringFor" | "blockViewsOf">;

/** Oversight: the sweep rule's numbers, which the block look-up applies as it happens (F7). */
export { SWEEP_RULE } from "./block-lookups.ts";
/** Screenings: the hit duty it shares with block look-ups (F7), as seekers needs it. */
export type { HitDuties, HitDutyInput, PreparedHitDuties } from "./env.ts";
