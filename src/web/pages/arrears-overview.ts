import type { Services } from "../../modules/index.ts";
import { principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import type { Kit } from "../kit.ts";
import { type TableOptions, table } from "../table.ts";
import { arrearsPage, dateText, euro, tabs } from "./arrears-common.ts";

/** A table whose empty state keeps its caption as a heading (the dashboard's blocks). */
function headedTable<T>(o: TableOptions<T>): SafeHtml {
  const heading = o.rows.length === 0 && o.empty !== undefined ? html`<h2>${o.caption}</h2>` : "";
  return html`${heading}${table(o)}`;
}

export function registerArrearsDashboardPage(app: App, services: Services, kit: Kit) {
  const arrears = services.arrears;

  arrearsPage(app, kit, "/overzicht", async (ctx, request) => {
    const { m, lang } = ctx;
    const a = m.arrears;
    const d = a.dashboard;
    const x = await arrears.dashboard(principalOf(request));
    const countTable = (caption: string, rows: [string, number][], empty?: string) =>
      headedTable({
        caption,
        empty,
        head: [d.bucket, d.count],
        rows,
        row: ([k, n]) => html`<tr><th scope="row">${k}</th><td>${n}</td></tr>`,
      });
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
${headedTable({
  caption: d.trend,
  empty: d.trendEmpty,
  head: [a.asOf, d.inArrears, d.totalArrears],
  rows: x.trend,
  row: (t) =>
    html`<tr><th scope="row">${dateText(lang, t.asOf)}</th><td>${t.inArrears}</td><td>${euro(t.arrearsCents, lang)}</td></tr>`,
})}
${headedTable({
  caption: d.signals,
  empty: d.signalsEmpty,
  head: [a.deliveries.month, a.deliveries.signals, d.repeated],
  rows: x.signals,
  row: (s) =>
    html`<tr><th scope="row">${s.month}</th><td>${s.signals}</td><td>${s.repeated}</td></tr>`,
})}
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
