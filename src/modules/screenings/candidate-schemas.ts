/**
 * The primary source's confirmation tasks of screenings (issue 24 part 4): a near match found
 * by another participant's screening, to be confirmed or rejected by an officer of the
 * registration's primary source before the querier learns anything about it.
 */
import { z } from "zod";
import { personSchema } from "../registrations/schemas.ts";
import { fieldExplanation } from "../seekers/schemas.ts";
import { SCREENING_CANDIDATE_STATUSES } from "./tables.ts";

export const screeningCandidateItem = z.object({
  id: z.string(),
  registrationId: z.string(),
  status: z.enum(SCREENING_CANDIDATE_STATUSES),
  score: z.number().nullable(),
  /** The last day to decide (profile deadline `screening_confirmation`). */
  dueDate: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ScreeningCandidateItem = z.infer<typeof screeningCandidateItem>;

export const screeningCandidateList = z.object({ items: z.array(screeningCandidateItem) });

export const screeningCandidateQuery = z.strictObject({
  status: z.enum(["pending", "confirmed", "rejected"]).default("pending"),
});

/** For the officer who judges: the screened person as typed (until decided) beside the registered one. */
export const screeningCandidateDetail = screeningCandidateItem.extend({
  screenedPerson: personSchema.optional(),
  registeredPerson: personSchema.optional(),
  explanation: z.array(fieldExplanation),
});
export type ScreeningCandidateDetail = z.infer<typeof screeningCandidateDetail>;

export const screeningCandidateDecision = z.strictObject({
  decision: z.enum(["confirm", "reject"]),
});
