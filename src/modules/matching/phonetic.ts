/**
 * A Dutch phonetic key of our own, for names that sound alike but are spelled differently.
 *
 * Soundex and its relatives are built for English; Dutch spells the same sound in ways they
 * do not know (ij/ei/y, ou/au, dt at the end, ch/g) and Dutch registers hold Turkish,
 * Moroccan, Surinamese and Indonesian names in older and newer transliterations. The key
 * keeps the whole name (no truncation, no vowel removal): it merges spellings, it does not
 * hash names into coarse buckets, because a false hit harms a person (design.md §2.7).
 *
 * The input is folded first (normalise.ts `foldText`: lower case, no diacritics, ligatures
 * spelled out), then the rules below are applied in one left-to-right pass, the first rule
 * that matches at a position winning. Merged sounds get an upper-case symbol so they cannot
 * collide with a letter: Y = ij/ei/y, U = ui, A = ou/au. Finally, runs of the same symbol
 * collapse to one.
 *
 * Changing a rule changes keys: bump `PHONETIC_VERSION`, because blocking keys stored under
 * the old rules no longer meet the new ones (blocking.ts).
 */

import { compact, foldText } from "./normalise.ts";

export const PHONETIC_VERSION = 1;

const VOWEL = /[aeiouy]/;
const CONSONANT = /[bcdfghjklmnpqrstvwxz]/;

interface Rule {
  /** The letters the rule reads (after folding). */
  match: string;
  /** What they become in the key. */
  key: string;
  /** Where the rule applies; default anywhere. */
  at?: "start" | "second" | "end" | "middle";
  /** A condition on the letter after the match. */
  before?: RegExp;
  /** A condition on the letter before the match. */
  after?: RegExp;
  /** A Dutch example: the spellings the rule makes equal. */
  example: string;
}

/** Ordered: longer and more specific spellings first. */
export const PHONETIC_RULES: readonly Rule[] = [
  // "ssch" in the middle of a name is said as s: the ch went silent.
  { match: "ssch", key: "s", at: "middle", example: "Visscher = Visser" },
  // "sch" at the end is said as s.
  { match: "sch", key: "s", at: "end", example: "Bosch = Bos" },
  // Elsewhere "sch" is s followed by the ch/g sound.
  { match: "sch", key: "sg", example: "Schouten → sgAten, like Sgouten" },
  // ch and g are one sound in Dutch (the velar fricative).
  { match: "ch", key: "g", example: "Richter = Rigter" },
  { match: "gh", key: "g", example: "Van den Berghe = Van den Berge" },
  // Arabic kh is the Dutch ch sound; French-style transliteration writes kh, Dutch-style ch.
  { match: "kh", key: "g", example: "Khadija = Chadija" },
  { match: "ck", key: "k", example: "Decker = Dekker" },
  // c is s before a front vowel and k elsewhere.
  { match: "c", key: "s", before: /[eiy]/, example: "Ceelen = Seelen, Cijsouw = Sijsouw" },
  { match: "c", key: "k", example: "Coster = Koster, Claassen = Klaassen" },
  { match: "qu", key: "kw", example: "Quint = Kwint" },
  { match: "x", key: "ks", example: "Hendrix = Hendriks" },
  { match: "ph", key: "f", example: "Philips = Filips" },
  { match: "th", key: "t", example: "Thijssen = Tijssen" },
  // Old (pre-1972) Indonesian spelling dj, new j; Surinamese-Javanese names use both.
  { match: "dj", key: "j", example: "Kromodjojo = Kromojojo" },
  // Final devoicing: d and dt at the end are said as t.
  { match: "dt", key: "t", at: "end", example: "Brandt = Brant" },
  { match: "d", key: "t", at: "end", example: "Smid = Smit, Brand = Brant" },
  // ui, uij and uy are one diphthong.
  { match: "uij", key: "U", example: "Bruijn = Bruin = Bruyn" },
  { match: "uy", key: "U", example: "Huysman = Huisman" },
  { match: "ui", key: "U", example: "Huisman = Huijsman" },
  // ij, ei, ey and y (as a vowel) are one diphthong.
  { match: "eij", key: "Y", example: "Reijnders = Reynders" },
  { match: "ey", key: "Y", example: "Meyer = Meijer" },
  { match: "ei", key: "Y", example: "Meier = Meijer" },
  { match: "ij", key: "Y", example: "IJzerman = Yzerman" },
  // y before a vowel is a consonant (j): Turkish and transliterated names.
  { match: "y", key: "j", before: VOWEL, example: "Kaya = Kaja, Yilmaz = Jilmaz" },
  { match: "y", key: "Y", example: "Yzerman = IJzerman, Rooy = Rooij" },
  // ou and au are one diphthong, with or without the w that often follows.
  { match: "auw", key: "A", example: "Pauw = Pouw" },
  { match: "ouw", key: "A", example: "Bouwman = Bouman" },
  { match: "au", key: "A", example: "Bauman = Bouman" },
  { match: "ou", key: "A", example: "Gouda = Gauda" },
  // oe (older Dutch-based transliteration) is u in the newer spelling.
  { match: "oe", key: "u", example: "Soekarno = Sukarno, Ramsoekh = Ramsukh" },
  // ue is the spelled-out German ü.
  { match: "ue", key: "u", example: "Mueller = Müller (muller)" },
  // ae is the old spelling of aa.
  { match: "ae", key: "a", example: "Claessen = Claassen, Maes = Maas" },
  { match: "ie", key: "i", example: "Dieleman = Dileman" },
  { match: "z", key: "s", example: "Zwart = Swart, Jansz = Jans" },
  // v and f merge at the start of a word, where Dutch speakers do not separate them.
  { match: "v", key: "f", at: "start", example: "Vink = Fink" },
  // Hindustani aspirates (Surinamese names) are written with and without the h.
  { match: "bh", key: "b", example: "Bhagwandin = Bagwandin" },
  { match: "dh", key: "d", example: "Gobardhan = Gobardan" },
  // h after a consonant at the start of a word is silent (kh, ch, gh, th, ph are above). Not
  // elsewhere: in "Verhoeven", "Berkhout" or "van den Heuvel" the h is spoken.
  {
    match: "h",
    key: "",
    at: "second",
    after: CONSONANT,
    example: "Rhijn = Rijn, Jhinkoe = Jinkoe",
  },
  // Not merged, on purpose: w and v (Dutch w is /ʋ/, v is /v/: De Wit ≠ De Vit), b and p,
  // en and e at the end (Jansen and Janse are different families), short and long e/i.
];

/**
 * The phonetic key of a name (any text; it is folded and reduced to letters first).
 * Double letters collapse at the end: Jansen = Janssen, Bakker = Baker, Mulder = Mullder.
 */
export function phoneticKey(name: string): string {
  const cached = keyCache.get(name);
  if (cached !== undefined) return cached;
  const s = compact(foldText(name));
  let out = "";
  let i = 0;
  while (i < s.length) {
    const rule = RULES_BY_FIRST_LETTER.get(s[i]!)?.find((r) => applies(r, s, i));
    if (rule) {
      out += rule.key;
      i += rule.match.length;
    } else {
      out += s[i];
      i += 1;
    }
  }
  let key = "";
  for (let k = 0; k < out.length; k++) if (out[k] !== out[k - 1]) key += out[k];
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(name, key);
  return key;
}

/** The rules that can apply at a position, by the letter there (same order as the list). */
const RULES_BY_FIRST_LETTER: ReadonlyMap<string, readonly Rule[]> = (() => {
  const map = new Map<string, Rule[]>();
  for (const rule of PHONETIC_RULES) {
    const first = rule.match[0]!;
    const list = map.get(first);
    if (list) list.push(rule);
    else map.set(first, [rule]);
  }
  return map;
})();

/**
 * Keys of recently seen names (a pure function of the text, so caching cannot change a
 * result). Names repeat a lot across a population; bounded, cleared when full.
 */
const KEY_CACHE_LIMIT = 50_000;
const keyCache = new Map<string, string>();

function applies(rule: Rule, s: string, i: number): boolean {
  if (!s.startsWith(rule.match, i)) return false;
  const end = i + rule.match.length;
  if (rule.at === "start" && i !== 0) return false;
  if (rule.at === "second" && i !== 1) return false;
  if (rule.at === "end" && end !== s.length) return false;
  if (rule.at === "middle" && (i === 0 || end === s.length)) return false;
  if (rule.before && !rule.before.test(s[end] ?? "")) return false;
  if (rule.after && !rule.after.test(s[i - 1] ?? "")) return false;
  return true;
}
