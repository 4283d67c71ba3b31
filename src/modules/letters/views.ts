import type { Language } from "../../platform/i18n.ts";
import { compareDates } from "../../platform/werkdagen.ts";
import type { DutyRow, DutyStatus, LetterRow } from "./repository.ts";

/** A letter as the API and the pages show it: metadata only, never its content. */
export interface LetterView {
  id: string;
  organisationId: string;
  registrationId: string | null;
  caseId: string | null;
  dutyId: string | null;
  kind: string;
  language: Language;
  status: LetterRow["status"];
  channel: LetterRow["channel"];
  letterDate: string;
  title: string;
  pdfBytes: number;
  pdfSha256: string;
  contentAvailable: boolean;
  deliveryError: string | null;
  createdAt: string;
  sentAt: string | null;
  sentOn: string | null;
  documentedAt: string | null;
  actedBy: { kind: string; id: string | null } | null;
}

export interface DutyView {
  id: string;
  organisationId: string;
  registrationId: string | null;
  caseId: string | null;
  kind: string;
  status: DutyStatus;
  deadlineKey: string | null;
  eventDate: string | null;
  dueDate: string;
  overdue: boolean;
  source: string;
  reason: string | null;
  skipReason: string | null;
  closedAt: string | null;
  reopenedAt: string | null;
  /**
   * A recipient notice nobody processed in NOTICE_DETAILS_KEEP_MONTHS: its facts are erased
   * (D-660); it stays open until the recipient closes it.
   */
  noticeExpired: boolean;
  /**
   * A hit letter's duty (in lists): the screenings of the person by the organisation within
   * the letter term that this one duty answers (D-990), oldest first; days and purposes only.
   */
  screenings?: { date: string; purpose: string }[];
}

export function letterView(row: LetterRow): LetterView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    registrationId: row.registrationId,
    caseId: row.caseId,
    dutyId: row.dutyId,
    kind: row.kind,
    language: row.language,
    status: row.status,
    channel: row.channel,
    letterDate: row.letterDate,
    title: row.title,
    pdfBytes: row.pdfBytes,
    pdfSha256: row.pdfSha256,
    contentAvailable: row.pdfCiphertext !== null,
    deliveryError: row.deliveryError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    sentOn: row.sentOn,
    documentedAt: row.documentedAt?.toISOString() ?? null,
    actedBy: row.actedByKind ? { kind: row.actedByKind, id: row.actedBy } : null,
  };
}

/** A duty as the API and the worklist show it; `today` decides whether it is overdue. */
export function dutyView(row: DutyRow, today: string): DutyView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    registrationId: row.registrationId,
    caseId: row.caseId,
    kind: row.kind,
    status: row.status,
    deadlineKey: row.deadlineKey,
    eventDate: row.eventDate,
    dueDate: row.dueDate,
    overdue: row.status === "open" && compareDates(row.dueDate, today) < 0,
    source: row.source,
    reason: row.reason,
    skipReason: row.skipReason,
    closedAt: row.closedAt?.toISOString() ?? null,
    reopenedAt: row.reopenedAt?.toISOString() ?? null,
    noticeExpired:
      row.kind === "recipient_notice" && row.status === "open" && row.recipientCiphertext === null,
  };
}
