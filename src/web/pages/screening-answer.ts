/**
 * A screening's answer on a page: hit or no hit, a possible hit that the primary source is
 * still checking (issue 24 part 4), and per result only the fields the profile grants this
 * role. Used right after a screening (screening.ts) and when its answer is read again
 * (screening-confirmations.ts, /toetsen/{id}).
 */
import type { ScreeningAnswer } from "../../modules/screenings/schemas.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { formatEuro } from "../../platform/money.ts";
import { addDays } from "../../platform/werkdagen.ts";
import { dateHtml, formatDate } from "../format.ts";
import type { PageContext } from "../kit.ts";

export function screeningAnswerHtml(ctx: PageContext, answer: ScreeningAnswer): SafeHtml {
  const { m } = ctx;
  const s = m.screening;
  const c = m.screeningConfirmation;
  const results = answer.results.map(
    (r) => html`<li class="result"><dl class="facts">
${r.appliesToCaller !== undefined ? html`<dt>${s.appliesToCaller}</dt><dd>${r.appliesToCaller ? s.applies : s.appliesNot}</dd>` : ""}
${r.since ? html`<dt>${s.since}</dt><dd>${dateHtml(m.lang, r.since)}</dd>` : ""}
${r.until ? html`<dt>${s.until}</dt><dd>${dateHtml(m.lang, addDays(r.until, -1))}</dd>` : ""}
${r.scope ? html`<dt>${s.scope}</dt><dd>${m.scopes[r.scope] ?? r.scope}</dd>` : ""}
${r.primarySource ? html`<dt>${s.primarySource}</dt><dd>${r.primarySource.name}</dd>` : ""}
${r.categories ? html`<dt>${s.categories}</dt><dd>${r.categories.join(", ")}</dd>` : ""}
${r.criteria ? html`<dt>${s.criteria}</dt><dd>${r.criteria.join(", ")}</dd>` : ""}
${r.placementDate ? html`<dt>${s.placementDate}</dt><dd>${dateHtml(m.lang, r.placementDate)}</dd>` : ""}
${r.claimCents !== undefined && r.claimCents !== null ? html`<dt>${s.claim}</dt><dd>${formatEuro(r.claimCents, ctx.lang)}</dd>` : ""}
${r.objectionStatus ? html`<dt>${s.objectionStatus}</dt><dd>${r.objectionStatus.pending ? m.detail.objectionPending : r.objectionStatus.outcome ? m.detail.objectionOutcome(r.objectionStatus.outcome) : m.detail.objectionNone}</dd>` : ""}
</dl></li>`,
  );
  return html`<div class="outcome outcome--${answer.hit ? "hit" : "no-hit"}" role="status" aria-live="polite" tabindex="-1" autofocus>
<p class="outcome-text"><strong>${answer.hit ? s.hit : answer.pending ? c.pendingTitle : s.noHit}</strong></p>
</div>
${answer.hit ? html`<ul class="results">${results}</ul>` : ""}
${
  answer.pending
    ? html`<div class="notice notice--warning"><p><strong>${c.pendingTitle}</strong></p><p>${c.pending(answer.confirmationDue ? formatDate(m.lang, answer.confirmationDue) : "")}</p><p><a href="/toetsen/${answer.id}">${c.readAgain}</a></p></div>`
    : ""
}`;
}
