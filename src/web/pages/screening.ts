import type { Services } from "../../modules/index.ts";
import { SCREENING_PURPOSES } from "../../modules/screenings/tables.ts";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { html } from "../../platform/html.ts";
import { choiceField, csrfField, errorSummary, type FieldErrors, formOf, str } from "../forms.ts";
import { getPage, type Kit, type PageContext, postPage } from "../kit.ts";
import {
  type PersonAndAddressValues,
  personAndAddressFields,
  personAndAddressValues,
  readPersonAndAddress,
} from "./person-fields.ts";
import { screeningAnswerHtml } from "./screening-answer.ts";
import { screeningDutyNotice, screeningEcho } from "./screening-history.ts";

const SCREENERS = { roles: ["querier", "officer"], scope: "own" } as const;

/**
 * Screening (toetsing): the person goes in a POST body only, never in a URL. The answer shows
 * hit or no hit and only the fields the profile grants this role; a hit names the duty to
 * inform the person, with its term and article from the profile.
 */
export function registerScreeningPages(app: App, services: Services, kit: Kit) {
  const form = (
    ctx: PageContext,
    csrf: string,
    values: PersonAndAddressValues,
    purpose: string,
    errors: FieldErrors,
  ) => {
    const { m } = ctx;
    const s = m.screening;
    return html`<h1>${s.title}</h1>
<p>${s.intro}</p>
${errorSummary(m, errors)}
<form method="post" action="/toetsen" novalidate>
${csrfField(csrf)}
${choiceField({ m, name: "purpose", type: "radio", legend: s.purpose, error: errors.get("purpose"), options: SCREENING_PURPOSES.map((p) => ({ value: p, label: s.purposes[p] ?? p })), checked: [purpose] })}
${personAndAddressFields(m, values, errors, { legend: s.addressLegend, hint: m.register.addressHint }, { withEmail: false })}
<button type="submit" class="button button--primary">${s.submit}</button>
</form>
<p><a href="/toetsen/geschiedenis">${m.screeningDesk.history}</a></p>`;
  };

  getPage(app, kit, "/toetsen", SCREENERS, async (ctx, request) => {
    return ctx.send(
      ctx.m.screening.title,
      form(
        ctx,
        request.session?.csrfToken ?? "",
        { person: {}, address: {} },
        // No purpose chosen for the querier: every screening is logged with the one they pick.
        "",
        new Map(),
      ),
    );
  });

  postPage(app, kit, "/toetsen", SCREENERS, async (ctx, request) => {
    const { m } = ctx;
    const s = m.screening;
    const body = formOf(request.body);
    const csrf = request.session?.csrfToken ?? "";
    const values = personAndAddressValues(body, { withEmail: false });
    const purpose = str(body, "purpose");
    const errors: FieldErrors = new Map();
    const validPurpose = SCREENING_PURPOSES.find((p) => p === purpose);
    if (!validPurpose) errors.set("purpose", s.purposeMissing);
    const { person, address } = readPersonAndAddress(m, values, errors);
    if (errors.size > 0 || !person || address === null || !validPurpose) {
      return ctx.send(s.title, form(ctx, csrf, values, purpose, errors), 422);
    }
    const answer = await services.screenings.screen(...callerOf(request), {
      person,
      purpose: validPurpose,
      ...(address ? { address } : {}),
    });
    const profile = await services.organisations.profile();
    return ctx.send(
      s.resultTitle,
      html`<h1>${s.resultTitle}</h1>
${screeningAnswerHtml(ctx, answer)}
${screeningEcho(m, person, validPurpose)}
${answer.hit ? screeningDutyNotice(m, principalOf(request), profile, validPurpose) : ""}
<p class="source">${s.reference}: <code>${answer.id}</code></p>
<p><a href="/toetsen">${s.again}</a> · <a href="/toetsen/geschiedenis">${m.screeningDesk.history}</a></p>`,
    );
  });
}
