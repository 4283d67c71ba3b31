/**
 * What the vroegsignalering pages share (issue #11): access, the tab bar, how dates, amounts
 * and municipalities are shown (dates through the shared formatter, D-401),
 * and how a refused step of the ArrearsService becomes a message.
 */

import type { FastifyRequest } from "fastify";
import { POSTCODE_MUNICIPALITIES } from "../../modules/arrears/municipalities.ts";
import { tenancyRef } from "../../modules/arrears/schemas.ts";
import type { Services } from "../../modules/index.ts";
import type { App } from "../../platform/context.ts";
import { type AppError, notFound } from "../../platform/errors.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { formatEuro } from "../../platform/money.ts";
import { formatDate } from "../format.ts";
import {
  type FieldErrors,
  type FormBody,
  parseEuroCents,
  ruleRefusal,
  shownRefusal as shownRefusalOf,
  str,
} from "../forms.ts";
import type { Lang, Messages } from "../i18n.ts";
import { getPage, type Kit, OFFICER, type PageContext } from "../kit.ts";
import { pageParam } from "../params.ts";

/** Officers of the landlord; the API also lets the consortium act on behalf (not the pages). */
export const ARREARS_OFFICER = OFFICER;
export const BASE = "/vroegsignalering";

/** What an arrears service call answers, for the pages that show it. */
export type ArrearsAnswer<K extends keyof Services["arrears"]> = Awaited<
  ReturnType<Services["arrears"][K]>
>;

/** A page of the section at BASE + `path` (GET, for arrears officers), shown in its page context. */
export function arrearsPage(
  app: App,
  kit: Kit,
  path: string,
  page: (ctx: PageContext, request: FastifyRequest) => Promise<unknown>,
) {
  getPage(app, kit, `${BASE}${path}`, ARREARS_OFFICER, (ctx, request) => page(ctx, request));
}
export const PAGE_SIZE = 25;

/** Every date on these pages goes through here (ISO today; see docs/decisions.md D-302). */
/** A date as people write it (src/web/format.ts, D-401); empty when there is none. */
export function dateText(lang: Lang, d: string | null | undefined): string {
  return d ? formatDate(lang, d) : "";
}

export function euro(cents: number | null | undefined, lang: Lang): string {
  return cents === null || cents === undefined ? "" : formatEuro(cents, lang);
}

const NAMES = new Map(POSTCODE_MUNICIPALITIES.map((r) => [r.municipalityCode, r.name]));

/** "Eemsdelta (1979)" when the table knows the code, else the code. */
export function municipalityText(code: string): string {
  const name = NAMES.get(code);
  return name ? `${name} (${code})` : code;
}

/** The page of a tenancy's file. */
export function fileHref(ref: string) {
  return `${BASE}/huurders/${encodeURIComponent(ref)}`;
}

type Tab =
  | "worklist"
  | "tenancies"
  | "agreements"
  | "imports"
  | "deliveries"
  | "warnings"
  | "dashboard";
const TABS: [Tab, string][] = [
  ["worklist", BASE],
  ["tenancies", `${BASE}/huurders`],
  ["warnings", `${BASE}/signalen`],
  ["agreements", `${BASE}/afspraken`],
  ["imports", `${BASE}/importeren`],
  ["deliveries", `${BASE}/leveringen`],
  ["dashboard", `${BASE}/overzicht`],
];

/** The tab bar under the page title; `current` is marked for assistive technology. */
export function tabs(m: Messages, current: Tab | null): SafeHtml {
  const a = m.arrears;
  return html`<nav class="tabs" aria-label="${a.tabsLabel}"><ul class="action-list plain-list">
${TABS.map(([t, href]) => html`<li><a href="${href}"${t === current ? html` aria-current="page"` : ""}>${a.tabs[t]}</a></li>`)}
</ul></nav>`;
}

export function pageNoOf(request: FastifyRequest): number {
  const q = request.query as Record<string, string | undefined>;
  return pageParam(q);
}

/** The tenancy reference of the path; anything that is not a reference is simply not found. */
export function refOf(request: FastifyRequest): string {
  const parsed = tenancyRef.safeParse((request.params as { ref?: string }).ref ?? "");
  if (!parsed.success) throw notFound("tenancy");
  return parsed.data;
}

/** A service refusal the page shows (4xx but not 401/403/404); anything else goes to the error page. */
export function shownRefusal(err: unknown): AppError {
  return shownRefusalOf(err, [401, 403, 404]);
}

/** Our words for a refused step (the one errorText), with its code (and article) for the curious. */
export function refusalText(m: Messages, err: AppError): SafeHtml {
  return ruleRefusal(m, err, m.arrears.rulesText);
}

/** Reading form fields with the message for each kind of problem. */
export function fieldReader(m: Messages, form: FormBody, errors: FieldErrors) {
  const e = m.arrears.errors;
  return {
    text(name: string) {
      return str(form, name);
    },
    date(name: string, required = true): string | undefined {
      const v = str(form, name);
      if (v === "" && !required) return undefined;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
        errors.set(name, e.date);
        return undefined;
      }
      const [y, mo, d] = v.split("-").map(Number);
      const back = new Date(Date.UTC(y!, mo! - 1, d!));
      if (back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d) {
        errors.set(name, e.date);
        return undefined;
      }
      return v;
    },
    int(name: string, min: number, max: number, required = true): number | undefined {
      const v = str(form, name);
      if (v === "" && !required) return undefined;
      if (!/^\d{1,9}$/.test(v) || Number(v) < min || Number(v) > max) {
        errors.set(name, e.whole(min, max));
        return undefined;
      }
      return Number(v);
    },
    cents(name: string, required = true): number | undefined {
      const v = str(form, name);
      if (v === "" && !required) return undefined;
      const c = parseEuroCents(v);
      if (c === undefined || Number.isNaN(c) || c < 1 || c > 100_000_000) {
        errors.set(name, e.amount);
        return undefined;
      }
      return c;
    },
    choice<T extends string>(name: string, options: readonly T[]): T | undefined {
      const v = str(form, name);
      const found = options.find((o) => o === v);
      if (!found) errors.set(name, e.choose);
      return found;
    },
  };
}
