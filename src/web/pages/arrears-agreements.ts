/**
 * Agreements with municipalities (issue #11): the model agreement per municipality, its
 * threshold, delivery window and people. Through the ArrearsService, like every arrears page.
 */
import type { FastifyRequest } from "fastify";
import { MUNICIPALITY_CODE } from "../../modules/arrears/municipalities.ts";
import { AGREEMENT_STATUSES, type AgreementInput } from "../../modules/arrears/schemas.ts";
import type { Services } from "../../modules/index.ts";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import {
  choiceField,
  csrfField,
  errorSummary,
  type FieldErrors,
  formOf,
  str,
  textField,
} from "../forms.ts";
import { type Kit, notice, type PageContext, postPage } from "../kit.ts";
import { hiddenHeader, table } from "../table.ts";
import {
  ARREARS_OFFICER,
  type ArrearsAnswer,
  arrearsPage,
  BASE,
  dateText,
  euro,
  fieldReader,
  municipalityText,
  refusalText,
  shownRefusal,
  tabs,
} from "./arrears-common.ts";

type AgreementView = ArrearsAnswer<"listAgreements">["items"][number];

const REPORTING = ["ris", "vps"] as const;
const PERSON_NAME = /^[\p{L}][\p{L}\p{M} .'’-]*$/u;
const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function codeOf(request: FastifyRequest): string {
  const code = (request.params as { code?: string }).code ?? "";
  if (!MUNICIPALITY_CODE.test(code)) throw notFound("municipality");
  return code;
}

function contactText(c: { name: string; email?: string; phone?: string } | null): string {
  if (!c) return "";
  return [c.name, c.email, c.phone].filter(Boolean).join(", ");
}

export function registerArrearsAgreementPages(app: App, services: Services, kit: Kit) {
  const arrears = services.arrears;

  async function agreementsPage(
    ctx: PageContext,
    request: FastifyRequest,
    addError?: string,
    status = 200,
  ) {
    const { m, lang } = ctx;
    const a = m.arrears;
    const g = a.agreements;
    const { items } = await arrears.listAgreements(principalOf(request));
    const q = request.query as Record<string, string | undefined>;
    const errors: FieldErrors = new Map();
    if (addError) errors.set("code", addError);
    return ctx.send(
      g.title,
      html`<h1>${g.title}</h1>
${tabs(m, "agreements")}
<p>${g.intro}</p>
${q.melding === "opgeslagen" ? notice(g.saved) : ""}
${errorSummary(m, errors)}
${table({
  empty: g.empty,
  caption: g.caption(items.length),
  head: [
    a.municipality,
    a.status,
    g.reportingPoint,
    g.threshold,
    g.window,
    g.contact,
    g.signatory,
    hiddenHeader(g.edit),
  ],
  rows: items,
  row: (x: AgreementView) => html`<tr><td>${municipalityText(x.municipalityCode)}</td>
<td>${a.agreementStatuses[x.status] ?? x.status}${x.signedOn ? html`<br><span class="hint">${g.signedOn} ${dateText(lang, x.signedOn)}</span>` : ""}</td>
<td>${a.reportingPoints[x.reportingPoint] ?? x.reportingPoint}</td>
<td>${g.thresholdValue(x.minDaysLate, x.minAmountCents ? euro(x.minAmountCents, lang) : null)}</td>
<td>${x.deliveryWindow ? g.windowValue(x.deliveryWindow.fromDay, x.deliveryWindow.toDay) : m.none}</td>
<td>${contactText(x.contactPerson) || m.none}</td><td>${contactText(x.signatory) || m.none}</td>
<td><a href="${BASE}/afspraken/${x.municipalityCode}">${g.edit}<span class="visually-hidden"> ${municipalityText(x.municipalityCode)}</span></a></td></tr>`,
})}
<h2 id="h-add">${g.add}</h2>
<form method="get" action="${BASE}/afspraken/gemeente" novalidate aria-labelledby="h-add">
${textField({ name: "code", label: g.code, hint: g.addIntro, value: addError ? (q.code ?? "") : "", error: addError, required: true, inputmode: "numeric", width: "short", m })}
<button type="submit" class="button button--secondary">${g.go}</button>
</form>`,
      status,
    );
  }

  arrearsPage(app, kit, "/afspraken", agreementsPage);

  // The "add" form is a GET (nothing changes): a valid code goes to that municipality's form.
  app.get(
    `${BASE}/afspraken/gemeente`,
    { config: { access: ARREARS_OFFICER } },
    async (request, reply) => {
      const code = String((request.query as Record<string, unknown>).code ?? "").trim();
      if (MUNICIPALITY_CODE.test(code)) return reply.redirect(`${BASE}/afspraken/${code}`, 303);
      const ctx = await kit.contextOf(request, reply);
      return agreementsPage(ctx, request, ctx.m.arrears.errors.municipalityCode, 422);
    },
  );

  async function agreementForm(
    ctx: PageContext,
    request: FastifyRequest,
    code: string,
    problem?: { errors: FieldErrors; extra: SafeHtml[]; values: Record<string, string> },
    status = 200,
  ) {
    const { m } = ctx;
    const a = m.arrears;
    const g = a.agreements;
    const existing = (await arrears.listAgreements(principalOf(request))).items.find(
      (x) => x.municipalityCode === code,
    );
    const initial: Record<string, string> = existing
      ? {
          status: existing.status,
          reportingPoint: existing.reportingPoint,
          minDaysLate: String(existing.minDaysLate),
          minAmount: existing.minAmountCents
            ? (existing.minAmountCents / 100).toFixed(2).replace(".", g.decimalSeparator)
            : "",
          signedOn: existing.signedOn ?? "",
          fromDay: existing.deliveryWindow ? String(existing.deliveryWindow.fromDay) : "",
          toDay: existing.deliveryWindow ? String(existing.deliveryWindow.toDay) : "",
          contactName: existing.contactPerson?.name ?? "",
          contactEmail: existing.contactPerson?.email ?? "",
          contactPhone: existing.contactPerson?.phone ?? "",
          signatoryName: existing.signatory?.name ?? "",
          signatoryEmail: existing.signatory?.email ?? "",
          signatoryPhone: existing.signatory?.phone ?? "",
        }
      : { status: "requested", reportingPoint: "", minDaysLate: "30" };
    const values = problem?.values ?? initial;
    const errors = problem?.errors ?? new Map<string, string>();
    const v = (n: string) => values[n] ?? "";
    const title = existing
      ? g.editTitle(municipalityText(code))
      : g.newTitle(municipalityText(code));
    const field = (
      name: string,
      label: string,
      hint?: string,
      o: { date?: boolean; required?: boolean } = {},
    ) =>
      textField({
        name,
        label,
        hint,
        value: v(name),
        error: errors.get(name),
        required: o.required ?? false,
        type: o.date ? "date" : "text",
        width: o.date ? "short" : "medium",
        m,
      });
    return ctx.send(
      title,
      html`<h1>${title}</h1>
${tabs(m, "agreements")}
<p><a href="${BASE}/afspraken">${g.back}</a></p>
${errorSummary(m, errors, problem?.extra ?? [])}
<form method="post" action="${BASE}/afspraken/${code}" novalidate>${csrfField(request.session?.csrfToken ?? "")}
${choiceField({ name: "status", legend: g.statusLegend, type: "radio", error: errors.get("status"), checked: [v("status")], options: AGREEMENT_STATUSES.map((s) => ({ value: s, label: a.agreementStatuses[s] ?? s })) })}
${choiceField({ name: "reportingPoint", legend: g.pointLegend, type: "radio", error: errors.get("reportingPoint"), checked: [v("reportingPoint")], options: REPORTING.map((p) => ({ value: p, label: a.reportingPoints[p] ?? p })) })}
${field("signedOn", g.signedOn, `${g.signedOnHint} ${a.dateHint}`, { date: true })}
${field("minDaysLate", g.minDaysLate, g.minDaysLateHint, { required: true })}
${field("minAmount", g.minAmount, `${g.minAmountHint} ${a.euroHint}`)}
<fieldset class="form-field"><legend>${g.window}</legend><p class="hint">${g.windowHint}</p>
${field("fromDay", g.windowFrom)}
${field("toDay", g.windowTo)}
</fieldset>
<fieldset class="form-field"><legend>${g.contact}</legend>
${field("contactName", g.contactName)}
${field("contactEmail", g.contactEmail)}
${field("contactPhone", g.contactPhone)}
</fieldset>
<fieldset class="form-field"><legend>${g.signatory}</legend>
${field("signatoryName", g.signatoryName)}
${field("signatoryEmail", g.signatoryEmail)}
${field("signatoryPhone", g.signatoryPhone)}
</fieldset>
<button type="submit" class="button button--primary">${a.save}</button>
</form>`,
      status,
    );
  }

  arrearsPage(app, kit, "/afspraken/:code", async (ctx, request) =>
    agreementForm(ctx, request, codeOf(request)),
  );

  postPage(app, kit, `${BASE}/afspraken/:code`, ARREARS_OFFICER, async (ctx, request, reply) => {
    const code = codeOf(request);
    const e = ctx.m.arrears.errors;
    const body = formOf(request.body);
    const errors: FieldErrors = new Map();
    const read = fieldReader(ctx.m, body, errors);
    const values = Object.fromEntries(
      Object.entries(body).map(([k, x]) => [k, Array.isArray(x) ? (x[0] ?? "") : (x ?? "")]),
    );
    const status = read.choice("status", AGREEMENT_STATUSES);
    const reportingPoint = read.choice("reportingPoint", REPORTING);
    const signedOn = read.date("signedOn", false);
    const minDaysLate = read.int("minDaysLate", 1, 365);
    const minAmountCents = read.cents("minAmount", false);
    const fromDay = read.int("fromDay", 1, 28, false);
    const toDay = read.int("toDay", 1, 31, false);
    if ((str(body, "fromDay") === "") !== (str(body, "toDay") === "") && !errors.has("fromDay")) {
      errors.set(str(body, "fromDay") === "" ? "fromDay" : "toDay", e.windowBoth);
    }
    const contact = (prefix: "contact" | "signatory") => {
      const name = str(body, `${prefix}Name`);
      const email = str(body, `${prefix}Email`);
      const phone = str(body, `${prefix}Phone`);
      if (name === "" && email === "" && phone === "") return undefined;
      if (name === "") errors.set(`${prefix}Name`, e.contactNameFirst);
      else if (name.length > 120 || !PERSON_NAME.test(name)) errors.set(`${prefix}Name`, e.name);
      if (email !== "" && (email.length > 254 || !EMAIL.test(email)))
        errors.set(`${prefix}Email`, e.email);
      if (phone !== "" && !PHONE.test(phone)) errors.set(`${prefix}Phone`, e.phone);
      return { name, ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
    };
    const contactPerson = contact("contact");
    const signatory = contact("signatory");
    const problem = (extra: SafeHtml[] = []) =>
      agreementForm(ctx, request, code, { errors, extra, values }, 422);
    if (errors.size > 0 || !status || !reportingPoint || !minDaysLate) return problem();
    const input: AgreementInput = {
      status,
      reportingPoint,
      minDaysLate,
      ...(minAmountCents ? { minAmountCents } : {}),
      ...(signedOn ? { signedOn } : {}),
      ...(fromDay && toDay ? { deliveryWindow: { fromDay, toDay } } : {}),
      ...(contactPerson ? { contactPerson } : {}),
      ...(signatory ? { signatory } : {}),
    };
    try {
      await arrears.putAgreement(...callerOf(request), code, input);
    } catch (err) {
      const refusal = shownRefusal(err);
      if (refusal.code === "invalid_delivery_window") {
        errors.set("fromDay", ctx.m.arrears.rulesText.invalid_delivery_window!);
        return problem();
      }
      return problem([refusalText(ctx.m, refusal)]);
    }
    return reply.redirect(`${BASE}/afspraken?melding=opgeslagen`, 303);
  });
}
