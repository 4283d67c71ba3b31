import type { FastifyRequest } from "fastify";
import { publicRequestBody } from "../../modules/cases/schemas.ts";
import {
  caseTypesInProfile,
  EXPLANATION_MAX,
  PUBLIC_REQUEST_TYPES,
} from "../../modules/cases/service.ts";
import type { Services } from "../../modules/index.ts";
import { requestMeta } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import {
  COMPLAINT_ROUTE_ARTICLES,
  citeArticle,
  citeSource,
  OBJECTION_BY_POST,
} from "../../protocol/citation.ts";
import { describeProfile } from "../../protocol/engine.ts";
import { dateHtml, formatDate } from "../format.ts";
import {
  choiceField,
  errorSummary,
  type FieldErrors,
  formOf,
  selectField,
  str,
  textArea,
  textField,
  zodFieldErrors,
} from "../forms.ts";
import { getPage, type Kit, type PageContext } from "../kit.ts";
import { table } from "../table.ts";
import { categoryUseHtml } from "./category-use.ts";
import {
  personAndAddressFields,
  personAndAddressValues,
  readPersonAndAddress,
  type Values,
} from "./person-fields.ts";

const PUBLIC = { config: { access: "public" } } as const;
/** The deadlines shown on the objection page: what the person may count on. */
const OBJECTION_DEADLINES = [
  "objection_acknowledgement",
  "objection_decision",
  "upheld_objection_removal",
  "appeal_window",
  "access_request_decision",
  "rectification_request_decision",
  "erasure_request_decision",
];

function paragraphs(items: readonly string[]): SafeHtml {
  return html`${items.map((p) => html`<p>${p}</p>`)}`;
}

/**
 * The public pages (issue #10, no sign-in): what the register is, its categories and terms,
 * the participants, the person's rights, how to object, the consortium's contact details and
 * the request form. Texts come from the catalogue (Dutch first, `?lang=en`), rules from the
 * region's profile (describeProfile), requests go to cases.createPublicRequest.
 */
export function registerPublicPages(app: App, services: Services, kit: Kit) {
  getPage(app, kit, "/signaleringslijst", "public", async (ctx) => {
    const p = ctx.m.admin.pub;
    return ctx.send(
      p.aboutTitle,
      html`<h1>${p.aboutTitle}</h1>
${paragraphs(p.about)}
<h2>${p.howTitle}</h2>
<ol>${p.how.map((s) => html`<li>${s}</li>`)}</ol>
<p><a href="/categorieen">${ctx.m.admin.nav.categories}</a> · <a href="/rechten">${p.rightsTitle}</a> · <a href="/deelnemers">${p.participantsTitle}</a></p>`,
    );
  });

  getPage(app, kit, "/categorieen", "public", async (ctx) => {
    const p = ctx.m.admin.pub;
    const rules = await services.organisations.profile();
    const profile = describeProfile(rules);
    // D-766: only the categories the region uses (kkr PSY only once switched on).
    const switchedOn = await services.organisations.categoriesSwitchedOn();
    const inUse = profile.categories.filter((c) => !c.regionOptIn || switchedOn.includes(c.code));
    // The protocol by its name and article, never our seed numbers (G-10).
    const cite = (source: string) => citeSource(rules.id, source, ctx.lang);
    return ctx.send(
      p.categoriesTitle,
      html`<h1>${p.categoriesTitle}</h1>
<p>${p.categoriesIntro(profile.title)}</p>
${categoryUseHtml(ctx, rules, switchedOn)}
${inUse.map(
  (c) => html`<section class="category" aria-labelledby="cat-${c.code}">
<h2 id="cat-${c.code}" lang="nl">${c.code} — ${c.title}</h2>
<p lang="nl">${c.description}</p>
<p>${p.maxTerm(c.term.maxMonths)} <span class="rule">(${cite(c.term.source)})</span></p>
${
  c.criteria.length > 0
    ? html`<h3>${p.criteria}</h3><ul lang="nl">${c.criteria.map((k) => html`<li>${k.text} <span class="rule">(${cite(k.source)})</span></li>`)}</ul>`
    : ""
}
</section>`,
)}`,
    );
  });

  getPage(app, kit, "/deelnemers", "public", async (ctx) => {
    const p = ctx.m.admin.pub;
    const region = await services.organisations.region();
    const rows = await services.organisations.listPublicParticipants();
    const list = table({
      empty: p.participantsEmpty,
      caption: p.participantsCaption(region.name),
      head: [p.organisation, p.city, p.objectTo, p.dpo, p.since],
      rows,
      row: (r) =>
        html`<tr><td>${r.name}</td><td>${r.city ?? ""}</td><td>${r.objectionAddress ?? ""}</td><td>${
          r.dpo
            ? html`${r.dpo.name}<br><a href="mailto:${r.dpo.email}">${r.dpo.email}</a>${r.dpo.phone ? html`<br>${r.dpo.phone}` : ""}`
            : ""
        }</td><td>${r.participantSince ? dateHtml(ctx.lang, r.participantSince) : ""}</td></tr>`,
    });
    return ctx.send(
      p.participantsTitle,
      html`<h1>${p.participantsTitle}</h1>
<p>${p.participantsIntro(region.name)}</p>
${list}
<p><a href="/verzoek">${p.requestLink}</a></p>`,
    );
  });

  getPage(app, kit, "/rechten", "public", async (ctx) => {
    const p = ctx.m.admin.pub;
    return ctx.send(
      p.rightsTitle,
      html`<h1>${p.rightsTitle}</h1>
<dl class="facts">${p.rights.map(([t, d]) => html`<dt>${t}</dt><dd>${d}</dd>`)}</dl>
<h2>${p.requestTitle}</h2>
<p>${p.rightsHow}</p>
<p>${p.rightsIdentity}</p>
<p><a href="/verzoek">${p.requestLink}</a></p>`,
    );
  });

  getPage(app, kit, "/bezwaar", "public", async (ctx) => {
    const p = ctx.m.admin.pub;
    const rules = await services.organisations.profile();
    const profile = describeProfile(rules);
    const deadlines = profile.deadlines.filter((d) => OBJECTION_DEADLINES.includes(d.key));
    // The true route (003 §4.5, §16.4; 001 §11, Bijlage 2 art. 5): never the Huurcommissie.
    const appeal = profile.deadlines.find((d) => d.key === "appeal_window");
    const steps = [
      ...p.objectionSteps,
      ...(OBJECTION_BY_POST[rules.id] ? [p.objectionByPost] : []),
      ...(appeal ? [p.appealRoute(appeal.termText)] : p.complaintRoute),
      p.courtAndAp,
    ];
    const routeCite = citeArticle(rules.id, COMPLAINT_ROUTE_ARTICLES[rules.id], ctx.lang);
    return ctx.send(
      p.objectionTitle,
      html`<h1>${p.objectionTitle}</h1>
<ol>${steps.map((s) => html`<li>${s}</li>`)}</ol>
<p>${p.routeSource(routeCite)}</p>
${
  deadlines.length > 0
    ? html`<h2>${p.termsTitle}</h2>
${ctx.m.admin.protocol.quotedDutch() ? html`<p class="hint">${ctx.m.admin.protocol.quotedDutch()}</p>` : ""}
${table({ caption: p.termsTitle, captionHidden: true, head: [ctx.m.admin.protocol.what, ctx.m.admin.protocol.deadline, ctx.m.admin.protocol.source], rows: deadlines, row: (d) => html`<tr><td lang="nl">${d.text}</td><td lang="nl">${d.termText}</td><td>${citeSource(rules.id, d.source, ctx.lang)}</td></tr>` })}`
    : ""
}
<p><a href="/deelnemers">${p.participantsTitle}</a> · <a href="/verzoek">${p.requestLink}</a></p>`,
    );
  });

  getPage(app, kit, "/contact", "public", async (ctx) => {
    const p = ctx.m.admin.pub;
    const c = await services.organisations.letterheadOfKind("consortium");
    // The disputes committee's postal address (003 §16.3; 001 §11): where the route leads.
    const committee = await services.organisations.letterheadOfKind("committee");
    const committeeHtml = committee?.address
      ? html`<h2>${p.committee}</h2>
<dl class="facts"><dt>${p.committeeAddress}</dt><dd>${committee.name}<br>${committee.address.street} ${committee.address.houseNumber}<br>${committee.address.postcode} ${committee.address.city}</dd></dl>`
      : "";
    const details = c
      ? html`<h2>${c.name}</h2>
<dl class="facts">
${c.address ? html`<dt>${ctx.m.admin.participants.address}</dt><dd>${c.address.street} ${c.address.houseNumber}<br>${c.address.postcode} ${c.address.city}</dd>` : ""}
${c.objectionAddress ? html`<dt>${p.objectionAddress}</dt><dd>${c.objectionAddress}</dd>` : ""}
${c.dpo ? html`<dt>${p.dpo}</dt><dd>${c.dpo.name}<br><a href="mailto:${c.dpo.email}">${c.dpo.email}</a>${c.dpo.phone ? html`<br>${c.dpo.phone}` : ""}</dd>` : ""}
</dl>`
      : html`<p class="empty">${p.noContact}</p>`;
    return ctx.send(
      p.contactTitle,
      html`<h1>${p.contactTitle}</h1><p>${p.contactIntro}</p>${details}${committeeHtml}
<p><a href="/deelnemers">${p.participantsTitle}</a></p>`,
    );
  });

  interface RequestState {
    type: string;
    organisationId: string;
    person: Values;
    address: Values;
    phone: string;
    noticeDate: string;
    explanation: string;
  }

  /** The request types of this region's protocol, in the form's order (D-910). */
  async function requestTypes(): Promise<string[]> {
    const inProfile = caseTypesInProfile(await services.organisations.profile());
    return PUBLIC_REQUEST_TYPES.filter((t) => inProfile.includes(t));
  }

  async function requestForm(
    ctx: PageContext,
    state: RequestState,
    errors: FieldErrors,
    status = 200,
    extra: SafeHtml[] = [],
  ) {
    const { m } = ctx;
    const p = m.admin.pub;
    const participants = await services.organisations.listPublicParticipants();
    const types = await requestTypes();
    return ctx.send(
      p.requestTitle,
      html`<h1>${p.requestTitle}</h1>
<p>${p.requestIntro}</p>
<p>${p.requestPrivacy}</p>
${errorSummary(m, errors, extra)}
<form method="post" action="/verzoek" novalidate>
${choiceField({
  m,
  name: "type",
  legend: p.type,
  type: "radio",
  error: errors.get("type"),
  checked: [state.type],
  options: types.map((t) => ({ value: t, label: p.types[t] ?? t })),
})}
${selectField({
  m,
  name: "organisationId",
  label: p.organisationLabel,
  value: state.organisationId,
  error: errors.get("organisationId"),
  options: [
    { value: "", label: p.choose },
    ...participants.map((o) => ({ value: o.id, label: o.city ? `${o.name} (${o.city})` : o.name })),
  ],
})}
<p class="hint">${p.organisationHint}</p>
${personAndAddressFields(m, state, errors, { legend: p.addressLegend, hint: p.addressHint }, { withSeekerNumber: false })}
<fieldset class="group"><legend>${p.contactLegend}</legend>
${textField({ m, name: "phone", label: p.phone, value: state.phone, error: errors.get("phone"), autocomplete: "tel", width: "medium" })}
</fieldset>
${textField({ m, name: "noticeDate", label: p.noticeDate, hint: p.noticeHint, value: state.noticeDate, error: errors.get("noticeDate"), width: "short", inputmode: "numeric" })}
${textArea({ m, name: "explanation", label: p.explanation, hint: p.explanationHint, value: state.explanation, error: errors.get("explanation"), required: false })}
<section aria-labelledby="h-identity"><h2 id="h-identity">${p.identityTitle}</h2>
<p>${p.rightsIdentity}</p></section>
<button type="submit" class="button button--primary">${p.submit}</button>
</form>`,
      status,
    );
  }

  const emptyState = (): RequestState => ({
    type: "",
    organisationId: "",
    person: {},
    address: {},
    phone: "",
    noticeDate: "",
    explanation: "",
  });

  getPage(app, kit, "/verzoek", "public", async (ctx) => requestForm(ctx, emptyState(), new Map()));

  // The person's details travel only in this POST body (D-203) and are answered with the
  // reference alone: the page never says whether anyone is registered (D-221).
  app.post("/verzoek", PUBLIC, async (request: FastifyRequest, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const { m } = ctx;
    const p = m.admin.pub;
    const form = formOf(request.body);
    const state: RequestState = {
      type: str(form, "type"),
      organisationId: str(form, "organisationId"),
      ...personAndAddressValues(form),
      phone: str(form, "phone"),
      noticeDate: str(form, "noticeDate"),
      explanation: str(form, "explanation"),
    };
    const errors: FieldErrors = new Map();
    if (!(await requestTypes()).includes(state.type)) errors.set("type", p.typeMissing);
    const explanation = state.explanation.trim();
    if (explanation.length > EXPLANATION_MAX) {
      errors.set("explanation", p.explanationTooLong(EXPLANATION_MAX, explanation.length));
    }
    if (!state.organisationId) errors.set("organisationId", p.organisationMissing);
    const { person, address } = readPersonAndAddress(m, state, errors);
    if (address === undefined && person && !person.email) {
      errors.set("address.street", p.contactMissing);
    }
    const body = {
      organisationId: state.organisationId,
      type: state.type,
      person,
      ...(address ? { address } : {}),
      ...(state.phone ? { phone: state.phone } : {}),
      ...(state.noticeDate ? { noticeDate: state.noticeDate } : {}),
      ...(explanation ? { explanation } : {}),
    };
    // The API's own schema: one set of rules for the form and POST /api/v1/public/requests.
    const parsed = publicRequestBody.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (field === "phone" && !errors.has("phone")) errors.set("phone", p.phoneError);
        if (field === "noticeDate" && !errors.has("noticeDate")) {
          errors.set("noticeDate", m.fieldErrors.date);
        }
        if (field === "organisationId" && !errors.has("organisationId")) {
          errors.set("organisationId", p.organisationMissing);
        }
      }
      if (errors.size === 0) zodFieldErrors(m, parsed.error, "", errors);
    }
    if (errors.size > 0 || !parsed.success) return requestForm(ctx, state, errors, 422);
    try {
      const receipt = await services.cases.createPublicRequest(requestMeta(request), parsed.data);
      const participants = await services.organisations.listPublicParticipants();
      const to = participants.find((o) => o.id === parsed.data.organisationId)?.name ?? "";
      // The dates by which the person hears back (issue 21 part 4, D-912).
      const due = Object.entries(receipt.dueDates).flatMap(([name, date]) =>
        name.endsWith("_acknowledgement")
          ? [p.acknowledgementBy(formatDate(ctx.lang, date))]
          : name.endsWith("_decision")
            ? [p.decisionBy(formatDate(ctx.lang, date))]
            : [],
      );
      return ctx.send(
        p.receivedTitle,
        html`<div class="confirmation-panel" role="status">
<h1>${p.receivedTitle}</h1>
<p>${p.referenceLabel}<br>
<strong class="confirmation-panel__reference">${receipt.reference}</strong></p>
</div>
<h2>${p.summaryTitle}</h2>
<dl class="facts">
<dt>${p.summaryType}</dt><dd>${p.types[parsed.data.type] ?? parsed.data.type}</dd>
<dt>${p.summaryOrganisation}</dt><dd>${to}</dd>
<dt>${p.summaryReceived}</dt><dd>${dateHtml(ctx.lang, receipt.receivedDate)}</dd>
</dl>
<h2>${p.dueTitle}</h2>
<ul>${due.map((d) => html`<li>${d}</li>`)}</ul>
${parsed.data.person.email ? html`<p>${p.mailSent(parsed.data.person.email)}</p>` : ""}
<p>${p.receivedNext}</p>
<h2>${p.identityTitle}</h2>
<p>${p.rightsIdentity}</p>
<p><a href="/rechten">${p.rightsTitle}</a></p>`,
      );
    } catch (error) {
      if (error instanceof AppError && error.code === "not_a_participant") {
        errors.set("organisationId", p.organisationMissing);
        return requestForm(ctx, state, errors, 422);
      }
      if (error instanceof AppError && error.status === 429) {
        return requestForm(ctx, state, errors, 429, [html`${m.errors.rateLimited}`]);
      }
      throw error;
    }
  });
}
