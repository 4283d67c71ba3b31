/**
 * Blocking keys: the exact-match keys under which persons are found as candidates before
 * they are scored. Personal data is stored encrypted; the caller turns each key into a blind
 * index (HMAC-SHA256 under the region key, design.md §3, over `${kind}:${value}`) and looks
 * up persons sharing any key of the same kind. Every candidate is then decrypted and scored
 * in memory (score.ts).
 *
 * A pair is only scored if it shares a key, so the keys decide recall. Each kind survives a
 * different corruption:
 *
 * | kind                   | value                          | finds the pair when…                                   |
 * | ---------------------- | ------------------------------ | ------------------------------------------------------ |
 * | `birth_date`           | 1985-03-04                     | the date is right (any surname change, typo, swap)     |
 * | `birth_date_unordered` | 1985│03│04 (day/month sorted)   | day and month are swapped                              |
 * | `year_surname`         | 1985│<phonetic surname>         | day or month is wrong                                  |
 * | `initial_surname`      | j│<phonetic surname>           | the year is wrong (1985/1958, 1985/1986)               |
 * | `month_day_surname`    | 03-04│<phonetic surname>       | the year is wrong and the initials too (call name)     |
 * | `initial_letter_date`  | j│h│1985-03 and j│h│03-04      | the surname has a typo *and* the day or the year is    |
 * |                        |                                | wrong (issue #24: 22% of such pairs shared no key)     |
 *
 * `initial_letter_date` holds the first initial, the first letter of each phonetic surname key
 * (a typo never changes what the name starts with as often as what follows) and the birth date
 * with the day left out, or with the year left out. With 2,000,000 house seekers a value is
 * shared by some tens of them (docs/benchmarks.md, candidates per kind), a few times what
 * `initial_surname` returns for a frequent surname, and the birth-date veto sets most of them
 * aside before anything is decrypted (score.ts `vetoedByBirthDate`).
 *
 * "phonetic surname" is the phonetic key (phonetic.ts) of the core and of the name written
 * together, for the surname, each part of a double name, and the birth name: so a dropped or
 * displaced tussenvoegsel, a partner name, a birth name used on one side and a spelling
 * variant all still meet. Keys are the same for both sides of a pair (a swapped date gives
 * the same `birth_date_unordered` value), so lookups never have to cross kinds.
 *
 * The kind names are stable. The values depend on the phonetic rules: when
 * `BLOCKING_SCHEME_VERSION` changes, stored blind indexes must be recomputed.
 */

import {
  asNormalised,
  compact,
  initialClass,
  type MatchPerson,
  type NormalisedName,
  type NormalisedPerson,
} from "./normalise.ts";
import { PHONETIC_VERSION, phoneticKey } from "./phonetic.ts";

export const BLOCKING_SCHEME_VERSION = PHONETIC_VERSION;

export type BlockingKind =
  | "birth_date"
  | "birth_date_unordered"
  | "year_surname"
  | "initial_surname"
  | "month_day_surname"
  | "initial_letter_date";

export const BLOCKING_KINDS: readonly BlockingKind[] = [
  "birth_date",
  "birth_date_unordered",
  "year_surname",
  "initial_surname",
  "month_day_surname",
  "initial_letter_date",
];

export interface BlockingKey {
  kind: BlockingKind;
  value: string;
}

/** Phonetic keys under which a surname may be found (see the module comment). */
export function surnamePhoneticKeys(name: NormalisedName): readonly string[] {
  // normaliseSurname shares (and freezes) the parse of a repeated name, so its keys are
  // remembered with it.
  const known = phoneticKeysOf.get(name);
  if (known) return known;
  const forms = [name, ...name.parts].flatMap((part) => [
    compact(part.core),
    part.variants[0] ?? "",
  ]);
  const keys = Object.freeze(
    [...new Set(forms.filter((f) => f.length > 0).map(phoneticKey))].filter((k) => k.length > 0),
  );
  phoneticKeysOf.set(name, keys);
  return keys;
}

const phoneticKeysOf = new WeakMap<NormalisedName, readonly string[]>();

/** The blocking keys of a person, sorted by kind then value, without duplicates. */
export function blockingKeys(person: MatchPerson | NormalisedPerson): BlockingKey[] {
  const p = asNormalised(person);
  const { year, month, day, iso } = p.birthDate;
  const two = (n: number) => String(n).padStart(2, "0");
  const keys: BlockingKey[] = [{ kind: "birth_date", value: iso }];
  if (day <= 12 && day !== month) {
    const [low, high] = day < month ? [day, month] : [month, day];
    keys.push({ kind: "birth_date_unordered", value: `${year}|${two(low)}|${two(high)}` });
  }
  const surnames = new Set(surnamePhoneticKeys(p.surname));
  if (p.birthName) for (const s of surnamePhoneticKeys(p.birthName)) surnames.add(s);
  // Within a kind every value has the same prefix, so sorting the surname keys sorts the
  // values; the kinds are appended in BLOCKING_KINDS order and no value repeats.
  const sorted = [...surnames].sort();
  for (const s of sorted) keys.push({ kind: "year_surname", value: `${year}|${s}` });
  const initial = p.initials[0] === undefined ? undefined : initialClass(p.initials[0]);
  if (initial !== undefined) {
    for (const s of sorted) keys.push({ kind: "initial_surname", value: `${initial}|${s}` });
  }
  const monthDay = `${two(month)}-${two(day)}`;
  for (const s of sorted) keys.push({ kind: "month_day_surname", value: `${monthDay}|${s}` });
  if (initial !== undefined) {
    const letters = [...new Set(sorted.map((s) => s[0]!))].sort();
    const yearMonth = `${year}-${two(month)}`;
    // "03-04" sorts before "1985-03" (a month is 01–12, a year 19xx or 20xx).
    for (const l of letters) {
      keys.push({ kind: "initial_letter_date", value: `${initial}|${l}|${monthDay}` });
      keys.push({ kind: "initial_letter_date", value: `${initial}|${l}|${yearMonth}` });
    }
  }
  return keys;
}

/** Whether two persons share a blocking key, i.e. whether candidate retrieval would pair them. */
export function shareBlockingKey(
  a: MatchPerson | NormalisedPerson,
  b: MatchPerson | NormalisedPerson,
): boolean {
  const ids = new Set(blockingKeys(a).map((k) => `${k.kind}:${k.value}`));
  return blockingKeys(b).some((k) => ids.has(`${k.kind}:${k.value}`));
}
