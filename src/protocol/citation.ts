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
    and: " en ",
  },
  {
    name: {
      "aedes-2021": "the Protocol Signaleringslijst",
      "keurmerk-2013": "the Protocol Meldpunt Keurmerk Verhuurdersbelangen",
      kkr: "the rules of the Klachten- en Kansenregister",
    },
    article: (n: string) => `article ${n}`,
    annex: (n: string) => `annex ${n}`,
    and: " and ",
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

/** "het Protocol Signaleringslijst, artikel 4.5 en 16.4" from a profile and article numbers. */
export function citeArticle(
  profileId: ProfileId,
  articles: string | readonly string[],
  lang: Language,
): string {
  const t = citationTexts[lang];
  const list = typeof articles === "string" ? [articles] : articles;
  return OWN_SEED[profileId] && list.length > 0
    ? `${t.name[profileId]}, ${t.article(list.join(t.and))}`
    : t.name[profileId];
}

/**
 * How an objection must be sent. 001 Bijlage 2 art. 5 lid 3: "De verzending van het
 * bezwaarschrift dient te gebeuren per post" — the keurmerk letters say "per post" and do not
 * invite e-mail (G-12; the keurmerk profile's ambiguities, D-642). 003 and 000 ask "schriftelijk"
 * only: a letter or an e-mail.
 */
export const OBJECTION_BY_POST: Readonly<Record<ProfileId, boolean>> = {
  "aedes-2021": false,
  "keurmerk-2013": true,
  kkr: false,
};

/**
 * The articles the complaint route rests on, cited in letters by the protocol's name
 * (protocol/citation.ts): 003 §4.5 (directie, klachtencommissie art. 55b Woningwet, the civil
 * court) and §16.4 (the geschillencommissie); 001 §11 (bezwaar, beroep). The seed's last step
 * under 003 §16.4, the Huurcommissie, is not followed (D-640).
 */
export const COMPLAINT_ROUTE_ARTICLES: Readonly<Record<ProfileId, readonly string[]>> = {
  "aedes-2021": ["4.5", "16.4"],
  "keurmerk-2013": ["11"],
  kkr: [],
};
