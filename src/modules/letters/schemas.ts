import { z } from "zod";
import { pagedList } from "../../platform/http/route-parts.ts";
import { LANGUAGES } from "../../platform/i18n.ts";
import { isoDate } from "../organisations/schemas.ts";
import { SKIP_REASONS } from "./content.ts";
import { DUTY_STATUSES, LETTER_CHANNELS, LETTER_STATUSES } from "./tables.ts";

const page = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const letterListQuery = z.strictObject({
  registrationId: z.uuid().optional(),
  dutyId: z.uuid().optional(),
  status: z.enum(LETTER_STATUSES).optional(),
  ...page,
});

export const dutyListQuery = z.strictObject({
  /** true: open duties past their due date only (the worklist), oldest first. */
  overdue: z.enum(["true", "false"]).optional(),
  status: z.enum(DUTY_STATUSES).optional(),
  registrationId: z.uuid().optional(),
  /** Consortium admin only: one participant's duties. */
  organisationId: z.uuid().optional(),
  ...page,
});

export const sentBody = z.strictObject({
  /** The day the letter was posted (or handed over with the bailiff's documents). */
  sentOn: isoDate,
});

export const documentedBody = z.strictObject({});

export const skipBody = z.strictObject({
  reason: z.enum(Object.keys(SKIP_REASONS) as [keyof typeof SKIP_REASONS]),
});

export const produceBody = z.strictObject({
  language: z.enum(LANGUAGES).optional(),
});

export const produceMissingBody = z.strictObject({
  limit: z.number().int().min(1).max(200).default(50),
});

export const letterView = z.object({
  id: z.string(),
  organisationId: z.string(),
  registrationId: z.string().nullable(),
  caseId: z.string().nullable(),
  dutyId: z.string().nullable(),
  kind: z.string(),
  language: z.enum(LANGUAGES),
  status: z.enum(LETTER_STATUSES),
  channel: z.enum(LETTER_CHANNELS),
  letterDate: z.string(),
  title: z.string(),
  pdfBytes: z.number(),
  pdfSha256: z.string(),
  contentAvailable: z.boolean(),
  deliveryError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  sentOn: z.string().nullable(),
  documentedAt: z.string().nullable(),
  actedBy: z.object({ kind: z.string(), id: z.string().nullable() }).nullable(),
});

export const dutyView = z.object({
  id: z.string(),
  organisationId: z.string(),
  registrationId: z.string().nullable(),
  caseId: z.string().nullable(),
  kind: z.string(),
  status: z.enum(DUTY_STATUSES),
  deadlineKey: z.string().nullable(),
  eventDate: z.string().nullable(),
  dueDate: z.string(),
  overdue: z.boolean(),
  source: z.string(),
  reason: z.string().nullable(),
  skipReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  reopenedAt: z.string().nullable(),
  noticeExpired: z
    .boolean()
    .describe(
      "A recipient notice nobody processed within six months: whom it concerned is erased; close it with POST /duties/{id}/processed",
    ),
  screenings: z
    .array(z.object({ date: z.string(), purpose: z.string() }))
    .optional()
    .describe(
      "A hit letter's duty: every screening of the person by your organisation within the letter term that this one letter answers (days and purposes only), oldest first",
    ),
});

export const letterList = pagedList(letterView);
export const dutyList = pagedList(dutyView);

/** GET /duties/{id}/notice: a recipient notice (AVG art. 19) as the recipient reads it. */
export const recipientNoticeView = z.object({
  duty: dutyView,
  notice: z
    .object({
      change: z.enum(["corrected", "restricted", "erased"]),
      date: z.string(),
      primarySource: z.object({ id: z.string(), name: z.string() }),
      person: z.object({
        initials: z.string(),
        prefix: z.string().optional(),
        surname: z.string(),
        birthDate: z.string(),
      }),
      received: z.array(z.object({ date: z.string(), how: z.enum(["screening", "block"]) })),
    })
    .nullable()
    .describe("null when the notice expired unread (duty.noticeExpired): its facts are erased"),
});
