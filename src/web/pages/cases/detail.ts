import type { FastifyRequest } from "fastify";
import type { CaseDetail } from "../../../modules/cases/schemas.ts";
import { COMMITTEE_CASES, NEEDS_LINK_TO_DECIDE, RIGHTS } from "../../../modules/cases/service.ts";
import type { Services } from "../../../modules/index.ts";
import { callerOf, principalOf } from "../../../platform/auth/access.ts";
import type { Clock } from "../../../platform/clock.ts";
import type { App } from "../../../platform/context.ts";
import { AppError } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import { dateHtml, dateTimeHtml, formatDate } from "../../format.ts";
import {
  choiceField,
  csrfField,
  errorSummary,
  type FieldErrors,
  textArea,
  textField,
} from "../../forms.ts";
import type { Messages } from "../../i18n.ts";
import { getPage, type Kit, notice, type PageContext } from "../../kit.ts";
import { hiddenHeader, tableSection } from "../../table.ts";
import { accessCandidateMessages } from "./access-candidates-messages.ts";
import { FINISHED, HANDLERS, idOf, ruleText, typeLabel, type Values } from "./common.ts";
import { routeMessages } from "./route-messages.ts";
import { appealFileSection, candidatesSection, requesterSection } from "./route-sections.ts";

/** What a refused step shows on the case page: the field errors, the rule, the values typed. */
export interface Problem {
  errors: FieldErrors;
  extra: SafeHtml[];
  values: Values;
}

/** The case page (its facts, deadlines, letters, history and the next steps' forms). */
export function caseDetailPageOf(services: Services, clock: Clock) {
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
    // The forms follow the cases policy (policy.ts), the same rules the use cases apply.
    const { act: mayAct, carryOut: mayExecute } = await services.cases.casePermissions(
      principal,
      id,
    );
    const open = !FINISHED.includes(view.status);
    const undecided = ["received", "acknowledged"].includes(view.status);
    const hasAcknowledgement = view.deadlineDetails.some((x) =>
      x.name.endsWith("_acknowledgement"),
    );
    const today = clock.today();
    const r = routeMessages[m.lang];
    // A public request's identity is checked whatever its type (issue 21 part 3).
    const fromPublic = view.facts.channel === "public";
    const unlinked = NEEDS_LINK_TO_DECIDE.includes(type) && !view.registrationId;

    const steps: SafeHtml[] = [];
    if (mayAct && open && (RIGHTS.includes(type) || fromPublic) && !view.identityVerifiedOn) {
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
${unlinked ? html`<p>${r.notLinked}</p>` : ""}
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
${unlinked ? choiceField({ m, name: "closedReason", legend: r.noneFound, hint: r.noneFoundHint, type: "checkbox", error: errors.get("closedReason"), options: [{ value: "no_registration_found", label: r.noneFoundOption }], checked: v.closedReason ? [v.closedReason] : [] }) : ""}
<button type="submit" class="button button--primary">${committeeCase ? d.committeeDecisionTitle : d.decisionSubmit}</button></form></section>`);
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
    // 003 §15.2; AVG art. 26 lid 3: the region-wide registrations, confirmed before the answer.
    if (type === "access" && open && mayAct) {
      steps.push(
        html`<p><a href="/zaken/${id}/regio">${accessCandidateMessages[m.lang].link}</a></p>`,
      );
    }
    if (mayAct && open && view.status !== "decided") {
      steps.push(html`<section aria-labelledby="h-withdraw"><h3 id="h-withdraw">${d.withdrawTitle}</h3>
<p>${d.withdrawIntro}</p>
<form method="post" action="/zaken/${id}/intrekken">${csrf}<button type="submit" class="button button--secondary">${d.withdrawSubmit}</button></form></section>`);
    }

    // Who asked, in their own words (the handling officer, the committee); the candidates.
    const committee = roles.includes("committee");
    const requester =
      mayAct || committee ? await requesterSection(ctx, services, request, id) : html``;
    const candidates =
      type !== "access" && Array.isArray(view.facts.candidates)
        ? await candidatesSection(ctx, services, request, id, csrf, undecided)
        : html``;
    const appealFile =
      type === "appeal" && view.parentCaseId
        ? await appealFileSection(ctx, services, request, id)
        : html``;

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
${requester}
${appealFile}
${candidates}
${tableSection("deadlines", {
  empty: d.deadlinesEmpty,
  caption: d.deadlines,
  head: [d.deadline, d.article, d.due, d.state],
  rows: view.deadlineDetails,
  row: (x) =>
    html`<tr${x.overdue ? html` class="overdue"` : ""}><td>${m.deadlineNames[x.name] ?? x.name}</td><td>${x.source}</td><td>${dateHtml(m.lang, x.dueDate)}</td><td>${x.metOn ? d.metOn(formatDate(m.lang, x.metOn)) : x.overdue ? html`<strong class="badge badge--overdue">${d.overdue}</strong>` : d.pending}</td></tr>`,
})}
<section aria-labelledby="h-steps"><h2 id="h-steps">${d.steps}</h2>
${steps.length === 0 ? html`<p class="empty">${d.noSteps}</p>` : steps}
</section>
${tableSection("letters", {
  empty: d.lettersEmpty,
  caption: d.letters,
  head: [
    m.letterPages.date,
    m.letterPages.kind,
    m.letterPages.status,
    hiddenHeader(m.letterPages.pdf),
  ],
  rows: letters.items,
  row: (l) =>
    html`<tr><td>${dateHtml(m.lang, l.letterDate)}</td><td>${m.dutyKinds[l.kind] ?? l.kind}</td><td>${m.letterStatuses[l.status] ?? l.status}</td><td>${l.contentAvailable ? html`<a href="/api/v1/letters/${l.id}/pdf">${m.letterPages.pdf}<span class="visually-hidden"> ${m.dutyKinds[l.kind] ?? l.kind} ${formatDate(m.lang, l.letterDate)}</span></a>` : m.letterPages.contentErased}</td></tr>`,
})}
${tableSection("timeline", {
  empty: d.timelineEmpty,
  caption: d.timeline,
  head: [d.when, d.what, d.who],
  rows: view.events,
  row: (e) =>
    html`<tr><td>${dateTimeHtml(m.lang, e.at)}</td><td>${m.caseEvents[e.action] ?? e.action}</td><td>${who(e)}</td></tr>`,
})}
<p><a href="${roles.includes("committee") ? "/commissie" : "/zaken"}">${roles.includes("committee") ? m.committeePages.title : m.cases.title}</a></p>`,
      status,
    );
  }
  return detailPage;
}

/**
 * The access report's region-wide part (003 §15.2; AVG art. 15, art. 26 lid 3): the confirmed
 * registrations with their own primary source, and the actual recipients (CJEU C-154/21).
 */
function regionWide(
  m: Messages,
  report: Awaited<ReturnType<Services["cases"]["accessReport"]>>,
): SafeHtml {
  const t = accessCandidateMessages[m.lang];
  return html`<section aria-labelledby="h-region"><h2 id="h-region">${t.title}</h2>
${report.registrations.length === 0 ? html`<p class="empty">${t.noneConfirmed}</p>` : html`<ul>${report.registrations.map((r) => html`<li>${t.registeredBy(r.primarySource.name)}, ${t.until} ${formatDate(m.lang, r.endDate)}</li>`)}</ul>`}
</section>
<section aria-labelledby="h-actual"><h2 id="h-actual">${t.actualRecipients}</h2>
${report.actualRecipients.length === 0 ? html`<p class="empty">${m.none}</p>` : html`<ul>${report.actualRecipients.map((r) => html`<li>${r.organisation.name}, ${formatDate(m.lang, r.date)}: ${t.how[r.how]}</li>`)}</ul>`}
</section>`;
}

/** The case page and its access report (a data subject's request for access, AVG art. 15). */
export function registerCaseDetailPages(app: App, services: Services, kit: Kit, clock: Clock) {
  const detailPage = caseDetailPageOf(services, clock);

  const BANNERS: Record<string, (m: Messages) => string> = {
    nieuw: (m) => m.caseForm.created,
    besloten: (m) => m.caseDetail.decided,
    uitgevoerd: (m) => m.caseDetail.executed,
    ingetrokken: (m) => m.caseDetail.withdrawn,
    vastgelegd: (m) => m.caseDetail.saved,
  };

  getPage(app, kit, "/zaken/:id", HANDLERS, async (ctx, request) => {
    const id = idOf(request);
    const melding = (request.query as Record<string, string | undefined>).melding ?? "";
    const banner = BANNERS[melding];
    return detailPage(ctx, request, id, banner ? notice(banner(ctx.m)) : undefined);
  });

  // ---- the access report -----------------------------------------------------------------

  getPage(app, kit, "/zaken/:id/inzage", HANDLERS, async (ctx, request) => {
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
${regionWide(m, report)}
${tableSection("screenings", {
  empty: a.screeningsEmpty,
  caption: a.screenings,
  head: [a.organisation, a.date, a.purpose, a.hit],
  rows: report.screenings,
  row: (s) =>
    html`<tr><td>${s.organisation.name}</td><td>${s.date}</td><td>${s.purpose}</td><td>${s.hit ? m.yes : m.no}</td></tr>`,
})}
<p><a href="/zaken/${id}">${a.back}</a></p>`,
    );
  });
}
