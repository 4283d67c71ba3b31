import { z } from "zod";
import { CASE_KINDS } from "../../protocol/case-kinds.ts";
import { isoDate } from "../organisations/schemas.ts";
import { addressSchema, personSchema, weighingSchema } from "../registrations/schemas.ts";
import { EXPLANATION_MAX, PUBLIC_REQUEST_TYPES } from "./procedures.ts";

export const CASE_STATUSES = [
  "received",
  "acknowledged",
  "decided",
  "executed",
  "probation",
  "reflection",
  "effective",
  "closed",
  "inadmissible",
  "withdrawn",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const caseBody = z.strictObject({
  type: z.enum(CASE_KINDS),
  registrationId: z.uuid().optional(),
  receivedDate: isoDate,
  /** The date of the letter an objection is made against (its window runs from it). */
  noticeDate: isoDate.optional(),
  /** The objection or complaint this appeal follows (required for an appeal). */
  parentCaseId: z.uuid().optional(),
  /** The requester, when no registration names them (for the letters). */
  person: personSchema.optional(),
  address: addressSchema.optional(),
});
export type CaseInput = z.infer<typeof caseBody>;

const reasons = z.string().trim().min(1).max(5000);

export const decisionBody = z.strictObject({
  outcome: z.enum(["upheld", "rejected", "partly_upheld"]),
  reasons,
  /** 001 §9.5: a second access request within half a year may cost EUR 0.23 a page. */
  feePages: z.number().int().min(1).max(1000).optional(),
  /** Support team (001 Bijlage 1): was the person offered a home, and with support? */
  supportTeam: z.strictObject({ house: z.boolean(), support: z.boolean() }).optional(),
  /** Hardship: an earlier end date (never later), or removal when upheld without one. */
  newEndDate: isoDate.optional(),
  /** Appeal (001 Bijlage 2 art. 18.4): the members who gave the binding advice. */
  members: z.array(z.string().trim().min(2).max(120)).min(1).max(7).optional(),
  /**
   * A request about a registration that the region-wide search did not find: the case is
   * closed as "geen registratie gevonden" and the letter says so (issue 21 part 3, D-913).
   */
  closedReason: z.enum(["no_registration_found"]).optional(),
});
export type DecisionInput = z.infer<typeof decisionBody>;

export const identityBody = z.strictObject({
  method: z.enum(["id_document_seen", "known_contact_details", "in_person", "digid"]),
  date: isoDate,
});

export const hearingBody = z.strictObject({
  date: isoDate,
  report: z.string().trim().min(1).max(20_000).optional(),
});

export const executionBody = z.strictObject({ action: z.enum(["removed", "corrected"]) });

export const challengeBody = z.strictObject({
  kind: z.enum(["challenge", "recusal"]),
  member: z.string().trim().min(2).max(120),
  outcome: z.enum(["granted", "refused"]),
  date: isoDate,
});

export const probationEndBody = z.strictObject({
  result: z.enum(["conditions_met", "conditions_not_met"]),
  date: isoDate,
});

export const caseListQuery = z.strictObject({
  overdue: z.enum(["true", "false"]).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  type: z.enum(CASE_KINDS).optional(),
  registrationId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const deadlineView = z.object({
  name: z.string(),
  dueDate: z.string(),
  source: z.string(),
  metOn: z.string().nullable(),
  overdue: z.boolean(),
});

export const caseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  type: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  organisationId: z.string(),
  registrationId: z.string().nullable(),
  parentCaseId: z.string().nullable(),
  receivedDate: z.string(),
  outcome: z.enum(["upheld", "rejected", "partly_upheld"]).nullable(),
  decidedOn: z.string().nullable(),
  /** Contract §3: `{ name: "YYYY-MM-DD" }` for every deadline of the case. */
  deadlines: z.record(z.string(), z.string()),
  overdue: z.boolean(),
  /** The protocol version the case was opened under (contract §6; D-760). */
  protocolVersion: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const caseDetail = caseSummary.extend({
  noticeDate: z.string().nullable(),
  identityVerifiedOn: z.string().nullable(),
  identityMethod: z.string().nullable(),
  acknowledgedOn: z.string().nullable(),
  executedOn: z.string().nullable(),
  reasons: z.string().nullable(),
  facts: z.record(z.string(), z.unknown()),
  /**
   * What the case's registration rests on (issue 20; 003 §8): its handlers — the primary
   * source, the committee, the consortium — weigh it; empty without a registration.
   */
  registrationEvidence: z.array(
    z.object({
      criterion: z.string(),
      kind: z.string(),
      date: z.string(),
      reference: z.string().optional(),
    }),
  ),
  /**
   * The deciding officer's weighing of the case's registration (003 §12.1; D-1060): interests
   * weighed, standard or shorter term and a shorter term's reason; null when not recorded (or
   * for a reader who may not see it: another participant, the consortium).
   */
  registrationWeighing: weighingSchema.nullable(),
  deadlineDetails: z.array(deadlineView),
  events: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      actor: z.object({ kind: z.string(), id: z.string().nullable() }),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type CaseDetail = z.infer<typeof caseDetail>;

const organisationRef = z.object({ id: z.string(), name: z.string() });

export const accessReport = z.object({
  caseId: z.string(),
  registration: z.record(z.string(), z.unknown()).nullable(),
  /** Every registration about the person in the region the officer confirmed (003 §15.2). */
  registrations: z.array(
    z.object({
      registrationId: z.string(),
      primarySource: organisationRef,
      endDate: z.string(),
      /** The protocol version it was decided under (D-760). */
      protocolVersion: z.string(),
    }),
  ),
  purposes: z.array(z.string()),
  recipients: z.array(z.string()),
  /** Who actually received data (a screening with a hit, a block seen), when (CJEU C-154/21). */
  actualRecipients: z.array(
    z.object({
      organisation: organisationRef,
      date: z.string(),
      how: z.enum(["screening", "block"]),
    }),
  ),
  source: z.string().nullable(),
  screenings: z.array(
    z.object({
      organisation: z.object({ id: z.string(), name: z.string() }),
      date: z.string(),
      purpose: z.string(),
      hit: z.boolean(),
    }),
  ),
});

/**
 * POST /api/v1/public/requests: a person's own request (no sign-in). Strict: unknown fields
 * are refused. The answer is the reference only, never whether the person is registered.
 */
export const publicRequestBody = z.strictObject({
  organisationId: z.uuid({ message: "must be the id of a participant (GET /public/participants)" }),
  type: z.enum(PUBLIC_REQUEST_TYPES),
  person: personSchema,
  address: addressSchema.optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, "must be a telephone number")
    .optional(),
  noticeDate: isoDate.optional(),
  /**
   * The person's grounds (an objection, AVG art. 21) or what is wrong (a rectification):
   * stored encrypted with the case, shown only to the handling officer and the committee.
   */
  explanation: z
    .string()
    .trim()
    .max(EXPLANATION_MAX, `at most ${EXPLANATION_MAX} characters`)
    .optional(),
});

export const publicRequestReceipt = z.object({
  reference: z.string().describe('The short reference the person quotes, "Z-…"'),
  receivedDate: z.string(),
  /** Contract §6: by when the person hears back, per deadline of the profile. */
  dueDates: z
    .record(z.string(), z.string())
    .describe('{ deadline name: "YYYY-MM-DD" }, computed from the profile\'s terms'),
  message: z.string(),
});

/** POST /cases/{id}/registration: the registration a public request turned out to be about. */
export const linkRegistrationBody = z.strictObject({ registrationId: z.uuid() });

/** The requester's data against a registration's, field by field (what the officer judges). */
const comparisonView = z.array(
  z.object({
    field: z.string(),
    requester: z.string().nullable(),
    registered: z.string().nullable(),
    same: z.boolean(),
  }),
);

/** GET /cases/{id}/access-candidates: the region-wide registrations that may be the requester. */
export const accessCandidatesView = z.object({
  caseId: z.string(),
  open: z
    .boolean()
    .describe("Whether candidates may still be judged: false once the request is decided"),
  checking: z
    .object({ count: z.number().int(), due: z.string().nullable() })
    .describe(
      "Registrations of other participants that may be about the requester, not shown until their primary source confirms (D-1040): how many, and the last day of the check",
    ),
  candidates: z.array(
    z.object({
      registrationId: z.string(),
      primarySource: z.object({ id: z.string(), name: z.string() }),
      score: z.number(),
      comparison: comparisonView,
      decision: z.enum(["pending", "confirmed", "rejected"]),
    }),
  ),
});

/** POST /cases/{id}/access-candidates: the officer's judgement of one candidate. */
export const accessCandidateBody = z.strictObject({
  registrationId: z.uuid(),
  decision: z.enum(["confirmed", "rejected"]),
});

/** GET /access-confirmations: the primary source's checks of access requests elsewhere (D-1040). */
export const accessConfirmationsView = z.object({
  items: z.array(
    z.object({
      caseId: z.string(),
      registrationId: z.string(),
      due: z.string(),
      score: z.number(),
      comparison: comparisonView,
    }),
  ),
});

/** POST /access-confirmations/{caseId}: is the requester the person of this registration? */
export const accessConfirmationBody = z.strictObject({
  registrationId: z.uuid(),
  decision: z.enum(["confirmed", "rejected"]),
});

/** GET /cases/{id}/requester: who asked, in their own words (handling officer, committee). */
export const caseRequesterView = z.object({
  caseId: z.string(),
  person: z.record(z.string(), z.unknown()).nullable(),
  address: z.record(z.string(), z.unknown()).nullable(),
  phone: z.string().nullable(),
  explanation: z.string().nullable().describe("The person's grounds or what is wrong"),
  channel: z.string().nullable(),
});

/** GET /cases/{id}/candidates: the registrations a request was matched to on receipt (D-911). */
export const caseCandidatesView = z.object({
  caseId: z.string(),
  linkedRegistrationId: z.string().nullable(),
  candidates: z.array(
    z.object({
      registrationId: z.string(),
      primarySource: z.object({ id: z.string(), name: z.string() }),
      score: z.number(),
      decision: z.enum(["pending", "linked", "rejected"]),
      provisionalRestriction: z
        .boolean()
        .describe("Restricted at once by this request (no hits, no new blocks) until decided"),
      comparison: comparisonView,
    }),
  ),
});

/** POST /cases/{id}/candidate-rejections: "niet deze persoon" for one candidate. */
export const candidateRejectionBody = z.strictObject({ registrationId: z.uuid() });
