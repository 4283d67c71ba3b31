import type { CaseSummary } from "../../../modules/cases/schemas.ts";
import type { Services } from "../../../modules/index.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import type { Messages } from "../../i18n.ts";
import { byUrgency, caseTable } from "./common.ts";

/** The officer's running cases for the worklist: overdue first, then by deadline. */
export async function casesByDeadline(services: Services, principal: Principal, today: string) {
  const lists = await Promise.all(
    (["received", "acknowledged", "decided", "probation", "reflection"] as const).map((status) =>
      services.cases.listCases(principal, { status, page: 1, pageSize: 100 }),
    ),
  );
  const items = lists.flatMap((l) => l.items).sort(byUrgency(today));
  return { items, total: lists.reduce((n, l) => n + l.total, 0) };
}

/** The worklist's case section (worklist.ts adds it; overdue cases lead). */
export function worklistCasesSection(
  m: Messages,
  cases: { items: CaseSummary[]; total: number },
  shown: number,
): SafeHtml {
  const items = cases.items.slice(0, shown);
  return html`<section aria-labelledby="cases">
<h2 id="cases">${m.cases.worklistTitle} <span class="count">(${cases.total})</span></h2>
${items.length === 0 ? html`<p class="empty">${m.cases.worklistEmpty}</p>` : caseTable(m, items, html`<span class="visually-hidden">${m.cases.worklistTitle}</span>`)}
${cases.total > items.length ? html`<p><a href="/zaken">${m.worklist.more(cases.total - items.length)}</a></p>` : ""}
</section>`;
}

/** The registration page's case section: its cases and a way to register a new one. */
export function registrationCasesSection(
  m: Messages,
  registrationId: string,
  items: CaseSummary[],
): SafeHtml {
  return html`<section aria-labelledby="h-cases"><h2 id="h-cases">${m.cases.registrationCases}</h2>
${items.length === 0 ? html`<p class="empty">${m.cases.registrationCasesEmpty}</p>` : caseTable(m, items, html`<span class="visually-hidden">${m.cases.registrationCases}</span>`)}
<p><a href="/zaken/nieuw?registratie=${registrationId}">${m.cases.newForRegistration}</a></p>
</section>`;
}
