import type { Services } from "../../modules/index.ts";
import { principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { html } from "../../platform/html.ts";
import { pagination } from "../forms.ts";
import type { Lang, Messages } from "../i18n.ts";
import type { Kit } from "../kit.ts";
import { table } from "../table.ts";
import {
  arrearsPage,
  BASE,
  dateText,
  euro,
  municipalityText,
  PAGE_SIZE,
  pageNoOf,
  tabs,
} from "./arrears-common.ts";

/** The rule's facts in words (the same numbers the rule was computed from). */
function factsText(m: Messages, lang: Lang, rule: string, facts: Record<string, unknown>): string {
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  if (rule === "paying_later") {
    const days = list(facts.lastPaymentDays);
    const asOf = list(facts.asOf);
    return days
      .map((d, i) => `${dateText(lang, String(asOf[i]))}: ${m.arrears.warnings.day} ${d}`)
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

export function registerArrearsSignalsPage(app: App, services: Services, kit: Kit) {
  const arrears = services.arrears;

  arrearsPage(app, kit, "/signalen", async (ctx, request) => {
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
${table({
  empty: w.empty,
  caption: w.caption(result.items.length),
  head: [a.tenancyRef, a.municipality, w.alerts],
  rows: shown,
  row: (
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
})}
${pagination(m, `${BASE}/signalen`, {}, pageNo, PAGE_SIZE, result.items.length)}
<p class="hint">${a.never}</p>`,
    );
  });
}
