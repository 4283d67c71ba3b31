import type { FastifyRequest } from "fastify";
import { CASE_STATUSES } from "../../../modules/cases/schemas.ts";
import { COMMITTEE_CASES } from "../../../modules/cases/service.ts";
import type { Services } from "../../../modules/index.ts";
import { principalOf } from "../../../platform/auth/access.ts";
import type { Clock } from "../../../platform/clock.ts";
import type { App } from "../../../platform/context.ts";
import { html } from "../../../platform/html.ts";
import { CASE_KINDS } from "../../../protocol/case-kinds.ts";
import { choiceField, pagination, selectField } from "../../forms.ts";
import { getPage, type Kit, type PageContext } from "../../kit.ts";
import { pageParam } from "../../params.ts";
import { byUrgency, CASE_OFFICERS, COMMITTEE, caseTable, PAGE_SIZE, typeLabel } from "./common.ts";

/** The lists of cases: the officers' (/zaken) and the disputes committee's (/commissie). */
export function registerCaseListPages(app: App, services: Services, kit: Kit, clock: Clock) {
  async function listPage(
    ctx: PageContext,
    request: FastifyRequest,
    path: "/zaken" | "/commissie",
  ) {
    const { m } = ctx;
    const c = m.cases;
    const q = request.query as Record<string, string | undefined>;
    const type = CASE_KINDS.find((t) => t === q.type);
    const status = CASE_STATUSES.find((s) => s === q.status);
    const overdue = q.overdue === "true" ? ("true" as const) : undefined;
    const pageNo = pageParam(q);
    const result = await services.cases.listCases(principalOf(request), {
      type,
      status,
      overdue,
      page: pageNo,
      pageSize: PAGE_SIZE,
    });
    const items = [...result.items].sort(byUrgency(clock.today()));
    const filtered = Boolean(type || status || overdue);
    const committee = path === "/commissie";
    const title = committee ? m.committeePages.title : c.title;
    const types = committee ? COMMITTEE_CASES : CASE_KINDS;
    return ctx.send(
      title,
      html`<h1>${title}</h1>
<p>${committee ? m.committeePages.intro : c.intro} <a href="/zaken/nieuw">${committee ? m.committeePages.newOne : c.newOne}</a></p>
<form method="get" action="${path}" class="filter" role="search" aria-label="${c.filter}">
${selectField({ m, name: "type", label: c.type, value: type ?? "", options: [{ value: "", label: c.anyType }, ...types.map((t) => ({ value: t, label: typeLabel(m, t) }))] })}
${selectField({ m, name: "status", label: c.status, value: status ?? "", options: [{ value: "", label: c.anyStatus }, ...CASE_STATUSES.map((s) => ({ value: s, label: m.caseStatuses[s] ?? s }))] })}
${choiceField({ m, name: "overdue", legend: c.overdue, legendClass: "visually-hidden", type: "checkbox", options: [{ value: "true", label: c.overdueOnly }], checked: overdue ? ["true"] : [] })}
<button type="submit" class="button button--secondary">${c.apply}</button>
</form>
${
  items.length === 0
    ? html`<p class="empty">${filtered ? c.emptyFiltered : committee ? m.committeePages.empty : c.empty}</p>`
    : caseTable(m, items, c.caption(result.total))
}
${pagination(m, path, { type, status, overdue }, pageNo, PAGE_SIZE, result.total)}`,
    );
  }

  getPage(app, kit, "/zaken", CASE_OFFICERS, (ctx, request) => listPage(ctx, request, "/zaken"));
  getPage(app, kit, "/commissie", COMMITTEE, (ctx, request) =>
    listPage(ctx, request, "/commissie"),
  );
}
