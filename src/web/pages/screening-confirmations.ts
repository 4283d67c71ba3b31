/**
 * A possible hit (issue 24 part 4; design.md §2.7): the querier reads a screening's answer
 * again once the primary source decided (/toetsen/{id}); the primary source's officers check
 * the possible hits other participants' screenings found among their registrations, with both
 * persons side by side and the comparison in words, and confirm or reject them
 * (/mogelijke-treffers).
 */
import type { Services } from "../../modules/index.ts";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { html } from "../../platform/html.ts";
import { dateHtml } from "../format.ts";
import { csrfField, formOf, str } from "../forms.ts";
import { getPage, type Kit, notice, OFFICER } from "../kit.ts";
import { idParam } from "../params.ts";
import { hiddenHeader, table } from "../table.ts";
import { personList } from "./matches.ts";
import { meldingText } from "./melding.ts";
import { screeningAnswerHtml } from "./screening-answer.ts";

const SCREENERS = { roles: ["querier", "officer"], scope: "own" } as const;

export function registerScreeningConfirmationPages(app: App, services: Services, kit: Kit) {
  getPage(app, kit, "/toetsen/:id", SCREENERS, async (ctx, request) => {
    const c = ctx.m.screeningConfirmation;
    const id = idParam(request, "screening");
    const answer = await services.screenings.screeningResult(...callerOf(request), id);
    return ctx.send(
      c.resultTitle,
      html`<h1>${c.resultTitle}</h1>
${screeningAnswerHtml(ctx, answer)}
<p class="source">${c.reference}: <code>${answer.id}</code></p>
<p><a href="/toetsen">${ctx.m.screening.again}</a></p>`,
    );
  });

  getPage(app, kit, "/mogelijke-treffers", OFFICER, async (ctx, request) => {
    const { m } = ctx;
    const c = m.screeningConfirmation;
    const { items } = await services.screenings.screeningCandidates(principalOf(request), {
      status: "pending",
    });
    return ctx.send(
      c.listTitle,
      html`<h1>${c.listTitle}</h1>
<p>${c.intro}</p>
${table({
  empty: c.empty,
  caption: `${c.statuses.pending} (${items.length})`,
  head: [c.found, c.due, c.status, hiddenHeader(c.judge)],
  rows: items,
  row: (i) =>
    html`<tr><td>${dateHtml(m.lang, i.createdAt)}</td><td>${i.dueDate ? dateHtml(m.lang, i.dueDate) : ""}</td><td>${c.statuses[i.status] ?? i.status}</td><td><a href="/mogelijke-treffers/${i.id}">${c.judge}<span class="visually-hidden"> ${i.dueDate ?? ""}</span></a></td></tr>`,
})}`,
    );
  });

  getPage(app, kit, "/mogelijke-treffers/:id", OFFICER, async (ctx, request) => {
    const { m } = ctx;
    const c = m.screeningConfirmation;
    const id = idParam(request, "screening_candidate");
    const task = await services.screenings.screeningCandidate(...callerOf(request), id);
    const banner = meldingText(request, { bevestigd: c.confirmed, afgewezen: c.rejected });
    const csrf = request.session?.csrfToken ?? "";
    return ctx.send(
      c.detailTitle,
      html`<h1>${c.detailTitle}</h1>
${banner ? notice(banner) : ""}
<dl class="facts">
<dt>${c.status}</dt><dd>${c.statuses[task.status] ?? task.status}</dd>
${task.dueDate ? html`<dt>${c.due}</dt><dd>${dateHtml(m.lang, task.dueDate)}</dd>` : ""}
<dt>${c.registration}</dt><dd><a href="/registraties/${task.registrationId}">${c.openRegistration}</a></dd>
</dl>
${
  task.screenedPerson && task.registeredPerson
    ? html`<h2>${c.explanation}</h2>
<ul class="explanation" lang="nl">${task.explanation.map((e) => html`<li>${e.text}</li>`)}</ul>
<div class="columns">
<section aria-labelledby="h-registered"><h2 id="h-registered">${c.registered}</h2>${personList(m, task.registeredPerson)}</section>
<section aria-labelledby="h-screened"><h2 id="h-screened">${c.screened}</h2>${personList(m, task.screenedPerson)}</section>
</div>`
    : html`<p>${c.decided}</p>`
}
${
  task.status === "pending"
    ? html`<form method="post" action="/mogelijke-treffers/${id}/besluit" class="decision">
${csrfField(csrf)}
<p class="warning">${c.intro}</p>
<div class="actions">
<button type="submit" name="decision" value="confirm" class="button button--primary">${c.confirm}</button>
<button type="submit" name="decision" value="reject" class="button button--secondary">${c.reject}</button>
</div>
</form>`
    : ""
}
<p><a href="/mogelijke-treffers">${c.back}</a></p>`,
    );
  });

  app.post(
    "/mogelijke-treffers/:id/besluit",
    { config: { access: OFFICER } },
    async (request, reply) => {
      const id = idParam(request, "screening_candidate");
      const decision = str(formOf(request.body), "decision");
      if (decision !== "confirm" && decision !== "reject") throw notFound("decision");
      await services.screenings.decideScreeningCandidate(...callerOf(request), id, decision);
      return reply.redirect(
        `/mogelijke-treffers/${id}?melding=${decision === "confirm" ? "bevestigd" : "afgewezen"}`,
        303,
      );
    },
  );
}
