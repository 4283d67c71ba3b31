import type { Services } from "../../modules/index.ts";
import { principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { html } from "../../platform/html.ts";
import type { Kit } from "../kit.ts";
import { ARREARS_OFFICER, BASE, dateText, euro, tabs } from "./arrears-common.ts";

export function registerArrearsDashboardPage(app: App, services: Services, kit: Kit) {
  const arrears = services.arrears;

  app.get(`${BASE}/overzicht`, { config: { access: ARREARS_OFFICER } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const { m, lang } = ctx;
    const a = m.arrears;
    const d = a.dashboard;
    const x = await arrears.dashboard(principalOf(request));
    const countTable = (caption: string, rows: [string, number][], empty?: string) =>
      rows.length === 0 && empty
        ? html`<h2>${caption}</h2><p class="empty">${empty}</p>`
        : html`<table class="table"><caption>${caption}</caption>
<thead><tr><th scope="col">${d.bucket}</th><th scope="col">${d.count}</th></tr></thead>
<tbody>${rows.map(([k, n]) => html`<tr><th scope="row">${k}</th><td>${n}</td></tr>`)}</tbody></table>`;
    return ctx.send(
      d.title,
      html`<h1>${d.title}</h1>
${tabs(m, "dashboard")}
<p>${d.intro}</p>
<ul class="counts" aria-label="${d.title}">
<li><span class="count-number">${x.inArrears.tenancies}</span> ${d.inArrears}</li>
<li><span class="count-number">${euro(x.inArrears.totalCents, lang)}</span> ${d.totalArrears}</li>
<li><span class="count-number">${x.holdsActive.schuldenrust}</span> ${a.holdKinds.schuldenrust}</li>
<li><span class="count-number">${x.holdsActive.pause}</span> ${a.holdKinds.pause}</li>
</ul>
<div class="columns">
<div>${countTable(d.byDaysLate, Object.entries(x.inArrears.byDaysLate))}</div>
<div>${countTable(d.byAmount, Object.entries(x.inArrears.byAmountEuros))}</div>
<div>${countTable(
        d.arrangements,
        Object.entries(x.arrangements).map(([k, n]) => [a.arrangementStatuses[k] ?? k, n]),
      )}</div>
</div>
${
  x.trend.length === 0
    ? html`<h2>${d.trend}</h2><p class="empty">${d.trendEmpty}</p>`
    : html`<table class="table"><caption>${d.trend}</caption>
<thead><tr><th scope="col">${a.asOf}</th><th scope="col">${d.inArrears}</th><th scope="col">${d.totalArrears}</th></tr></thead>
<tbody>${x.trend.map((t) => html`<tr><th scope="row">${dateText(lang, t.asOf)}</th><td>${t.inArrears}</td><td>${euro(t.arrearsCents, lang)}</td></tr>`)}</tbody></table>`
}
${
  x.signals.length === 0
    ? html`<h2>${d.signals}</h2><p class="empty">${d.signalsEmpty}</p>`
    : html`<table class="table"><caption>${d.signals}</caption>
<thead><tr><th scope="col">${a.deliveries.month}</th><th scope="col">${a.deliveries.signals}</th><th scope="col">${d.repeated}</th></tr></thead>
<tbody>${x.signals.map((s) => html`<tr><th scope="row">${s.month}</th><td>${s.signals}</td><td>${s.repeated}</td></tr>`)}</tbody></table>`
}
<div class="columns">
<div>${countTable(
        d.outcomes,
        Object.entries(x.outcomes).map(([k, n]) => [a.outcomes[k] ?? k, n]),
        d.outcomesEmpty,
      )}</div>
<div>${countTable(
        d.measures,
        Object.entries(x.measures).map(([k, n]) => [a.measures[k] ?? k, n]),
        d.measuresEmpty,
      )}</div>
</div>
<p class="hint">${a.never}</p>`,
    );
  });
}
