import { z } from "zod";
import { isoDate } from "../organisations/schemas.ts";
import { addressSchema, personSchema } from "../registrations/schemas.ts";
import { MUNICIPALITY_CODE } from "./municipalities.ts";

/**
 * The contract's Person and Address (contract §3), imported from the registrations module so
 * both stay one definition. For a signal the birth date is sent "when known" (issue #11), so
 * it is optional here; everything else is the same strict, pattern-limited schema.
 */
export const arrearsPersonSchema = personSchema.partial({ birthDate: true });
export type ArrearsPerson = z.infer<typeof arrearsPersonSchema>;
export type { Address } from "../registrations/schemas.ts";
export { addressSchema };

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{5,19}$/, "must be a phone number");

export const municipalityCode = z
  .string()
  .regex(MUNICIPALITY_CODE, "must be a CBS gemeentecode of four digits, such as 0363");

/** The landlord's tenancy reference: letters, digits, dot, underscore, hyphen. */
export const tenancyRef = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9._-]{1,40}$/,
    "must be a tenancy reference (letters, digits, . _ -; at most 40)",
  );

export const EVENT_TYPES = [
  "contact_attempt",
  "debt_help_referral",
  "reminder_with_sharing_offer",
  "tenant_refused",
] as const;
export const CONTACT_CHANNELS = ["phone", "visit", "email", "sms", "letter"] as const;

export const eventBody = z.strictObject({
  type: z.enum(EVENT_TYPES),
  date: isoDate,
  /** How a personal contact was attempted (contact_attempt only). */
  channel: z.enum(CONTACT_CHANNELS).optional(),
});
export type EventInput = z.infer<typeof eventBody>;

export const positionItem = z.strictObject({
  tenancyRef,
  person: arrearsPersonSchema,
  address: addressSchema,
  phone: phoneSchema.optional(),
  municipalityCode: municipalityCode.optional(),
  monthlyRentCents: z.number().int().min(1).max(1_000_000),
  arrearsCents: z.number().int().min(0).max(100_000_000),
  /** Required when there are arrears. */
  oldestUnpaidDueDate: isoDate.nullable().optional(),
  /** Optional: the date of the tenant's last payment (for the "paying later" early warning). */
  lastPaymentDate: isoDate.optional(),
  /** Optional: precondition events recorded in the administration (same as the events API). */
  events: z.array(eventBody).max(20).optional(),
});
export type PositionItem = z.infer<typeof positionItem>;

/** The JSON envelope; each item is validated on its own so that a bad line is reported, not fatal. */
export const positionsEnvelope = z.strictObject({
  asOf: isoDate,
  items: z.array(z.unknown()).max(200_000),
});

export const landlordQuery = z.strictObject({
  /** Consortium admin only: act for this landlord (as for registrations). */
  onBehalfOf: z.uuid().optional(),
});

export const positionsQuery = z.strictObject({
  onBehalfOf: z.uuid().optional(),
  /** CSV only: the date of the position (JSON carries `asOf` in the body). */
  asOf: isoDate.optional(),
});

export const deliveriesQuery = z.strictObject({
  onBehalfOf: z.uuid().optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month as YYYY-MM")
    .optional(),
});

/** CSV feedback: the municipality the file comes from (JSON carries it in the body). */
export const feedbackQuery = z.strictObject({
  onBehalfOf: z.uuid().optional(),
  municipalityCode: municipalityCode.optional(),
});

export const tenancyParam = z.strictObject({ tenancyRef });
export const municipalityParam = z.strictObject({ municipalityCode });

const personName = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(
    /^[\p{L}][\p{L}\p{M} .'’-]*$/u,
    "may hold letters, spaces, dots, hyphens and apostrophes only",
  );

const contact = z.strictObject({
  name: personName,
  email: z.email().max(254).optional(),
  phone: phoneSchema.optional(),
});

export const AGREEMENT_STATUSES = ["requested", "sent", "signed", "ended"] as const;

export const agreementBody = z.strictObject({
  /** requested → sent (by the municipality for signing) → signed (by both) → ended. */
  status: z.enum(AGREEMENT_STATUSES),
  /** The Digitaal Meldpunt named in art. 3.4 of the agreement (002). */
  reportingPoint: z.enum(["ris", "vps"]),
  minDaysLate: z.number().int().min(1).max(365).optional(),
  minAmountCents: z.number().int().min(1).max(100_000_000).optional(),
  signedOn: isoDate.optional(),
  /** The days of the month in which the municipality takes deliveries. */
  deliveryWindow: z
    .strictObject({
      fromDay: z.number().int().min(1).max(28),
      toDay: z.number().int().min(1).max(31),
    })
    .optional(),
  contactPerson: contact.optional(),
  signatory: contact.optional(),
});
export type AgreementInput = z.infer<typeof agreementBody>;

export const FEEDBACK_OUTCOMES = [
  "not_picked_up",
  "already_known",
  "other_trajectory",
  "no_contact",
  "help_declined",
  "help_accepted",
  "paid_or_arranged",
  "moved_away",
  "deceased",
] as const;
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number];

/** One outcome of the municipality about one signalled tenancy (a JSON item or a CSV line). */
export const feedbackItem = z.strictObject({
  tenancyRef,
  outcome: z.enum(FEEDBACK_OUTCOMES),
  date: isoDate,
});
export type FeedbackItem = z.infer<typeof feedbackItem>;

export const feedbackBody = z.strictObject({
  municipalityCode,
  items: z.array(feedbackItem).min(1).max(50_000),
});
export type FeedbackInput = z.infer<typeof feedbackBody>;

export const PAUSE_REASONS = [
  "income_loss",
  "illness_or_bereavement",
  "awaiting_benefit",
  "debt_help_started",
  "arrangement_being_made",
  "other_agreed",
] as const;

/** 004 "Pauze-knop": collection paused for a chosen period, with a reason code (no free text). */
export const pauseBody = z.strictObject({
  from: isoDate,
  until: isoDate,
  reason: z.enum(PAUSE_REASONS),
});

const cents = z.number().int().min(1).max(100_000_000);

/** The kinds of 004 measure that prevent arrears (the table's enum and the file page's forms). */
export const MEASURE_KINDS = [
  "pre_due_reminder",
  "debit_date_aligned",
  "rent_reduction",
  "rent_increase_forgiven",
  "arrears_forgiven",
  "budget_coaching_referral",
] as const;
/** How a 004 reminder before the due date reaches the tenant. */
export const REMINDER_CHANNELS = ["sms", "email", "letter", "phone", "app"] as const;

/** 004 measures that prevent arrears; codes, days and amounts only. */
export const measureBody = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("pre_due_reminder"),
    date: isoDate,
    daysBeforeDue: z.number().int().min(1).max(28),
    channel: z.enum(REMINDER_CHANNELS),
  }),
  z.strictObject({
    kind: z.literal("debit_date_aligned"),
    date: isoDate,
    debitDay: z.number().int().min(1).max(28),
    incomeDay: z.number().int().min(1).max(31),
  }),
  z.strictObject({
    kind: z.literal("rent_reduction"),
    date: isoDate,
    monthlyReductionCents: cents,
    from: isoDate,
    until: isoDate.optional(),
  }),
  z.strictObject({ kind: z.literal("rent_increase_forgiven"), date: isoDate, amountCents: cents }),
  z.strictObject({ kind: z.literal("arrears_forgiven"), date: isoDate, amountCents: cents }),
  z.strictObject({ kind: z.literal("budget_coaching_referral"), date: isoDate }),
]);
export type MeasureInput = z.infer<typeof measureBody>;

export const arrangementBody = z.strictObject({
  agreedOn: isoDate,
  instalments: z
    .array(z.strictObject({ dueDate: isoDate, amountCents: cents }))
    .min(1)
    .max(120),
});
export type ArrangementInput = z.infer<typeof arrangementBody>;

export const paymentBody = z.strictObject({ date: isoDate, amountCents: cents });
export const arrangementParam = z.strictObject({ id: z.uuid({ message: "must be an id (UUID)" }) });
