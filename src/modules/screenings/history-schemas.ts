import { z } from "zod";
import { SCREENING_PURPOSES } from "./tables.ts";

/**
 * A querier's history of their own screenings (issue 21 part 10; D-992): purpose, when and the
 * result — never the person. What was typed is not stored (docs/retention.md: the screening
 * record holds no person), so the history cannot repeat it.
 */
export const screeningHistoryQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const screeningHistoryItem = z.object({
  id: z.string(),
  /** When, as an ISO timestamp. */
  at: z.string(),
  purpose: z.enum(SCREENING_PURPOSES),
  hit: z.boolean(),
  /** How many results the answer held (parts of registrations in force, as far as shown). */
  results: z.number(),
});
export type ScreeningHistoryItem = z.infer<typeof screeningHistoryItem>;
