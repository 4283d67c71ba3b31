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
