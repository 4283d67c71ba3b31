/**
 * The matching engine: Dutch name normalisation, phonetic keys, field comparison,
 * Fellegi–Sunter scoring with guards, and blocking keys. Pure code: no database, no HTTP.
 * Matching proposes; a human of the primary source confirms (design.md §2.7).
 *
 * Typical use (seekers module):
 *   const person = normalisePerson(body.person);
 *   const keys = blockingKeys(person);            // HMAC each `${kind}:${value}`, look up
 *   const result = scoreNormalised(person, candidate, { thresholds: region.matchThresholds });
 *   if (result.decision === "match") … propose, showing result.reasons to the officer
 */

export {
  BLOCKING_KINDS,
  BLOCKING_SCHEME_VERSION,
  type BlockingKey,
  type BlockingKind,
  blockingKeys,
  shareBlockingKey,
  surnamePhoneticKeys,
} from "./blocking.ts";
export {
  BIRTH_DATE_LEVELS,
  type BirthDateComparison,
  type BirthDateLevel,
  compareBirthDates,
  compareGivenNames,
  compareSurnames,
  compareWholeSurnames,
  compatibleFirstNames,
  damerauLevenshtein,
  GIVEN_NAME_LEVELS,
  type GivenNameComparison,
  type GivenNameLevel,
  type GivenNames,
  isPlaceholderDate,
  jaro,
  jaroWinkler,
  optimalStringAlignment,
  PLACEHOLDER_MONTH_DAYS,
  SURNAME_LEVELS,
  type SurnameComparison,
  type SurnameLevel,
  withinOneEdit,
} from "./compare.ts";
export {
  type BirthDate,
  compact,
  foldText,
  initialClass,
  initialsFromFirstNames,
  type MatchPerson,
  type NamePart,
  type NormalisedName,
  type NormalisedPerson,
  normaliseFirstNames,
  normalisePerson,
  normalisePrefix,
  normaliseSurname,
  parseBirthDate,
  parseInitials,
  prefixClass,
} from "./normalise.ts";
export { PHONETIC_RULES, PHONETIC_VERSION, phoneticKey } from "./phonetic.ts";
// Scoring with its parameters and name frequencies (score.ts re-exports those two files).
export * from "./score.ts";
export { SURNAME_FREQUENCIES, SURNAME_FREQUENCY_BASE } from "./surname-frequencies.ts";
