import type { Services } from "../../modules/index.ts";
import { principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { html } from "../../platform/html.ts";
import { pagination, selectField, textField } from "../forms.ts";
import type { Kit } from "../kit.ts";
import { filterParam } from "../params.ts";
import { table } from "../table.ts";
import {
  arrearsPage,
  BASE,
  dateText,
  euro,
  fileHref,
  municipalityText,
  PAGE_SIZE,
  pageNoOf,
  tabs,
} from "./arrears-common.ts";

const TENANCY_FILTERS = ["in_arrears", "hold", "arrangement"] as const;

export function registerArrearsTenanciesPage(app: App, services: Services, kit: Kit) {
  const arrears = services.arrears;

  arrearsPage(app, kit, "/huurders", async (ctx, request) => {
    const { m } = ctx;
    const a = m.arrears;
    const t = a.tenancies;
    const q = request.query as Record<string, string | undefined>;
    const searchFilter = filterParam(q, "zoek", /^[A-Za-z0-9._-]{1,40}$/);
    const search = searchFilter.value;
    const filter = TENANCY_FILTERS.find((f) => f === q.toon);
    const pageNo = pageNoOf(request);
    const result = await arrears.listTenancies(principalOf(request), {
      search,
      filter,
      page: pageNo,
      pageSize: PAGE_SIZE,
    });
    const filtered = Boolean(search || filter);
    return ctx.send(
      t.title,
      html`<h1>${t.title}</h1>
${tabs(m, "tenancies")}
<p>${t.intro}</p>
<form method="get" action="${BASE}/huurders" class="filter" role="search" aria-label="${t.search}">
${textField({ name: "zoek", label: t.search, hint: t.searchHint, value: searchFilter.typed, error: searchFilter.invalid ? m.fieldErrors.invalid : undefined, required: false, width: "medium", m })}
${selectField({ name: "toon", label: t.filter, value: filter ?? "", options: [{ value: "", label: t.filters.all! }, ...TENANCY_FILTERS.map((f) => ({ value: f, label: t.filters[f]! }))] })}
<button type="submit" class="button button--secondary">${t.apply}</button>
</form>
${table({
  empty: filtered ? t.emptyFiltered : t.empty,
  caption: t.caption(result.total),
  head: [a.tenancyRef, a.municipality, a.arrears, a.daysLate, t.hold, t.arrangement, a.asOf],
  rows: result.items,
  row: (
    x,
  ) => html`<tr><td><a href="${fileHref(x.tenancyRef)}">${x.tenancyRef}</a></td><td>${municipalityText(x.municipalityCode)}</td>
<td>${euro(x.arrearsCents, ctx.lang)}</td><td>${x.arrearsCents > 0 ? a.daysLateValue(x.daysLate) : m.none}</td>
<td>${x.onHold ? a.onHold : m.none}</td><td>${x.arrangement ? a.arrangementStatuses[x.arrangement] : m.none}</td><td>${dateText(ctx.lang, x.asOf)}</td></tr>`,
})}
${pagination(m, `${BASE}/huurders`, { zoek: search, toon: filter }, pageNo, PAGE_SIZE, result.total)}`,
    );
  });
}
