import type { FastifyRequest } from "fastify";
import type { Services } from "../../modules/index.ts";
import { type DutyView, NOTICE_DETAILS_KEEP_MONTHS } from "../../modules/letters/service.ts";
import { callerOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { formatDate } from "../format.ts";
import { csrfField, shownRefusal } from "../forms.ts";
import type { Messages } from "../i18n.ts";
import { getPage, type Kit, OFFICER, type PageContext, postPage } from "../kit.ts";
import { idParam } from "../params.ts";
import { ruleText } from "./cases/common.ts";
import { noticeMessages } from "./letters-notice-messages.ts";

type Change = "corrected" | "restricted" | "erased";

function idOf(request: FastifyRequest): string {
  return idParam(request, "notice");
}

/**
 * In a list of duties (the letters owed, the worklist): a recipient notice is read and
 * processed on its own page, never skipped or produced as a letter; an expired one says so.
 */
export function noticeLink(m: Messages, duty: DutyView): SafeHtml {
  const t = noticeMessages[m.lang];
  return html`<a href="/brieven/meldingen/${duty.id}">${t.read}<span class="visually-hidden"> ${t.readFor(formatDate(m.lang, duty.eventDate ?? duty.dueDate))}</span></a>${duty.noticeExpired ? html` <strong class="badge badge--overdue">${t.expiredBadge}</strong>` : ""}`;
}

/**
 * The recipient notice (AVG art. 19; D-632) as the recipient organisation's officer reads it:
 * what changed, when, by which participant, about whom as the register identified the person
 * to it, when it received data, and what it must now do; "Verwerkt" closes it (the same
 * service calls as GET /api/v1/duties/{id}/notice, audited, and POST …/processed). A notice
 * nobody processed in six months shows that its facts are erased (D-660).
 */
export function registerNoticePages(app: App, services: Services, kit: Kit) {
  async function page(ctx: PageContext, request: FastifyRequest, problem?: SafeHtml, status = 200) {
    const { lang } = ctx;
    const t = noticeMessages[lang];
    const id = idOf(request);
    const { duty, notice } = await services.letters.recipientNotice(...callerOf(request), id);
    const csrf = csrfField(request.session?.csrfToken ?? "");
    const date = (d: string) => formatDate(lang, d);
    const button = (label: string) =>
      html`<form method="post" action="/brieven/meldingen/${id}/verwerkt">${csrf}<button type="submit" class="button button--primary">${label}</button></form>`;
    let body: SafeHtml;
    if (!notice) {
      const change = t.change[(duty.reason ?? "corrected") as Change] ?? "";
      body = html`<h2>${t.expiredTitle}</h2>
<p>${t.expired(NOTICE_DETAILS_KEEP_MONTHS, date(duty.eventDate ?? duty.dueDate), change)}</p>
<p>${t.expiredTodo}</p>
${button(t.close)}`;
    } else {
      const p = notice.person;
      const name = [p.initials, p.prefix, p.surname].filter(Boolean).join(" ");
      const source = notice.primarySource.name;
      body = html`<dl class="facts">
<dt>${t.what}</dt><dd>${t.change[notice.change]}</dd>
<dt>${t.when}</dt><dd>${date(notice.date)}</dd>
<dt>${t.by}</dt><dd>${source}</dd>
<dt>${t.whom}</dt><dd>${name}, ${t.born(date(p.birthDate))}</dd>
<dt>${t.received}</dt><dd><ul>${notice.received.map((r) => html`<li>${t.how[r.how](date(r.date))}</li>`)}</ul></dd>
</dl>
<h2>${t.todo}</h2>
<p>${t.todoChange[notice.change](source)}</p>
<p>${t.processedHint}</p>
${button(t.processed)}`;
    }
    return ctx.send(
      t.title,
      html`<h1>${t.title}</h1>
${problem ?? ""}
<p>${t.intro}</p>
${body}
<p><a href="/brieven/plichten">${t.back}</a></p>`,
      status,
    );
  }

  getPage(app, kit, "/brieven/meldingen/:id", OFFICER, (ctx, request) => page(ctx, request));

  postPage(app, kit, "/brieven/meldingen/:id/verwerkt", OFFICER, async (ctx, request, reply) => {
    try {
      await services.letters.closeRecipientNotice(...callerOf(request), idOf(request));
    } catch (caught) {
      const err = shownRefusal(caught);
      // Processed already (e.g. by a colleague): its facts are gone, so the page is too.
      if (err.code === "duty_not_open")
        return reply.redirect("/brieven/plichten?melding=al-verwerkt", 303);
      const text = html`<div class="notice notice--error" role="alert"><p>${ruleText(ctx.m, err)}</p></div>`;
      return page(ctx, request, text, 422);
    }
    return reply.redirect("/brieven/plichten?melding=verwerkt", 303);
  });
}

/** The banners of the letters owed after a notice was processed, by `?melding=` word. */
export function noticeMeldingTexts(m: Messages): Record<string, string> {
  const t = noticeMessages[m.lang];
  return { verwerkt: t.done, "al-verwerkt": t.alreadyDone };
}
