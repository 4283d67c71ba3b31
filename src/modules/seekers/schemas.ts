import { z } from "zod";
import { AGREEMENTS, EXPLAINED_FIELDS } from "../matching/explain.ts";
import { personSchema } from "../registrations/schemas.ts";
import { screeningPurpose } from "../screenings/schemas.ts";

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

/** One field of the pair in plain Dutch words (issue #24 part 5, `matching/explain.ts`). */
export const fieldExplanation = z
  .object({
    field: z.enum(EXPLAINED_FIELDS),
    agreement: z.enum(AGREEMENTS),
    text: z.string(),
  })
  .meta({
    description:
      'How one field of the pair agrees, in Dutch: "geboortedatum: één cijfer anders in het jaar (1973/1974)"',
  });

/** For the primary source's officer who judges the pair: both persons side by side. */
export const matchDetail = matchItem.extend({
  reasons: z.array(matchReason.extend({ detail: z.string() })),
  explanation: z.array(fieldExplanation),
  registrationPerson: personSchema,
  seekerPerson: personSchema,
  block: z.object({ id: z.string(), startDate: z.string() }).nullable(),
  undoableUntil: z
    .string()
    .nullable()
    .optional()
    .describe(
      "Your own confirmation may be undone until this day (POST /matches/{id}/undo) while the block letter is unsent; null otherwise",
    ),
});

export const decisionBody = z.strictObject({ decision: z.enum(["confirm", "reject"]) });

/** Why a participant looks up a block: the screening purposes (003 hoofdstuk 9, §13.3). */
export const blockQuery = z.strictObject({ purpose: screeningPurpose.optional() });
export type ScreeningPurpose = z.infer<typeof screeningPurpose>;

/**
 * One part of a block as the allocation system applies it (003 §7, §13.3; contract §6 "Blocks
 * per part"): a region-wide (or, under kkr, national) part for every dwelling, an
 * organisation-scoped part ("uitsluiting corporatie") only for the named organisations'.
 * `until` is absent where the profile withholds it (keurmerk-2013: it reveals the W2 bracket).
 */
export const blockPart = z.union([
  z.strictObject({
    until: z.string().optional(),
    scope: z.enum(["region", "national"]),
  }),
  z.strictObject({
    until: z.string().optional(),
    scope: z.literal("organisation"),
    organisations: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
]);
export type BlockPart = z.infer<typeof blockPart>;

/** The allocation system's view: blocked or not, and per part where and until when. */
export const allocationBlockView = z.strictObject({
  blocked: z.boolean(),
  parts: z.array(blockPart).optional(),
});
export type AllocationBlockView = z.infer<typeof allocationBlockView>;

/**
 * A participant's view: blocked or not, whether it applies to the caller's own organisation,
 * and only what the profile grants the caller's role (another participant under aedes-2021 and
 * kkr: the primary source to contact, nothing from which the reason can be read; 003 §6 punt
 * 6, §13.5).
 */
export const participantBlockView = z.strictObject({
  blocked: z.boolean(),
  appliesToCaller: z.boolean(),
  since: z.string().optional(),
  until: z.string().optional(),
  scope: z.enum(["organisation", "region", "national"]).optional(),
  primarySource: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type ParticipantBlockView = z.infer<typeof participantBlockView>;

export const blockView = z.union([allocationBlockView, participantBlockView]);
export type BlockView = z.infer<typeof blockView>;
