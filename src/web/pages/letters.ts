import type { FastifyRequest } from "fastify";
import type { Services } from "../../modules/index.ts";
import { type LetterView, RECIPIENT_NOTICE } from "../../modules/letters/service.ts";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { Clock } from "../../platform/clock.ts";
import type { App } from "../../platform/context.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { isIsoDate } from "../../platform/werkdagen.ts";
import { dateHtml, formatDate } from "../format.ts";
import {
  csrfField,
  errorSummary,
  type FieldErrors,
  formOf,
  pagination,
  shownRefusal,
  str,
} from "../forms.ts";
import type { Messages } from "../i18n.ts";
import { getPage, type Kit, type PageContext, postPage } from "../kit.ts";

/**
 * The letters desk: the officers of the organisation, and the consortium admin, who acts for
 * every participant (letters/policy.ts READERS) — and so is the one who sends the committee's
 * posted letters, since the committee's organisation has no officers (D-1050).
 */
const LETTER_DESK = { roles: ["officer", "consortium_admin"], scope: "own" } as const;

import { idParam, pageParam } from "../params.ts";
import { table } from "../table.ts";
import { ruleText } from "./cases/common.ts";
import { hitDutyCell } from "./hit-duty-cells.ts";
import { noticeLink, noticeMeldingTexts } from "./letters-notice.ts";
import { meldingBanner } from "./melding.ts";

const PAGE_SIZE = 25;

function idOf(request: FastifyRequest): string {
  return idParam(request, "letter");
}

function tabs(m: Messages, current: "letters" | "duties"): SafeHtml {
  const l = m.letterPages;
  return html`<nav class="tabs" aria-label="${l.title}"><ul class="action-list">
<li><a href="/brieven"${current === "letters" ? html` aria-current="page"` : ""}>${l.tabLetters}</a></li>
<li><a href="/brieven/plichten"${current === "duties" ? html` aria-current="page"` : ""}>${l.tabDuties}</a></li>
</ul></nav>`;
}

/** How the letter reaches (or reached) the person: e-mail status, post, or no address. */
function delivery(m: Messages, x: LetterView): string {
  const l = m.letterPages;
  if (x.deliveryError === "email_failed") return l.emailFailed;
  if (x.channel === "email" && x.status === "sent") return l.emailSent;
  const channel = l.channels[x.channel] ?? x.channel;
  return x.sentOn
    ? `${channel}, ${l.sentOn.toLowerCase()} ${formatDate(m.lang, x.sentOn)}`
    : channel;
}

/**
 * The organisation's letters and the letters it still owes (issue #10): PDF, mark sent by
 * post, document without address, skip with a fixed reason. The services decide what may.
 * A recipient notice (AVG art. 19) is no letter: its row links to its page (letters-notice.ts).
 */
export function registerLetterPages(app: App, services: Services, kit: Kit, clock: Clock) {
  async function lettersPage(
    ctx: PageContext,
    request: FastifyRequest,
    banner?: SafeHtml,
    problem?: { errors: FieldErrors; extra: SafeHtml[]; letterId?: string },
    status = 200,
  ) {
    const { m } = ctx;
    const l = m.letterPages;
    const q = request.query as Record<string, string | undefined>;
    const pageNo = pageParam(q);
    const result = await services.letters.listLetters(principalOf(request), {
      page: pageNo,
      pageSize: PAGE_SIZE,
    });
    const csrf = csrfField(request.session?.csrfToken ?? "");
    const today = clock.today();
    const errors = problem?.errors ?? new Map<string, string>();
    const action = (x: LetterView) => {
      if (x.status !== "draft") return html`${m.none}`;
      if (x.channel === "none") {
        return html`<form method="post" action="/brieven/${x.id}/vastgelegd">${csrf}<button type="submit" class="button button--secondary">${l.markDocumented}<span class="visually-hidden"> ${m.dutyKinds[x.kind] ?? x.kind} ${formatDate(m.lang, x.letterDate)}</span></button></form>`;
      }
      const id = `f-sentOn-${x.id}`;
      const error = problem?.letterId === x.id ? errors.get(`sentOn-${x.id}`) : undefined;
      return html`<form method="post" action="/brieven/${x.id}/verstuurd" class="inline-fields" novalidate>${csrf}
<div class="form-field${error ? " form-field--invalid" : ""}"><label for="${id}">${l.sentOn}<span class="visually-hidden"> ${m.dutyKinds[x.kind] ?? x.kind} ${formatDate(m.lang, x.letterDate)}</span></label>
${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ""}
<input type="date" id="${id}" name="sentOn" class="input input--short" value="${today}"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ""}></div>
<button type="submit" class="button button--secondary">${l.markSent}</button></form>`;
    };
    return ctx.send(
      l.title,
      html`<h1>${l.title}</h1>
${tabs(m, "letters")}
<p>${l.intro}</p>
${banner ?? ""}
${errorSummary(m, errors, problem?.extra ?? [])}
${table({
  empty: l.empty,
  caption: l.caption(result.total),
  head: [l.date, l.kind, l.status, l.delivery, l.pdf, l.action],
  rows: result.items,
  row: (
    x,
  ) => html`<tr><td>${dateHtml(m.lang, x.letterDate)}</td><td>${m.dutyKinds[x.kind] ?? x.kind}${x.caseId ? html` · <a href="/zaken/${x.caseId}">${l.case}</a>` : ""}</td><td>${m.letterStatuses[x.status] ?? x.status}</td><td>${delivery(m, x)}</td>
<td>${x.contentAvailable ? html`<a href="/api/v1/letters/${x.id}/pdf" target="_blank" rel="noopener">${l.pdf}<span class="visually-hidden"> ${m.dutyKinds[x.kind] ?? x.kind} ${formatDate(m.lang, x.letterDate)}</span></a>` : l.contentErased}</td>
<td>${action(x)}</td></tr>`,
})}
${pagination(m, "/brieven", {}, pageNo, PAGE_SIZE, result.total)}`,
      status,
    );
  }

  getPage(app, kit, "/brieven", LETTER_DESK, async (ctx, request) => {
    const l = ctx.m.letterPages;
    const banner = meldingBanner(request, {
      verstuurd: l.markedSent,
      vastgelegd: l.markedDocumented,
    });
    return lettersPage(ctx, request, banner);
  });

  postPage(app, kit, "/brieven/:id/verstuurd", LETTER_DESK, async (ctx, request, reply) => {
    const id = idOf(request);
    const sentOn = str(formOf(request.body), "sentOn");
    const errors: FieldErrors = new Map();
    if (!isIsoDate(sentOn)) {
      errors.set(`sentOn-${id}`, ctx.m.fieldErrors.date);
      return lettersPage(ctx, request, undefined, { errors, extra: [], letterId: id }, 422);
    }
    try {
      await services.letters.markSent(...callerOf(request), id, sentOn);
    } catch (caught) {
      const err = shownRefusal(caught);
      if (err.code === "sent_on_out_of_range") {
        errors.set(`sentOn-${id}`, String(ctx.m.caseRules[err.code]));
        return lettersPage(ctx, request, undefined, { errors, extra: [], letterId: id }, 422);
      }
      return lettersPage(ctx, request, undefined, { errors, extra: [ruleText(ctx.m, err)] }, 422);
    }
    return reply.redirect("/brieven?melding=verstuurd", 303);
  });

  postPage(app, kit, "/brieven/:id/vastgelegd", LETTER_DESK, async (ctx, request, reply) => {
    const id = idOf(request);
    try {
      await services.letters.markDocumented(...callerOf(request), id);
    } catch (caught) {
      const err = shownRefusal(caught);
      return lettersPage(
        ctx,
        request,
        undefined,
        { errors: new Map(), extra: [ruleText(ctx.m, err)] },
        422,
      );
    }
    return reply.redirect("/brieven?melding=vastgelegd", 303);
  });

  async function dutiesPage(
    ctx: PageContext,
    request: FastifyRequest,
    banner?: SafeHtml,
    extra: SafeHtml[] = [],
    status = 200,
  ) {
    const { m } = ctx;
    const l = m.letterPages;
    const q = request.query as Record<string, string | undefined>;
    const pageNo = pageParam(q);
    const result = await services.letters.listDuties(principalOf(request), {
      status: "open",
      page: pageNo,
      pageSize: PAGE_SIZE,
    });
    const reasons = services.letters.skipReasons(ctx.lang);
    const csrf = csrfField(request.session?.csrfToken ?? "");
    // A hit letter's duty names the person and the screenings it answers (D-990).
    const hits = await services.letters.hitDutyDetails(
      principalOf(request),
      result.items.filter((x) => x.kind === "hit").map((x) => x.id),
    );
    const about = (x: (typeof result.items)[number]) => {
      const hit = hits.find((h) => h.dutyId === x.id);
      if (hit) return hitDutyCell(m, hit, csrf);
      return x.registrationId
        ? html`<a href="/registraties/${x.registrationId}">${l.open}<span class="visually-hidden"> ${l.registration} ${x.registrationId.slice(0, 8)}</span></a>`
        : html`${m.none}`;
    };
    return ctx.send(
      l.dutiesTitle,
      html`<h1>${l.dutiesTitle}</h1>
${tabs(m, "duties")}
<p>${l.dutiesIntro}</p>
${banner ?? ""}
${errorSummary(m, new Map(), extra)}
${table({
  empty: l.dutiesEmpty,
  caption: l.dutiesCaption(result.total),
  head: [l.due, l.kind, m.hitDuties.about, l.skip],
  rows: result.items,
  row: (
    x,
  ) => html`<tr${x.overdue ? html` class="overdue"` : ""}><td>${dateHtml(m.lang, x.dueDate)}${x.overdue ? html` <strong class="badge badge--overdue">${m.worklist.overdue}</strong>` : ""} <span class="source">(${x.source})</span></td>
<td>${m.dutyKinds[x.kind] ?? x.kind}${x.caseId ? html` · <a href="/zaken/${x.caseId}">${l.case}</a>` : ""}</td>
<td>${about(x)}</td>
<td>${
    x.kind === RECIPIENT_NOTICE
      ? noticeLink(m, x)
      : html`<form method="post" action="/brieven/plichten/${x.id}/overslaan" class="inline-fields">${csrf}
<div class="form-field"><label for="f-reason-${x.id}">${l.skipReason}<span class="visually-hidden"> ${m.dutyKinds[x.kind] ?? x.kind} ${formatDate(m.lang, x.dueDate)}</span></label>
<select id="f-reason-${x.id}" name="reason" class="input">${reasons.map((r) => html`<option value="${r.code}">${r.text}</option>`)}</select></div>
<button type="submit" class="button button--secondary">${l.skip}</button></form>`
  }</td></tr>`,
})}
${pagination(m, "/brieven/plichten", {}, pageNo, PAGE_SIZE, result.total)}`,
      status,
    );
  }

  getPage(app, kit, "/brieven/plichten", LETTER_DESK, async (ctx, request) => {
    const banner = meldingBanner(request, {
      overgeslagen: ctx.m.letterPages.skipped,
      ...noticeMeldingTexts(ctx.m),
    });
    return dutiesPage(ctx, request, banner);
  });

  postPage(
    app,
    kit,
    "/brieven/plichten/:id/overslaan",
    LETTER_DESK,
    async (ctx, request, reply) => {
      const id = idOf(request);
      const reason = str(formOf(request.body), "reason");
      const known = services.letters.skipReasons().map((r) => r.code);
      if (!known.includes(reason)) {
        return dutiesPage(ctx, request, undefined, [html`${ctx.m.caseDetail.chooseOption}`], 422);
      }
      try {
        await services.letters.skipDuty(
          ...callerOf(request),
          id,
          reason as Parameters<Services["letters"]["skipDuty"]>[3],
        );
      } catch (caught) {
        const err = shownRefusal(caught);
        return dutiesPage(ctx, request, undefined, [ruleText(ctx.m, err)], 422);
      }
      return reply.redirect("/brieven/plichten?melding=overgeslagen", 303);
    },
  );
}
