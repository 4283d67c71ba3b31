/**
 * The deciding officer's weighing as the API reads and shows it (003 §12.1
 * "belangenafweging … proportionaliteitsbeginsel", §7; review row 003-02, D-1060): data, never
 * prose. Its own file so that the cases module reads it without importing the registrations'
 * schemas. Required where the decision is taken (a refusal without it is a 422 naming 003
 * §12.1); a shorter term names one reason of the closed list.
 */
import { z } from "zod";
import { SHORTER_TERM_REASONS, WEIGHING_TERMS } from "../../protocol/weighing.ts";

export const weighingSchema = z.strictObject({
  interestsWeighed: z.boolean().meta({
    description:
      "The officer weighed the interests of the person against the landlords' (003 §4, §12.1)",
  }),
  term: z.enum(WEIGHING_TERMS).meta({
    description: "standard: the profile's term; shorter: a shorter term, with its reason (003 §7)",
  }),
  shorterReason: z.enum(SHORTER_TERM_REASONS).optional(),
});
