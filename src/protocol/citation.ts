/**
 * How letters and public pages cite a protocol: by its name and article ("het Protocol
 * Signaleringslijst, artikel 16.4"), never by this project's seed numbers ("003 §16.4"), which
 * mean nothing to a citizen (review G-10; AVG art. 12 lid 1: clear and plain language). The
 * profiles' `source` fields keep "003 §…" for us; `citeSource` turns one into words.
 */
import { defineCatalogue, type Language } from "../platform/i18n.ts";
import type { ProfileId } from "./profile.ts";

export const citationTexts = defineCatalogue(
  "protocol.citation",
  {
    /** The protocol's name as a citizen would look it up, with its article. */
    name: {
      "aedes-2021": "het Protocol Signaleringslijst",
      "keurmerk-2013": "het Protocol Meldpunt Keurmerk Verhuurdersbelangen",
      kkr: "het reglement van het Klachten- en Kansenregister",
    } satisfies Record<ProfileId, string>,
    article: (n: string) => `artikel ${n}`,
    annex: (n: string) => `bijlage ${n}`,
  },
  {
    name: {
      "aedes-2021": "the Protocol Signaleringslijst",
      "keurmerk-2013": "the Protocol Meldpunt Keurmerk Verhuurdersbelangen",
      kkr: "the rules of the Klachten- en Kansenregister",
    },
    article: (n: string) => `article ${n}`,
    annex: (n: string) => `annex ${n}`,
  },
);

/** Each profile's own seed: only references to it become an article; others the name alone. */
const OWN_SEED: Record<ProfileId, string | null> = {
  "aedes-2021": "003",
  "keurmerk-2013": "001",
  // 000 has no articles (and is silent on most rules, which follow 003): the name alone.
  kkr: null,
};

/** The protocol's name: "het Protocol Signaleringslijst". */
export function protocolName(profileId: ProfileId, lang: Language): string {
  return citationTexts[lang].name[profileId];
}

/**
 * "het Protocol Signaleringslijst, artikel 16.4" for a source "003 §16.4 (…)"; the first
 * reference to the profile's own seed decides the article; without one, the name alone.
 */
export function citeSource(profileId: ProfileId, source: string, lang: Language): string {
  const t = citationTexts[lang];
  const name = t.name[profileId];
  const seed = OWN_SEED[profileId];
  if (!seed) return name;
  const at = source.indexOf(seed);
  if (at < 0) return name;
  const rest = source.slice(at + seed.length);
  const annex = /^\s*Bijlage\s+(\d+)(?:\s+art\.\s+(\d+))?/.exec(rest);
  if (annex) {
    const article = annex[2] ? `, ${t.article(annex[2])}` : "";
    return `${name}, ${t.annex(annex[1]!)}${article}`;
  }
  const article = /^\s*(?:§\s*|hoofdstuk\s+)([\d.]*\d)/.exec(rest);
  return article ? `${name}, ${t.article(article[1]!)}` : name;
}

/** "het Protocol Signaleringslijst, artikel 16.4" from a profile and an article number. */
export function citeArticle(profileId: ProfileId, article: string, lang: Language): string {
  const t = citationTexts[lang];
  return OWN_SEED[profileId] ? `${t.name[profileId]}, ${t.article(article)}` : t.name[profileId];
}
