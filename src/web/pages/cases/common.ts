import type { FastifyRequest } from "fastify";
import type { CaseSummary } from "../../../modules/cases/schemas.ts";
import type { AppError } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { dateHtml } from "../../format.ts";
import { ruleRefusal } from "../../forms.ts";
import type { Messages } from "../../i18n.ts";
import { idParam } from "../../params.ts";
import { hiddenHeader, table } from "../../table.ts";

/** Officers of the primary source, the disputes committee, and the consortium (as the API). */
export const HANDLERS = {
  roles: ["officer", "committee", "consortium_admin"],
  scope: "own",
} as const;
export const CASE_OFFICERS = { roles: ["officer", "consortium_admin"], scope: "own" } as const;
export const COMMITTEE = { roles: ["committee"], scope: "own" } as const;
export const PAGE_SIZE = 25;
export const FINISHED = ["executed", "closed", "inadmissible", "withdrawn", "effective"];

export type Values = Record<string, string>;

export function idOf(request: FastifyRequest): string {
  return idParam(request, "case");
}

/** The text of a refused step: our own words for the rule, its article when the rule has one. */
export function ruleText(m: Messages, err: AppError): SafeHtml {
  return ruleRefusal(m, err, m.caseRules);
}

export function typeLabel(m: Messages, t: string) {
  return m.caseTypes[t] ?? t;
}

/** The deadlines of a summary, as "name date" (met or not is on the case page). */
export function deadlineList(m: Messages, c: CaseSummary): SafeHtml {
  const entries = Object.entries(c.deadlines).sort(([, a], [, b]) => a.localeCompare(b));
  if (entries.length === 0) return html`${m.none}`;
  return html`${entries.map(
    ([name, date], i) =>
      html`${i > 0 ? "; " : ""}${m.deadlineNames[name] ?? name}: ${dateHtml(m.lang, date)}`,
  )}`;
}

export function caseTable(m: Messages, items: CaseSummary[], caption: SafeHtml | string): SafeHtml {
  const c = m.cases;
  return table({
    caption: caption,
    head: [c.reference, c.type, c.received, c.status, m.caseDetail.deadlines, hiddenHeader(c.open)],
    rows: items,
    row: (
      x,
    ) => html`<tr${x.overdue ? html` class="overdue"` : ""}><td>${x.reference}${x.overdue ? html` <strong class="badge badge--overdue">${c.overdue}</strong>` : ""}</td><td>${typeLabel(m, x.type)}</td><td>${dateHtml(m.lang, x.receivedDate)}</td>
<td>${m.caseStatuses[x.status] ?? x.status}${x.outcome ? html`, ${m.caseOutcomes[x.outcome] ?? x.outcome}` : ""}</td><td>${deadlineList(m, x)}</td>
<td><a href="/zaken/${x.id}">${c.open}<span class="visually-hidden"> ${x.reference}</span></a></td></tr>`,
  });
}

/** Overdue first, then the earliest deadline still to come, then the oldest received. */
export function byUrgency(today: string) {
  const next = (c: CaseSummary) =>
    Object.values(c.deadlines)
      .filter((d) => compareDates(d, today) >= 0)
      .sort()[0] ?? "9999-12-31";
  return (a: CaseSummary, b: CaseSummary) =>
    Number(b.overdue) - Number(a.overdue) ||
    next(a).localeCompare(next(b)) ||
    a.receivedDate.localeCompare(b.receivedDate);
}
