import type { FastifyRequest } from "fastify";
import {
  CASE_STATUSES,
  type CaseDetail,
  type CaseInput,
  type CaseSummary,
  type DecisionInput,
} from "../../modules/cases/schemas.ts";
import { COMMITTEE_CASES, caseTypesInProfile, RIGHTS } from "../../modules/cases/service.ts";
import type { Services } from "../../modules/index.ts";
import { callerOf, hasRole, type Principal, principalOf } from "../../platform/auth/access.ts";
import type { Clock } from "../../platform/clock.ts";
import type { App } from "../../platform/context.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { compareDates, isIsoDate } from "../../platform/werkdagen.ts";
import { CASE_KINDS, type CaseKind } from "../../protocol/case-kinds.ts";
import { dateHtml, dateTimeHtml, formatDate } from "../format.ts";
import {
  choiceField,
  csrfField,
  errorSummary,
  errorText,
  type FieldErrors,
  fieldId,
  formOf,
  list,
  pagination,
  selectField,
  str,
  textField,
} from "../forms.ts";
import type { Messages } from "../i18n.ts";
import type { Kit, PageContext } from "../kit.ts";

/** Officers of the primary source, the disputes committee, and the consortium (as the API). */
const HANDLERS = { roles: ["officer", "committee", "consortium_admin"], scope: "own" } as const;
const CASE_OFFICERS = { roles: ["officer", "consortium_admin"], scope: "own" } as const;
const COMMITTEE = { roles: ["committee"], scope: "own" } as const;
const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FINISHED = ["executed", "closed", "inadmissible", "withdrawn", "effective"];

type Values = Record<string, string>;

function idOf(request: FastifyRequest): string {
  const id = (request.params as { id?: string }).id ?? "";
  if (!UUID.test(id)) throw notFound("case");
  return id;
}

function notice(text: string): SafeHtml {
  return html`<div class="notice notice--ok" role="status"><p>${text}</p></div>`;
}

/** The text of a refused step: our own words for the rule, its article when the rule has one. */
export function ruleText(m: Messages, err: AppError): SafeHtml {
  const text = errorText(m, err.code, err.message, m.caseRules);
  const source = (err.details as { source?: string } | undefined)?.source;
  return html`${text} <span class="rule">(${err.code}${source ? `, ${source}` : ""})</span>`;
}

/** A labelled textarea, tied to its hint and error like textField. */
function textArea(o: {
  name: string;
  label: string;
  value?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  m: Messages;
}): SafeHtml {
  const id = fieldId(o.name);
  const described = [o.hint ? `${id}-hint` : "", o.error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return html`<div class="form-field${o.error ? " form-field--invalid" : ""}">
<label for="${id}">${o.label}${o.required ? "" : html` <span class="optional">(${o.m.optional})</span>`}</label>
${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ""}
${o.error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${o.m.errorPrefix} </span>${o.error}</p>` : ""}
<textarea id="${id}" name="${o.name}" rows="5" class="input input--long"${o.required ? html` required aria-required="true"` : ""}${o.error ? html` aria-invalid="true"` : ""}${described ? html` aria-describedby="${described}"` : ""}>${o.value ?? ""}</textarea>
</div>`;
}

function typeLabel(m: Messages, t: string) {
  return m.caseTypes[t] ?? t;
}

/** The deadlines of a summary, as "name date" (met or not is on the case page). */
function deadlineList(m: Messages, c: CaseSummary): SafeHtml {
  const entries = Object.entries(c.deadlines).sort(([, a], [, b]) => a.localeCompare(b));
  if (entries.length === 0) return html`${m.none}`;
  return html`${entries.map(
    ([name, date], i) =>
      html`${i > 0 ? "; " : ""}${m.deadlineNames[name] ?? name}: ${dateHtml(m.lang, date)}`,
  )}`;
}

function caseTable(m: Messages, items: CaseSummary[], caption: SafeHtml | string): SafeHtml {
  const c = m.cases;
  return html`<table class="table"><caption>${caption}</caption>
<thead><tr><th scope="col">${c.reference}</th><th scope="col">${c.type}</th><th scope="col">${c.received}</th><th scope="col">${c.status}</th><th scope="col">${m.caseDetail.deadlines}</th><th scope="col"><span class="visually-hidden">${c.open}</span></th></tr></thead>
<tbody>${items.map(
    (
      x,
    ) => html`<tr${x.overdue ? html` class="overdue"` : ""}><td>${x.reference}${x.overdue ? html` <strong class="badge badge--overdue">${c.overdue}</strong>` : ""}</td><td>${typeLabel(m, x.type)}</td><td>${dateHtml(m.lang, x.receivedDate)}</td>
<td>${m.caseStatuses[x.status] ?? x.status}${x.outcome ? html`, ${m.caseOutcomes[x.outcome] ?? x.outcome}` : ""}</td><td>${deadlineList(m, x)}</td>
<td><a href="/zaken/${x.id}">${c.open}<span class="visually-hidden"> ${x.reference}</span></a></td></tr>`,
  )}</tbody></table>`;
}

/** Overdue first, then the earliest deadline still to come, then the oldest received. */
function byUrgency(today: string) {
  const next = (c: CaseSummary) =>
    Object.values(c.deadlines)
      .filter((d) => compareDates(d, today) >= 0)
      .sort()[0] ?? "9999-12-31";
  return (a: CaseSummary, b: CaseSummary) =>
    Number(b.overdue) - Number(a.overdue) ||
    next(a).localeCompare(next(b)) ||
    a.receivedDate.localeCompare(b.receivedDate);
}

/** The officer's running cases for the worklist: overdue first, then by deadline. */
export async function casesByDeadline(services: Services, principal: Principal, today: string) {
  const lists = await Promise.all(
    (["received", "acknowledged", "decided", "probation", "reflection"] as const).map((status) =>
      services.cases.listCases(principal, { status, page: 1, pageSize: 100 }),
    ),
  );
  const items = lists.flatMap((l) => l.items).sort(byUrgency(today));
  return { items, total: lists.reduce((n, l) => n + l.total, 0) };
}

/** The worklist's case section (worklist.ts adds it; overdue cases lead). */
export function worklistCasesSection(
  m: Messages,
  cases: { items: CaseSummary[]; total: number },
  shown: number,
): SafeHtml {
  const items = cases.items.slice(0, shown);
  return html`<section aria-labelledby="cases">
<h2 id="cases">${m.cases.worklistTitle} <span class="count">(${cases.total})</span></h2>
${items.length === 0 ? html`<p class="empty">${m.cases.worklistEmpty}</p>` : caseTable(m, items, html`<span class="visually-hidden">${m.cases.worklistTitle}</span>`)}
${cases.total > items.length ? html`<p><a href="/zaken">${m.worklist.more(cases.total - items.length)}</a></p>` : ""}
</section>`;
}

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

export function registerCasePages(app: App, services: Services, kit: Kit, clock: Clock) {
  // ---- lists ----------------------------------------------------------------------------

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
    const pageNo = Math.max(1, Math.min(Number.parseInt(q.page ?? "1", 10) || 1, 100_000));
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

  app.get("/zaken", { config: { access: CASE_OFFICERS } }, async (request, reply) =>
    listPage(await kit.contextOf(request, reply), request, "/zaken"),
  );
  app.get("/commissie", { config: { access: COMMITTEE } }, async (request, reply) =>
    listPage(await kit.contextOf(request, reply), request, "/commissie"),
  );

  // ---- a new case -----------------------------------------------------------------------

  async function newCasePage(
    ctx: PageContext,
    request: FastifyRequest,
    values: Values,
    errors: FieldErrors,
    extra: SafeHtml[] = [],
    status = 200,
  ) {
    const { m } = ctx;
    const f = m.caseForm;
    const principal = principalOf(request);
    const committee = hasRole(principal, ["committee"]);
    const consortium = hasRole(principal, ["consortium_admin"]);
    const profile = await services.organisations.profile();
    const types = caseTypesInProfile(profile).filter(
      (t) => consortium || COMMITTEE_CASES.includes(t) === committee,
    );
    // The organisation's own registrations by reference, categories and end date: no names.
    const registrations = committee
      ? []
      : (await services.registrations.listRegistrations(principal, { page: 1, pageSize: 200 }))
          .items;
    const regField = committee
      ? textField({
          m,
          name: "registrationId",
          label: f.registrationId,
          hint: f.registrationIdHint,
          value: values.registrationId,
          error: errors.get("registrationId"),
          width: "long",
          required: false,
        })
      : html`<div class="form-field${errors.has("registrationId") ? " form-field--invalid" : ""}">
<label for="f-registrationId">${f.registration}</label>
<p class="hint" id="f-registrationId-hint">${f.registrationHint}</p>
${errors.has("registrationId") ? html`<p class="field-error" id="f-registrationId-error"><span class="visually-hidden">${m.errorPrefix} </span>${errors.get("registrationId")}</p>` : ""}
<select id="f-registrationId" name="registrationId" class="input" aria-describedby="f-registrationId-hint${errors.has("registrationId") ? " f-registrationId-error" : ""}"${errors.has("registrationId") ? html` aria-invalid="true"` : ""}>
<option value="">${f.noRegistration}</option>
${registrations.map((r) => html`<option value="${r.id}"${r.id === values.registrationId ? html` selected` : ""}>${f.registrationLabel(r.id.slice(0, 8).toUpperCase(), r.categories.join(", "), formatDate(m.lang, r.endDate))}</option>`)}
</select>
</div>`;
    return ctx.send(
      f.title,
      html`<h1>${f.title}</h1>
<p>${f.intro}</p>
${errorSummary(m, errors, extra)}
<form method="post" action="/zaken/nieuw" novalidate>
${csrfField(request.session?.csrfToken ?? "")}
${choiceField({ m, name: "type", legend: f.type, type: "radio", error: errors.get("type"), options: types.map((t) => ({ value: t, label: typeLabel(m, t) })), checked: values.type ? [values.type] : [] })}
${regField}
${textField({ m, name: "receivedDate", label: f.receivedDate, hint: f.receivedHint, value: values.receivedDate, error: errors.get("receivedDate"), type: "date", width: "short", required: true })}
${types.includes("objection") ? textField({ m, name: "noticeDate", label: f.noticeDate, hint: f.noticeHint, value: values.noticeDate, error: errors.get("noticeDate"), type: "date", width: "short", required: false }) : ""}
${types.includes("appeal") ? textField({ m, name: "parentCaseId", label: f.parentCase, hint: f.parentHint, value: values.parentCaseId, error: errors.get("parentCaseId"), width: "long", required: false }) : ""}
<div class="actions"><button type="submit" class="button button--primary">${f.submit}</button>
<a href="${committee ? "/commissie" : "/zaken"}">${m.cancel}</a></div>
</form>`,
      status,
    );
  }

  /** Where a refused registration's rule belongs in the form. */
  const CREATE_FIELD: Record<string, string> = {
    received_in_future: "receivedDate",
    registration_required: "registrationId",
    requester_required: "registrationId",
    not_found: "registrationId",
    appeal_without_objection: "parentCaseId",
    appeal_not_open: "parentCaseId",
    case_type_not_in_profile: "type",
    support_team_limit: "type",
    forbidden: "type",
  };

  app.get("/zaken/nieuw", { config: { access: HANDLERS } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const q = request.query as Record<string, string | undefined>;
    const values: Values = { receivedDate: clock.today() };
    if (q.registratie && UUID.test(q.registratie)) values.registrationId = q.registratie;
    return newCasePage(ctx, request, values, new Map());
  });

  app.post("/zaken/nieuw", { config: { access: HANDLERS } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const { m } = ctx;
    const body = formOf(request.body);
    const values: Values = Object.fromEntries(
      ["type", "registrationId", "receivedDate", "noticeDate", "parentCaseId"].map((k) => [
        k,
        str(body, k),
      ]),
    );
    const errors: FieldErrors = new Map();
    const type = CASE_KINDS.find((t) => t === values.type);
    if (!type) errors.set("type", m.caseForm.chooseType);
    if (values.registrationId && !UUID.test(values.registrationId))
      errors.set("registrationId", m.caseForm.uuid);
    if (!values.receivedDate) errors.set("receivedDate", m.fieldErrors.required);
    else if (!isIsoDate(values.receivedDate)) errors.set("receivedDate", m.fieldErrors.date);
    if (values.noticeDate && !isIsoDate(values.noticeDate))
      errors.set("noticeDate", m.fieldErrors.date);
    // The appeal's parent by the reference printed on the decision letter (or its full id).
    let parentCaseId: string | undefined;
    if (values.parentCaseId && type === "appeal") {
      if (UUID.test(values.parentCaseId)) parentCaseId = values.parentCaseId;
      else {
        try {
          parentCaseId = await services.cases.caseIdByReference(
            principalOf(request),
            values.parentCaseId,
            "appeal_parent",
          );
        } catch (err) {
          if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 404)) throw err;
          errors.set(
            "parentCaseId",
            err.status === 400 ? m.caseForm.referenceInvalid : m.caseForm.referenceUnknown,
          );
        }
      }
    }
    if (errors.size > 0 || !type) return newCasePage(ctx, request, values, errors, [], 422);
    const input: CaseInput = {
      type,
      receivedDate: values.receivedDate!,
      ...(values.registrationId ? { registrationId: values.registrationId } : {}),
      ...(values.noticeDate && type === "objection" ? { noticeDate: values.noticeDate } : {}),
      ...(parentCaseId ? { parentCaseId } : {}),
    };
    try {
      const created = await services.cases.createCase(...callerOf(request), input);
      return reply.redirect(`/zaken/${created.id}?melding=nieuw`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500 || err.status === 401) throw err;
      const field = CREATE_FIELD[err.code];
      const text = ruleText(m, err);
      if (field) {
        errors.set(field, String(m.caseRules[err.code] ?? m.ruleTexts[err.code] ?? text.value));
        return newCasePage(ctx, request, values, errors, [], 422);
      }
      return newCasePage(ctx, request, values, errors, [text], 422);
    }
  });

  // ---- the case page -------------------------------------------------------------------

  interface Problem {
    errors: FieldErrors;
    extra: SafeHtml[];
    values: Values;
  }

  async function detailPage(
    ctx: PageContext,
    request: FastifyRequest,
    id: string,
    banner?: SafeHtml,
    problem?: Problem,
    status = 200,
  ) {
    const { m } = ctx;
    const d = m.caseDetail;
    const principal = principalOf(request);
    const view: CaseDetail = await services.cases.getCase(...callerOf(request), id);
    const letters = await services.letters.listLetters(principal, {
      caseId: id,
      page: 1,
      pageSize: 50,
    });
    const names = await services.identity.colleagueNames(
      principal,
      view.events.flatMap((e) => (e.actor.kind === "user" && e.actor.id ? [e.actor.id] : [])),
    );
    const csrf = csrfField(request.session?.csrfToken ?? "");
    const errors = problem?.errors ?? new Map<string, string>();
    const v = problem?.values ?? {};
    const type = view.type as CaseKind;
    const committeeCase = COMMITTEE_CASES.includes(type);
    const roles = principal.roles;
    const mayAct =
      roles.includes("consortium_admin") ||
      (committeeCase ? roles.includes("committee") : roles.includes("officer"));
    const mayExecute = roles.includes("consortium_admin") || roles.includes("officer");
    const open = !FINISHED.includes(view.status);
    const undecided = ["received", "acknowledged"].includes(view.status);
    const hasAcknowledgement = view.deadlineDetails.some((x) =>
      x.name.endsWith("_acknowledgement"),
    );
    const today = clock.today();

    const steps: SafeHtml[] = [];
    if (mayAct && open && RIGHTS.includes(type) && !view.identityVerifiedOn) {
      steps.push(html`<section aria-labelledby="h-identity"><h3 id="h-identity">${d.identityTitle}</h3>
<form method="post" action="/zaken/${id}/identiteit" novalidate>${csrf}
${choiceField({ m, name: "method", legend: d.identityMethod, type: "radio", error: errors.get("method"), options: Object.entries(m.identityMethods).map(([value, label]) => ({ value, label })), checked: v.method ? [v.method] : [] })}
${textField({ m, name: "identityDate", label: d.identityDate, value: v.identityDate ?? today, error: errors.get("identityDate"), type: "date", width: "short", required: true })}
<button type="submit" class="button button--secondary">${d.identitySubmit}</button></form></section>`);
    }
    if (mayAct && view.status === "received" && hasAcknowledgement) {
      steps.push(html`<section aria-labelledby="h-ack"><h3 id="h-ack">${d.acknowledgeTitle}</h3>
<p>${d.acknowledgeIntro}</p>
<form method="post" action="/zaken/${id}/ontvangst">${csrf}<button type="submit" class="button button--primary">${d.acknowledgeSubmit}</button></form></section>`);
    }
    if (mayAct && undecided && ["objection", "complaint", "appeal", "hardship"].includes(type)) {
      steps.push(html`<section aria-labelledby="h-hearing"><h3 id="h-hearing">${d.hearingTitle}</h3>
<form method="post" action="/zaken/${id}/hoorzitting" novalidate>${csrf}
${textField({ m, name: "hearingDate", label: d.hearingDate, value: v.hearingDate ?? today, error: errors.get("hearingDate"), type: "date", width: "short", required: true })}
${textArea({ m, name: "report", label: d.hearingReport, hint: d.hearingReportHint, value: v.report, error: errors.get("report") })}
<button type="submit" class="button button--secondary">${d.hearingSubmit}</button></form></section>`);
    }
    if (mayAct && undecided && committeeCase) {
      steps.push(html`<section aria-labelledby="h-challenge"><h3 id="h-challenge">${d.challengeTitle}</h3>
<form method="post" action="/zaken/${id}/wraking" novalidate>${csrf}
${choiceField({ m, name: "kind", legend: d.challengeKind, type: "radio", error: errors.get("kind"), options: Object.entries(d.challengeKinds).map(([value, label]) => ({ value, label })), checked: v.kind ? [v.kind] : [] })}
${textField({ m, name: "member", label: d.challengeMember, value: v.member, error: errors.get("member"), required: true })}
${choiceField({ m, name: "challengeOutcome", legend: d.challengeOutcome, type: "radio", error: errors.get("challengeOutcome"), options: Object.entries(d.challengeOutcomes).map(([value, label]) => ({ value, label })), checked: v.challengeOutcome ? [v.challengeOutcome] : [] })}
${textField({ m, name: "challengeDate", label: d.challengeDate, value: v.challengeDate ?? today, error: errors.get("challengeDate"), type: "date", width: "short", required: true })}
<button type="submit" class="button button--secondary">${d.challengeSubmit}</button></form></section>`);
    }
    if (mayAct && undecided && type !== "consent") {
      const decisionTitle = committeeCase ? d.committeeDecisionTitle : d.decisionTitle;
      steps.push(html`<section aria-labelledby="h-decision"><h3 id="h-decision">${decisionTitle}</h3>
<form method="post" action="/zaken/${id}/besluit" novalidate>${csrf}
${choiceField({ m, name: "outcome", legend: d.outcome, type: "radio", error: errors.get("outcome"), options: ["upheld", "partly_upheld", "rejected"].map((value) => ({ value, label: m.caseOutcomes[value] ?? value })), checked: v.outcome ? [v.outcome] : [] })}
${textArea({ m, name: "reasons", label: d.reasons, hint: d.reasonsHint, value: v.reasons, error: errors.get("reasons"), required: true })}
${type === "access" ? textField({ m, name: "feePages", label: d.feePages, hint: d.feeHint, value: v.feePages, error: errors.get("feePages"), inputmode: "numeric", width: "short", required: false }) : ""}
${
  type === "support_team"
    ? choiceField({
        m,
        name: "supportTeam",
        legend: d.supportLegend,
        type: "checkbox",
        error: errors.get("supportTeam"),
        options: [
          { value: "house", label: d.supportHouse },
          { value: "support", label: d.supportSupport },
        ],
        checked: (v.supportTeam ?? "").split(","),
      })
    : ""
}
${type === "hardship" ? textField({ m, name: "newEndDate", label: d.newEndDate, hint: d.newEndDateHint, value: v.newEndDate, error: errors.get("newEndDate"), type: "date", width: "short", required: false }) : ""}
${committeeCase ? textArea({ m, name: "members", label: d.members, hint: d.membersHint, value: v.members, error: errors.get("members"), required: true }) : ""}
<button type="submit" class="button button--primary">${d.decisionSubmit}</button></form></section>`);
    }
    if (
      mayExecute &&
      view.status === "decided" &&
      view.outcome !== null &&
      view.outcome !== "rejected" &&
      !view.executedOn
    ) {
      steps.push(html`<section aria-labelledby="h-execution"><h3 id="h-execution">${d.executionTitle}</h3>
<p>${d.executionIntro}</p><p><a href="/zaken/${id}/uitvoeren">${d.executionLink}</a></p></section>`);
    }
    if (mayAct && view.status === "probation") {
      steps.push(html`<section aria-labelledby="h-probation"><h3 id="h-probation">${d.probationTitle}</h3>
<form method="post" action="/zaken/${id}/proeftijd/verlengen">${csrf}<button type="submit" class="button button--secondary">${d.probationExtend}</button></form>
<form method="post" action="/zaken/${id}/proeftijd/einde" novalidate>${csrf}
${choiceField({ m, name: "result", legend: d.probationResult, type: "radio", error: errors.get("result"), options: Object.entries(d.probationResults).map(([value, label]) => ({ value, label })), checked: v.result ? [v.result] : [] })}
<button type="submit" class="button button--secondary">${d.probationEnd}</button></form></section>`);
    }
    if (type === "access" && view.identityVerifiedOn && mayAct) {
      steps.push(html`<p><a href="/zaken/${id}/inzage">${d.accessReport}</a></p>`);
    }
    if (open && view.status !== "decided") {
      steps.push(html`<section aria-labelledby="h-withdraw"><h3 id="h-withdraw">${d.withdrawTitle}</h3>
<p>${d.withdrawIntro}</p>
<form method="post" action="/zaken/${id}/intrekken">${csrf}<button type="submit" class="button button--secondary">${d.withdrawSubmit}</button></form></section>`);
    }

    const who = (e: CaseDetail["events"][number]) =>
      e.actor.kind === "user" && e.actor.id && names.has(e.actor.id)
        ? names.get(e.actor.id)
        : e.actor.kind === "system"
          ? d.system
          : e.actor.kind;
    const title = `${d.title} ${view.reference}`;
    return ctx.send(
      title,
      html`<h1>${d.title} ${view.reference} <span class="subtitle">${typeLabel(m, view.type)} · ${m.caseStatuses[view.status] ?? view.status}</span></h1>
${banner ?? ""}
${errorSummary(m, errors, problem?.extra ?? [])}
<section aria-labelledby="h-facts"><h2 id="h-facts">${d.facts}</h2>
<dl class="facts">
<dt>${m.cases.type}</dt><dd>${typeLabel(m, view.type)}</dd>
<dt>${m.cases.status}</dt><dd>${m.caseStatuses[view.status] ?? view.status}</dd>
<dt>${m.cases.received}</dt><dd>${dateHtml(m.lang, view.receivedDate)}</dd>
${view.noticeDate ? html`<dt>${d.noticeDate}</dt><dd>${dateHtml(m.lang, view.noticeDate)}</dd>` : ""}
${view.registrationId ? html`<dt>${d.registration}</dt><dd>${roles.includes("officer") ? html`<a href="/registraties/${view.registrationId}">${view.registrationId.slice(0, 8).toUpperCase()}</a>` : view.registrationId.slice(0, 8).toUpperCase()}</dd>` : ""}
${view.parentCaseId ? html`<dt>${d.parent}</dt><dd><a href="/zaken/${view.parentCaseId}">Z-${view.parentCaseId.slice(0, 8).toUpperCase()}</a></dd>` : ""}
${RIGHTS.includes(type) ? html`<dt>${d.identity}</dt><dd>${view.identityVerifiedOn ? `${formatDate(m.lang, view.identityVerifiedOn)} (${m.identityMethods[view.identityMethod ?? ""] ?? view.identityMethod})` : d.identityNot}</dd>` : ""}
${view.acknowledgedOn ? html`<dt>${d.acknowledgedOn}</dt><dd>${dateHtml(m.lang, view.acknowledgedOn)}</dd>` : ""}
${view.outcome ? html`<dt>${m.cases.outcome}</dt><dd>${m.caseOutcomes[view.outcome] ?? view.outcome}</dd>` : ""}
${view.decidedOn ? html`<dt>${d.decidedOn}</dt><dd>${dateHtml(m.lang, view.decidedOn)}</dd>` : ""}
${view.executedOn ? html`<dt>${d.executedOn}</dt><dd>${dateHtml(m.lang, view.executedOn)}</dd>` : ""}
${view.reasons ? html`<dt>${d.reasons}</dt><dd class="reasons">${view.reasons}</dd>` : ""}
<dt>${d.caseNumber}</dt><dd>${view.id}</dd>
</dl>
</section>
<section aria-labelledby="h-deadlines"><h2 id="h-deadlines">${d.deadlines}</h2>
${
  view.deadlineDetails.length === 0
    ? html`<p class="empty">${d.deadlinesEmpty}</p>`
    : html`<table class="table"><caption class="visually-hidden">${d.deadlines}</caption>
<thead><tr><th scope="col">${d.deadline}</th><th scope="col">${d.article}</th><th scope="col">${d.due}</th><th scope="col">${d.state}</th></tr></thead>
<tbody>${view.deadlineDetails.map(
        (x) =>
          html`<tr${x.overdue ? html` class="overdue"` : ""}><td>${m.deadlineNames[x.name] ?? x.name}</td><td>${x.source}</td><td>${dateHtml(m.lang, x.dueDate)}</td><td>${x.metOn ? d.metOn(formatDate(m.lang, x.metOn)) : x.overdue ? html`<strong class="badge badge--overdue">${d.overdue}</strong>` : d.pending}</td></tr>`,
      )}</tbody></table>`
}
</section>
<section aria-labelledby="h-steps"><h2 id="h-steps">${d.steps}</h2>
${steps.length === 0 ? html`<p class="empty">${d.noSteps}</p>` : steps}
</section>
<section aria-labelledby="h-letters"><h2 id="h-letters">${d.letters}</h2>
${
  letters.items.length === 0
    ? html`<p class="empty">${d.lettersEmpty}</p>`
    : html`<table class="table"><caption class="visually-hidden">${d.letters}</caption>
<thead><tr><th scope="col">${m.letterPages.date}</th><th scope="col">${m.letterPages.kind}</th><th scope="col">${m.letterPages.status}</th><th scope="col"><span class="visually-hidden">${m.letterPages.pdf}</span></th></tr></thead>
<tbody>${letters.items.map(
        (l) =>
          html`<tr><td>${dateHtml(m.lang, l.letterDate)}</td><td>${m.dutyKinds[l.kind] ?? l.kind}</td><td>${m.letterStatuses[l.status] ?? l.status}</td><td>${l.contentAvailable ? html`<a href="/api/v1/letters/${l.id}/pdf">${m.letterPages.pdf}<span class="visually-hidden"> ${m.dutyKinds[l.kind] ?? l.kind} ${formatDate(m.lang, l.letterDate)}</span></a>` : m.letterPages.contentErased}</td></tr>`,
      )}</tbody></table>`
}
</section>
<section aria-labelledby="h-timeline"><h2 id="h-timeline">${d.timeline}</h2>
${
  view.events.length === 0
    ? html`<p class="empty">${d.timelineEmpty}</p>`
    : html`<table class="table"><caption class="visually-hidden">${d.timeline}</caption>
<thead><tr><th scope="col">${d.when}</th><th scope="col">${d.what}</th><th scope="col">${d.who}</th></tr></thead>
<tbody>${view.events.map(
        (e) =>
          html`<tr><td>${dateTimeHtml(m.lang, e.at)}</td><td>${m.caseEvents[e.action] ?? e.action}</td><td>${who(e)}</td></tr>`,
      )}</tbody></table>`
}
</section>
<p><a href="${roles.includes("committee") ? "/commissie" : "/zaken"}">${roles.includes("committee") ? m.committeePages.title : m.cases.title}</a></p>`,
      status,
    );
  }

  const BANNERS: Record<string, (m: Messages) => string> = {
    nieuw: (m) => m.caseForm.created,
    besloten: (m) => m.caseDetail.decided,
    uitgevoerd: (m) => m.caseDetail.executed,
    ingetrokken: (m) => m.caseDetail.withdrawn,
    vastgelegd: (m) => m.caseDetail.saved,
  };

  app.get("/zaken/:id", { config: { access: HANDLERS } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const id = idOf(request);
    const melding = (request.query as Record<string, string | undefined>).melding ?? "";
    const banner = BANNERS[melding];
    return detailPage(ctx, request, id, banner ? notice(banner(ctx.m)) : undefined);
  });

  /**
   * One step on a case: read the form, check its shape (field errors), call the service; a
   * refused step shows the case again with the rule in the error summary.
   */
  function step(
    path: string,
    fields: string[],
    run: (a: {
      ctx: PageContext;
      request: FastifyRequest;
      id: string;
      values: Values;
      body: ReturnType<typeof formOf>;
      errors: FieldErrors;
    }) => Promise<string | undefined>,
  ) {
    app.post(`/zaken/:id/${path}`, { config: { access: HANDLERS } }, async (request, reply) => {
      const ctx = await kit.contextOf(request, reply);
      const id = idOf(request);
      const body = formOf(request.body);
      const values: Values = Object.fromEntries(fields.map((k) => [k, str(body, k)]));
      const errors: FieldErrors = new Map();
      try {
        const melding = await run({ ctx, request, id, values, body, errors });
        if (errors.size > 0)
          return detailPage(ctx, request, id, undefined, { errors, extra: [], values }, 422);
        return reply.redirect(`/zaken/${id}?melding=${melding ?? "vastgelegd"}`, 303);
      } catch (err) {
        if (
          !(err instanceof AppError) ||
          err.status >= 500 ||
          err.status === 401 ||
          err.status === 404
        )
          throw err;
        if (err.code === "csrf_failed") throw err;
        return detailPage(
          ctx,
          request,
          id,
          undefined,
          { errors, extra: [ruleText(ctx.m, err)], values },
          err.status === 403 ? 403 : 422,
        );
      }
    });
  }

  const date = (m: Messages, values: Values, name: string, errors: FieldErrors) => {
    if (!values[name]) errors.set(name, m.fieldErrors.required);
    else if (!isIsoDate(values[name])) errors.set(name, m.fieldErrors.date);
  };

  step("identiteit", ["method", "identityDate"], async ({ ctx, request, id, values, errors }) => {
    if (!Object.hasOwn(ctx.m.identityMethods, values.method ?? ""))
      errors.set("method", ctx.m.caseDetail.chooseOption);
    date(ctx.m, values, "identityDate", errors);
    if (errors.size > 0) return;
    await services.cases.verifyIdentity(...callerOf(request), id, {
      method: values.method!,
      date: values.identityDate!,
    });
    return "vastgelegd";
  });

  step("ontvangst", [], async ({ request, id }) => {
    await services.cases.acknowledge(...callerOf(request), id);
    return "vastgelegd";
  });

  step("hoorzitting", ["hearingDate", "report"], async ({ ctx, request, id, values, errors }) => {
    date(ctx.m, values, "hearingDate", errors);
    if ((values.report ?? "").length > 20_000) errors.set("report", ctx.m.fieldErrors.invalid);
    if (errors.size > 0) return;
    await services.cases.recordHearing(...callerOf(request), id, {
      date: values.hearingDate!,
      ...(values.report ? { report: values.report } : {}),
    });
    return "vastgelegd";
  });

  step(
    "wraking",
    ["kind", "member", "challengeOutcome", "challengeDate"],
    async ({ ctx, request, id, values, errors }) => {
      const d = ctx.m.caseDetail;
      if (!["challenge", "recusal"].includes(values.kind ?? "")) errors.set("kind", d.chooseOption);
      if ((values.member ?? "").length < 2 || (values.member ?? "").length > 120)
        errors.set("member", ctx.m.fieldErrors.required);
      if (!["granted", "refused"].includes(values.challengeOutcome ?? ""))
        errors.set("challengeOutcome", d.chooseOption);
      date(ctx.m, values, "challengeDate", errors);
      if (errors.size > 0) return;
      await services.cases.recordChallenge(...callerOf(request), id, {
        kind: values.kind!,
        member: values.member!,
        outcome: values.challengeOutcome!,
        date: values.challengeDate!,
      });
      return "vastgelegd";
    },
  );

  step(
    "besluit",
    ["outcome", "reasons", "feePages", "newEndDate", "members", "hasSupport"],
    async ({ ctx, request, id, values, body, errors }) => {
      const d = ctx.m.caseDetail;
      const outcome = (["upheld", "rejected", "partly_upheld"] as const).find(
        (o) => o === values.outcome,
      );
      if (!outcome) errors.set("outcome", d.chooseOption);
      if (!values.reasons) errors.set("reasons", ctx.m.fieldErrors.required);
      else if (values.reasons.length > 5000) errors.set("reasons", ctx.m.fieldErrors.invalid);
      let feePages: number | undefined;
      if (values.feePages) {
        feePages = Number(values.feePages);
        if (!/^\d+$/.test(values.feePages) || feePages < 1 || feePages > 1000)
          errors.set("feePages", ctx.m.fieldErrors.whole);
      }
      if (values.newEndDate && !isIsoDate(values.newEndDate))
        errors.set("newEndDate", ctx.m.fieldErrors.date);
      const support = list(body, "supportTeam");
      values.supportTeam = support.join(",");
      const members = (values.members ?? "")
        .split(/\r?\n/)
        .map((x) => x.trim())
        .filter(Boolean);
      const view = await services.cases.getCase(...callerOf(request), id);
      const committeeCase = COMMITTEE_CASES.includes(view.type);
      if (
        committeeCase &&
        (members.length < 1 ||
          members.length > 7 ||
          members.some((x) => x.length < 2 || x.length > 120))
      )
        errors.set("members", d.membersInvalid);
      if (errors.size > 0 || !outcome) return;
      const input: DecisionInput = {
        outcome,
        reasons: values.reasons!,
        ...(feePages !== undefined ? { feePages } : {}),
        ...(view.type === "support_team"
          ? {
              supportTeam: {
                house: support.includes("house"),
                support: support.includes("support"),
              },
            }
          : {}),
        ...(values.newEndDate ? { newEndDate: values.newEndDate } : {}),
        ...(committeeCase ? { members } : {}),
      };
      await services.cases.decide(...callerOf(request), id, input);
      return "besloten";
    },
  );

  step("intrekken", [], async ({ request, id }) => {
    await services.cases.withdraw(...callerOf(request), id);
    return "ingetrokken";
  });

  step("proeftijd/verlengen", [], async ({ request, id }) => {
    await services.cases.extendProbation(...callerOf(request), id);
    return "vastgelegd";
  });

  step("proeftijd/einde", ["result"], async ({ ctx, request, id, values, errors }) => {
    const result = (["conditions_met", "conditions_not_met"] as const).find(
      (r) => r === values.result,
    );
    if (!result) {
      errors.set("result", ctx.m.caseDetail.chooseOption);
      return;
    }
    await services.cases.endProbation(...callerOf(request), id, result);
    return "vastgelegd";
  });

  // ---- carrying out an upheld decision (with confirmation) --------------------------------

  const executionPage = (
    ctx: PageContext,
    view: CaseDetail,
    csrf: string,
    errors: FieldErrors,
    action: string,
    extra: SafeHtml[] = [],
  ) => {
    const d = ctx.m.caseDetail;
    return html`<h1>${d.executionTitle} <span class="subtitle">${view.reference} · ${typeLabel(ctx.m, view.type)}</span></h1>
${errorSummary(ctx.m, errors, extra)}
<p>${d.executionIntro}</p>
<dl class="facts"><dt>${ctx.m.cases.outcome}</dt><dd>${view.outcome ? (ctx.m.caseOutcomes[view.outcome] ?? view.outcome) : ctx.m.none}</dd>
${view.reasons ? html`<dt>${d.reasons}</dt><dd class="reasons">${view.reasons}</dd>` : ""}</dl>
<div class="notice notice--warning"><p>${d.executionWarning}</p></div>
<form method="post" action="/zaken/${view.id}/uitvoeren" novalidate>
${csrfField(csrf)}
${choiceField({
  m: ctx.m,
  name: "action",
  legend: d.executionAction,
  type: "radio",
  error: errors.get("action"),
  options: [
    { value: "removed", label: d.executionRemoved },
    { value: "corrected", label: d.executionCorrected },
  ],
  checked: action ? [action] : [],
})}
<div class="form-field${errors.has("confirm") ? " form-field--invalid" : ""}">
${errors.has("confirm") ? html`<p class="field-error" id="f-confirm-error">${errors.get("confirm")}</p>` : ""}
<div class="choice"><input type="checkbox" id="f-confirm" name="confirm" value="yes"${errors.has("confirm") ? html` aria-invalid="true" aria-describedby="f-confirm-error"` : ""}>
<label for="f-confirm">${d.executionConfirm}</label></div>
</div>
<div class="actions"><button type="submit" class="button button--danger">${d.executionSubmit}</button>
<a href="/zaken/${view.id}">${ctx.m.cancel}</a></div>
</form>`;
  };

  app.get("/zaken/:id/uitvoeren", { config: { access: CASE_OFFICERS } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const id = idOf(request);
    const view = await services.cases.getCase(...callerOf(request), id);
    return ctx.send(
      ctx.m.caseDetail.executionTitle,
      executionPage(ctx, view, request.session?.csrfToken ?? "", new Map(), ""),
    );
  });

  app.post(
    "/zaken/:id/uitvoeren",
    { config: { access: CASE_OFFICERS } },
    async (request, reply) => {
      const ctx = await kit.contextOf(request, reply);
      const d = ctx.m.caseDetail;
      const id = idOf(request);
      const body = formOf(request.body);
      const action = str(body, "action");
      const errors: FieldErrors = new Map();
      if (action !== "removed" && action !== "corrected") errors.set("action", d.executionChoose);
      if (str(body, "confirm") !== "yes") errors.set("confirm", d.executionConfirmMissing);
      const again = async (extra: SafeHtml[] = [], status = 422) => {
        const view = await services.cases.getCase(...callerOf(request), id);
        return ctx.send(
          d.executionTitle,
          executionPage(ctx, view, request.session?.csrfToken ?? "", errors, action, extra),
          status,
        );
      };
      if (errors.size > 0) return again();
      try {
        await services.cases.execute(...callerOf(request), id, action as "removed" | "corrected");
      } catch (err) {
        if (
          !(err instanceof AppError) ||
          err.status >= 500 ||
          err.status === 401 ||
          err.status === 404
        )
          throw err;
        return again([ruleText(ctx.m, err)], err.status === 403 ? 403 : 422);
      }
      return reply.redirect(`/zaken/${id}?melding=uitgevoerd`, 303);
    },
  );

  // ---- the access report -----------------------------------------------------------------

  app.get("/zaken/:id/inzage", { config: { access: HANDLERS } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const { m } = ctx;
    const a = m.accessReport;
    const id = idOf(request);
    let report: Awaited<ReturnType<Services["cases"]["accessReport"]>>;
    try {
      report = await services.cases.accessReport(...callerOf(request), id);
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 422) throw err;
      return detailPage(
        ctx,
        request,
        id,
        undefined,
        { errors: new Map(), extra: [ruleText(m, err)], values: {} },
        422,
      );
    }
    const reg = report.registration as
      | (Record<string, unknown> & { person?: Record<string, unknown> })
      | null;
    const flat = (o: Record<string, unknown> | undefined, prefix = ""): [string, string][] =>
      Object.entries(o ?? {}).flatMap(([k, v]) =>
        v === null || v === undefined
          ? []
          : typeof v === "object" && !Array.isArray(v)
            ? flat(v as Record<string, unknown>, `${prefix}${k}.`)
            : [[`${prefix}${k}`, Array.isArray(v) ? v.join(", ") : String(v)] as [string, string]],
      );
    return ctx.send(
      a.title,
      html`<h1>${a.title}</h1>
<p>${a.intro}</p>
<section aria-labelledby="h-data"><h2 id="h-data">${a.data}</h2>
${reg ? html`<dl class="facts">${flat(reg).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>` : html`<p class="empty">${a.noData}</p>`}
</section>
<section aria-labelledby="h-purposes"><h2 id="h-purposes">${a.purposes}</h2><ul>${report.purposes.map((p) => html`<li lang="nl">${p}</li>`)}</ul></section>
<section aria-labelledby="h-recipients"><h2 id="h-recipients">${a.recipients}</h2>${report.recipients.length === 0 ? html`<p class="empty">${m.none}</p>` : html`<ul>${report.recipients.map((p) => html`<li lang="nl">${p}</li>`)}</ul>`}</section>
<section aria-labelledby="h-source"><h2 id="h-source">${a.source}</h2><p>${report.source ?? m.none}</p></section>
<section aria-labelledby="h-screenings"><h2 id="h-screenings">${a.screenings}</h2>
${
  report.screenings.length === 0
    ? html`<p class="empty">${a.screeningsEmpty}</p>`
    : html`<table class="table"><caption class="visually-hidden">${a.screenings}</caption>
<thead><tr><th scope="col">${a.organisation}</th><th scope="col">${a.date}</th><th scope="col">${a.purpose}</th><th scope="col">${a.hit}</th></tr></thead>
<tbody>${report.screenings.map((s) => html`<tr><td>${s.organisation.name}</td><td>${s.date}</td><td>${s.purpose}</td><td>${s.hit ? m.yes : m.no}</td></tr>`)}</tbody></table>`
}
</section>
<p><a href="/zaken/${id}">${a.back}</a></p>`,
    );
  });
}
