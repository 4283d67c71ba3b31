/**
 * The API's codes as a letter says them (G-5, G-10): a letter never prints "organisation" or
 * "rejected". The generic code-to-word functions for every letter that shows a stored code.
 */
import { defineCatalogue, type Language } from "../../../platform/i18n.ts";
import type { Scope } from "../../../protocol/profile.ts";

export const codeTexts = defineCatalogue(
  "letters.codes",
  {
    scope: {
      organisation: "alleen bij de organisatie die u registreerde",
      region: "bij alle deelnemers in de regio",
      national: "bij alle aangesloten verhuurders in Nederland",
    } satisfies Record<Scope, string>,
    outcome: {
      upheld: "gegrond",
      partly_upheld: "gedeeltelijk gegrond",
      rejected: "ongegrond",
    } as Record<string, string>,
  },
  {
    scope: {
      organisation: "only with the organisation that registered you",
      region: "with every participant in the region",
      national: "with every affiliated landlord in the Netherlands",
    },
    outcome: {
      upheld: "upheld",
      partly_upheld: "partly upheld",
      rejected: "rejected",
    },
  },
);

/** What a registration's scope (reikwijdte) means, in words. */
export function scopeWord(scope: Scope, lang: Language): string {
  return codeTexts[lang].scope[scope];
}

/** The outcome of an objection or appeal ("ongegrond"), in words; an unknown code as it is. */
export function outcomeWord(outcome: string, lang: Language): string {
  return codeTexts[lang].outcome[outcome] ?? outcome;
}
