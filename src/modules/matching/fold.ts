/**
 * Folding text for comparison: lower-case ASCII letters plus the punctuation that carries
 * meaning in names. Pure and deterministic; never for display or letters.
 */

/** Letters that Unicode decomposition does not reduce to a base letter plus marks. */
export const SPECIAL_LETTERS: ReadonlyMap<string, string> = new Map([
  ["ß", "ss"],
  ["æ", "ae"],
  ["œ", "oe"],
  ["ø", "o"],
  ["ı", "i"], // Turkish dotless i (Yıldız)
  ["ł", "l"], // Polish (Michał)
  ["đ", "d"],
  ["ð", "d"],
  ["þ", "th"],
  ["ĳ", "ij"], // the Dutch IJ ligature, U+0133 (U+0132 is lower-cased first)
  ["ħ", "h"],
  ["ŀ", "l"],
]);

const GERMAN_UMLAUTS: ReadonlyMap<string, string> = new Map([
  ["ä", "ae"],
  ["ö", "oe"],
  ["ü", "ue"],
]);

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Folds text to lower-case ASCII letters plus the punctuation that carries meaning in names
 * (apostrophe, hyphen, dot, slash, comma, space): "Çelik" → "celik", "Yıldız" → "yildiz",
 * "Øster" → "oster", "Strauß" → "strauss", "Ĳzerman" → "ijzerman", "Müller" → "muller".
 * With `umlauts: "german"` ä/ö/ü become ae/oe/ue ("Müller" → "mueller"), the other
 * spelling in use for the same name. Dutch diaeresis (ë, ï: "Noë", "Boër") only separates
 * syllables, so it folds to the plain vowel either way.
 */
export function foldText(text: string, umlauts: "plain" | "german" = "plain"): string {
  // Fast path for plain ASCII (most names): the same result without Unicode normalisation.
  if (PRINTABLE_ASCII.test(text)) {
    return text
      .toLowerCase()
      .replace(/`/g, "'")
      .replace(/[^a-z'.,/\s-]/g, " ");
  }
  let s = text.normalize("NFC").toLowerCase();
  s = s.replace(/[ßæœøıłđðþĳħŀ]/g, (c) => SPECIAL_LETTERS.get(c) ?? c);
  if (umlauts === "german") s = s.replace(/[äöü]/g, (c) => GERMAN_UMLAUTS.get(c) ?? c);
  s = s.normalize("NFD").replace(/\p{M}/gu, "");
  s = s.replace(/[’‘`´ʼ′]/g, "'").replace(/[‐‑‒–—―]/g, "-");
  return s.replace(/[^a-z'.,/\s-]/g, " ");
}

/** Letters only: the form names are compared in ("van der Berg" → "vanderberg"). */
export function compact(folded: string): string {
  return folded.replace(/[^a-z]/g, "");
}
