/**
 * The primary source's checks of access requests at other participants (issue 24 part 4,
 * D-1040; design.md §2.7; 003 §6 punt 3, §15.2): the requester's identification beside its own
 * registration, to confirm or reject (the same service calls as GET/POST
 * /api/v1/access-confirmations). No personal data in the URL.
 */
import type { Services } from "../../modules/index.ts";
import { callerOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { html } from "../../platform/html.ts";
import { formatDate } from "../format.ts";
import { csrfField, formOf, str } from "../forms.ts";
import { getPage, type Kit, notice, OFFICER } from "../kit.ts";
import { table } from "../table.ts";
import { accessCheckMessages } from "./access-checks-messages.ts";
import { accessCandidateMessages } from "./cases/access-candidates-messages.ts";
import { meldingText } from "./melding.ts";

export function registerAccessCheckPages(app: App, services: Services, kit: Kit) {
  getPage(app, kit, "/inzagecontroles", OFFICER, async (ctx, request) => {
    const t = accessCheckMessages[ctx.lang];
    const fields = accessCandidateMessages[ctx.lang].fields;
    const { items } = await services.cases.accessConfirmations(...callerOf(request));
    const banner = meldingText(request, { bevestigd: t.confirmed, afgewezen: t.rejected });
    const csrf = csrfField(request.session?.csrfToken ?? "");
    const sections = items.map(
      (
        i,
        n,
      ) => html`<section aria-labelledby="h-check-${n}"><h2 id="h-check-${n}">${t.task(n + 1)}</h2>
<p>${t.due(formatDate(ctx.lang, i.due))} <a href="/registraties/${i.registrationId}">${t.openRegistration}</a></p>
${table({
  empty: "",
  caption: t.task(n + 1),
  captionHidden: true,
  head: [t.field, t.requester, t.registered, t.same],
  rows: i.comparison,
  row: (x) => {
    // A date the Dutch way ("3 maart 1968"), never as the store writes it.
    const shown = (v: string | null | undefined) =>
      v == null ? "—" : x.field === "birthDate" ? formatDate(ctx.lang, v) : v;
    return html`<tr><td>${fields[x.field] ?? x.field}</td><td>${shown(x.requester)}</td><td>${shown(x.registered)}</td><td>${x.same ? ctx.m.yes : ctx.m.no}</td></tr>`;
  },
})}
<form method="post" action="/inzagecontroles/${i.caseId}">${csrf}<input type="hidden" name="registrationId" value="${i.registrationId}">
<div class="actions">
<button type="submit" name="decision" value="confirmed" class="button button--primary">${t.confirm}</button>
<button type="submit" name="decision" value="rejected" class="button button--secondary">${t.reject}</button>
</div></form>
</section>`,
    );
    return ctx.send(
      t.title,
      html`<h1>${t.title}</h1>
${banner ? notice(banner) : ""}
<p>${t.intro}</p>
${items.length === 0 ? html`<p class="empty">${t.empty}</p>` : sections}`,
    );
  });

  app.post("/inzagecontroles/:id", { config: { access: OFFICER } }, async (request, reply) => {
    const body = formOf(request.body);
    const decision = str(body, "decision");
    if (decision !== "confirmed" && decision !== "rejected") throw notFound("decision");
    await services.cases.decideAccessConfirmation(
      ...callerOf(request),
      (request.params as { id: string }).id,
      { registrationId: str(body, "registrationId") ?? "", decision },
    );
    return reply.redirect(
      `/inzagecontroles?melding=${decision === "confirmed" ? "bevestigd" : "afgewezen"}`,
      303,
    );
  });
}
