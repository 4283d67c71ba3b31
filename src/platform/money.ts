import type { Language } from "./i18n.ts";

/**
 * The one euro formatter: an amount in cents as people read it, "€ 1.234,56" in Dutch and
 * "€1,234.56" in English. Amounts are stored and computed in whole cents, never as floats.
 */
export function formatEuro(cents: number, lang: Language = "nl"): string {
  return new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", {
    style: "currency",
    currency: "EUR",
  }).format(cents / 100);
}

/**
 * The same amount for plain text (the protocol's explanations and the generated protocol
 * document): an ordinary space after the euro sign instead of Intl's no-break space.
 */
export function formatEuroPlain(cents: number): string {
  return formatEuro(cents, "nl").replace(/\u00a0/g, " ");
}
