import type { FastifyRequest } from "fastify";
import type { Services } from "../../../modules/index.ts";
import { callerOf, principalOf } from "../../../platform/auth/access.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { lastEndDate } from "../../../protocol/parts.ts";
import { formatDate } from "../../format.ts";
import type { PageContext } from "../../kit.ts";
import { table } from "../../table.ts";
import { partRows } from "../registration-parts.ts";
import { accessCandidateMessages } from "./access-candidates-messages.ts";
import { routeMessages } from "./route-messages.ts";

/**
 * The person's route on the case page (issue 21 parts 3 and 5): who asked and in their own
 * words (the handling officer and the committee; each view audited by the service), the
 * registrations the request was matched to with the comparison and the "koppelen" / "niet
 * deze persoon" forms, and for an appeal the objection it follows with the registration.
 */
export async function requesterSection(
  ctx: PageContext,
  services: Services,
  request: FastifyRequest,
  id: string,
): Promise<SafeHtml> {
  const t = routeMessages[ctx.lang];
  const r = await services.cases.caseRequester(...callerOf(request), id);
  if (!r.person && !r.explanation) return html``;
  const p = (r.person ?? {}) as Record<string, string | undefined>;
  const a = r.address as Record<string, string | undefined> | null;
  const name = [p.initials, p.prefix, p.surname].filter(Boolean).join(" ");
  return html`<section aria-labelledby="h-requester"><h2 id="h-requester">${t.requesterTitle}</h2>
<p class="hint">${t.requesterIntro}</p>
<dl class="facts">
${name ? html`<dt>${t.name}</dt><dd>${name}</dd>` : ""}
${p.birthDate ? html`<dt>${t.birthDate}</dt><dd>${formatDate(ctx.lang, p.birthDate)}</dd>` : ""}
${a ? html`<dt>${t.address}</dt><dd>${a.street} ${a.houseNumber}${a.houseNumberAddition ? ` ${a.houseNumberAddition}` : ""}<br>${a.postcode} ${a.city}</dd>` : ""}
${p.email ? html`<dt>${t.email}</dt><dd>${p.email}</dd>` : ""}
${r.phone ? html`<dt>${t.phone}</dt><dd>${r.phone}</dd>` : ""}
<dt>${t.explanation}</dt><dd class="reasons">${r.explanation ?? t.noExplanation}</dd>
</dl></section>`;
}

/** The registrations matched on receipt that the caller may judge, with their forms. */
export async function candidatesSection(
  ctx: PageContext,
  services: Services,
  request: FastifyRequest,
  id: string,
  csrf: SafeHtml,
  open: boolean,
): Promise<SafeHtml> {
  const t = routeMessages[ctx.lang];
  const f = accessCandidateMessages[ctx.lang];
  const view = await services.cases.caseCandidates(...callerOf(request), id);
  if (view.candidates.length === 0) {
    return view.linkedRegistrationId
      ? html``
      : html`<section aria-labelledby="h-candidates"><h2 id="h-candidates">${t.candidatesTitle}</h2><p class="empty">${t.candidatesNone}</p></section>`;
  }
  const judge = (registrationId: string) =>
    html`<form method="post" action="/zaken/${id}/koppelen" class="inline-form">${csrf}<input type="hidden" name="registrationId" value="${registrationId}"><button type="submit" class="button button--primary">${t.link}</button></form>
<form method="post" action="/zaken/${id}/niet-deze-persoon" class="inline-form">${csrf}<input type="hidden" name="registrationId" value="${registrationId}"><button type="submit" class="button button--secondary">${t.reject}</button></form>`;
  return html`<section aria-labelledby="h-candidates"><h2 id="h-candidates">${t.candidatesTitle}</h2>
<p>${t.candidatesIntro}</p>
${view.candidates.map(
  (
    c,
    n,
  ) => html`<section aria-labelledby="h-cand-${n}"><h3 id="h-cand-${n}">${f.registeredBy(c.primarySource.name)} · ${t.decisions[c.decision] ?? c.decision}</h3>
${c.provisionalRestriction ? html`<p>${t.provisional}</p>` : ""}
${table({
  empty: "",
  caption: f.registeredBy(c.primarySource.name),
  captionHidden: true,
  head: [f.field, f.requester, f.registered, f.same],
  rows: c.comparison,
  row: (x) =>
    html`<tr${x.same ? "" : html` class="differs"`}><td>${f.fields[x.field] ?? x.field}</td><td>${x.requester ?? "—"}</td><td>${x.registered ?? "—"}</td><td>${x.same ? ctx.m.yes : html`<strong>${ctx.m.no}</strong>`}</td></tr>`,
})}
${open && c.decision === "pending" ? judge(c.registrationId) : ""}
</section>`,
)}</section>`;
}

/** For an appeal: the objection it follows and the registration (the committee's file). */
export async function appealFileSection(
  ctx: PageContext,
  services: Services,
  request: FastifyRequest,
  id: string,
): Promise<SafeHtml> {
  const t = routeMessages[ctx.lang];
  const { m } = ctx;
  const file = await services.cases.appealFile(...callerOf(request), id);
  if (!file) return html``;
  const reg = file.registration;
  const roles = principalOf(request).roles;
  return html`<section aria-labelledby="h-parent"><h2 id="h-parent">${t.parentTitle(file.parent.reference)}</h2>
<dl class="facts">
<dt>${t.explanation}</dt><dd class="reasons">${file.parent.explanation ?? t.noExplanation}</dd>
${file.parent.outcome ? html`<dt>${t.parentDecision}</dt><dd>${m.caseOutcomes[file.parent.outcome] ?? file.parent.outcome}${file.parent.decidedOn ? `, ${formatDate(m.lang, file.parent.decidedOn)}` : ""}</dd>` : ""}
${file.parent.reasons ? html`<dt>${t.parentReasons}</dt><dd class="reasons">${file.parent.reasons}</dd>` : ""}
</dl>
${roles.includes("committee") || roles.includes("officer") || roles.includes("consortium_admin") ? html`<p><a href="/zaken/${file.parent.id}">${t.parentOpen}</a></p>` : ""}
</section>
${
  reg
    ? html`<section aria-labelledby="h-reg"><h2 id="h-reg">${t.registrationTitle}</h2>
<dl class="facts">
<dt>${t.categories}</dt><dd>${reg.categories.join(", ")}</dd>
<dt>${t.period}</dt><dd>${t.periodText(formatDate(m.lang, reg.startDate), formatDate(m.lang, lastEndDate(reg.parts)))}</dd>
${reg.parts.length > 1 ? partRows(m, reg.parts) : reg.scope ? html`<dt>${t.scope}</dt><dd>${t.scopes[reg.scope] ?? reg.scope}</dd>` : ""}
<dt>${m.caseDetail.registration}</dt><dd>${reg.primarySource.name}</dd>
</dl></section>`
    : ""
}`;
}
