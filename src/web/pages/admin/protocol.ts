import type { Services } from "../../../modules/index.ts";
import type { App } from "../../../platform/context.ts";
import { html } from "../../../platform/html.ts";
import { describeProfile } from "../../../protocol/engine.ts";
import { getPage, type Kit } from "../../kit.ts";
import { table } from "../../table.ts";
import { categorySwitchTexts } from "./category-switches.ts";
import { ADMIN } from "./common.ts";

/** The protocol profile as readable rules, with their articles. */
export function registerProtocolPage(app: App, services: Services, kit: Kit) {
  getPage(app, kit, "/beheer/protocol", ADMIN, async (ctx) => {
    const { m } = ctx;
    const t = m.admin.protocol;
    const d = describeProfile(await services.organisations.profile());
    const src = (s: string) => html` <span class="rule">(${s})</span>`;
    return ctx.send(
      t.title,
      html`<h1>${t.title}</h1>
<p>${t.intro(d.title, d.version, d.seed)}</p>
${t.quotedDutch() ? html`<p class="notice notice--warning" lang="en">${t.quotedDutch()}</p>` : ""}
<p>${t.twoStep}: ${d.twoStepPlacement.value ? m.yes : m.no}${src(d.twoStepPlacement.source)}</p>
${d.categories.some((c) => c.regionOptIn) ? html`<p><a href="/beheer/categorieen">${categorySwitchTexts[ctx.lang].title}</a></p>` : ""}
<h2>${t.categories}</h2>
${d.categories.map(
  (c) => html`<section class="category" aria-labelledby="p-${c.code}" lang="nl">
<h3 id="p-${c.code}">${c.code} — ${c.title}</h3>
<p>${c.description}${src(c.source)}</p>
<dl class="facts">
<dt>${t.term}</dt><dd>${t.maxMonths(c.term.maxMonths)}${src(c.term.source)}${c.term.note ? html`<br><span class="hint">${c.term.note}</span>` : ""}
${c.term.brackets.length ? html`<ul>${c.term.brackets.map((b) => html`<li>${b.label}: ${b.termMonths}</li>`)}</ul>` : ""}</dd>
<dt>${t.scope}</dt><dd>${m.scopes[c.scope.value] ?? c.scope.value}${src(c.scope.source)}</dd>
<dt>${t.claim}</dt><dd>${c.claim.mode}${c.claim.minimumCents !== undefined ? ` ≥ € ${(c.claim.minimumCents / 100).toFixed(2)}` : ""}${src(c.claim.source)}</dd>
<dt>${t.placement}</dt><dd>${c.placement.moment}${src(c.placement.source)}</dd>
<dt>${t.criteria}</dt><dd>${c.criteria.length ? html`<ul>${c.criteria.map((k) => html`<li><strong>${k.code}</strong> ${k.text}${src(k.source)}</li>`)}</ul>` : t.none}</dd>
<dt>${t.removal}</dt><dd>${c.removal.length ? html`<ul>${c.removal.map((r) => html`<li>${r.text}${src(r.source)}</li>`)}</ul>` : t.none}</dd>
</dl></section>`,
)}
<h2>${t.generalRemoval}</h2>
${d.generalRemoval.length ? html`<ul lang="nl">${d.generalRemoval.map((r) => html`<li>${r.text}${src(r.source)}</li>`)}</ul>` : html`<p>${t.none}</p>`}
<h2>${t.disclosure}</h2>
${table({ caption: t.disclosure, captionHidden: true, head: [t.audience, t.role, t.fields, t.confirmedMatch, t.source], rows: d.disclosure, row: (x) => html`<tr><td>${x.audience}</td><td>${m.roles[x.role] ?? x.role}</td><td>${x.fields.join(", ") || m.none}</td><td>${x.requiresConfirmedMatch ? m.yes : m.no}</td><td>${x.source}</td></tr>` })}
<h2>${t.deadlines}</h2>
${table({ caption: t.deadlines, captionHidden: true, head: [t.what, t.deadline, t.source], rows: d.deadlines, row: (x) => html`<tr><td lang="nl">${x.text}</td><td lang="nl">${x.termText}</td><td>${x.source}</td></tr>` })}`,
    );
  });
}
