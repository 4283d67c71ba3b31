/**
 * Normalisation of Dutch (and Dutch-registered) person names for matching.
 *
 * Everything here is pure and deterministic. The output is folded text: lower case, diacritics
 * removed, ligatures spelled out. It is meant for comparison only and never for display or
 * letters; those use the names as entered.
 *
 * By concept: folding text (fold.ts), tussenvoegsels (prefix-words.ts), surnames
 * (surname.ts), initials and first names (initials.ts), and here the person as a whole.
 */

import { initialsFromFirstNames, normaliseFirstNames, parseInitials } from "./initials.ts";
import { type NormalisedName, normaliseSurname } from "./surname.ts";

export { compact, foldText } from "./fold.ts";
export {
  initialClass,
  initialOfName,
  initialsFromFirstNames,
  normaliseFirstNames,
  parseInitials,
} from "./initials.ts";
export {
  type NamePart,
  type NormalisedName,
  normalisePrefix,
  normaliseSurname,
  prefixClass,
} from "./surname.ts";

/** The person as the contract (§ Person) carries it; only the fields matching uses. */
export interface MatchPerson {
  initials: string;
  firstNames?: string;
  prefix?: string;
  surname: string;
  birthName?: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender?: "M" | "V" | "X";
}

export interface BirthDate {
  iso: string;
  year: number;
  month: number;
  day: number;
}

/** A person prepared for comparison and blocking (normalise once, compare many times). */
export interface NormalisedPerson {
  surname: NormalisedName;
  /** The birth name (geslachtsnaam) when given and different from the surname as used. */
  birthName?: NormalisedName;
  /** From the initials field; from the first names when the field yields none. */
  initials: string[];
  /** Folded first-name tokens; [] when not given. */
  firstNames: string[];
  birthDate: BirthDate;
  gender?: "M" | "V" | "X";
}

/** Parses a YYYY-MM-DD calendar date; throws a RangeError for anything else. */
export function parseBirthDate(iso: string): BirthDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`birth date must be YYYY-MM-DD, got "${iso}"`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day
  ) {
    throw new RangeError(`birth date is not a calendar date: "${iso}"`);
  }
  return { iso, year, month, day };
}

/** Normalises a contract person for matching. Throws a RangeError on an invalid birth date. */
export function normalisePerson(person: MatchPerson): NormalisedPerson {
  const surname = normaliseSurname(person.surname, person.prefix);
  const birthName =
    person.birthName && person.birthName.trim() !== ""
      ? normaliseSurname(person.birthName)
      : undefined;
  const firstNames = person.firstNames ? normaliseFirstNames(person.firstNames) : [];
  let initials = parseInitials(person.initials);
  if (initials.length === 0 && person.firstNames)
    initials = initialsFromFirstNames(person.firstNames);
  const normalised: NormalisedPerson = {
    surname,
    initials,
    firstNames,
    birthDate: parseBirthDate(person.birthDate),
  };
  if (birthName && birthName.full !== surname.full) normalised.birthName = birthName;
  if (person.gender) normalised.gender = person.gender;
  return normalised;
}

/** The person normalised, once: callers that have normalised already pass the result. */
export function asNormalised(person: MatchPerson | NormalisedPerson): NormalisedPerson {
  return typeof person.birthDate === "string"
    ? normalisePerson(person as MatchPerson)
    : (person as NormalisedPerson);
}
