import { z } from "zod";
import { isIsoDate } from "../../platform/werkdagen.ts";
import { isoDate } from "../organisations/schemas.ts";

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isIsoDateTime(s: string): boolean {
  return ISO_DATETIME.test(s) && isIsoDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s));
}

/** A calendar date (Europe/Amsterdam) or an instant with its offset. */
const dateOrDateTime = z
  .string()
  .refine((s) => isIsoDate(s) || isIsoDateTime(s), {
    message: "must be a date (YYYY-MM-DD) or a date-time with offset (2026-06-01T09:30:00Z)",
  })
  .describe("YYYY-MM-DD (Europe/Amsterdam) or an ISO 8601 date-time with offset");

export const AUDIT_OUTCOMES = ["success", "refused", "failed", "hit", "no_hit"] as const;

export const MAX_PAGE_SIZE = 500;

export const auditQuery = z.strictObject({
  from: dateOrDateTime.optional().describe("From this date (its start) or instant, inclusive"),
  to: dateOrDateTime.optional().describe("Up to this date (its end) or instant, inclusive"),
  organisationId: z.uuid({ message: "must be an id (UUID)" }).optional(),
  actorId: z.string().trim().min(1).max(200).optional(),
  action: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9_.]+(\.\*)?$/,
      "must be an action such as registration.viewed, or a prefix such as registration.*",
    )
    .max(200)
    .optional()
    .describe("An action, or every action under a prefix: registration.*"),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  format: z
    .enum(["json", "csv"])
    .optional()
    .describe(
      "csv: text/csv with the same filters; every matching event unless page or pageSize is given",
    ),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEventView = z.object({
  seq: z.number().int(),
  id: z.string(),
  occurredAt: z.string(),
  actor: z.object({
    type: z.string(),
    id: z.string().nullable(),
    organisationId: z.string().nullable(),
    role: z.string().nullable(),
  }),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: z.string(),
  clientAddress: z.string().nullable(),
  requestId: z.string().nullable(),
  subjectRef: z.string().nullable(),
  details: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditPage = z.object({
  items: z.array(auditEventView),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type AuditPage = z.infer<typeof auditPage>;

export const signalQuery = z.strictObject({ from: isoDate, to: isoDate });

export const annualReportQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  format: z.enum(["json", "html", "pdf"]).default("json"),
});
