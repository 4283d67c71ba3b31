import type { CaseSummary } from "../../../modules/cases/schemas.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import type { Messages } from "../../i18n.ts";
import { caseTable } from "./common.ts";

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
