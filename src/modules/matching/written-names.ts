/**
 * Which written names the boundary accepts (issue #24 part 1, D-870). Every path that takes a
 * person (API bodies, web forms, CSV/JSONL imports, the public form) checks its name fields
 * (initials, first names, tussenvoegsel, surname, birth name) with this one rule, and matching
 * reads what was written through `normalisePerson` — so the boundary refuses only what cannot
 * be a name, and the normaliser does the rest:
 *
 * - accepted: any letters and combining marks (NFC or NFD), upper or lower case, spaces (one or
 *   several, also at either end), and the punctuation names are written with: dot, comma,
 *   slash ("v/d"), hyphens and dashes, apostrophes of every kind ("d'", "’t", "`t");
 * - refused, by rule: `control_character` (a control or invisible format character, such as a
 *   tab, a line break or a zero-width space), `digits` (any numeral), `too_long` (more than
 *   100 characters after trimming), `not_a_name` (a character that is none of the above, such
 *   as "@", "<" or "#"), `no_letters` (punctuation only, such as "..").
 *
 * The table of accepted written forms is in docs/matching.md; `written-names.test.ts` sends
 * each row through the API.
 */

export const NAME_MAX_LENGTH = 100;

export const NAME_RULES = [
  "control_character",
  "digits",
  "too_long",
  "not_a_name",
  "no_letters",
] as const;
export type NameRule = (typeof NAME_RULES)[number];

/** What each rule says, for API errors (contract §3: the code names the rule, people read this). */
export const NAME_RULE_MESSAGES: Readonly<Record<NameRule, string>> = {
  control_character:
    "may not contain control or invisible characters (tab, line break, zero-width space) (rule: control_character)",
  digits: "may not contain digits (rule: digits)",
  too_long: `may hold at most ${NAME_MAX_LENGTH} characters (rule: too_long)`,
  not_a_name:
    "may hold letters, spaces, dots, commas, slashes, hyphens and apostrophes only (rule: not_a_name)",
  no_letters: "must contain at least one letter (rule: no_letters)",
};

const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const DIGIT = /\p{N}/u;
/** Letters, marks, spaces and the punctuation of written names; nothing else. */
const NAME_CHARACTERS = /^[\p{L}\p{M}\p{Zs}.,/'’‘`´ʼ′\-‐‑‒–—]*$/u;
const LETTER = /\p{L}/u;

/**
 * The rule a written name field breaks, or undefined when it may be a name. `value` is the
 * field as sent (before trimming): an empty or blank value is the caller's business (a
 * required field answers "required", an optional one counts as not given).
 */
export function brokenNameRule(value: string): NameRule | undefined {
  if (CONTROL.test(value)) return "control_character";
  if (DIGIT.test(value)) return "digits";
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if ([...trimmed.normalize("NFC")].length > NAME_MAX_LENGTH) return "too_long";
  if (!NAME_CHARACTERS.test(trimmed)) return "not_a_name";
  if (!LETTER.test(trimmed)) return "no_letters";
  return undefined;
}
