import { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import type { Services } from "../../modules/index.ts";
import { annualReportPdf, reportSections } from "../../modules/oversight/annual-report.ts";
import { AUDIT_OUTCOMES, type AuditQuery, auditQuery } from "../../modules/oversight/schemas.ts";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { Clock } from "../../platform/clock.ts";
import type { App } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { addDays, isIsoDate } from "../../platform/werkdagen.ts";
import { dateHtml, dateTimeHtml } from "../format.ts";
import {
  csrfField,
  errorSummary,
  type FieldErrors,
  pagination,
  selectField,
  textField,
} from "../forms.ts";
import { langOf, type Messages, messages } from "../i18n.ts";
import { getPage, type Kit, postPage } from "../kit.ts";
import { pageParam } from "../params.ts";
import { hiddenHeader, table } from "../table.ts";
import { groundsPath } from "./audit-registration.ts";

const AUDITOR = { roles: ["auditor"], scope: "any" } as const;
const OVERSIGHT = { roles: ["auditor", "consortium_admin"], scope: "any" } as const;
const PAGE_SIZE = 50;
const FILTERS = ["from", "to", "organisationId", "actorId", "action", "outcome"] as const;

/** The audit-log filters of a query string: ids, dates and codes only (D-203, D-223). */
function filtersOf(q: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of FILTERS) {
    const v = q[k]?.trim();
    if (v) out[k] = v;
  }
  return out;
}

/**
 * The two fields of an auditor's filter over a period, "from" and "to" (both inclusive), as
 * typed, each with its error.
 */
function periodFields(
  m: Messages,
  period: { from?: string; to?: string; hint: string; width: "short" | "medium" },
  errors: FieldErrors,
): SafeHtml {
  const { from, to, hint, width } = period;
  const t = m.admin.audit;
  return html`${textField({ m, name: "from", label: t.from, hint, value: from, error: errors.get("from"), width })}
${textField({ m, name: "to", label: t.to, hint, value: to, error: errors.get("to"), width })}`;
}

/**
 * A read of the audit log over a period: its answer, or undefined with `text` on the `to`
 * field when the service refuses the period (a 400).
 */
async function readInRange<T>(
  read: () => Promise<T>,
  errors: FieldErrors,
  text: string,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 400) throw error;
    errors.set("to", text);
    return undefined;
  }
}

/**
 * The auditor's pages (issue #10; docs/audit.md §7–9): the audit log with its filters,
 * pagination and CSV export, the chain verification, the access review, misuse signals and
 * the annual report (HTML and PDF). Each look goes through the oversight service, which logs it.
 */
export function registerAuditPages(app: App, services: Services, kit: Kit, clock: Clock) {
  getPage(app, kit, "/audit", AUDITOR, async (ctx, request) => {
    const { m } = ctx;
    const t = m.admin.audit;
    const q = request.query as Record<string, string | undefined>;
    const filters = filtersOf(q);
    const pageNo = pageParam(q, 1_000_000);
    const errors: FieldErrors = new Map();
    const parsed = auditQuery.safeParse({ ...filters, page: pageNo, pageSize: PAGE_SIZE });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const k = String(issue.path[0] ?? "");
        if (errors.has(k)) continue;
        errors.set(
          k,
          k === "from" || k === "to"
            ? m.fieldErrors.date
            : k === "action"
              ? t.actionHint
              : m.fieldErrors.invalid,
        );
      }
    }
    const principal = principalOf(request);
    const orgs = await services.organisations.listOrganisations(principal);
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const result = parsed.success
      ? await readInRange(
          () => services.oversight.listAuditEvents(...callerOf(request), parsed.data),
          errors,
          t.rangeError,
        )
      : undefined;
    const csvHref = `/audit/export.csv?${new URLSearchParams(filters).toString()}`;
    const listing = !result
      ? html``
      : result.items.length === 0
        ? html`<p class="empty">${t.empty}</p>`
        : html`${table({
            caption: t.caption(result.total),
            head: [t.seq, t.time, t.actor, t.organisation, t.action, t.object, t.outcome],
            rows: result.items,
            row: (
              e,
            ) => html`<tr><td>${e.seq}</td><td>${dateTimeHtml(m.lang, e.occurredAt, { seconds: true })}</td>
<td>${e.actor.type}${e.actor.role ? ` (${e.actor.role})` : ""}${e.actor.id ? html`<br><code>${e.actor.id.slice(0, 8)}</code>` : ""}</td>
<td>${e.actor.organisationId ? (orgName.get(e.actor.organisationId) ?? e.actor.organisationId.slice(0, 8)) : m.none}</td>
<td><code>${e.action}</code></td><td>${e.objectType ?? ""}${e.objectId ? html` <code>${e.objectId.slice(0, 8)}</code>` : ""}${e.objectType === "registration" && e.objectId ? html` <a href="${groundsPath(e.objectId)}">${m.admin.grounds.open}<span class="visually-hidden"> ${m.admin.grounds.title} ${e.objectId.slice(0, 8)}</span></a>` : ""}</td><td>${e.outcome}</td></tr>`,
          })}
${pagination(m, "/audit", filters, pageNo, PAGE_SIZE, result.total)}`;
    return ctx.send(
      t.title,
      html`<h1>${t.title}</h1>
<p>${t.intro}</p>
${errorSummary(m, errors)}
<form method="get" action="/audit" class="filter" role="search" aria-label="${t.filter}" novalidate>
${periodFields(m, { from: q.from, to: q.to, hint: t.dateHint, width: "medium" }, errors)}
${selectField({ m, name: "organisationId", label: t.organisation, value: filters.organisationId ?? "", error: errors.get("organisationId"), options: [{ value: "", label: t.anyOrganisation }, ...orgs.map((o) => ({ value: o.id, label: o.name }))] })}
${textField({ m, name: "actorId", label: t.actor, hint: t.actorHint, value: q.actorId, error: errors.get("actorId"), width: "long" })}
${textField({ m, name: "action", label: t.action, hint: t.actionHint, value: q.action, error: errors.get("action"), width: "medium" })}
${selectField({ m, name: "outcome", label: t.outcome, value: filters.outcome ?? "", error: errors.get("outcome"), options: [{ value: "", label: t.anyOutcome }, ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: o }))] })}
<button type="submit" class="button button--secondary">${t.search}</button>
</form>
${result ? html`<p><a href="${csvHref}" download>${t.csv}</a></p>` : ""}
${listing}`,
      errors.size > 0 ? 422 : 200,
    );
  });

  app.get("/audit/export.csv", { config: { access: AUDITOR } }, async (request, reply) => {
    const parsed = auditQuery.safeParse(filtersOf(request.query as Record<string, string>));
    if (!parsed.success) {
      throw new AppError("invalid_input", "The filters are not valid.", { code: "invalid_filter" });
    }
    const query: AuditQuery = parsed.data;
    const csv = await services.oversight.exportAuditCsv(...callerOf(request), query);
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${csv.filename}"`)
      .send(Readable.from(csv.lines));
  });

  // ---- verification -------------------------------------------------------------------
  getPage(app, kit, "/audit/controle", AUDITOR, async (ctx, request) => {
    const t = ctx.m.admin.verify;
    return ctx.send(
      t.title,
      html`<h1>${t.title}</h1><p>${t.intro}</p>
<form method="post" action="/audit/controle">${csrfField(request.session?.csrfToken ?? "")}<button type="submit" class="button button--primary">${t.run}</button></form>`,
    );
  });

  postPage(app, kit, "/audit/controle", AUDITOR, async (ctx, request) => {
    const t = ctx.m.admin.verify;
    const r = await services.oversight.verifyAuditLog(...callerOf(request));
    const status: SafeHtml = r.ok
      ? html`<div class="notice notice--ok" role="status" data-verify="intact"><p><strong>${t.intact}</strong></p><p>${t.intactDetail(r.events, r.lastSeq, r.checkpoints)}</p></div>`
      : html`<div class="notice notice--error" role="alert" data-verify="broken"><p><strong>${t.broken}</strong></p><p>${t.firstBroken(r.firstBrokenSeq)}</p><p>${r.reason}</p>
${r.problems.length > 1 ? html`<ul>${r.problems.map((p) => html`<li>${p.seq ?? "—"}: ${p.reason}</li>`)}</ul>` : ""}</div>`;
    return ctx.send(
      t.title,
      html`<h1>${t.title}</h1><p>${t.intro}</p>
${status}
${r.warnings.length ? html`<h2>${t.warnings}</h2><ul>${r.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ""}
<form method="post" action="/audit/controle">${csrfField(request.session?.csrfToken ?? "")}<button type="submit" class="button button--secondary">${t.run}</button></form>`,
    );
  });

  // ---- access review ------------------------------------------------------------------
  getPage(app, kit, "/audit/toegang", OVERSIGHT, async (ctx, request) => {
    const { m } = ctx;
    const t = m.admin.access;
    const u = m.admin.users;
    const r = await services.oversight.accessReview(...callerOf(request));
    const flag = (unused: boolean) =>
      unused ? html` <strong class="badge badge--overdue">${t.unused}</strong>` : "";
    return ctx.send(
      t.title,
      html`<h1>${t.title}</h1>
<p>${t.intro(r.unusedAfterDays)} <span class="rule">(${r.source})</span></p>
${r.organisations.map(
  (
    o,
  ) => html`<section aria-labelledby="o-${o.id}"><h2 id="o-${o.id}">${o.name} <span class="subtitle">${m.admin.kinds[o.kind] ?? o.kind} · ${m.admin.orgStatus[o.status] ?? o.status}</span></h2>
${table({
  empty: t.noAccounts,
  caption: o.name,
  captionHidden: true,
  head: [t.kind, u.displayName, u.roles, u.status, u.mfa, t.lastUse],
  rows: [
    ...o.users.map(
      (x) =>
        html`<tr><td>${t.account}</td><td>${x.displayName}<br>${x.email}</td><td>${x.roles.map((r) => m.roles[r] ?? r).join(", ")}</td><td>${u.statuses[x.status] ?? x.status}</td><td>${x.mfaEnrolled ? m.yes : m.no}</td><td>${x.lastSignInAt ? dateHtml(m.lang, x.lastSignInAt) : m.none}${flag(x.unused)}</td></tr>`,
    ),
    ...o.apiKeys.map(
      (k) =>
        html`<tr><td>${t.key}</td><td>${k.label}<br><code>${k.prefix}</code></td><td>${m.roles[k.role] ?? k.role}</td><td>${k.revoked ? u.revoked : u.statuses.active}</td><td>${m.none}</td><td>${k.lastUsedAt ? dateHtml(m.lang, k.lastUsedAt) : m.none}${flag(k.unused)}</td></tr>`,
    ),
  ],
  row: (tr) => tr,
})}</section>`,
)}`,
    );
  });

  // ---- misuse signals -----------------------------------------------------------------
  getPage(app, kit, "/audit/signalen", AUDITOR, async (ctx, request) => {
    const { m } = ctx;
    const t = m.admin.signals;
    const q = request.query as Record<string, string | undefined>;
    const today = clock.today();
    const from = q.from?.trim() || addDays(today, -30);
    const to = q.to?.trim() || today;
    const errors: FieldErrors = new Map();
    if (!isIsoDate(from)) errors.set("from", m.fieldErrors.date);
    if (!isIsoDate(to)) errors.set("to", m.fieldErrors.date);
    const result =
      errors.size === 0
        ? await readInRange(
            () => services.oversight.misuseSignals(...callerOf(request), { from, to }),
            errors,
            m.admin.audit.rangeError,
          )
        : undefined;
    const orgs = await services.organisations.listOrganisations(principalOf(request));
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    return ctx.send(
      t.title,
      html`<h1>${t.title}</h1>
<p>${t.intro}</p>
${errorSummary(m, errors)}
<form method="get" action="/audit/signalen" class="filter" role="search" aria-label="${t.title}" novalidate>
${periodFields(m, { from, to, hint: m.admin.participants.dateHint, width: "short" }, errors)}
<button type="submit" class="button button--secondary">${t.show}</button>
</form>
${
  !result
    ? ""
    : html`<p>${t.screenings(result.screenings)} <span class="rule">(${result.source})</span></p>
${
  result.signals.length === 0
    ? html`<p class="empty">${t.empty}</p>`
    : table({
        caption: t.title,
        captionHidden: true,
        head: [
          t.kind,
          m.admin.audit.organisation,
          m.admin.audit.actor,
          t.count,
          t.first,
          t.last,
          t.rule,
        ],
        rows: result.signals,
        row: (s) =>
          html`<tr><td>${t.kinds[s.kind] ?? s.kind}</td><td>${orgName.get(s.organisationId) ?? ""}</td><td>${s.actorId ? html`<code>${s.actorId.slice(0, 8)}</code>` : m.none}</td><td>${s.count}</td><td>${dateTimeHtml(m.lang, s.first)}</td><td>${dateTimeHtml(m.lang, s.last)}</td><td lang="en">${s.rule}</td></tr>`,
      })
}`
}`,
      errors.size > 0 ? 422 : 200,
    );
  });

  // ---- annual report ------------------------------------------------------------------
  function yearOf(request: FastifyRequest): number | undefined {
    const text = (request.query as { jaar?: string }).jaar?.trim();
    const year =
      text === undefined || text === "" ? Number(clock.today().slice(0, 4)) : Number(text);
    return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
  }

  getPage(app, kit, "/audit/jaarverslag", OVERSIGHT, async (ctx, request) => {
    const { m } = ctx;
    const t = m.admin.annual;
    const year = yearOf(request);
    const errors: FieldErrors = new Map(year === undefined ? [["jaar", t.yearError]] : []);
    const report =
      year === undefined
        ? undefined
        : await services.oversight.annualReport(...callerOf(request), year);
    const raw = (request.query as { jaar?: string }).jaar;
    return ctx.send(
      report ? `${t.title} ${report.year}` : t.title,
      html`<h1>${t.title}${report ? ` ${report.year}` : ""}</h1>
<p>${t.intro}</p>
${errorSummary(m, errors)}
<form method="get" action="/audit/jaarverslag" class="filter" novalidate>
${textField({ m, name: "jaar", label: t.year, value: raw ?? String(year ?? ""), error: errors.get("jaar"), width: "short", inputmode: "numeric", required: true })}
<button type="submit" class="button button--secondary">${t.show}</button>
</form>
${
  report
    ? html`<p><a href="/audit/jaarverslag.pdf?jaar=${String(report.year)}" download>${t.pdf}</a></p>
<div class="report"><p>${report.region.name} · ${report.region.profile} · ${dateHtml(m.lang, report.generatedOn)} · ${report.source}</p>
${reportSections(report, m.lang).map(
  (s) => html`<section><h2>${s.heading}</h2>
${table({
  empty: m.admin.protocol.none,
  caption: s.heading,
  captionHidden: true,
  head: s.columns.map((c, i) => c || (i === 0 ? hiddenHeader(s.heading) : "")),
  rows: s.rows,
  row: (row) =>
    html`<tr>${row.map((v, i) => (i === 0 ? html`<th scope="row">${String(v)}</th>` : html`<td>${String(v)}</td>`))}</tr>`,
})}</section>`,
)}</div>`
    : ""
}`,
      errors.size > 0 ? 422 : 200,
    );
  });

  app.get("/audit/jaarverslag.pdf", { config: { access: OVERSIGHT } }, async (request, reply) => {
    const lang = langOf(request, reply);
    const year = yearOf(request);
    if (year === undefined) {
      throw new AppError("invalid_input", "Give a year from 2000 to 2100.", {
        code: "invalid_year",
      });
    }
    const report = await services.oversight.annualReport(...callerOf(request), year);
    return reply
      .type("application/pdf")
      .header(
        "content-disposition",
        `attachment; filename="${messages(lang).admin.annual.fileName}-${report.year}.pdf"`,
      )
      .send(await annualReportPdf(report, lang));
  });
}
