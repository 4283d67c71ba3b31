import { z } from "zod";
import { addressSchema, personSchema } from "../registrations/schemas.ts";
import { SCREENING_PURPOSES } from "./tables.ts";

/**
 * A screening (contract §3). The person is only ever in this POST body: never in a URL, a
 * query string or a log line (the logger redacts `person` at any depth). `address` is optional
 * and used for one thing only: the letter the querying organisation owes the person after a
 * hit (001 §9.1 D, 003 §13.4), sealed with that letter's duty.
 */
export const screeningBody = z.strictObject({
  person: personSchema,
  purpose: z.enum(SCREENING_PURPOSES),
  address: addressSchema.optional(),
});
export type ScreeningInput = z.infer<typeof screeningBody>;

/** One hit as the caller's role may see it (profile.disclosure.hit); never the person. */
export const screeningResult = z.object({
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
  enteredBy: z.object({ kind: z.string(), id: z.string() }).optional(),
});
export type ScreeningResult = z.infer<typeof screeningResult>;

export const screeningAnswer = z.object({
  id: z.string(),
  hit: z.boolean(),
  results: z.array(screeningResult),
});
export type ScreeningAnswer = z.infer<typeof screeningAnswer>;
