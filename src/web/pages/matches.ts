import type { FastifyRequest } from "fastify";
import type { Services } from "../../modules/index.ts";
import type { Person } from "../../modules/registrations/schemas.ts";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { dateHtml, formatDate, formatNumber } from "../format.ts";
import { csrfField, formOf, pagination, str } from "../forms.ts";
import type { Messages } from "../i18n.ts";
import { getPage, type Kit, notice, OFFICER, postPage } from "../kit.ts";
import { idParam, pageParam } from "../params.ts";
import { hiddenHeader, table } from "../table.ts";
import {
  comparisonTable,
  confirmStep,
  registerMatchUndoPage,
  scoreInWords,
  undoSection,
} from "./match-decision.ts";
import { meldingText } from "./melding.ts";

const PAGE_SIZE = 25;

function idOf(request: FastifyRequest): string {
  return idParam(request, "match");
}

function reasonsTable(
  m: Messages,
  reasons: { field: string; level: string; weight: number; detail?: string }[],
  withDetail: boolean,
): SafeHtml {
  const x = m.matches;
  return table({
    caption: x.reasons,
    head: [x.field, x.level, x.weight, ...(withDetail ? [x.detail] : [])],
    rows: reasons,
    row: (r) =>
      html`<tr><td>${x.fields[r.field] ?? r.field}</td><td>${x.levels[r.level] ?? r.level}</td><td>${r.weight > 0 ? "+" : ""}${formatNumber(m.lang, r.weight, 2)}</td>${withDetail ? html`<td lang="en">${r.detail ?? ""}</td>` : ""}</tr>`,
  });
}

export function personList(m: Messages, p: Person): SafeHtml {
  return html`<dl class="facts">
<dt>${m.person.initials}</dt><dd>${p.initials}</dd>
<dt>${m.person.firstNames}</dt><dd>${p.firstNames ?? m.none}</dd>
<dt>${m.person.prefix}</dt><dd>${p.prefix ?? m.none}</dd>
<dt>${m.person.surname}</dt><dd>${p.surname}</dd>
<dt>${m.person.birthName}</dt><dd>${p.birthName ?? m.none}</dd>
<dt>${m.person.birthDate}</dt><dd>${dateHtml(m.lang, p.birthDate)}</dd>
<dt>${m.person.gender}</dt><dd>${p.gender ? (m.person.genders[p.gender] ?? p.gender) : m.none}</dd>
<dt>${m.person.seekerNumber}</dt><dd>${p.seekerNumber ?? m.none}</dd>
</dl>`;
}

/** Candidate matches on the organisation's registrations, with the engine's reasons (003 §6). */
export function registerMatchPages(app: App, services: Services, kit: Kit) {
  getPage(app, kit, "/matches", OFFICER, async (ctx, request) => {
    const { m } = ctx;
    const x = m.matches;
    const principal = principalOf(request);
    const q = request.query as Record<string, string | undefined>;
    const pageNo = pageParam(q);
    const pending = await services.seekers.listMatches(principal, {
      status: "pending",
      page: pageNo,
      pageSize: PAGE_SIZE,
    });
    const confirmed = await services.seekers.listMatches(principal, {
      status: "confirmed",
      page: 1,
      pageSize: 10,
    });
    const rejected = await services.seekers.listMatches(principal, {
      status: "rejected",
      page: 1,
      pageSize: 10,
    });
    const decided = [...confirmed.items, ...rejected.items].sort((a, b) =>
      (b.decidedAt ?? "").localeCompare(a.decidedAt ?? ""),
    );
    const row = (i: (typeof pending.items)[number]) =>
      html`<tr><td>${i.seekerNumber}</td><td>${formatNumber(m.lang, i.score)}</td><td>${i.reasons.map((r) => `${x.fields[r.field] ?? r.field}: ${x.levels[r.level] ?? r.level}`).join("; ")}</td><td>${x.statuses[i.status] ?? i.status}</td>
<td><a href="/matches/${i.id}">${x.judge}<span class="visually-hidden"> ${i.seekerNumber}</span></a></td></tr>`;
    const head = [x.seeker, x.score, x.reasons, x.status, hiddenHeader(x.judge)];
    return ctx.send(
      x.title,
      html`<h1>${x.title}</h1>
<p>${x.intro}</p>
${table({ empty: x.empty, caption: `${x.statuses.pending} (${pending.total})`, head, rows: pending.items, row })}
${pagination(m, "/matches", {}, pageNo, PAGE_SIZE, pending.total)}
<h2>${x.decided}</h2>
${table({ empty: x.decidedEmpty, caption: x.decided, captionHidden: true, head, rows: decided, row })}`,
    );
  });

  getPage(app, kit, "/matches/:id", OFFICER, async (ctx, request) => {
    const { m } = ctx;
    const x = m.matches;
    const id = idOf(request);
    const match = await services.seekers.getMatch(...callerOf(request), id);
    const banner = meldingText(request, {
      bevestigd: x.confirmed,
      afgewezen: x.rejected,
      ongedaan: m.matchDecision.undone,
    });
    const csrf = request.session?.csrfToken ?? "";
    const { matchThreshold } = await services.organisations.settings();
    return ctx.send(
      x.detailTitle,
      html`<h1>${x.detailTitle}</h1>
${banner ? notice(banner) : ""}
<dl class="facts">
<dt>${x.seeker}</dt><dd>${match.seekerNumber}</dd>
<dt>${x.score}</dt><dd>${formatNumber(m.lang, match.score, 2)}</dd>
<dt>${x.status}</dt><dd>${x.statuses[match.status] ?? match.status}${match.block ? ` — ${x.blockSince(formatDate(m.lang, match.block.startDate))}` : ""}</dd>
<dt>${m.detail.title}</dt><dd><a href="/registraties/${match.registrationId}">${m.worklist.open}<span class="visually-hidden"> ${m.detail.title}</span></a></dd>
</dl>
<h2>${x.side}</h2>
${comparisonTable(m, match.registrationPerson, match.seekerPerson)}
<h2>${x.explanation}</h2>
<ul class="explanation" lang="nl">${match.explanation.map((e) => html`<li>${e.text}</li>`)}</ul>
${scoreInWords(m, match.score, matchThreshold)}
${reasonsTable(m, match.reasons, false)}
${
  match.status === "pending"
    ? html`<form method="post" action="/matches/${id}/besluit" class="decision">
${csrfField(csrf)}
<p class="warning">${x.intro}</p>
<div class="actions">
<button type="submit" name="decision" value="confirm" class="button button--primary">${x.confirm}</button>
<button type="submit" name="decision" value="reject" class="button button--secondary">${x.reject}</button>
</div>
</form>`
    : match.undoableUntil
      ? undoSection(m, id, match.undoableUntil, csrf)
      : ""
}
<p><a href="/matches">${x.title}</a></p>`,
    );
  });

  postPage(app, kit, "/matches/:id/besluit", OFFICER, async (ctx, request, reply) => {
    const id = idOf(request);
    const body = formOf(request.body);
    const decision = str(body, "decision");
    if (decision !== "confirm" && decision !== "reject") throw notFound("decision");
    // A block is asked once more, naming whom and until when (D-991).
    if (decision === "confirm" && str(body, "zeker") !== "ja") {
      return confirmStep(ctx, request, services, id);
    }
    await services.seekers.decide(...callerOf(request), id, decision);
    return reply.redirect(
      `/matches/${id}?melding=${decision === "confirm" ? "bevestigd" : "afgewezen"}`,
      303,
    );
  });
  registerMatchUndoPage(app, services, kit);
}
