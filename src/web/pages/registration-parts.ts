/** A registration's parts on a page: each category group with its own end and scope (003 §7). */
import { html, type SafeHtml } from "../../platform/html.ts";
import type { Language } from "../../platform/i18n.ts";
import { dateHtml } from "../format.ts";

interface PartShown {
  categories: readonly string[];
  endDate: string;
  scope: string;
}

interface Words {
  lang: Language;
  register: { endDate: string; scope: string };
  scopes: Record<string, string>;
}

/** End date and scope as rows of a facts list: one pair per part when there are several. */
export function partRows(m: Words, parts: readonly PartShown[]): SafeHtml {
  return html`${parts.map((p) => {
    const which = parts.length > 1 ? ` (${p.categories.join(" + ")})` : "";
    return html`<dt>${m.register.endDate}${which}</dt><dd>${dateHtml(m.lang, p.endDate)}</dd>
<dt>${m.register.scope}${which}</dt><dd>${m.scopes[p.scope] ?? p.scope}</dd>
`;
  })}`;
}

/** The parts' scopes for a table cell, each named once. */
export function scopesCell(m: Words, parts: readonly PartShown[]): string {
  return [...new Set(parts.map((p) => m.scopes[p.scope] ?? p.scope))].join(", ");
}

interface DecisionShown {
  categories: readonly string[];
  criteria: readonly string[];
  placementDate: string;
  startDate: string;
  termMonths: number;
  parts: readonly PartShown[];
}

interface DecisionWords extends Words {
  register: Words["register"] & {
    categoriesChosen: string;
    criteriaChosen: string;
    placementDate: string;
    startDate: string;
    termMonths: string;
    months: (n: number) => string;
  };
}

/** What was decided, as rows of a facts list: categories, criteria, dates, term and parts. */
export function decisionRows(m: DecisionWords, d: DecisionShown): SafeHtml {
  return html`<dt>${m.register.categoriesChosen}</dt><dd>${d.categories.join(", ")}</dd>
<dt>${m.register.criteriaChosen}</dt><dd>${d.criteria.join(", ")}</dd>
<dt>${m.register.placementDate}</dt><dd>${dateHtml(m.lang, d.placementDate)}</dd>
<dt>${m.register.startDate}</dt><dd>${dateHtml(m.lang, d.startDate)}</dd>
<dt>${m.register.termMonths}</dt><dd>${m.register.months(d.termMonths)}</dd>
${partRows(m, d.parts)}`;
}
