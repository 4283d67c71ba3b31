import { z } from "zod";
import { personSchema } from "../registrations/schemas.ts";

export const SEEKER_NUMBER = /^[A-Za-z0-9-]{1,30}$/;

export const seekerParam = z.strictObject({
  seekerNumber: z
    .string()
    .regex(SEEKER_NUMBER, "must be the inschrijfnummer (letters, digits, hyphens; at most 30)"),
});

export const seekerBody = z.strictObject({ person: personSchema });

export const seekerSaved = z.object({
  seekerNumber: z.string(),
  status: z.enum(["created", "updated", "unchanged"]),
});

export const matchQuery = z.strictObject({
  status: z.enum(["pending", "confirmed", "rejected"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** Why a pair was proposed: fields and agreement levels with their weights, never values. */
export const matchReason = z.object({
  field: z.string(),
  level: z.string(),
  weight: z.number(),
});

export const matchItem = z.object({
  id: z.string(),
  registrationId: z.string(),
  seekerNumber: z.string(),
  score: z.number(),
  status: z.enum(["pending", "confirmed", "rejected"]),
  reasons: z.array(matchReason),
  proposedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type MatchItem = z.infer<typeof matchItem>;

/** For the primary source's officer who judges the pair: both persons side by side. */
export const matchDetail = matchItem.extend({
  reasons: z.array(matchReason.extend({ detail: z.string() })),
  registrationPerson: personSchema,
  seekerPerson: personSchema,
  block: z.object({ id: z.string(), startDate: z.string() }).nullable(),
});

export const decisionBody = z.strictObject({ decision: z.enum(["confirm", "reject"]) });

export const blockView = z.object({
  blocked: z.boolean(),
  since: z.string().optional(),
  until: z.string().optional(),
  scope: z.enum(["organisation", "region", "national"]).optional(),
  primarySource: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type BlockView = z.infer<typeof blockView>;
