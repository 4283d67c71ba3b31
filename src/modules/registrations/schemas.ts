import { z } from "zod";
import { compareDates, isIsoDate } from "../../platform/werkdagen.ts";
import { PERSON_FIELD_NAMES } from "../../protocol/profile.ts";
import { CORRECTION_REASONS } from "../letters/ports.ts";
import { isoDate } from "../organisations/schemas.ts";

/**
 * The person and address of contract §3. Every text field is pattern-limited so that no
 * free text (which could be criminal data, design.md §2.2) fits in: names hold letters,
 * spaces, dots, hyphens and apostrophes only.
 */
const NAME = /^[\p{L}][\p{L}\p{M} .'’-]*$/u;
const name = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(NAME, "may hold letters, spaces, dots, hyphens and apostrophes only");

export const personSchema = z.strictObject({
  initials: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^(\p{Lu}\.?\s?)+$/u, 'must be initials such as "J.P."'),
  firstNames: name(120).optional(),
  prefix: z
    .string()
    .trim()
    .max(20)
    .regex(/^[\p{L}' ]+$/u, 'must be a tussenvoegsel such as "van der"')
    .optional(),
  surname: name(100),
  birthName: name(100).optional(),
  birthDate: isoDate.refine(
    (d) => !isIsoDate(d) || compareDates(d, "1900-01-01") >= 0,
    "must be 1900 or later",
  ),
  gender: z.enum(["M", "V", "X"]).optional(),
  email: z.email().max(254).optional(),
  seekerNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,30}$/, "must be the inschrijfnummer (letters, digits, hyphens)")
    .optional(),
});
export type Person = z.infer<typeof personSchema>;

/**
 * Every field of the contract's Person, in the order files and forms list them: the protocol's
 * list, from which each profile chooses what a registration may store (D-761).
 */
export const PERSON_FIELDS = PERSON_FIELD_NAMES;
/** The fields matching reads: every person field but the contact ones. */
export const MATCH_FIELDS = PERSON_FIELDS.filter((f) => f !== "email" && f !== "seekerNumber");
/** The fields every person must have (the others are optional in `personSchema`). */
export const REQUIRED_PERSON_FIELDS = [
  "initials",
  "surname",
  "birthDate",
] as const satisfies readonly (typeof PERSON_FIELDS)[number][];

export const addressSchema = z.strictObject({
  street: name(120),
  houseNumber: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, "must be a house number"),
  houseNumberAddition: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 -]{1,10}$/, "must be a short addition such as A or 2-hoog")
    .optional(),
  postcode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 -]{3,10}$/, "must be a postcode"),
  city: name(80),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, "must be a two-letter country code such as NL")
    .optional(),
});
export type Address = z.infer<typeof addressSchema>;

/** Every field of the contract's Address, in that order. */
export const ADDRESS_FIELDS = [
  "street",
  "houseNumber",
  "houseNumberAddition",
  "postcode",
  "city",
  "country",
] as const;

const codes = z.array(z.string().trim().min(1).max(20)).min(1).max(12);

/** The fields of a registration that make up its decision (term and scope follow from them). */
export const DECISION_FIELDS = [
  "categories",
  "criteria",
  "placementDate",
  "claimCents",
  "termMonths",
] as const;

export const registrationBody = z.strictObject({
  person: personSchema,
  address: addressSchema.optional(),
  categories: codes,
  placementDate: isoDate,
  criteria: codes,
  claimCents: z.number().int().min(0).max(100_000_000_00).optional(),
  termMonths: z.number().int().min(1).max(120).optional(),
});
export type RegistrationInput = z.infer<typeof registrationBody>;

/**
 * Why a decision is changed (003 §12.3: the primary source keeps the data right; issue 20 part
 * 4, D-844): a closed list, never free text — entry_error, placement_date_corrected,
 * decision_by_court_or_committee, proportionality_reweighed, new_documented_facts. The
 * correction letter explains each in plain words (letters/content.ts).
 */
export const CHANGE_REASONS = CORRECTION_REASONS;
export type ChangeReason = (typeof CHANGE_REASONS)[number];

export const registrationPatch = registrationBody
  .partial()
  .extend({
    /** Required with any change of the decision (DECISION_FIELDS); a code of CHANGE_REASONS. */
    reason: z.enum(CHANGE_REASONS).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.reason === undefined && DECISION_FIELDS.some((f) => p[f] !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: `a change of ${DECISION_FIELDS.filter((f) => p[f] !== undefined).join(", ")} is a new decision and needs a reason code: ${CHANGE_REASONS.join(", ")}`,
      });
    }
  });
export type RegistrationPatch = z.infer<typeof registrationPatch>;

/**
 * The declaration with which a named officer confirms a draft or a lengthening (003 §8 "bij
 * twijfel … van invoer af te zien", §12.1, §12.2; issue 20 part 3): "criteria vastgesteld,
 * geen twijfel".
 */
export const confirmationBody = z.strictObject({
  declaration: z.literal(true, {
    message:
      'must be true: "de criteria zijn vastgesteld en bewezen, en er is geen twijfel" (003 §8, §12.1)',
  }),
});

export const createQuery = z.strictObject({
  /** Consortium admin only: register on behalf of this participant (003 §14.1). */
  onBehalfOf: z.uuid().optional(),
});

export const REGISTRATION_STATUSES = [
  "draft",
  "pending_notice",
  "active",
  "restricted",
  "expired",
] as const;

export const listQuery = z.strictObject({
  status: z.enum(REGISTRATION_STATUSES).optional(),
  endBefore: isoDate.optional(),
  endAfter: isoDate.optional(),
  category: z.string().trim().min(1).max(20).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const restrictionBody = z.strictObject({
  reason: z.enum(["accuracy_contested", "objection_pending", "rights_request"]),
});

const namedPerson = z.object({ id: z.string(), name: z.string().nullable() });

const summary = {
  id: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  categories: z.array(z.string()),
  criteria: z.array(z.string()),
  placementDate: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  termMonths: z.number(),
  scope: z.enum(["organisation", "region", "national"]),
  claimCents: z.number().nullable(),
  restrictionReason: z.string().nullable(),
  objectionPending: z.boolean(),
  objectionOutcome: z.string().nullable(),
  primarySource: z.object({ id: z.string(), name: z.string() }),
  /**
   * The named person who entered it and who decided it (003 §12.1 "naam van geautoriseerd
   * functionaris"; D-843): the name only for their own organisation and the auditor (null
   * otherwise, and for an older API key that named no one).
   */
  enteredBy: namedPerson,
  decidedBy: namedPerson.nullable(),
  decidedOn: z.string().nullable(),
  /** The second officer's look where the region puts a category under four eyes (D-842). */
  secondLookBy: namedPerson.nullable(),
  /**
   * What a draft or a change waits for (D-841, D-845): the first officer's confirmation with
   * the declaration, or a second, different officer's look; null when nothing waits.
   */
  awaiting: z.enum(["confirmation", "second_officer"]).nullable(),
  /** A lengthening waiting for the second officer: its new values (D-845). */
  pendingChange: z
    .object({
      placementDate: z.string(),
      termMonths: z.number(),
      categories: z.array(z.string()),
      criteria: z.array(z.string()),
      endDate: z.string(),
      reason: z.enum(CHANGE_REASONS),
    })
    .nullable(),
  /** The CSV import a draft came from (its drafts are confirmed together on the web). */
  importId: z.string().nullable(),
  /** The protocol version the registration was decided under (contract §6; D-760). */
  protocolVersion: z.string(),
};

export const registrationSummary = z.object(summary);
export type RegistrationSummary = z.infer<typeof registrationSummary>;

export const registrationView = z.object({
  ...summary,
  person: z.object({
    initials: z.string(),
    firstNames: z.string().optional(),
    prefix: z.string().optional(),
    surname: z.string(),
    birthName: z.string().optional(),
    birthDate: z.string(),
    gender: z.enum(["M", "V", "X"]).optional(),
    email: z.string().optional(),
    seekerNumber: z.string().optional(),
  }),
  address: z
    .object({
      street: z.string(),
      houseNumber: z.string(),
      houseNumberAddition: z.string().optional(),
      postcode: z.string(),
      city: z.string(),
      country: z.string().optional(),
    })
    .nullable(),
});
export type RegistrationView = z.infer<typeof registrationView>;
