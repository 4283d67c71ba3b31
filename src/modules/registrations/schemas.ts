import { z } from "zod";
import { weighingSchema } from "./weighing-schema.ts";

/** The officer's weighing, for the modules that show it (cases; D-1060). */
export { weighingSchema };

import { compareDates, isIsoDate } from "../../platform/werkdagen.ts";
import { EVIDENCE_REFERENCE, TENANCY_RELATIONS } from "../../protocol/evidence.ts";
import { PERSON_FIELD_NAMES } from "../../protocol/profile.ts";
import { CORRECTION_REASONS } from "../letters/ports.ts";
import { brokenNameRule, NAME_MAX_LENGTH, NAME_RULE_MESSAGES } from "../matching/written-names.ts";
import { isoDate } from "../organisations/schemas.ts";

/**
 * The person and address of contract §3. Every text field is pattern-limited so that no
 * free text (which could be criminal data, design.md §2.2) fits in: address names hold
 * letters, spaces, dots, hyphens and apostrophes only; a person's names follow `writtenName`.
 */
const NAME = /^[\p{L}][\p{L}\p{M} .'’-]*$/u;
const name = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(NAME, "may hold letters, spaces, dots, hyphens and apostrophes only");

/**
 * A person's name field as people and systems write it (issue #24 part 1, D-870): lower or
 * upper case, "v.d." and "Berg, van der", NFC or NFD, extra spaces — stored as written (trimmed),
 * matched through the normaliser. Refused only by the rules of `matching/written-names.ts`,
 * each issue carrying its rule (`params.rule`), so a 400 names the field and the rule.
 */
const writtenName = (what: string, optional: "required" | "may be empty" = "required") => {
  const field = z
    .string()
    .superRefine((value, ctx) => {
      const rule = brokenNameRule(value);
      if (rule)
        ctx.addIssue({ code: "custom", message: NAME_RULE_MESSAGES[rule], params: { rule } });
    })
    .trim();
  return (optional === "required" ? field.min(1) : field).meta({
    description: `${what}, as written (at most ${NAME_MAX_LENGTH} characters: letters, spaces, dots, commas, slashes, hyphens, apostrophes; no digits)`,
  });
};

export const personSchema = z.strictObject({
  initials: writtenName('Voorletters ("J.P.", "j p", "JP", or the first names)'),
  firstNames: writtenName("Voornamen").optional(),
  prefix: writtenName(
    'Tussenvoegsel ("van der", "v.d.", "d\'"); may be empty',
    "may be empty",
  ).optional(),
  surname: writtenName('Achternaam ("van der Berg", "Berg, van der", "Jansen-de Vries")'),
  birthName: writtenName("Geboortenaam").optional(),
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

const notBefore1900 = isoDate.refine(
  (d) => !isIsoDate(d) || compareDates(d, "1900-01-01") >= 0,
  "must be 1900 or later",
);

/**
 * What grounds one criterion (contract §6; 003 §8 "gedocumenteerd herleidbaar"; issue 20): a
 * kind from the profile's list for that criterion, its date and at most a case number or ECLI.
 * Never prose: the documents stay with the primary source (003 §12.1).
 */
export const evidenceItem = z.strictObject({
  criterion: z.string().trim().min(1).max(20),
  kind: z
    .string()
    .trim()
    .regex(/^[a-z_]{1,40}$/, "must be an evidence kind code of the profile (GET /protocol)"),
  date: notBefore1900,
  reference: z
    .string()
    .trim()
    .regex(
      EVIDENCE_REFERENCE,
      "must be a case number or ECLI of at most 40 characters (capitals, digits, / : . -), never a description",
    )
    .optional(),
});
export type EvidenceItemInput = z.infer<typeof evidenceItem>;

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
  /** v1: read as both the dwelling and the contact address (contract §6). */
  address: addressSchema.optional(),
  /** The rented dwelling the registration is about (003 §16.3; 001 §3.4). */
  dwellingAddress: addressSchema.optional(),
  /** Where letters go (003 §12.1 "Contactgegevens"); none known: the letter is documented. */
  contactAddress: addressSchema.optional(),
  /** The person's relation to the tenancy (003 ch. 5 Hoofdregel; review 003-05). */
  tenancyRelation: z.enum(TENANCY_RELATIONS).optional(),
  evidence: z.array(evidenceItem).max(40).optional(),
  categories: codes,
  placementDate: isoDate,
  criteria: codes,
  claimCents: z.number().int().min(0).max(100_000_000_00).optional(),
  termMonths: z.number().int().min(1).max(120).optional(),
  /** The deciding officer's weighing (003 §12.1; D-1060): required where the decision is taken. */
  weighing: weighingSchema.optional(),
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
    if (p.weighing !== undefined && p.termMonths === undefined && p.categories === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["weighing"],
        message: "a weighing goes with a new term or new categories (termMonths, categories)",
      });
    }
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
  /** The weighing, where the registration has none yet (an import's draft; D-1060). */
  weighing: weighingSchema.optional(),
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

const scopeSchema = z.enum(["organisation", "region", "national"]);

/** One part of a registration: a category group with its own term and scope (contract §6). */
export const registrationPartView = z.object({
  categories: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string(),
  termMonths: z.number(),
  scope: scopeSchema,
});
const namedPerson = z.object({ id: z.string(), name: z.string().nullable() });

const summary = {
  id: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  categories: z.array(z.string()),
  criteria: z.array(z.string()),
  placementDate: z.string(),
  startDate: z.string(),
  /** Present only when every part ends on the same day (contract §6). */
  endDate: z.string().optional(),
  /** The longest part's term. */
  termMonths: z.number(),
  /** Present only when every part has the same scope (contract §6). */
  scope: scopeSchema.optional(),
  /** One part per category group, each with its own term and scope (003 §7; contract §6). */
  parts: z.array(registrationPartView),
  claimCents: z.number().nullable(),
  restrictionReason: z.string().nullable(),
  objectionPending: z.boolean(),
  objectionOutcome: z.string().nullable(),
  primarySource: z.object({ id: z.string(), name: z.string() }),
  /** The person's relation to the tenancy, when recorded (003 ch. 5; review 003-05). */
  tenancyRelation: z.enum(TENANCY_RELATIONS).nullable(),
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
  /**
   * The deciding officer's weighing (003 §12.1; D-1060): only for the primary source, the
   * auditor and the committee; null where none was recorded (before D-1060, or a draft waiting
   * for its confirmation).
   */
  weighing: weighingSchema.nullable().optional(),
  /** The protocol version the registration was decided under (contract §6; D-760). */
  protocolVersion: z.string(),
};

export const registrationSummary = z.object(summary);
export type RegistrationSummary = z.infer<typeof registrationSummary>;

const addressView = z
  .object({
    street: z.string(),
    houseNumber: z.string(),
    houseNumberAddition: z.string().optional(),
    postcode: z.string(),
    city: z.string(),
    country: z.string().optional(),
  })
  .nullable();

/** What grounds each criterion, as answers show it (issue 20 part 2). */
const evidenceView = z.array(
  z.object({
    criterion: z.string(),
    kind: z.string(),
    date: z.string(),
    reference: z.string().optional(),
  }),
);

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
  /** The contact address (v1 name, kept for v1 readers). */
  address: addressView,
  contactAddress: addressView,
  dwellingAddress: addressView,
  /**
   * What grounds each criterion (issue 20); empty for registrations from before v2. Only for the
   * primary source's own officers (and the auditor and committee through their routes): absent
   * for the consortium admin of another organisation.
   */
  evidence: evidenceView.optional(),
});
export type RegistrationView = z.infer<typeof registrationView>;

/**
 * Why an officer looks a person up in their own register (issue 21 part 6). A closed list, so
 * that every search is audited with a purpose the audit can count: 003 §13.3 ("alleen door
 * geautoriseerde functionarissen ter uitvoering van hun taakomschrijving") and §13.5 (only as far
 * as it is compatible with the purpose the data were obtained for, 003 §12.1).
 */
export const SEARCH_PURPOSES = [
  /** The person writes, calls or comes to the desk (003 §12.1 "communicatie met de betrokkene"). */
  "person_contact",
  /** A request, objection or complaint of the person (003 §13.3, ch. 15, ch. 16). */
  "rights_request",
  /** Keeping the registration's data correct (003 §12.3). */
  "data_maintenance",
  /** Whether the person is already registered, before a new registration (003 §8, §12.2). */
  "before_registration",
] as const;
export type SearchPurpose = (typeof SEARCH_PURPOSES)[number];

/** The person searched for: the fields matching reads; the blind index needs the required three. */
export const searchPerson = personSchema.pick({
  initials: true,
  firstNames: true,
  prefix: true,
  surname: true,
  birthName: true,
  birthDate: true,
});

export const searchBody = z.strictObject({
  person: searchPerson,
  /**
   * Optional, so that the contract's `{ person }` body is accepted (contract §6); a search
   * without it is audited as "not stated", never with a purpose the caller did not give.
   */
  purpose: z
    .enum(SEARCH_PURPOSES)
    .optional()
    .meta({ description: "Why the officer searches (audited; 'not stated' when absent)" }),
});
export type SearchInput = z.infer<typeof searchBody>;

export const searchAnswer = z.object({
  purpose: z.enum(SEARCH_PURPOSES).nullable(),
  /** Best first: likely matches (at or above the region's match threshold), then the rest. */
  results: z.array(
    z.object({
      registration: registrationSummary,
      person: personSchema,
      score: z.number(),
      /** At or above the region's match threshold. */
      likely: z.boolean(),
      /** The comparison in plain Dutch, field by field (D-875). */
      explanation: z.array(
        z.object({ field: z.string(), agreement: z.string(), text: z.string() }),
      ),
    }),
  ),
});
export type SearchAnswer = z.infer<typeof searchAnswer>;

/**
 * What the auditor reads of one registration (issue 20 parts 2 and 3; 003 §8 "gedocumenteerd
 * herleidbaar", §12.1 "naam van geautoriseerd functionaris", ch. 21): the decision, its
 * evidence and the named officers — never the person or an address (D-960).
 */
export const registrationGrounds = z.object({ ...summary, evidence: evidenceView });
export type RegistrationGrounds = z.infer<typeof registrationGrounds>;
