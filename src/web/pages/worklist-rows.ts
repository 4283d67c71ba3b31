/**
 * The rows of the officer's one worklist (issue 21 part 7; usability review defect 7): one
 * builder per source — cases with a deadline, letter duties (correction letters and art. 19
 * notices among them), match decisions, drafts awaiting confirmation, arrears tasks, and
 * registrations ending soon. Every row says by when, what, about whom (the person's name, or the
 * registration, case or tenancy when no name is known) and links to the thing to act on.
 */
import type { CaseWorkItem } from "../../modules/cases/read-models/case-worklist.ts";
import type { DutySubject } from "../../modules/letters/read-models/duty-subjects.ts";
import { RECIPIENT_NOTICE } from "../../modules/letters/service.ts";
import type { DutyView } from "../../modules/letters/views.ts";
import type { PersonName } from "../../modules/registrations/read-models/person-names.ts";
import { displayName } from "../../modules/registrations/read-models/person-names.ts";
import type { RegistrationSummary } from "../../modules/registrations/schemas.ts";
import type { MatchItem } from "../../modules/seekers/schemas.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { compareDates } from "../../platform/werkdagen.ts";
import { lastEndDate } from "../../protocol/parts.ts";
import { formatDate } from "../format.ts";
import type { Messages } from "../i18n.ts";
import { fileHref } from "./arrears-common.ts";
import { noticeLink } from "./letters-notice.ts";

export const ROW_KINDS = ["case", "duty", "draft", "match", "check", "arrears", "ending"] as const;
export type RowKind = (typeof ROW_KINDS)[number];

export interface WorkRow {
  kind: RowKind;
  /** By when; null: no deadline of its own (after the dated rows). */
  due: string | null;
  overdue: boolean;
  what: SafeHtml | string;
  who: SafeHtml | string;
  action: SafeHtml;
}

/** Overdue first, then the earliest due date, undated rows last, then by kind. */
export function byUrgency(a: WorkRow, b: WorkRow): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    (a.due && b.due ? compareDates(a.due, b.due) : a.due ? -1 : b.due ? 1 : 0) ||
    ROW_KINDS.indexOf(a.kind) - ROW_KINDS.indexOf(b.kind)
  );
}

/** Names per registration id (registrations.namesOf: decrypted for the officer, audited). */
type Names = Map<string, PersonName>;

const short = (id: string) => id.slice(0, 8).toUpperCase();

/** The person a registration is about, or the registration when no name is known. */
function whoOf(m: Messages, names: Names, registrationId: string | null): string {
  if (!registrationId) return m.desk.noPerson;
  const n = names.get(registrationId);
  return n
    ? `${n.name} (${formatDate(m.lang, n.birthDate)})`
    : m.desk.registrationOf(short(registrationId));
}

function link(href: string, label: string, about: string): SafeHtml {
  return html`<a href="${href}">${label}<span class="visually-hidden"> — ${about}</span></a>`;
}

export function caseRows(m: Messages, names: Names, items: readonly CaseWorkItem[]): WorkRow[] {
  const d = m.desk;
  return items.map((c) => {
    const who = c.registrationId
      ? whoOf(m, names, c.registrationId)
      : d.unlinkedRequest(c.reference);
    return {
      kind: "case",
      due: c.deadline.dueDate,
      overdue: c.overdue,
      what: `${m.caseTypes[c.type] ?? c.type} ${c.reference}: ${m.deadlineNames[c.deadline.name] ?? c.deadline.name}`,
      who,
      action: link(`/zaken/${c.id}`, d.openCase, `${c.reference}, ${who}`),
    };
  });
}

export function dutyRows(
  m: Messages,
  names: Names,
  subjects: Map<string, DutySubject>,
  items: readonly DutyView[],
): WorkRow[] {
  const d = m.desk;
  return items.map((x) => {
    const sealed = subjects.get(x.id);
    const who = sealed
      ? `${displayName(sealed)}${sealed.birthDate ? ` (${formatDate(m.lang, sealed.birthDate)})` : ""}`
      : whoOf(m, names, x.registrationId);
    const what = m.dutyKinds[x.kind] ?? x.kind;
    const action =
      x.kind === RECIPIENT_NOTICE
        ? noticeLink(m, x)
        : x.caseId
          ? link(`/zaken/${x.caseId}`, d.openCase, `${what}, ${who}`)
          : x.registrationId
            ? link(`/registraties/${x.registrationId}`, d.openDuty, `${what}, ${who}`)
            : link("/brieven/plichten", d.openDuty, `${what}, ${who}`);
    return { kind: "duty", due: x.dueDate, overdue: x.overdue, what, who, action };
  });
}

export function matchRows(m: Messages, names: Names, items: readonly MatchItem[]): WorkRow[] {
  const d = m.desk;
  return items.map((x) => {
    const who = whoOf(m, names, x.registrationId);
    return {
      kind: "match",
      due: null,
      overdue: false,
      what: d.matchWith(d.seeker(x.seekerNumber)),
      who,
      action: link(`/matches/${x.id}`, d.judgeMatch, who),
    };
  });
}

/**
 * The primary source's identity checks (issue 24 part 4; D-1010, D-1040): a possible hit of
 * another participant's screening and an access request elsewhere that resembles one of its
 * registrations. Each waits for this officer's judgement by its due date (one working day).
 */
export function checkRows(
  m: Messages,
  names: Names,
  today: string,
  screenings: readonly { id: string; registrationId: string; dueDate: string | null }[],
  accesses: readonly { caseId: string; registrationId: string; due: string }[],
): WorkRow[] {
  const d = m.desk;
  const row = (registrationId: string, due: string | null, what: string, href: string) => {
    const who = whoOf(m, names, registrationId);
    return {
      kind: "check" as const,
      due,
      overdue: due !== null && compareDates(due, today) < 0,
      what,
      who,
      action: link(href, d.judgeCheck, `${what}, ${who}`),
    };
  };
  return [
    ...screenings.map((x) =>
      row(x.registrationId, x.dueDate, d.screeningCheck, `/mogelijke-treffers/${x.id}`),
    ),
    ...accesses.map((x) => row(x.registrationId, x.due, d.accessCheck, "/inzagecontroles")),
  ];
}

export function draftRows(
  m: Messages,
  names: Names,
  items: readonly RegistrationSummary[],
  confirm: (r: RegistrationSummary) => SafeHtml,
): WorkRow[] {
  const d = m.desk;
  return items.map((r) => {
    const who = whoOf(m, names, r.id);
    return {
      kind: "draft",
      due: null,
      overdue: false,
      // A lengthening waiting for its confirmation says so, with its new end (D-845, D-961).
      what: `${d.kinds.draft}: ${r.categories.join(", ")} (${m.worklist.waitsFor.toLowerCase()} ${m.worklist.awaiting[r.awaiting ?? "confirmation"] ?? ""}${r.pendingChange ? ` (${m.worklist.lengthening(formatDate(m.lang, r.pendingChange.endDate))})` : ""})`,
      who,
      action: html`${link(`/registraties/${r.id}`, d.openRegistration, who)}${r.awaiting === "second_officer" ? "" : confirm(r)}`,
    };
  });
}

export function endingRows(
  m: Messages,
  names: Names,
  items: readonly RegistrationSummary[],
): WorkRow[] {
  const d = m.desk;
  return items.map((r) => {
    const who = whoOf(m, names, r.id);
    return {
      kind: "ending",
      due: lastEndDate(r.parts),
      overdue: false,
      what: `${d.endingOn}: ${r.categories.join(", ")}`,
      who,
      action: link(`/registraties/${r.id}`, d.decideEnding, who),
    };
  });
}

/** An arrears task names the tenancy (vroegsignalering never feeds the register, design.md §2.8). */
export function arrearsRows<T extends { task: string; tenancyRef: string }>(
  m: Messages,
  items: readonly T[],
  overdue: (i: T) => boolean,
): WorkRow[] {
  const d = m.desk;
  return items.map((i) => ({
    kind: "arrears",
    due: null,
    overdue: overdue(i),
    what: `${d.kinds.arrears}: ${m.arrears.tasks[i.task] ?? i.task}`,
    who: d.tenancy(i.tenancyRef),
    action: link(fileHref(i.tenancyRef), d.openFile, d.tenancy(i.tenancyRef)),
  }));
}
