/**
 * The vocabulary of tussenvoegsels (prefixes such as "van der", "'t", "el") and the letter
 * rules the surname parser uses to find one written together with the name.
 */

/** Words that make up a tussenvoegsel (Dutch, and those common in Dutch registers). */
export const PREFIX_WORDS: ReadonlySet<string> = new Set([
  // Dutch
  "van",
  "der",
  "den",
  "de",
  "het",
  "'t",
  "'s",
  "ter",
  "ten",
  "te",
  "op",
  "in",
  "onder",
  "aan",
  "bij",
  "uit",
  "voor",
  "over",
  "tot",
  // French, Italian, Spanish, Portuguese (Cape Verdean, Brazilian, Antillean names)
  "d'",
  "l'",
  "la",
  "le",
  "les",
  "du",
  "des",
  "da",
  "di",
  "do",
  "dos",
  "das",
  "del",
  "della",
  "dei",
  // German
  "von",
  "vom",
  "zu",
  "zum",
  "zur",
  "auf",
  "dem",
  // Arabic and Berber (Moroccan, Syrian, … names): article, "son of", "father of", "sons of"
  "el",
  "al",
  "ben",
  "bin",
  "ibn",
  "abu",
  "ait",
]);

/**
 * Prefixes that are split off a word written in camel case ("DeVries", "VanDerBerg",
 * "ElKhatib"). The capital after the prefix is the evidence, so any prefix qualifies.
 */
export const CAMEL_PREFIXES: readonly string[] = [...PREFIX_WORDS]
  .filter((w) => !w.includes("'"))
  .sort((a, b) => b.length - a.length);

/**
 * Prefix clusters split off a lower-case word ("vanderberg" → "van der" + "berg"). These
 * letter sequences practically never start a Dutch surname other than as a written-together
 * tussenvoegsel. Longest first.
 */
export const CONCATENATED_CLUSTERS: readonly (readonly [string, string])[] = [
  ["vanden", "van den"],
  ["vander", "van der"],
  ["vanhet", "van het"],
  ["vande", "van de"],
  ["opden", "op den"],
  ["opten", "op ten"],
  ["opde", "op de"],
  ["uitden", "uit den"],
  ["uitde", "uit de"],
];

/**
 * Single prefixes split off a lower-case word only when the rest looks like a word on its own
 * ("Terhorst" → "ter" + "horst", "Tenbrink", "Vandam"), and not when it would leave a cluster
 * no Dutch word starts with ("Terpstra" stays whole). "de", "den", "el", "al" are never split
 * without a capital or a separator: "Dekker", "Demir", "Denekamp", "Elbers", "Alberts" are
 * names in their own right. A wrong split costs little: the comparison also looks at the
 * name written together (`variants`), so "Vannieuwenhuizen" (kept whole, double n) still
 * equals "van Nieuwenhuizen".
 */
export const CONCATENATED_SINGLE: readonly string[] = ["van", "ter", "ten"];

/** Two-letter onsets that can start a Dutch word (consonant + vowel always can). */
const ONSETS: ReadonlySet<string> = new Set([
  "bl",
  "br",
  "ch",
  "cl",
  "cr",
  "dr",
  "dw",
  "fl",
  "fr",
  "gl",
  "gr",
  "kl",
  "kn",
  "kr",
  "kw",
  "ph",
  "pl",
  "pr",
  "sc",
  "sj",
  "sk",
  "sl",
  "sm",
  "sn",
  "sp",
  "st",
  "sw",
  "th",
  "tj",
  "tr",
  "tw",
  "vl",
  "vr",
  "wr",
  "zw",
]);

const VOWELS = "aeiouy";

export function isPrefixWord(word: string): boolean {
  return PREFIX_WORDS.has(word) || word === "t" || word === "s";
}

export function canonicalPrefixWord(word: string): string {
  if (word === "t") return "'t";
  if (word === "s") return "'s";
  return word;
}

export function hasVowel(s: string): boolean {
  return [...s].some((c) => VOWELS.includes(c));
}

export function plausibleWordStart(s: string): boolean {
  const a = s[0];
  const b = s[1];
  if (a === undefined || b === undefined) return false;
  if (VOWELS.includes(a)) return true;
  return VOWELS.includes(b) || ONSETS.has(a + b);
}
