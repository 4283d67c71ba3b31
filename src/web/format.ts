import { html, type SafeHtml } from "../platform/html.ts";
import type { Language } from "../platform/i18n.ts";
import { isIsoDate, todayInAmsterdam } from "../platform/werkdagen.ts";

/**
 * Dates as people read them (D-401): Dutch "3 december 2026", English "3 December 2026",
 * the same long form on every page and in every table; times in Europe/Amsterdam. The machine
 * form stays in `<time datetime="…">` (`dateHtml`, `dateTimeHtml`). Date inputs stay
 * `<input type="date">` with YYYY-MM-DD values.
 */

const DATE_FORMATS: Record<Language, Intl.DateTimeFormat> = {
  // A date-only value is a calendar date: formatted in UTC so that it never shifts a day.
  nl: new Intl.DateTimeFormat("nl-NL", {
    timeZone: "UTC",
    day: "numeric",
    month: "long",
    year: "numeric",
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "long",
    year: "numeric",
  }),
};

const TIME_FORMAT = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
/** The audit log's time, to the second. */
const TIME_FORMAT_SECONDS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** An instant (Date or ISO timestamp), or undefined when it is not one. */
function instantOf(value: string | Date): Date | undefined {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The calendar date (YYYY-MM-DD) of a value: itself when date-only, else in Amsterdam. */
export function isoDateOf(value: string | Date): string | undefined {
  if (typeof value === "string" && isIsoDate(value)) return value;
  if (typeof value === "string" && !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const instant = instantOf(value);
  return instant ? todayInAmsterdam(instant) : undefined;
}

/** "3 december 2026" / "3 December 2026"; a value that is no date is shown as it is. */
export function formatDate(lang: Language, value: string | Date): string {
  const iso = isoDateOf(value);
  if (!iso) return String(value);
  return DATE_FORMATS[lang].format(new Date(`${iso}T00:00:00Z`));
}

/**
 * "3 december 2026, 14:05" (Amsterdam time; with `seconds` "14:05:09"); a value that is no
 * instant is shown as it is.
 */
export function formatDateTime(
  lang: Language,
  value: string | Date,
  options: { seconds?: boolean } = {},
): string {
  const instant = typeof value === "string" && isIsoDate(value) ? undefined : instantOf(value);
  if (!instant) return typeof value === "string" ? formatDate(lang, value) : String(value);
  const time = (options.seconds ? TIME_FORMAT_SECONDS : TIME_FORMAT).format(instant);
  return `${formatDate(lang, instant)}, ${time}`;
}

/** `<time datetime="2026-12-03">3 december 2026</time>`. */
export function dateHtml(lang: Language, value: string | Date): SafeHtml {
  const iso = isoDateOf(value);
  return iso
    ? html`<time datetime="${iso}">${formatDate(lang, iso)}</time>`
    : html`${String(value)}`;
}

/** `<time datetime="2026-12-03T13:05:00.000Z">3 december 2026, 14:05</time>`. */
export function dateTimeHtml(
  lang: Language,
  value: string | Date,
  options: { seconds?: boolean } = {},
): SafeHtml {
  const instant = instantOf(value);
  return instant && !(typeof value === "string" && isIsoDate(value))
    ? html`<time datetime="${instant.toISOString()}">${formatDateTime(lang, instant, options)}</time>`
    : dateHtml(lang, value);
}

/** A decimal number the reader's way: "21,5" in Dutch, "21.5" in English. */
export function formatNumber(lang: Language, n: number, digits = 1): string {
  return n.toLocaleString(lang === "nl" ? "nl-NL" : "en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
