import type { Services } from "../../modules/index.ts";
import { type Principal, principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { html } from "../../platform/html.ts";
import { pagination } from "../forms.ts";
import type { Lang, Messages } from "../i18n.ts";
import type { Kit } from "../kit.ts";
import { table } from "../table.ts";
import {
  type ArrearsAnswer,
  arrearsPage,
  BASE,
  dateText,
  fileHref,
  municipalityText,
  pageNoOf,
  tabs,
} from "./arrears-common.ts";

type WorklistItem = ArrearsAnswer<"worklist">["items"][number];

/** Worklist kinds, most pressing first (after the overdue items, which lead). */
export const TASK_ORDER = [
  "hold_ended_early",
  "arrangement_broken",
  "preconditions_missing",
  "tenant_refused",
  "agreement_needed",
  "feedback_received",
  "signal_due",
  "collection_hold",
  "collection_paused",
] as const;
/** A missing precondition is overdue once a monthly signal past the threshold was missed (D-303). */
const MONTHLY_CYCLE_DAYS = 30;
const WORKLIST_PAGE_SIZE = 50;

function taskDetails(m: Messages, lang: Lang, item: WorklistItem): string {
  const a = m.arrears;
  const t = a.taskDetails;
  const d = item.details as Record<string, unknown>;
  const days = typeof d.daysLate === "number" ? t.daysLate(d.daysLate) : "";
  switch (item.task) {
    case "preconditions_missing":
      return `${t.missing(((d.missing as string[]) ?? []).map((x) => a.preconditions[x] ?? x).join("; "))} ${days}`;
    case "signal_due":
      return `${days}${d.repeated ? ` ${t.repeated}` : ""}`;
    case "tenant_refused":
      return `${t.refused} ${days}`;
    case "agreement_needed":
      return d.agreementStatus
        ? t.agreement(a.agreementStatuses[String(d.agreementStatus)] ?? String(d.agreementStatus))
        : t.noAgreement;
    case "collection_hold":
      return t.until(dateText(lang, String(d.until)));
    case "collection_paused":
      return `${t.until(dateText(lang, String(d.until)))} ${a.pauseReasons[String(d.reason)] ?? ""}`;
    case "hold_ended_early":
      return t.endedOn(dateText(lang, String(d.endedOn)));
    case "feedback_received":
      return t.outcome(
        a.outcomes[String(d.outcome)] ?? String(d.outcome),
        dateText(lang, String(d.date)),
      );
    case "arrangement_broken":
      return t.missed(Number(d.instalmentsMissed ?? 0));
    default:
      return t.unknown(item.task);
  }
}

/**
 * The arrears tasks, most pressing first: overdue ones (a missing precondition past the
 * municipality's threshold plus one monthly cycle, D-303) lead, then by kind and days late.
 * Shared by this page and the officer's one worklist (issue 21 part 7).
 */
export async function arrearsTasksByUrgency(services: Services, principal: Principal) {
  const arrears = services.arrears;
  const [{ items }, agreements] = await Promise.all([
    arrears.worklist(principal),
    arrears.listAgreements(principal),
  ]);
  const threshold = new Map(agreements.items.map((x) => [x.municipalityCode, x.minDaysLate]));
  const overdue = (i: WorklistItem) =>
    i.task === "preconditions_missing" &&
    Number((i.details as { daysLate?: number }).daysLate ?? 0) >=
      (threshold.get(i.municipalityCode) ?? 30) + MONTHLY_CYCLE_DAYS;
  const rank = (i: WorklistItem) => TASK_ORDER.indexOf(i.task as (typeof TASK_ORDER)[number]);
  const sorted = [...items].sort(
    (x, y) =>
      Number(overdue(y)) - Number(overdue(x)) ||
      rank(x) - rank(y) ||
      Number((y.details as { daysLate?: number }).daysLate ?? 0) -
        Number((x.details as { daysLate?: number }).daysLate ?? 0) ||
      x.tenancyRef.localeCompare(y.tenancyRef),
  );
  return { sorted, overdue };
}

export function registerArrearsWorklistPage(app: App, services: Services, kit: Kit) {
  arrearsPage(app, kit, "", async (ctx, request) => {
    const { m } = ctx;
    const a = m.arrears;
    const w = a.worklist;
    const principal = principalOf(request);
    const q = request.query as Record<string, string | undefined>;
    const kind = TASK_ORDER.find((k) => k === q.soort);
    const { sorted, overdue } = await arrearsTasksByUrgency(services, principal);
    const counts = new Map<string, { all: number; overdue: number }>();
    for (const i of sorted) {
      const c = counts.get(i.task) ?? { all: 0, overdue: 0 };
      c.all++;
      if (overdue(i)) c.overdue++;
      counts.set(i.task, c);
    }
    const shown = kind ? sorted.filter((i) => i.task === kind) : sorted;
    const pageNo = pageNoOf(request);
    const pageItems = shown.slice((pageNo - 1) * WORKLIST_PAGE_SIZE, pageNo * WORKLIST_PAGE_SIZE);
    const countList = html`<h2 class="visually-hidden">${w.counts}</h2>
<ul class="counts" aria-label="${w.counts}">
<li><a href="${BASE}"${kind ? "" : html` aria-current="true"`}><span class="count-number">${sorted.length}</span> ${w.all}</a></li>
${TASK_ORDER.filter((k) => counts.has(k)).map((k) => {
  const c = counts.get(k)!;
  return html`<li><a href="${BASE}?soort=${k}"${kind === k ? html` aria-current="true"` : ""}><span class="count-number">${c.all}</span> ${a.tasks[k]}</a>${c.overdue > 0 ? html` <strong class="badge badge--overdue">${c.overdue} ${a.overdue}</strong>` : ""}</li>`;
})}
</ul>`;
    const listing = table({
      empty: sorted.length === 0 ? w.empty : w.emptyKind,
      caption: w.caption(shown.length),
      head: [w.task, a.tenancyRef, a.municipality, w.details, a.source],
      rows: pageItems,
      row: (
        i,
      ) => html`<tr${overdue(i) ? html` class="overdue"` : ""}><td>${a.tasks[i.task] ?? i.task}${overdue(i) ? html` <strong class="badge badge--overdue">${a.overdue}</strong>` : ""}</td>
<td><a href="${fileHref(i.tenancyRef)}">${i.tenancyRef}</a></td><td>${municipalityText(i.municipalityCode)}</td>
<td>${taskDetails(m, ctx.lang, i)}</td><td><span class="source">${i.source}</span></td></tr>`,
    });
    return ctx.send(
      w.title,
      html`<h1>${w.title}</h1>
${tabs(m, "worklist")}
<p>${w.intro}</p>
<p class="hint">${w.overdueHint} ${a.never}</p>
${countList}
${listing}
${pagination(m, BASE, { soort: kind }, pageNo, WORKLIST_PAGE_SIZE, shown.length)}`,
    );
  });
}
