/**
 * Vroegsignalering pages about the landlord as a whole (issue #11): agreements with
 * municipalities, deliveries with their files, early warnings with their rules, and the
 * dashboard (counts only). Through the ArrearsService, like every arrears page.
 */

import type { FastifyRequest } from "fastify";
import { MUNICIPALITY_CODE } from "../../modules/arrears/municipalities.ts";
import { AGREEMENT_STATUSES, type AgreementInput } from "../../modules/arrears/schemas.ts";
import { REPORTING_POINTS } from "../../modules/arrears/signal-format.ts";
import type { Services } from "../../modules/index.ts";
import { principalOf, requestMeta } from "../../platform/auth/access.ts";
import type { Clock } from "../../platform/clock.ts";
import type { App } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import {
  choiceField,
  csrfField,
  errorSummary,
  type FieldErrors,
  formOf,
  pagination,
  str,
  textField,
} from "../forms.ts";
import type { Lang, Messages } from "../i18n.ts";
import type { Kit, PageContext } from "../kit.ts";
import {
  ARREARS_OFFICER,
  BASE,
  dateText,
  euro,
  fieldReader,
  municipalityText,
  notice,
  PAGE_SIZE,
  pageNoOf,
  refusalText,
  shownRefusal,
  tabs,
} from "./arrears-common.ts";

type ArrearsService = Services["arrears"];
type AgreementView = Awaited<ReturnType<ArrearsService["listAgreements"]>>["items"][number];

const REPORTING = ["ris", "vps"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
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

/** The rule's facts in words (the same numbers the rule was computed from). */
function factsText(m: Messages, lang: Lang, rule: string, facts: Record<string, unknown>): string {
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  if (rule === "paying_later") {
    const days = list(facts.lastPaymentDays);
    const asOf = list(facts.asOf);
    return days
      .map((d, i) => `${dateText(lang, String(asOf[i]))}: ${lang === "en" ? "day" : "dag"} ${d}`)
      .join("; ");
  }
  if (rule === "partial_payments")
    return list(facts.months)
      .map((x) => dateText(lang, String(x)))
      .join("; ");
  if (rule === "growing_arrears") {
    const cents = list(facts.arrearsCents);
    const asOf = list(facts.asOf);
    return cents
      .map((c, i) => `${dateText(lang, String(asOf[i]))}: ${euro(Number(c), lang)}`)
      .join("; ");
  }
  return m.none;
}

export function registerArrearsOverviewPages(
  app: App,
  services: Services,
  kit: Kit,
  _clock: Clock,
) {
  const arrears = services.arrears;

  // ---- agreements -----------------------------------------------------------------------

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
${
  items.length === 0
    ? html`<p class="empty">${g.empty}</p>`
    : html`<table class="table"><caption>${g.caption(items.length)}</caption>
<thead><tr><th scope="col">${a.municipality}</th><th scope="col">${a.status}</th><th scope="col">${g.reportingPoint}</th><th scope="col">${g.threshold}</th><th scope="col">${g.window}</th><th scope="col">${g.contact}</th><th scope="col">${g.signatory}</th><th scope="col"><span class="visually-hidden">${g.edit}</span></th></tr></thead>
<tbody>${items.map(
        (x: AgreementView) => html`<tr><td>${municipalityText(x.municipalityCode)}</td>
<td>${a.agreementStatuses[x.status] ?? x.status}${x.signedOn ? html`<br><span class="hint">${g.signedOn} ${dateText(lang, x.signedOn)}</span>` : ""}</td>
<td>${a.reportingPoints[x.reportingPoint] ?? x.reportingPoint}</td>
<td>${g.thresholdValue(x.minDaysLate, x.minAmountCents ? euro(x.minAmountCents, lang) : null)}</td>
<td>${x.deliveryWindow ? g.windowValue(x.deliveryWindow.fromDay, x.deliveryWindow.toDay) : m.none}</td>
<td>${contactText(x.contactPerson) || m.none}</td><td>${contactText(x.signatory) || m.none}</td>
<td><a href="${BASE}/afspraken/${x.municipalityCode}">${g.edit}<span class="visually-hidden"> ${municipalityText(x.municipalityCode)}</span></a></td></tr>`,
      )}</tbody></table>`
}
<h2 id="h-add">${g.add}</h2>
<form method="get" action="${BASE}/afspraken/gemeente" novalidate aria-labelledby="h-add">
${textField({ name: "code", label: g.code, hint: g.addIntro, value: addError ? (q.code ?? "") : "", error: addError, required: true, inputmode: "numeric", width: "short", m })}
<button type="submit" class="button button--secondary">${g.go}</button>
</form>`,
      status,
    );
  }

  app.get(`${BASE}/afspraken`, { config: { access: ARREARS_OFFICER } }, async (request, reply) =>
    agreementsPage(await kit.contextOf(request, reply), request),
  );

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
    const { m, lang } = ctx;
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
            ? (existing.minAmountCents / 100).toFixed(2).replace(".", lang === "nl" ? "," : ".")
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

  app.get(
    `${BASE}/afspraken/:code`,
    { config: { access: ARREARS_OFFICER } },
    async (request, reply) =>
      agreementForm(await kit.contextOf(request, reply), request, codeOf(request)),
  );

  app.post(
    `${BASE}/afspraken/:code`,
    { config: { access: ARREARS_OFFICER } },
    async (request, reply) => {
      const ctx = await kit.contextOf(request, reply);
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
        await arrears.putAgreement(principalOf(request), requestMeta(request), code, input);
      } catch (err) {
        const refusal = shownRefusal(err);
        if (refusal.code === "invalid_delivery_window") {
          errors.set("fromDay", ctx.m.arrears.rulesText.invalid_delivery_window!);
          return problem();
        }
        return problem([refusalText(ctx.m, ctx.lang, refusal)]);
      }
      return reply.redirect(`${BASE}/afspraken?melding=opgeslagen`, 303);
    },
  );

  // ---- deliveries -----------------------------------------------------------------------

  app.get(`${BASE}/leveringen`, { config: { access: ARREARS_OFFICER } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const { m } = ctx;
    const a = m.arrears;
    const d = a.deliveries;
    const q = request.query as Record<string, string | undefined>;
    const raw = (q.maand ?? "").trim();
    const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : undefined;
    const monthError = raw !== "" && !month ? d.monthInvalid : undefined;
    const { items } = await arrears.listDeliveries(principalOf(request), { month });
    const sorted = [...items].sort(
      (x, y) =>
        y.month.localeCompare(x.month) || x.municipalityCode.localeCompare(y.municipalityCode),
    );
    const pageNo = pageNoOf(request);
    const shown = sorted.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE);
    return ctx.send(
      d.title,
      html`<h1>${d.title}</h1>
${tabs(m, "deliveries")}
<p>${d.intro}</p>
<form method="get" action="${BASE}/leveringen" class="filter" aria-label="${d.month}">
${textField({ name: "maand", label: d.month, hint: d.monthHint, value: raw, error: monthError, required: false, width: "short", m })}
<button type="submit" class="button button--secondary">${d.apply}</button>
</form>
${
  shown.length === 0
    ? html`<p class="empty">${month ? d.emptyMonth : d.empty}</p>`
    : html`<table class="table"><caption>${d.caption(sorted.length)}</caption>
<thead><tr><th scope="col">${d.month}</th><th scope="col">${a.municipality}</th><th scope="col">${a.agreements.reportingPoint}</th><th scope="col">${d.signals}</th><th scope="col">${d.deliverBy}</th><th scope="col">${d.download}</th></tr></thead>
<tbody>${shown.map(
        (
          x,
        ) => html`<tr><td>${x.month}</td><td>${municipalityText(x.municipalityCode)}</td><td>${a.reportingPoints[x.reportingPoint] ?? x.reportingPoint}</td>
<td>${x.signals.length}${x.signals.some((s) => s.repeated) ? html` (${d.repeated} ${x.signals.filter((s) => s.repeated).length})` : ""}</td>
<td>${dateText(ctx.lang, x.deliverBy)}</td>
<td><a href="${BASE}/leveringen/${x.id}/csv" download>${d.csv}<span class="visually-hidden"> ${municipalityText(x.municipalityCode)} ${x.month}</span></a> · <a href="${BASE}/leveringen/${x.id}/json" download>${d.json}<span class="visually-hidden"> ${municipalityText(x.municipalityCode)} ${x.month}</span></a></td></tr>`,
      )}</tbody></table>`
}
${pagination(m, `${BASE}/leveringen`, { maand: month }, pageNo, PAGE_SIZE, sorted.length)}`,
      monthError ? 422 : 200,
    );
  });

  const deliveryIdOf = (request: FastifyRequest) => {
    const id = (request.params as { id?: string }).id ?? "";
    if (!UUID.test(id)) throw notFound("delivery");
    return id;
  };

  // The files hold personal data: the service audits every read (arrears.delivery_read).
  app.get(
    `${BASE}/leveringen/:id/csv`,
    { config: { access: ARREARS_OFFICER } },
    async (request, reply) => {
      const { fileName, csv } = await arrears.getDeliveryCsv(
        principalOf(request),
        requestMeta(request),
        deliveryIdOf(request),
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .send(csv);
    },
  );

  app.get(
    `${BASE}/leveringen/:id/json`,
    { config: { access: ARREARS_OFFICER } },
    async (request, reply) => {
      const { document, delivery } = await arrears.getDeliveryDocument(
        principalOf(request),
        requestMeta(request),
        deliveryIdOf(request),
      );
      const fileName = REPORTING_POINTS[delivery.reportingPoint]
        .fileName(delivery.municipalityCode, delivery.month)
        .replace(/\.csv$/, ".json");
      return reply
        .type("application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .send(JSON.stringify(document, null, 2));
    },
  );

  // ---- early warnings -------------------------------------------------------------------

  app.get(`${BASE}/signalen`, { config: { access: ARREARS_OFFICER } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const { m, lang } = ctx;
    const a = m.arrears;
    const w = a.warnings;
    const result = await arrears.earlyWarnings(principalOf(request));
    const pageNo = pageNoOf(request);
    const shown = result.items.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE);
    return ctx.send(
      w.title,
      html`<h1>${w.title}</h1>
${tabs(m, "warnings")}
<p>${w.intro}</p>
<h2>${w.rules}</h2>
<dl class="facts">${result.rules.map(
        (r) =>
          html`<dt>${a.ruleNames[r.rule] ?? r.rule}</dt><dd>${a.rules[r.rule] ?? r.explanation} <span class="source">(${r.source})</span></dd>`,
      )}</dl>
${
  shown.length === 0
    ? html`<p class="empty">${w.empty}</p>`
    : html`<table class="table"><caption>${w.caption(result.items.length)}</caption>
<thead><tr><th scope="col">${a.tenancyRef}</th><th scope="col">${a.municipality}</th><th scope="col">${w.alerts}</th></tr></thead>
<tbody>${shown.map(
        (
          x,
        ) => html`<tr><td><a href="${BASE}/huurders/${encodeURIComponent(x.tenancyRef)}">${x.tenancyRef}</a></td><td>${municipalityText(x.municipalityCode)}</td>
<td><ul class="plain-list">${x.alerts.map(
          (al) =>
            html`<li><strong>${a.ruleNames[al.rule] ?? al.rule}</strong>: ${a.rules[al.rule] ?? al.explanation}${
              al.rule === "broken_arrangement"
                ? ""
                : html`<br><span class="hint">${w.facts}: ${factsText(m, lang, al.rule, al.facts)}</span>`
            } <span class="source">(${al.source})</span></li>`,
        )}</ul></td></tr>`,
      )}</tbody></table>`
}
${pagination(m, `${BASE}/signalen`, {}, pageNo, PAGE_SIZE, result.items.length)}
<p class="hint">${a.never}</p>`,
    );
  });

  // ---- dashboard ------------------------------------------------------------------------

  app.get(`${BASE}/overzicht`, { config: { access: ARREARS_OFFICER } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const { m, lang } = ctx;
    const a = m.arrears;
    const d = a.dashboard;
    const x = await arrears.dashboard(principalOf(request));
    const countTable = (caption: string, rows: [string, number][], empty?: string) =>
      rows.length === 0 && empty
        ? html`<h2>${caption}</h2><p class="empty">${empty}</p>`
        : html`<table class="table"><caption>${caption}</caption>
<thead><tr><th scope="col">${d.bucket}</th><th scope="col">${d.count}</th></tr></thead>
<tbody>${rows.map(([k, n]) => html`<tr><th scope="row">${k}</th><td>${n}</td></tr>`)}</tbody></table>`;
    return ctx.send(
      d.title,
      html`<h1>${d.title}</h1>
${tabs(m, "dashboard")}
<p>${d.intro}</p>
<ul class="counts" aria-label="${d.title}">
<li><span class="count-number">${x.inArrears.tenancies}</span> ${d.inArrears}</li>
<li><span class="count-number">${euro(x.inArrears.totalCents, lang)}</span> ${d.totalArrears}</li>
<li><span class="count-number">${x.holdsActive.schuldenrust}</span> ${a.holdKinds.schuldenrust}</li>
<li><span class="count-number">${x.holdsActive.pause}</span> ${a.holdKinds.pause}</li>
</ul>
<div class="columns">
<div>${countTable(d.byDaysLate, Object.entries(x.inArrears.byDaysLate))}</div>
<div>${countTable(d.byAmount, Object.entries(x.inArrears.byAmountEuros))}</div>
<div>${countTable(
        d.arrangements,
        Object.entries(x.arrangements).map(([k, n]) => [a.arrangementStatuses[k] ?? k, n]),
      )}</div>
</div>
${
  x.trend.length === 0
    ? html`<h2>${d.trend}</h2><p class="empty">${d.trendEmpty}</p>`
    : html`<table class="table"><caption>${d.trend}</caption>
<thead><tr><th scope="col">${a.asOf}</th><th scope="col">${d.inArrears}</th><th scope="col">${d.totalArrears}</th></tr></thead>
<tbody>${x.trend.map((t) => html`<tr><th scope="row">${dateText(lang, t.asOf)}</th><td>${t.inArrears}</td><td>${euro(t.arrearsCents, lang)}</td></tr>`)}</tbody></table>`
}
${
  x.signals.length === 0
    ? html`<h2>${d.signals}</h2><p class="empty">${d.signalsEmpty}</p>`
    : html`<table class="table"><caption>${d.signals}</caption>
<thead><tr><th scope="col">${a.deliveries.month}</th><th scope="col">${a.deliveries.signals}</th><th scope="col">${d.repeated}</th></tr></thead>
<tbody>${x.signals.map((s) => html`<tr><th scope="row">${s.month}</th><td>${s.signals}</td><td>${s.repeated}</td></tr>`)}</tbody></table>`
}
<div class="columns">
<div>${countTable(
        d.outcomes,
        Object.entries(x.outcomes).map(([k, n]) => [a.outcomes[k] ?? k, n]),
        d.outcomesEmpty,
      )}</div>
<div>${countTable(
        d.measures,
        Object.entries(x.measures).map(([k, n]) => [a.measures[k] ?? k, n]),
        d.measuresEmpty,
      )}</div>
</div>
<p class="hint">${a.never}</p>`,
    );
  });
}
