import type { FastifyRequest } from "fastify";
import type { Services } from "../../modules/index.ts";
import { REGISTRATION_STATUSES } from "../../modules/registrations/schemas.ts";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { formatEuro } from "../../platform/money.ts";
import { isIsoDate } from "../../platform/werkdagen.ts";
import type { RuleViolation } from "../../protocol/engine.ts";
import { lastEndDate } from "../../protocol/parts.ts";
import { dateHtml, dateTimeHtml, formatDate } from "../format.ts";
import {
  confirmField,
  csrfField,
  dangerActions,
  errorSummary,
  errorText,
  type FieldErrors,
  formOf,
  pagination,
  selectField,
  str,
  textField,
} from "../forms.ts";
import { getPage, type Kit, notice, OFFICER, type PageContext } from "../kit.ts";
import { idParam, pageParam } from "../params.ts";
import { hiddenHeader, table, tableSection } from "../table.ts";
import { registrationCasesSection } from "./cases/sections.ts";
import { decisionRows, scopesCell } from "./registration-parts.ts";
import { waitingSection } from "./waiting-section.ts";
import {
  addWeighingErrors,
  NO_WEIGHING,
  readWeighing,
  WEIGHING_RULES,
  type WeighingValues,
  weighingText,
  weighingTexts,
  weighingValuesOf,
} from "./weighing-fields.ts";

const PAGE_SIZE = 25;

function idOf(request: FastifyRequest): string {
  return idParam(request, "registration");
}

export function registerRegistrationPages(app: App, services: Services, kit: Kit) {
  // The list: only non-personal filters, so the query string never holds personal data.
  getPage(app, kit, "/registraties", OFFICER, async (ctx, request) => {
    const { m } = ctx;
    const r = m.registrations;
    const q = request.query as Record<string, string | undefined>;
    const profile = await services.organisations.profile();
    const status = REGISTRATION_STATUSES.find((s) => s === q.status);
    const category = profile.categories.find((c) => c.code === q.category)?.code;
    const endBefore = q.endBefore && isIsoDate(q.endBefore) ? q.endBefore : undefined;
    const endBeforeError = q.endBefore && !endBefore ? m.fieldErrors.date : undefined;
    const pageNo = pageParam(q);
    const result = await services.registrations.listRegistrations(principalOf(request), {
      status,
      category,
      endBefore,
      page: pageNo,
      pageSize: PAGE_SIZE,
    });
    // Whom each row is about: decrypted for the officer, the look audited once (issue 21 part 6).
    const names = await services.registrations.namesOf(
      ...callerOf(request),
      result.items.map((x) => x.id),
    );
    const filtered = Boolean(status || category || endBefore);
    const errors: FieldErrors = new Map(endBeforeError ? [["endBefore", endBeforeError]] : []);
    const listing = table({
      empty: filtered ? r.emptyFiltered : r.empty,
      caption: r.caption(result.total),
      head: [
        m.personSearch.name,
        r.endDate,
        r.startDate,
        m.register.categoriesChosen,
        r.status,
        r.scope,
        r.objection,
        hiddenHeader(r.detail),
      ],
      rows: result.items,
      row: (
        x,
      ) => html`<tr><td>${names.get(x.id)?.name ?? m.none}</td><td>${dateHtml(m.lang, lastEndDate(x.parts))}</td><td>${dateHtml(m.lang, x.startDate)}</td><td>${x.categories.join(", ")}</td><td>${m.statuses[x.status] ?? x.status}</td><td>${scopesCell(m, x.parts)}</td>
<td>${x.objectionPending ? m.detail.objectionPending : x.objectionOutcome ? m.detail.objectionOutcome(x.objectionOutcome) : m.none}</td>
<td><a href="/registraties/${x.id}">${r.detail}<span class="visually-hidden"> ${names.get(x.id)?.name ?? x.id.slice(0, 8)}</span></a></td></tr>`,
    });
    return ctx.send(
      r.title,
      html`<h1>${r.title}</h1>
<p>${r.intro} <a href="/registraties/nieuw">${r.newOne}</a> <a href="/zoeken">${m.personSearch.title}</a></p>
${errorSummary(m, errors)}
<form method="get" action="/registraties" class="filter" role="search" aria-label="${r.filter}" hx-get="/registraties" hx-target="#inhoud" hx-select="#inhoud" hx-swap="outerHTML" hx-push-url="true" hx-trigger="change, submit">
${selectField({ m, name: "status", label: r.status, value: status ?? "", options: [{ value: "", label: r.anyStatus }, ...REGISTRATION_STATUSES.map((s) => ({ value: s, label: m.statuses[s] ?? s }))] })}
${selectField({ m, name: "category", label: r.category, value: category ?? "", options: [{ value: "", label: r.anyCategory }, ...profile.categories.map((c) => ({ value: c.code, label: `${c.code} ${c.title}` }))] })}
${textField({ m, name: "endBefore", label: r.endBefore, hint: r.endBeforeHint, value: q.endBefore, error: errors.get("endBefore"), width: "short", required: false })}
<button type="submit" class="button button--secondary">${r.apply}</button>
</form>
${listing}
${pagination(m, "/registraties", { status, category, endBefore }, pageNo, PAGE_SIZE, result.total)}`,
    );
  });

  async function detailPage(
    ctx: PageContext,
    request: FastifyRequest,
    id: string,
    banner?: SafeHtml,
    errors: FieldErrors = new Map(),
    weighing: WeighingValues = NO_WEIGHING,
  ) {
    const { m } = ctx;
    const d = m.detail;
    const principal = principalOf(request);
    const view = await services.registrations.getRegistration(...callerOf(request), id);
    const [history, letters, duties, cases] = await Promise.all([
      services.registrations.historyOf(principal, id),
      services.letters.listLetters(principal, { registrationId: id, page: 1, pageSize: 100 }),
      services.letters.listDuties(principal, { registrationId: id, page: 1, pageSize: 100 }),
      services.cases.listCases(principal, { registrationId: id, page: 1, pageSize: 50 }),
    ]);
    const names = await services.identity.colleagueNames(
      principal,
      history.flatMap((h) => (h.actor.type === "user" && h.actor.id ? [h.actor.id] : [])),
    );
    const p = view.person;
    const csrf = request.session?.csrfToken ?? "";
    const a = view.address;
    const who = (h: (typeof history)[number]) =>
      h.actor.type === "user" && h.actor.id && names.has(h.actor.id)
        ? `${names.get(h.actor.id)} (${m.roles[h.actor.role ?? ""] ?? h.actor.role ?? ""})`
        : h.actor.role
          ? (m.roles[h.actor.role] ?? h.actor.role)
          : h.actor.type;
    const title = `${d.title} ${view.categories.join(", ")}`;
    return ctx.send(
      title,
      html`<h1>${d.title} <span class="subtitle">${view.categories.join(", ")} · ${m.statuses[view.status] ?? view.status}</span></h1>
${banner ?? ""}
${errorSummary(m, errors)}
<div class="columns">
<section aria-labelledby="h-person"><h2 id="h-person">${d.person}</h2>
<dl class="facts">
<dt>${m.person.initials}</dt><dd>${p.initials}</dd>
${p.firstNames ? html`<dt>${m.person.firstNames}</dt><dd>${p.firstNames}</dd>` : ""}
${p.prefix ? html`<dt>${m.person.prefix}</dt><dd>${p.prefix}</dd>` : ""}
<dt>${m.person.surname}</dt><dd>${p.surname}</dd>
${p.birthName ? html`<dt>${m.person.birthName}</dt><dd>${p.birthName}</dd>` : ""}
<dt>${m.person.birthDate}</dt><dd>${dateHtml(m.lang, p.birthDate)}</dd>
${p.gender ? html`<dt>${m.person.gender}</dt><dd>${m.person.genders[p.gender] ?? p.gender}</dd>` : ""}
${p.email ? html`<dt>${m.person.email}</dt><dd>${p.email}</dd>` : ""}
${p.seekerNumber ? html`<dt>${m.person.seekerNumber}</dt><dd>${p.seekerNumber}</dd>` : ""}
</dl>
<h3>${d.address}</h3>
${a ? html`<p>${a.street} ${a.houseNumber}${a.houseNumberAddition ? ` ${a.houseNumberAddition}` : ""}<br>${a.postcode} ${a.city}${a.country ? html`<br>${a.country}` : ""}</p>` : html`<p>${d.noAddress}</p>`}
</section>
<section aria-labelledby="h-facts"><h2 id="h-facts">${d.facts}</h2>
<dl class="facts">
${decisionRows(m, view)}
${view.claimCents !== null ? html`<dt>${m.register.claim}</dt><dd>${formatEuro(view.claimCents, ctx.lang)}</dd>` : ""}
<dt>${weighingTexts[ctx.lang].shown.title}</dt><dd>${weighingText(ctx.lang, view.weighing)}</dd>
<dt>${d.objection}</dt><dd>${view.objectionPending ? d.objectionPending : view.objectionOutcome ? d.objectionOutcome(view.objectionOutcome) : d.objectionNone}</dd>
<dt>${d.restriction}</dt><dd>${view.restrictionReason ? (m.restrictionReasons[view.restrictionReason] ?? view.restrictionReason) : d.notRestricted}</dd>
<dt>${m.registrations.status}</dt><dd>${m.statuses[view.status] ?? view.status}</dd>
</dl>
</section>
</div>
${waitingSection(m, csrf, view, errors, weighing)}
<section aria-labelledby="h-actions"><h2 id="h-actions">${d.actions}</h2>
<ul class="action-list">
<li><a href="/registraties/${id}/wijzigen">${d.change}</a></li>
<li><a href="/registraties/${id}/verwijderen">${d.erase}</a></li>
</ul>
${
  view.restrictionReason
    ? html`<form method="post" action="/registraties/${id}/beperking-opheffen">${csrfField(csrf)}<button type="submit" class="button button--secondary">${d.lift}</button></form>`
    : html`<form method="post" action="/registraties/${id}/beperken" class="inline-fields">${csrfField(csrf)}
${selectField({ m, name: "reason", label: d.restrictReason, value: "accuracy_contested", options: Object.entries(m.restrictionReasons).map(([value, label]) => ({ value, label })) })}
<button type="submit" class="button button--secondary">${d.restrictSubmit}</button></form>`
}
</section>
${registrationCasesSection(m, id, cases.items)}
${tableSection(
  "letters",
  {
    empty: d.lettersEmpty,
    caption: d.letters,
    head: [m.worklist.due, m.worklist.kind, m.worklist.status, hiddenHeader(d.pdf)],
    rows: letters.items,
    row: (
      l,
    ) => html`<tr><td>${dateHtml(m.lang, l.letterDate)}</td><td>${m.dutyKinds[l.kind] ?? l.kind}</td><td>${m.letterStatuses[l.status] ?? l.status}</td>
<td>${l.contentAvailable ? html`<a href="/api/v1/letters/${l.id}/pdf">${d.pdf}<span class="visually-hidden"> ${m.dutyKinds[l.kind] ?? l.kind} ${formatDate(m.lang, l.letterDate)}</span></a>` : m.none}</td></tr>`,
  },
  {
    more: html`<h3>${d.duties}</h3>
${
  duties.items.length === 0
    ? html`<p class="empty">${d.dutiesEmpty}</p>`
    : html`<ul>${duties.items.map(
        (x) =>
          html`<li>${m.dutyKinds[x.kind] ?? x.kind}: ${m.dutyStatuses[x.status] ?? x.status}, ${m.worklist.due.toLowerCase()} ${dateHtml(m.lang, x.dueDate)}${x.overdue ? html` <strong class="badge badge--overdue">${m.worklist.overdue}</strong>` : ""} <span class="source">(${x.source})</span></li>`,
      )}</ul>`
}`,
  },
)}
${tableSection("history", {
  empty: d.historyEmpty,
  caption: d.history,
  head: [d.when, d.who, d.what, d.fields],
  rows: history,
  row: (h) =>
    html`<tr><td>${dateTimeHtml(m.lang, h.occurredAt)}</td><td>${who(h)}</td><td>${d.actions_[h.action] ?? h.action}</td><td>${h.fields.join(", ") || m.none}</td></tr>`,
})}`,
      errors.size > 0 ? 422 : 200,
    );
  }

  getPage(app, kit, "/registraties/:id", OFFICER, async (ctx, request) => {
    const id = idOf(request);
    const melding = (request.query as Record<string, string | undefined>).melding;
    const texts: Record<string, string> = {
      nieuw: ctx.m.register.created,
      gewijzigd: ctx.m.detail.changed,
      beperkt: ctx.m.detail.restricted,
      opgeheven: ctx.m.detail.lifted,
      "wacht-op-tweede": ctx.m.detail.waitsForSecond,
      bevestigd: ctx.m.detail.confirmedHere,
    };
    return detailPage(
      ctx,
      request,
      id,
      melding && texts[melding] ? notice(texts[melding]) : undefined,
    );
  });

  // The confirmation of a draft or a lengthening on the registration's own page (D-961): a
  // refusal (no declaration, the same officer, nothing waiting) shows on the page, unchanged.
  app.post(
    "/registraties/:id/bevestiging",
    { config: { access: OFFICER } },
    async (request, reply) => {
      const ctx = await kit.contextOf(request, reply);
      const id = idOf(request);
      const errors: FieldErrors = new Map();
      const form = formOf(request.body);
      // A draft without a weighing asks the confirming officer's (003 §12.1; D-1060); given
      // where it is not needed, the recorded one stands.
      const values = weighingValuesOf(form);
      const given = values.interestsWeighed || values.term !== "" || values.shorterReason !== "";
      const weighing = given ? readWeighing(ctx.lang, values, errors) : undefined;
      if (str(form, "declaration") !== "yes") {
        errors.set("declaration", ctx.m.worklist.declarationMissing);
      }
      if (errors.size > 0) return detailPage(ctx, request, id, undefined, errors, values);
      try {
        await services.registrations.confirmRegistration(...callerOf(request), id, { weighing });
      } catch (err) {
        if (!(err instanceof AppError) || ![403, 409, 422].includes(err.status)) throw err;
        const details = err.details as { violations?: RuleViolation[] } | undefined;
        const refusals = details?.violations ?? [
          { rule: err.code, source: "", message: err.message },
        ];
        addWeighingErrors(ctx.lang, refusals, errors);
        const others = refusals.filter((v) => !WEIGHING_RULES.has(v.rule));
        if (others.length > 0) {
          errors.set(
            "declaration",
            others.map((v) => errorText(ctx.m, v.rule, v.message)).join(" "),
          );
        }
        return detailPage(ctx, request, id, undefined, errors, values);
      }
      return reply.redirect(`/registraties/${id}?melding=bevestigd`, 303);
    },
  );

  app.post(
    "/registraties/:id/beperken",
    { config: { access: OFFICER } },
    async (request, reply) => {
      const id = idOf(request);
      const reason = str(formOf(request.body), "reason");
      if (!["accuracy_contested", "objection_pending", "rights_request"].includes(reason)) {
        throw new AppError("invalid_input", "Choose a reason.", { code: "invalid_input" });
      }
      await services.registrations.restrict(
        ...callerOf(request),
        id,
        reason as "accuracy_contested",
      );
      return reply.redirect(`/registraties/${id}?melding=beperkt`, 303);
    },
  );

  app.post(
    "/registraties/:id/beperking-opheffen",
    { config: { access: OFFICER } },
    async (request, reply) => {
      const id = idOf(request);
      await services.registrations.liftRestriction(...callerOf(request), id);
      return reply.redirect(`/registraties/${id}?melding=opgeheven`, 303);
    },
  );

  const erasePage = (ctx: PageContext, id: string, csrf: string, errors: FieldErrors) => {
    const d = ctx.m.detail;
    return html`<h1>${d.eraseTitle}</h1>
${errorSummary(ctx.m, errors)}
<div class="notice notice--warning"><p>${d.eraseWarning}</p></div>
<form method="post" action="/registraties/${id}/verwijderen" novalidate>
${csrfField(csrf)}
${confirmField(errors, d.eraseConfirm)}
${dangerActions(d.eraseSubmit, `/registraties/${id}`, ctx.m.cancel)}
</form>`;
  };

  getPage(app, kit, "/registraties/:id/verwijderen", OFFICER, async (ctx, request) => {
    const id = idOf(request);
    // Only to find out that it exists and is ours (404 otherwise), without reading the person.
    await services.registrations.historyOf(principalOf(request), id);
    return ctx.send(
      ctx.m.detail.eraseTitle,
      erasePage(ctx, id, request.session?.csrfToken ?? "", new Map()),
    );
  });

  app.post(
    "/registraties/:id/verwijderen",
    { config: { access: OFFICER } },
    async (request, reply) => {
      const ctx = await kit.contextOf(request, reply);
      const id = idOf(request);
      if (str(formOf(request.body), "confirm") !== "yes") {
        const errors: FieldErrors = new Map([["confirm", ctx.m.detail.eraseConfirmMissing]]);
        return ctx.send(
          ctx.m.detail.eraseTitle,
          erasePage(ctx, id, request.session?.csrfToken ?? "", errors),
          422,
        );
      }
      await services.registrations.eraseRegistration(...callerOf(request), id);
      return ctx.send(
        ctx.m.detail.eraseTitle,
        html`<h1>${ctx.m.detail.eraseTitle}</h1>${notice(ctx.m.detail.erased)}<p><a href="/registraties">${ctx.m.registrations.title}</a></p>`,
      );
    },
  );
}
