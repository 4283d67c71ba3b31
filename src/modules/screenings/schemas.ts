import { z } from "zod";
import { addressSchema, personSchema } from "../registrations/schemas.ts";
import { SCREENING_PURPOSES } from "./tables.ts";

/**
 * A screening (contract §3). The person is only ever in this POST body: never in a URL, a
 * query string or a log line (the logger redacts `person` at any depth). `address` is optional
 * and used for one thing only: the letter the querying organisation owes the person after a
 * hit (001 §9.1 D, 003 §13.4), sealed with that letter's duty.
 */
/** Why a person is screened or a block looked up (003 hoofdstuk 9, §13.3); it is logged. */
export const screeningPurpose = z.enum(SCREENING_PURPOSES, {
  error: `must be the purpose of the look-up: one of ${SCREENING_PURPOSES.join(", ")}`,
});

export const screeningBody = z.strictObject({
  person: personSchema,
  purpose: screeningPurpose,
  address: addressSchema.optional(),
});
export type ScreeningInput = z.infer<typeof screeningBody>;

/** A named officer as a screening shows them (D-843). */
const officerSeen = z.object({ id: z.string(), name: z.string().nullable() });

/**
 * One hit as the caller's role may see it (profile.disclosure.hit); never the person. Another
 * participant under aedes-2021 or kkr sees only `appliesToCaller` and `primarySource` (003 §6
 * punt 6, §13.5); keurmerk-2013 what 001 §5.2 lists.
 */
export const screeningResult = z.object({
  /** Whether the registration applies to the caller's own organisation (003 §4.3, §13.3). */
  appliesToCaller: z.boolean().optional(),
  since: z.string().optional(),
  /** Absent where the profile withholds it (keurmerk-2013: it would reveal the damage bracket). */
  until: z.string().optional(),
  scope: z.enum(["organisation", "region", "national"]).optional(),
  primarySource: z.object({ id: z.string(), name: z.string() }).optional(),
  categories: z.array(z.string()).optional(),
  criteria: z.array(z.string()).optional(),
  placementDate: z.string().optional(),
  claimCents: z.number().nullable().optional(),
  objectionStatus: z.object({ pending: z.boolean(), outcome: z.string().nullable() }).optional(),
  /**
   * The named officers who entered and decided it (003 §12.1; D-840, D-843): `name` only for the
   * primary source's own organisation and the auditor, null for anyone else.
   */
  enteredBy: officerSeen.optional(),
  decidedBy: officerSeen.nullable().optional(),
});
export type ScreeningResult = z.infer<typeof screeningResult>;

/**
 * A screening's answer (contract §3, §6). `pending`: the engine found a registration at another
 * participant that is not exactly this person; its primary source confirms or rejects it by
 * `confirmationDue`, and until then nothing about it is in `results` (issue 24 part 4). The
 * definite answer is at GET /screenings/{id}.
 */
export const screeningAnswer = z.object({
  id: z.string(),
  hit: z.boolean(),
  pending: z.boolean().meta({
    description: "A possible hit awaits the primary source's confirmation (mogelijke treffer).",
  }),
  confirmationDue: z.string().optional().meta({
    description: "The last day the primary source has to confirm or reject (YYYY-MM-DD).",
  }),
  results: z.array(screeningResult),
});
export type ScreeningAnswer = z.infer<typeof screeningAnswer>;
