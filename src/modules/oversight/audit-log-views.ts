/** The audit log as the auditor reads it: one event's view, CSV lines, and the filters. */
import { endOfAmsterdamDay, startOfAmsterdamDay } from "../../platform/audit/operations.ts";
import { AppError } from "../../platform/errors.ts";
import { isIsoDate } from "../../platform/werkdagen.ts";
import type * as repo from "./repository.ts";
import type { AuditEventView, AuditQuery } from "./schemas.ts";

export const DEFAULT_PAGE_SIZE = 100;

export function view(row: repo.AuditEventRow): AuditEventView {
  return {
    seq: row.seq,
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actor: {
      type: row.actorType,
      id: row.actorId,
      organisationId: row.organisationId,
      role: row.role,
    },
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    outcome: row.outcome,
    clientAddress: row.clientAddress,
    requestId: row.requestId,
    subjectRef: row.subjectRef,
    details: row.details ?? null,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export const CSV_COLUMNS = [
  "seq",
  "id",
  "occurred_at",
  "actor_type",
  "actor_id",
  "organisation_id",
  "role",
  "action",
  "object_type",
  "object_id",
  "outcome",
  "client_address",
  "request_id",
  "subject_ref",
  "details",
  "prev_hash",
  "hash",
] as const;

/**
 * One CSV cell (RFC 4180). A cell that a spreadsheet would run as a formula (=, +, -, @, tab,
 * CR at the start) gets a leading apostrophe, so an export opened in Excel runs nothing.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(row: repo.AuditEventRow): string {
  const v = view(row);
  return `${[
    v.seq,
    v.id,
    v.occurredAt,
    v.actor.type,
    v.actor.id,
    v.actor.organisationId,
    v.actor.role,
    v.action,
    v.objectType,
    v.objectId,
    v.outcome,
    v.clientAddress,
    v.requestId,
    v.subjectRef,
    v.details,
    v.prevHash,
    v.hash,
  ]
    .map((c) => csvCell(typeof c === "number" ? String(c) : c))
    .join(",")}\r\n`;
}

export function toFilter(query: AuditQuery): repo.AuditFilter {
  const from = query.from
    ? isIsoDate(query.from)
      ? startOfAmsterdamDay(query.from)
      : new Date(query.from)
    : undefined;
  const before = query.to
    ? isIsoDate(query.to)
      ? endOfAmsterdamDay(query.to)
      : new Date(new Date(query.to).getTime() + 1)
    : undefined;
  if (from && before && before.getTime() <= from.getTime()) {
    throw new AppError("invalid_input", "`to` must not lie before `from`.", {
      details: { from: query.from, to: query.to },
    });
  }
  return {
    from,
    before,
    organisationId: query.organisationId,
    actorId: query.actorId,
    action: query.action,
    outcome: query.outcome,
  };
}

/** The filters as logged with the look itself: ids, dates and codes only. */
export function filtersOf(query: AuditQuery) {
  const { format: _format, ...rest } = query;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}
