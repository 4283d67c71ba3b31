import type { FastifyReply, FastifyRequest } from "fastify";
import type { Services } from "../../../modules/index.ts";
import { callerOf, principalOf } from "../../../platform/auth/access.ts";
import type { App } from "../../../platform/context.ts";
import { AppError } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { defineCatalogue } from "../../../platform/i18n.ts";
import { dateTimeHtml } from "../../format.ts";
import { csrfField } from "../../forms.ts";
import { getPage, type Kit, notice, type PageContext, postPage } from "../../kit.ts";
import { idParam } from "../../params.ts";
import { hiddenHeader, table } from "../../table.ts";
import { meldingBanner } from "../melding.ts";
import { ADMIN, secretBox } from "./common.ts";

/**
 * Four eyes for auditor access (F16), as the consortium admins see it: what was asked, by whom,
 * and the buttons to approve (another admin) or refuse (anyone; the one who asked: withdraw).
 */
export const auditorRequestTexts = defineCatalogue(
  "admin.auditor-requests",
  {
    title: "Goedkeuringen voor auditors",
    intro:
      "Een nieuwe organisatie van auditors, een API-sleutel of een account met de rol auditor werkt pas als een tweede beheerder van het samenwerkingsverband het goedkeurt. De auditors krijgen er een e-mail over.",
    caption: (n: number) => (n === 1 ? "1 aanvraag" : `${n} aanvragen`),
    empty: "Er zijn geen aanvragen.",
    what: "Wat",
    askedBy: "Aangevraagd door",
    askedAt: "Aangevraagd op",
    status: "Stand",
    actions: "Handelingen",
    kinds: {
      organisation: (name: string) => `Nieuwe organisatie van auditors: ${name}`,
      api_key: (name: string) => `API-sleutel voor ${name}`,
      user: (name: string) => `Account voor ${name}`,
      reset: (name: string) => `Nieuw eenmalig wachtwoord voor ${name}`,
    },
    statuses: { pending: "wacht op goedkeuring", approved: "goedgekeurd", rejected: "afgewezen" },
    approve: "Goedkeuren",
    reject: "Afwijzen",
    withdraw: "Intrekken",
    byYou: "u zelf",
    aKey: "een API-sleutel",
    asked:
      "Aangevraagd. Een andere beheerder van het samenwerkingsverband moet dit nog goedkeuren.",
    approved: "Goedgekeurd: het is gemaakt.",
    rejected: "De aanvraag is afgewezen.",
    keyTitle: "De nieuwe API-sleutel",
    keyOnce: "Kopieer de sleutel nu: hij wordt maar één keer getoond.",
    passwordTitle: "Het eenmalige wachtwoord",
    passwordOnce: (email: string) =>
      `Geef dit wachtwoord aan ${email}. Het werkt één keer; daarna kiest de persoon een eigen wachtwoord.`,
    refusals: {
      four_eyes_same_person:
        "U heeft dit zelf aangevraagd. Een andere beheerder van het samenwerkingsverband moet het goedkeuren.",
      request_already_decided: "Over deze aanvraag is al besloten.",
      other: "Dit kon niet: ",
    },
  },
  {
    title: "Approvals for auditors",
    intro:
      "A new auditing organisation, an API key or an account with the role auditor takes effect only when a second administrator of the consortium approves it. The auditors are told by e-mail.",
    caption: (n: number) => (n === 1 ? "1 request" : `${n} requests`),
    empty: "There are no requests.",
    what: "What",
    askedBy: "Asked by",
    askedAt: "Asked on",
    status: "Status",
    actions: "Actions",
    kinds: {
      organisation: (name: string) => `New auditing organisation: ${name}`,
      api_key: (name: string) => `API key for ${name}`,
      user: (name: string) => `Account for ${name}`,
      reset: (name: string) => `New one-time password for ${name}`,
    },
    statuses: { pending: "waiting for approval", approved: "approved", rejected: "refused" },
    approve: "Approve",
    reject: "Refuse",
    withdraw: "Withdraw",
    byYou: "you",
    aKey: "an API key",
    asked: "Asked. Another administrator of the consortium still has to approve it.",
    approved: "Approved: it has been made.",
    rejected: "The request was refused.",
    keyTitle: "The new API key",
    keyOnce: "Copy the key now: it is shown only once.",
    passwordTitle: "The one-time password",
    passwordOnce: (email: string) =>
      `Give this password to ${email}. It works once; then the person chooses their own password.`,
    refusals: {
      four_eyes_same_person:
        "You asked for this yourself. Another administrator of the consortium must approve it.",
      request_already_decided: "This request has already been decided.",
      other: "This was not possible: ",
    },
  },
);

/** Where a page that asked for auditor access sends the admin: the list, with the notice. */
export function toAuditorRequests(reply: FastifyReply) {
  return reply.redirect("/beheer/goedkeuringen?melding=aangevraagd", 303);
}

export function registerAuditorRequestPages(app: App, services: Services, kit: Kit) {
  async function listPage(
    ctx: PageContext,
    request: FastifyRequest,
    banner?: SafeHtml,
    status = 200,
  ) {
    const t = auditorRequestTexts[ctx.lang];
    const principal = principalOf(request);
    const [requests, users, orgs] = await Promise.all([
      services.identity.listAuditorRequests(principal),
      services.identity.listUsers(principal),
      services.organisations.listOrganisations(principal),
    ]);
    const userName = new Map(users.map((u) => [u.id, u.displayName]));
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const csrf = request.session?.csrfToken ?? "";
    const button = (id: string, action: string, label: string) =>
      html`<form method="post" action="/beheer/goedkeuringen/${id}/${action}" class="inline-form">${csrfField(csrf)}<button type="submit" class="link-button">${label}</button></form>`;
    return ctx.send(
      t.title,
      html`<h1>${t.title}</h1>
${banner ?? ""}
<p>${t.intro}</p>
${table({
  empty: t.empty,
  caption: t.caption(requests.length),
  head: [t.what, t.askedBy, t.askedAt, t.status, hiddenHeader(t.actions)],
  rows: requests,
  row: (r) => {
    const d = r.details as { name?: string; email?: string; displayName?: string };
    const subject =
      r.kind === "organisation"
        ? (d.name ?? "")
        : r.kind === "user" || r.kind === "reset"
          ? `${d.displayName ?? ""} (${orgName.get(r.organisationId ?? "") ?? ""})`
          : (orgName.get(r.organisationId ?? "") ?? "");
    const mine = r.requestedBy === principal.id;
    const by = mine ? t.byYou : (userName.get(r.requestedBy) ?? t.aKey);
    const actions =
      r.status !== "pending"
        ? ""
        : html`${mine ? "" : button(r.id, "goedkeuren", t.approve)} ${button(r.id, "afwijzen", mine ? t.withdraw : t.reject)}`;
    return html`<tr><td>${t.kinds[r.kind](subject)}</td><td>${by}</td><td>${dateTimeHtml(ctx.lang, r.requestedAt)}</td><td>${t.statuses[r.status]}</td><td>${actions}</td></tr>`;
  },
})}`,
      status,
    );
  }

  /** A refusal of a decision, in the page's words (no codes). */
  function refusal(ctx: PageContext, err: AppError): SafeHtml {
    const t = auditorRequestTexts[ctx.lang].refusals;
    const text =
      err.code === "four_eyes_same_person" || err.code === "request_already_decided"
        ? t[err.code]
        : `${t.other}${err.message}`;
    return html`<div class="notice notice--info" role="alert"><p>${text}</p></div>`;
  }

  getPage(app, kit, "/beheer/goedkeuringen", ADMIN, async (ctx, request) => {
    const t = auditorRequestTexts[ctx.lang];
    const banner = meldingBanner(request, { aangevraagd: t.asked, afgewezen: t.rejected });
    return listPage(ctx, request, banner);
  });

  postPage(app, kit, "/beheer/goedkeuringen/:id/goedkeuren", ADMIN, async (ctx, request) => {
    const t = auditorRequestTexts[ctx.lang];
    const id = idParam(request, "auditor request");
    try {
      const done = await services.identity.approveAuditorRequest(...callerOf(request), id);
      // A key or one-time password: shown once, in this answer only.
      const secret = done.apiKey
        ? secretBox(t.keyTitle, t.keyOnce, done.apiKey.key)
        : done.user && done.activationPassword
          ? secretBox(t.passwordTitle, t.passwordOnce(done.user.email), done.activationPassword)
          : html``;
      return listPage(ctx, request, html`${notice(t.approved)}${secret}`);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500 || err.status === 404) throw err;
      return listPage(ctx, request, refusal(ctx, err), err.status === 409 ? 409 : 422);
    }
  });

  postPage(app, kit, "/beheer/goedkeuringen/:id/afwijzen", ADMIN, async (ctx, request, reply) => {
    const id = idParam(request, "auditor request");
    try {
      await services.identity.rejectAuditorRequest(...callerOf(request), id);
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 409) throw err;
      return listPage(ctx, request, refusal(ctx, err), 409);
    }
    return reply.redirect("/beheer/goedkeuringen?melding=afgewezen", 303);
  });
}
