/**
 * Deliveries to municipalities (issue #11): one a month per municipality with a signed
 * agreement, each downloadable as CSV or JSON (every read is audited by the service).
 */
import type { FastifyRequest } from "fastify";
import { REPORTING_POINTS } from "../../modules/arrears/signal-format.ts";
import type { Services } from "../../modules/index.ts";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { html } from "../../platform/html.ts";
import { sendDownload } from "../../platform/http/download.ts";
import { pagination, textField } from "../forms.ts";
import type { Kit } from "../kit.ts";
import { filterParam, idParam } from "../params.ts";
import { table } from "../table.ts";
import {
  ARREARS_OFFICER,
  arrearsPage,
  BASE,
  dateText,
  municipalityText,
  PAGE_SIZE,
  pageNoOf,
  tabs,
} from "./arrears-common.ts";

export function registerArrearsDeliveryPages(app: App, services: Services, kit: Kit) {
  const arrears = services.arrears;

  arrearsPage(app, kit, "/leveringen", async (ctx, request) => {
    const { m } = ctx;
    const a = m.arrears;
    const d = a.deliveries;
    const q = request.query as Record<string, string | undefined>;
    const monthFilter = filterParam(q, "maand", /^\d{4}-(0[1-9]|1[0-2])$/);
    const month = monthFilter.value;
    const { items } = await arrears.listDeliveries(principalOf(request), { month });
    const sorted = [...items].sort(
      (x, y) =>
        y.month.localeCompare(x.month) || x.municipalityCode.localeCompare(y.municipalityCode),
    );
    const pageNo = pageNoOf(request);
    const shown = sorted.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE);
    return ctx.send(
      d.title,
      html`<h1>${d.title}</h1>
${tabs(m, "deliveries")}
<p>${d.intro}</p>
<form method="get" action="${BASE}/leveringen" class="filter" aria-label="${d.month}">
${textField({ name: "maand", label: d.month, hint: d.monthHint, value: monthFilter.typed, error: monthFilter.invalid ? d.monthInvalid : undefined, required: false, width: "short", m })}
<button type="submit" class="button button--secondary">${d.apply}</button>
</form>
${table({
  empty: month ? d.emptyMonth : d.empty,
  caption: d.caption(sorted.length),
  head: [d.month, a.municipality, a.agreements.reportingPoint, d.signals, d.deliverBy, d.download],
  rows: shown,
  row: (
    x,
  ) => html`<tr><td>${x.month}</td><td>${municipalityText(x.municipalityCode)}</td><td>${a.reportingPoints[x.reportingPoint] ?? x.reportingPoint}</td>
<td>${x.signals.length}${x.signals.some((s) => s.repeated) ? html` (${d.repeated} ${x.signals.filter((s) => s.repeated).length})` : ""}</td>
<td>${dateText(ctx.lang, x.deliverBy)}</td>
<td><a href="${BASE}/leveringen/${x.id}/csv" download>${d.csv}<span class="visually-hidden"> ${municipalityText(x.municipalityCode)} ${x.month}</span></a> · <a href="${BASE}/leveringen/${x.id}/json" download>${d.json}<span class="visually-hidden"> ${municipalityText(x.municipalityCode)} ${x.month}</span></a></td></tr>`,
})}
${pagination(m, `${BASE}/leveringen`, { maand: month }, pageNo, PAGE_SIZE, sorted.length)}`,
      monthFilter.invalid ? 422 : 200,
    );
  });

  const deliveryIdOf = (request: FastifyRequest) => idParam(request, "delivery");

  // The files hold personal data: the service audits every read (arrears.delivery_read).
  const deliveryFile = (
    format: "csv" | "json",
    read: (
      caller: ReturnType<typeof callerOf>,
      id: string,
    ) => Promise<{ type: string; fileName: string; content: string }>,
  ) =>
    app.get(
      `${BASE}/leveringen/:id/${format}`,
      { config: { access: ARREARS_OFFICER } },
      async (request, reply) => {
        const file = await read(callerOf(request), deliveryIdOf(request));
        return sendDownload(reply, file.type, file.fileName, file.content);
      },
    );

  deliveryFile("csv", async (caller, id) => {
    const { fileName, csv } = await arrears.getDeliveryCsv(...caller, id);
    return { type: "text/csv; charset=utf-8", fileName, content: csv };
  });

  deliveryFile("json", async (caller, id) => {
    const { document, delivery } = await arrears.getDeliveryDocument(...caller, id);
    const fileName = REPORTING_POINTS[delivery.reportingPoint]
      .fileName(delivery.municipalityCode, delivery.month)
      .replace(/\.csv$/, ".json");
    const content = JSON.stringify(document, null, 2);
    return { type: "application/json; charset=utf-8", fileName, content };
  });
}
