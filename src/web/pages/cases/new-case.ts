import type { FastifyRequest } from "fastify";
import type { CaseInput } from "../../../modules/cases/schemas.ts";
import { canRegisterCaseKind, caseTypesInProfile } from "../../../modules/cases/service.ts";
import type { Services } from "../../../modules/index.ts";
import { callerOf, hasRole, principalOf } from "../../../platform/auth/access.ts";
import type { Clock } from "../../../platform/clock.ts";
import type { App } from "../../../platform/context.ts";
import { AppError } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { isIsoDate } from "../../../platform/werkdagen.ts";
import { CASE_KINDS } from "../../../protocol/case-kinds.ts";
import { formatDate } from "../../format.ts";
import {
  choiceField,
  csrfField,
  errorSummary,
  type FieldErrors,
  formOf,
  shownRefusal,
  str,
  textField,
} from "../../forms.ts";
import { getPage, type Kit, type PageContext } from "../../kit.ts";
import { UUID } from "../../params.ts";
import { HANDLERS, ruleText, typeLabel, type Values } from "./common.ts";

/** A new case: an objection, complaint, appeal or request of a data subject, received on paper. */
export function registerNewCasePages(app: App, services: Services, kit: Kit, clock: Clock) {
  /** The chosen registration as the officer recognises it: the person's name and birth date. */
  async function chosenRegistration(request: FastifyRequest, id: string, lang: "nl" | "en") {
    const name = (await services.registrations.namesOf(...callerOf(request), [id])).get(id);
    return name ? `${name.name}, ${formatDate(lang, name.birthDate)}` : undefined;
  }

  async function newCasePage(
    ctx: PageContext,
    request: FastifyRequest,
    values: Values,
    errors: FieldErrors,
    extra: SafeHtml[] = [],
    status = 200,
  ) {
    const { m } = ctx;
    const f = m.caseForm;
    const principal = principalOf(request);
    // The committee and the consortium admin work region-wide, while the search finds only the
    // caller's own organisation's registrations: they give the registration's reference.
    const byReference = hasRole(principal, ["committee", "consortium_admin"]);
    const profile = await services.organisations.profile();
    // The kinds offered are the kinds the cases policy lets this principal register.
    const types = caseTypesInProfile(profile).filter((t) => canRegisterCaseKind(principal, t));
    // The registration is picked by finding the person (/zoeken, issue 21 part 6), never from a
    // list of reference prefixes: the chosen one is shown by name (decrypted, audited).
    const chosen =
      byReference || !values.registrationId
        ? undefined
        : await chosenRegistration(request, values.registrationId, m.lang);
    const s = m.personSearch;
    const regField = byReference
      ? textField({
          m,
          name: "registrationId",
          label: f.registrationId,
          hint: f.registrationIdHint,
          value: values.registrationId,
          error: errors.get("registrationId"),
          width: "long",
          required: false,
        })
      : html`<div class="form-field${errors.has("registrationId") ? " form-field--invalid" : ""}" id="f-registrationId" tabindex="-1">
<p class="label">${f.registration}</p>
<p class="hint">${s.caseRegistrationHint}</p>
${errors.has("registrationId") ? html`<p class="field-error"><span class="visually-hidden">${m.errorPrefix} </span>${errors.get("registrationId")}</p>` : ""}
${
  values.registrationId
    ? html`<p><strong>${chosen ?? values.registrationId.slice(0, 8).toUpperCase()}</strong></p>
<input type="hidden" name="registrationId" value="${values.registrationId}">
<p><a href="/zoeken">${s.caseRegistrationOther}</a></p>`
    : html`<p>${s.caseRegistrationNone} <a href="/zoeken">${s.caseRegistrationSearch}</a></p>`
}
</div>`;
    return ctx.send(
      f.title,
      html`<h1>${f.title}</h1>
<p>${f.intro}</p>
${errorSummary(m, errors, extra)}
<form method="post" action="/zaken/nieuw" novalidate>
${csrfField(request.session?.csrfToken ?? "")}
${choiceField({ m, name: "type", legend: f.type, type: "radio", error: errors.get("type"), options: types.map((t) => ({ value: t, label: typeLabel(m, t) })), checked: values.type ? [values.type] : [] })}
${regField}
${textField({ m, name: "receivedDate", label: f.receivedDate, hint: f.receivedHint, value: values.receivedDate, error: errors.get("receivedDate"), type: "date", width: "short", required: true })}
${types.includes("objection") ? textField({ m, name: "noticeDate", label: f.noticeDate, hint: f.noticeHint, value: values.noticeDate, error: errors.get("noticeDate"), type: "date", width: "short", required: false }) : ""}
${types.includes("appeal") ? textField({ m, name: "parentCaseId", label: f.parentCase, hint: f.parentHint, value: values.parentCaseId, error: errors.get("parentCaseId"), width: "long", required: false }) : ""}
<div class="actions"><button type="submit" class="button button--primary">${f.submit}</button>
<a href="${hasRole(principal, ["committee"]) ? "/commissie" : "/zaken"}">${m.cancel}</a></div>
</form>`,
      status,
    );
  }

  /** Where a refused registration's rule belongs in the form. */
  const CREATE_FIELD: Record<string, string> = {
    received_in_future: "receivedDate",
    registration_required: "registrationId",
    requester_required: "registrationId",
    not_found: "registrationId",
    appeal_without_objection: "parentCaseId",
    appeal_not_open: "parentCaseId",
    case_type_not_in_profile: "type",
    support_team_limit: "type",
    forbidden: "type",
  };

  getPage(app, kit, "/zaken/nieuw", HANDLERS, async (ctx, request) => {
    const q = request.query as Record<string, string | undefined>;
    const values: Values = { receivedDate: clock.today() };
    if (q.registratie && UUID.test(q.registratie)) values.registrationId = q.registratie;
    return newCasePage(ctx, request, values, new Map());
  });

  app.post("/zaken/nieuw", { config: { access: HANDLERS } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const { m } = ctx;
    const body = formOf(request.body);
    const values: Values = Object.fromEntries(
      ["type", "registrationId", "receivedDate", "noticeDate", "parentCaseId"].map((k) => [
        k,
        str(body, k),
      ]),
    );
    const errors: FieldErrors = new Map();
    const type = CASE_KINDS.find((t) => t === values.type);
    if (!type) errors.set("type", m.caseForm.chooseType);
    if (values.registrationId && !UUID.test(values.registrationId))
      errors.set("registrationId", m.caseForm.uuid);
    if (!values.receivedDate) errors.set("receivedDate", m.fieldErrors.required);
    else if (!isIsoDate(values.receivedDate)) errors.set("receivedDate", m.fieldErrors.date);
    if (values.noticeDate && !isIsoDate(values.noticeDate))
      errors.set("noticeDate", m.fieldErrors.date);
    // The appeal's parent by the reference printed on the decision letter (or its full id).
    let parentCaseId: string | undefined;
    if (values.parentCaseId && type === "appeal") {
      if (UUID.test(values.parentCaseId)) parentCaseId = values.parentCaseId;
      else {
        try {
          parentCaseId = await services.cases.caseIdByReference(
            principalOf(request),
            values.parentCaseId,
            "appeal_parent",
          );
        } catch (err) {
          if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 404)) throw err;
          errors.set(
            "parentCaseId",
            err.status === 400 ? m.caseForm.referenceInvalid : m.caseForm.referenceUnknown,
          );
        }
      }
    }
    if (errors.size > 0 || !type) return newCasePage(ctx, request, values, errors, [], 422);
    const input: CaseInput = {
      type,
      receivedDate: values.receivedDate!,
      ...(values.registrationId ? { registrationId: values.registrationId } : {}),
      ...(values.noticeDate && type === "objection" ? { noticeDate: values.noticeDate } : {}),
      ...(parentCaseId ? { parentCaseId } : {}),
    };
    try {
      const created = await services.cases.createCase(...callerOf(request), input);
      return reply.redirect(`/zaken/${created.id}?melding=nieuw`, 303);
    } catch (caught) {
      const err = shownRefusal(caught, [401]);
      const field = CREATE_FIELD[err.code];
      const text = ruleText(m, err);
      if (field) {
        errors.set(field, String(m.caseRules[err.code] ?? m.ruleTexts[err.code] ?? text.value));
        return newCasePage(ctx, request, values, errors, [], 422);
      }
      return newCasePage(ctx, request, values, errors, [text], 422);
    }
  });
}
