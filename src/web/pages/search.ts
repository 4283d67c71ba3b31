/**
 * Find a person (issue 21 part 6; usability review defect 3): `/zoeken` for officers. The person
 * goes in a POST body only, never in a URL (D-203); the answer is the registrations service's
 * search (blind index, matching engine, the caller's own organisation, audited with its purpose).
 */
import type { FastifyRequest } from "fastify";
import type { Services } from "../../modules/index.ts";
import { displayName } from "../../modules/registrations/read-models/person-names.ts";
import { SEARCH_PURPOSES, searchPerson } from "../../modules/registrations/schemas.ts";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { html } from "../../platform/html.ts";
import { lastEndDate } from "../../protocol/parts.ts";
import { dateHtml } from "../format.ts";
import {
  choiceField,
  csrfField,
  errorSummary,
  type FieldErrors,
  formOf,
  str,
  zodFieldErrors,
} from "../forms.ts";
import { getPage, type Kit, OFFICER, type PageContext, postPage } from "../kit.ts";
import { table } from "../table.ts";
import { personFields, type Values, valuesOf } from "./person-fields.ts";

/** The person fields the search asks for: what matching reads, without contact data. */
const SEARCH_FIELDS = ["initials", "firstNames", "prefix", "surname", "birthName", "birthDate"];

function searchForm(
  ctx: PageContext,
  request: FastifyRequest,
  values: Values,
  purpose: string,
  errors: FieldErrors,
) {
  const { m } = ctx;
  const s = m.personSearch;
  return html`${errorSummary(m, errors)}
<form method="post" action="/zoeken" novalidate>
${csrfField(request.session?.csrfToken ?? "")}
${choiceField({ m, name: "purpose", type: "radio", legend: s.purpose, error: errors.get("purpose"), options: SEARCH_PURPOSES.map((p) => ({ value: p, label: s.purposes[p] ?? p })), checked: [purpose] })}
${personFields(m, values, errors, { only: SEARCH_FIELDS, withEmail: false, withSeekerNumber: false })}
<button type="submit" class="button button--primary">${s.submit}</button>
</form>`;
}

export function registerSearchPages(app: App, services: Services, kit: Kit) {
  getPage(app, kit, "/zoeken", OFFICER, async (ctx, request) => {
    const s = ctx.m.personSearch;
    return ctx.send(
      s.title,
      html`<h1>${s.title}</h1>
<p>${s.intro}</p>
${searchForm(ctx, request, {}, "", new Map())}`,
    );
  });

  postPage(app, kit, "/zoeken", OFFICER, async (ctx, request) => {
    const { m } = ctx;
    const s = m.personSearch;
    const body = formOf(request.body);
    const values = valuesOf(body, "person", SEARCH_FIELDS);
    const purposeValue = str(body, "purpose");
    const errors: FieldErrors = new Map();
    const purpose = SEARCH_PURPOSES.find((p) => p === purposeValue);
    if (!purpose) errors.set("purpose", s.purposeMissing);
    const parsed = searchPerson.safeParse(values);
    if (!parsed.success) zodFieldErrors(m, parsed.error, "person", errors);
    if (errors.size > 0 || !purpose || !parsed.success) {
      // Nothing typed is lost: the form comes back with every value and a message per field.
      return ctx.send(
        s.title,
        html`<h1>${s.title}</h1>
<p>${s.intro}</p>
${searchForm(ctx, request, values, purposeValue, errors)}`,
        422,
      );
    }
    const answer = await services.registrations.searchRegistrations(...callerOf(request), {
      person: parsed.data,
      purpose,
    });
    const principal = principalOf(request);
    const cases = await Promise.all(
      answer.results.map((r) =>
        services.cases.listCases(principal, {
          registrationId: r.registration.id,
          page: 1,
          pageSize: 5,
        }),
      ),
    );
    const listing = table({
      empty: s.none,
      caption: s.resultTitle,
      captionHidden: true,
      head: [s.name, s.birthDate, s.categories, s.status, s.endDate, s.likeness, s.cases, s.open],
      rows: answer.results.map((r, i) => ({ ...r, cases: cases[i]!.items })),
      row: (r) => {
        const p = r.person;
        const name = displayName(p);
        return html`<tr><td>${name}</td><td>${dateHtml(m.lang, p.birthDate)}</td>
<td>${r.registration.categories.join(", ")}</td><td>${m.statuses[r.registration.status] ?? r.registration.status}</td><td>${dateHtml(m.lang, lastEndDate(r.registration.parts))}</td>
<td><strong>${r.likely ? s.likely : s.possible}</strong><ul class="plain-list">${r.explanation.map((e) => html`<li>${e.text}</li>`)}</ul></td>
<td>${r.cases.length === 0 ? s.noCases : html`<ul class="plain-list">${r.cases.map((c) => html`<li><a href="/zaken/${c.id}">${c.reference}</a> ${m.caseTypes[c.type] ?? c.type}</li>`)}</ul>`}</td>
<td><a href="/registraties/${r.registration.id}">${s.open}<span class="visually-hidden"> ${name}</span></a><br>
<a href="/zaken/nieuw?registratie=${r.registration.id}">${s.newCase}<span class="visually-hidden"> ${name}</span></a></td></tr>`;
      },
    });
    return ctx.send(
      s.resultTitle,
      html`<h1>${s.resultTitle}</h1>
<p role="status">${answer.results.length === 0 ? s.none : s.resultIntro(answer.results.length)}</p>
${answer.results.length === 0 ? "" : listing}
<h2>${s.again}</h2>
${searchForm(ctx, request, values, purpose, new Map())}`,
    );
  });
}
