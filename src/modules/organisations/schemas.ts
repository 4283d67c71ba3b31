import { z } from "zod";
import { isIsoDate } from "../../platform/werkdagen.ts";

export const ORGANISATION_KINDS = [
  "housing_corporation",
  "private_landlord",
  "municipality",
  "consortium",
  "auditor",
  "supplier",
  "committee",
] as const;

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: "must be a date as YYYY-MM-DD" })
  .describe("YYYY-MM-DD");

/**
 * F14 (security review 2026-12): an organisation's texts are printed in letters, e-mails and
 * pages, each on one line. A line break would start a new line in an e-mail's text ("Bcc: …")
 * and `<`/`>` have no place in a name or address, so both are refused with 400 naming the
 * field (D-686). Other control characters are refused for every input (F9).
 */
const singleLine = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
    .regex(/^[^\u0000-\u001f\u007f-\u009f<>]*$/, "must be one line of text without < or >");

export const organisationInput = z.strictObject({
  name: singleLine(2, 200),
  kind: z.enum(ORGANISATION_KINDS),
  kvkNumber: z
    .string()
    .regex(/^\d{8}$/, "must be the 8-digit KvK number")
    .optional(),
  address: z
    .strictObject({
      street: singleLine(1, 200),
      houseNumber: singleLine(1, 20),
      postcode: z
        .string()
        .trim()
        .regex(/^\d{4} ?[A-Za-z]{2}$/, "must be a Dutch postcode such as 5038 ED"),
      city: singleLine(1, 100),
    })
    .optional(),
  /** Where a person sends an objection (003 ch. 10, §16.1). */
  objectionAddress: singleLine(5, 500).optional(),
  dpo: z
    .strictObject({
      name: singleLine(2, 200),
      email: z.email().max(254),
      phone: singleLine(0, 30).optional(),
    })
    .optional(),
  protocolSignedOn: isoDate.optional(),
  /**
   * The letting agent through which the participant lets, where the profile admits only so
   * (001 §2, §7.1: the Keurmerk makelaar; D-763).
   */
  lettingAgent: singleLine(2, 200).optional(),
  /** Letterhead logo (PNG or JPEG as a data URL, at most ~200 kB); null removes it. */
  logo: z
    .string()
    .max(280_000, "must be at most about 200 kB")
    .regex(
      /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/,
      "must be a PNG or JPEG as a data URL (data:image/png;base64,…)",
    )
    .nullable()
    .optional(),
});
export type OrganisationInput = z.infer<typeof organisationInput>;

export const organisationPatch = organisationInput.partial().strict();
export type OrganisationPatch = z.infer<typeof organisationPatch>;

export const lifecycleDate = z.strictObject({ date: isoDate });

export const organisationView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  kvkNumber: z.string().nullable(),
  address: z
    .object({ street: z.string(), houseNumber: z.string(), postcode: z.string(), city: z.string() })
    .nullable(),
  objectionAddress: z.string().nullable(),
  dpo: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }).nullable(),
  protocolSignedOn: z.string().nullable(),
  lettingAgent: z.string().nullable(),
  status: z.enum(["active", "suspended", "withdrawn", "excluded"]),
  suspendedOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  excludedOn: z.string().nullable(),
  /** Whether letters carry the organisation's logo. */
  hasLogo: z.boolean(),
});
export type OrganisationView = z.infer<typeof organisationView>;

export const publicParticipant = z.object({
  /** The organisation's id: a public request (POST /public/requests) names it. */
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  city: z.string().nullable(),
  objectionAddress: z.string().nullable(),
  dpo: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }).nullable(),
  participantSince: z.string().nullable(),
});

/**
 * Region settings a consortium admin may change (issue 5): the matching threshold (a score at
 * or above it is proposed to the primary source; nothing below) and the number of screenings
 * by one user within an hour above which an oversight signal is raised (001 §3.3 misuse).
 */
const matchThreshold = z
  .number()
  .min(10, "below 10 bits a match would rest on little more than a birth date")
  .max(40, "above 40 bits even an exact match of every field is not proposed");
const screeningBurstPerHour = z.number().int().min(5).max(10_000);

const caseRetentionMonths = z.number().int().min(6).max(120);

export const regionSettings = z.object({
  matchThreshold: matchThreshold.default(18),
  screeningBurstPerHour: screeningBurstPerHour.default(60),
  /** How long a finished case and its letters are kept (docs/retention.md). */
  caseRetentionMonths: caseRetentionMonths.default(24),
});
export type RegionSettings = z.infer<typeof regionSettings>;

/** How the connection to the SMTP server is secured. */
export const SMTP_TLS_MODES = ["implicit", "starttls", "none"] as const;
export type SmtpTlsMode = (typeof SMTP_TLS_MODES)[number];

const smtpHost = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(
    /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/,
    "must be a host name or IPv4 address such as mail.example.nl",
  );

/**
 * The region's SMTP server as the API and the settings page write it (issue #10). The
 * password is write-only: leave it out to keep the stored one, `null` to clear it.
 */
export const smtpSettingsInput = z.strictObject({
  host: smtpHost,
  port: z.number().int().min(1).max(65_535),
  tls: z.enum(SMTP_TLS_MODES),
  username: z.string().trim().min(1).max(254).nullable().optional(),
  password: z.string().min(1).max(1024).nullable().optional(),
  from: z.email({ message: "must be an e-mail address" }).max(254),
});
export type SmtpSettingsInput = z.infer<typeof smtpSettingsInput>;

/** The region's SMTP server as it is shown: never the password, only whether one is set. */
export const smtpSettingsView = z.object({
  host: z.string(),
  port: z.number().int(),
  tls: z.enum(SMTP_TLS_MODES),
  username: z.string().nullable(),
  passwordSet: z.boolean(),
  from: z.string(),
  updatedAt: z.string(),
});
export type SmtpSettingsView = z.infer<typeof smtpSettingsView>;

/** GET /region/settings: the numbers, and the region's SMTP server (null: from the environment). */
export const regionSettingsView = regionSettings.extend({ smtp: smtpSettingsView.nullable() });
export type RegionSettingsView = z.infer<typeof regionSettingsView>;

export const regionSettingsPatch = z
  .strictObject({
    matchThreshold: matchThreshold.optional(),
    screeningBurstPerHour: screeningBurstPerHour.optional(),
    caseRetentionMonths: caseRetentionMonths.optional(),
    /** The region's SMTP server; null removes it (e-mail then uses SMTP_URL again). */
    smtp: smtpSettingsInput.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, "name at least one setting");
export type RegionSettingsPatch = z.infer<typeof regionSettingsPatch>;

/** A test e-mail through the region's mail settings. */
export const mailTestBody = z.strictObject({
  to: z.email({ message: "must be an e-mail address" }).max(254),
});

/**
 * Switching a category that the profile puts under a region opt-in (000 PSY, AVG art. 9) on or
 * off (issue 20 part 9, D-766). On needs the legal basis, in the region's own words (a reference
 * to the DPIA or the FG's advice, the art. 9 lid 2 exception relied on).
 */
export const categorySwitchBody = z
  .strictObject({
    enabled: z.boolean(),
    legalBasis: z
      .string()
      .trim()
      .min(20, "must say which exception of AVG art. 9 lid 2 applies and where it is recorded")
      .max(2000)
      .optional(),
  })
  .refine((b) => !b.enabled || b.legalBasis !== undefined, {
    message: "switching a category on needs its legal basis",
    path: ["legalBasis"],
  });
export type CategorySwitchBody = z.infer<typeof categorySwitchBody>;

/** A category under a region opt-in, and whether (since when, on which basis, by whom) it is on. */
export const categorySwitchView = z.object({
  code: z.string(),
  title: z.string(),
  enabled: z.boolean(),
  legalBasis: z.string().nullable(),
  switchedAt: z.string().nullable(),
  switchedBy: z.object({ kind: z.enum(["user", "api_key"]), id: z.string() }).nullable(),
  reason: z.string(),
  source: z.string(),
});
export type CategorySwitchView = z.infer<typeof categorySwitchView>;

/** Putting a category under four eyes, or taking it out (issue 20 part 3, D-842). */
export const fourEyesBody = z.strictObject({ required: z.boolean() });
export type FourEyesBody = z.infer<typeof fourEyesBody>;

/** A category and whether a second officer must confirm its registrations (D-842). */
export const fourEyesView = z.object({
  code: z.string(),
  title: z.string(),
  required: z.boolean(),
  /** The profile's default for this category. */
  byDefault: z.boolean(),
  switchedAt: z.string().nullable(),
  switchedBy: z.object({ kind: z.enum(["user", "api_key"]), id: z.string() }).nullable(),
  reason: z.string(),
  source: z.string(),
});
export type FourEyesView = z.infer<typeof fourEyesView>;

/** GET /api/v1/protocol (contract §6): the region's profile as data (D-760, D-761, D-766). */
export const protocolView = z.object({
  id: z.string(),
  title: z.string(),
  /** The protocol version registrations and cases decided today record (their protocolVersion). */
  version: z.string(),
  /** The categories the region uses: an opt-in category only once it is switched on. */
  categories: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      group: z.string(),
      maxMonths: z.number().int(),
      scope: z.enum(["organisation", "region", "national"]),
      source: z.string(),
    }),
  ),
  criteria: z.array(
    z.object({
      code: z.string(),
      categories: z.array(z.string()),
      source: z.string(),
      /** The evidence kinds that may ground it; `requiredKinds` must each be given (issue 20). */
      evidenceKinds: z.array(z.string()),
      requiredKinds: z.array(z.string()),
      evidenceSource: z.string(),
      /** Who may be registered on it (003 ch. 5 Hoofdregel): huurder, medehuurder, woningzoekende. */
      tenancyRelations: z.array(z.string()),
      /** Whether a registration on it names the rented dwelling (dwellingAddress). */
      dwellingAddressRequired: z.boolean(),
    }),
  ),
  /** The Dutch label of every evidence kind the criteria name, by code. */
  evidenceKindLabels: z.record(z.string(), z.string()),
  /** The person fields a registration may store; any other is refused (400). */
  personFields: z.array(z.string()),
  participantKinds: z.array(z.enum(ORGANISATION_KINDS)),
  /** Whether a participant must name the letting agent it lets through (001 §7.1). */
  participantAgentRequired: z.boolean(),
  deadlines: z.record(
    z.string(),
    z.object({ term: z.string(), from: z.string(), source: z.string() }),
  ),
});
export type ProtocolView = z.infer<typeof protocolView>;
