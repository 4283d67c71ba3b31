import type { FastifyReply, FastifyRequest } from "fastify";
import type { Services } from "../../../modules/index.ts";
import { callerOf } from "../../../platform/auth/access.ts";
import type { App } from "../../../platform/context.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { formatDate } from "../../format.ts";
import { csrfField, formOf, shownRefusal, str } from "../../forms.ts";
import { type Kit, notice } from "../../kit.ts";
import { table } from "../../table.ts";
import { accessCandidateMessages } from "./access-candidates-messages.ts";
import { HANDLERS, idOf, ruleText } from "./common.ts";

/**
 * The officer's step before an access answer (003 §15.2; AVG art. 15, art. 26 lid 3): the
 * registrations anywhere in the region the matching engine scores as the requester, each with
 * the comparison and its primary source, to confirm or reject (the same service calls as
 * GET/POST /api/v1/cases/{id}/access-candidates). No personal data in the URL: the
 * registration's id goes in the form's body. Once the request is decided the judgements are
 * shown read-only (the service then refuses any change: case_not_open).
 */
export function registerAccessCandidatePages(app: App, services: Services, kit: Kit) {
  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    banner?: SafeHtml,
    status = 200,
  ) {
    const ctx = await kit.contextOf(request, reply);
    const t = accessCandidateMessages[ctx.lang];
    const id = idOf(request);
    const { candidates, open, checking } = await services.cases.accessCandidates(
      ...callerOf(request),
      id,
    );
    // Another participant's near match: "wordt gecontroleerd", nothing of it (D-1040).
    const checks =
      checking.count > 0 && open
        ? html`<p class="notice">${t.checking(checking.count, formatDate(ctx.lang, checking.due ?? ""))}</p>`
        : "";
    const csrf = csrfField(request.session?.csrfToken ?? "");
    const sections = candidates.map(
      (
        c,
        n,
      ) => html`<section aria-labelledby="h-candidate-${n}"><h2 id="h-candidate-${n}">${t.registeredBy(c.primarySource.name)}</h2>
<p>${t.decisions[c.decision] ?? c.decision}</p>
${table({
  empty: "",
  caption: t.registeredBy(c.primarySource.name),
  captionHidden: true,
  head: [t.field, t.requester, t.registered, t.same],
  rows: c.comparison,
  row: (x) =>
    html`<tr><td>${t.fields[x.field] ?? x.field}</td><td>${x.requester ?? "—"}</td><td>${x.registered ?? "—"}</td><td>${x.same ? ctx.m.yes : ctx.m.no}</td></tr>`,
})}
${
  open
    ? html`<form method="post" action="/zaken/${id}/regio">${csrf}<input type="hidden" name="registrationId" value="${c.registrationId}"><input type="hidden" name="decision" value="confirmed"><button type="submit" class="button button--primary">${t.confirm}</button></form>
<form method="post" action="/zaken/${id}/regio">${csrf}<input type="hidden" name="registrationId" value="${c.registrationId}"><input type="hidden" name="decision" value="rejected"><button type="submit" class="button button--secondary">${t.reject}</button></form>`
    : ""
}
</section>`,
    );
    return ctx.send(
      t.title,
      html`<h1>${t.title}</h1>
${banner ?? ""}
<p>${open ? t.intro : t.decided}</p>
${checks}
${candidates.length === 0 ? (checks ? "" : html`<p class="empty">${t.none}</p>`) : sections}
<p><a href="/zaken/${id}">${t.back}</a></p>`,
      status,
    );
  }

  app.get("/zaken/:id/regio", { config: { access: HANDLERS } }, async (request, reply) =>
    page(request, reply),
  );

  app.post("/zaken/:id/regio", { config: { access: HANDLERS } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const body = formOf(request.body);
    const registrationId = str(body, "registrationId") ?? "";
    const decision = str(body, "decision");
    try {
      await services.cases.decideAccessCandidate(...callerOf(request), idOf(request), {
        registrationId,
        decision: decision === "rejected" ? "rejected" : "confirmed",
      });
    } catch (caught) {
      const err = shownRefusal(caught);
      if (err.code === "csrf_failed") throw err;
      const problem = html`<div class="notice notice--error" role="alert"><p>${ruleText(ctx.m, err)}</p></div>`;
      return page(request, reply, problem, 422);
    }
    return page(request, reply, notice(accessCandidateMessages[ctx.lang].saved));
  });
}
