/**
 * What words to citizens must never contain (common brief; review G-1, G-5, G-10): the
 * Huurcommissie, this project's seed numbers ("003", "001 §", "000"), "contract" (our API
 * contract), `docs/` paths, snake_case, and — in Dutch texts — the API's English codes. The
 * list of codes is derived from the schemas' enums, so a new status or scope is covered.
 */
import { CASE_STATUSES } from "../modules/cases/schemas.ts";
import {
  CONTINUATION_GROUNDS,
  LETTER_KINDS,
  REMOVAL_GROUNDS,
  SKIP_REASONS,
} from "../modules/letters/content.ts";
import { DUTY_STATUSES, LETTER_STATUSES } from "../modules/letters/tables.ts";
import { ORGANISATION_KINDS } from "../modules/organisations/schemas.ts";
import { REGISTRATION_STATUSES } from "../modules/registrations/schemas.ts";
import { SCREENING_PURPOSES } from "../modules/screenings/tables.ts";
import { MATCH_STATUSES } from "../modules/seekers/tables.ts";
import type { Language } from "../platform/i18n.ts";
import { CASE_KINDS } from "../protocol/case-kinds.ts";
import { HIT_AUDIENCES, SCOPES } from "../protocol/profile.ts";

/** Codes that are ordinary Dutch words too (a Dutch letter says "een hit"). */
const DUTCH_TOO = new Set(["hit", "consortium", "auditor", "open", "post"]);

/** The API's enum values a Dutch text must not show (single words; snake_case is caught apart). */
export const ENGLISH_CODES: readonly string[] = [
  ...new Set(
    [
      ...SCOPES,
      ...CASE_KINDS,
      ...CASE_STATUSES,
      ...REGISTRATION_STATUSES,
      ...SCREENING_PURPOSES,
      ...MATCH_STATUSES,
      ...ORGANISATION_KINDS,
      ...REMOVAL_GROUNDS,
      ...CONTINUATION_GROUNDS,
      ...LETTER_KINDS,
      ...LETTER_STATUSES,
      ...DUTY_STATUSES,
      ...HIT_AUDIENCES,
      ...Object.keys(SKIP_REASONS),
      "upheld",
      "rejected",
      "partly_upheld",
    ].filter((c) => !c.includes("_") && !DUTCH_TOO.has(c)),
  ),
];

/** Every reason the text is not fit for a citizen; empty when it is. */
export function plainWordProblems(text: string, lang: Language): string[] {
  const problems: string[] = [];
  const find = (what: string, re: RegExp) => {
    const m = re.exec(text);
    if (m) {
      const at = Math.max(0, m.index - 40);
      problems.push(`${what}: "…${text.slice(at, m.index + m[0].length + 40)}…"`);
    }
  };
  find("Huurcommissie", /huurcommissie/i);
  // Seed numbers, not part of a number such as "€ 1.000" or a date.
  find("seed number", /(?<![\d.,\-/])\b00[0-3]\b(?![\d.,\-/])/);
  find("docs path", /\bdocs\//);
  find("snake_case", /\b[a-z]+_[a-z_]+\b/);
  if (lang === "nl") {
    find("contract", /\bcontract\b/i);
    for (const code of ENGLISH_CODES) find(`English code "${code}"`, new RegExp(`\\b${code}\\b`));
  }
  return problems;
}

/** The visible text of an HTML page: no tags, attributes, scripts or styles. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");
}
