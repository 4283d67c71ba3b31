/**
 * Test fixtures shared by score.test.ts and blocking.test.ts: one person and the same person
 * as another source may have recorded them, one corruption at a time. Every pair here must be
 * scored a match and must share a blocking key.
 */

import type { MatchPerson } from "./normalise.ts";

export const BASE: MatchPerson = {
  initials: "J.P.",
  firstNames: "Jan Pieter",
  prefix: "van den",
  surname: "Heuvel",
  birthDate: "1985-03-04",
  gender: "M",
};

/** [what went wrong, the person as recorded elsewhere] — each against BASE. */
export const SAME_PERSON_CORRUPTIONS: readonly (readonly [string, MatchPerson])[] = [
  ["tussenvoegsel after a comma", { ...BASE, prefix: undefined, surname: "Heuvel, van den" }],
  ["tussenvoegsel trailing", { ...BASE, prefix: undefined, surname: "Heuvel van den" }],
  ["tussenvoegsel abbreviated", { ...BASE, prefix: "v.d.", surname: "Heuvel" }],
  ["tussenvoegsel v/d in the surname", { ...BASE, prefix: undefined, surname: "v/d Heuvel" }],
  ["tussenvoegsel written together", { ...BASE, prefix: undefined, surname: "Vandenheuvel" }],
  ["tussenvoegsel in capitals", { ...BASE, prefix: "VAN DEN", surname: "HEUVEL" }],
  ["tussenvoegsel dropped", { ...BASE, prefix: undefined }],
  ["other article (van der)", { ...BASE, prefix: "van der" }],
  ["surname typo (letter dropped)", { ...BASE, surname: "Hevel" }],
  ["surname typo (transposed letters)", { ...BASE, surname: "Huevel" }],
  ["surname typo (wrong letter)", { ...BASE, surname: "Heuvek" }],
  ["partner name added", { ...BASE, prefix: undefined, surname: "van den Heuvel-de Vries" }],
  ["partner name first", { ...BASE, prefix: undefined, surname: "de Vries-van den Heuvel" }],
  [
    "married name used, birth name given",
    { ...BASE, prefix: "de", surname: "Vries", birthName: "van den Heuvel" },
  ],
  ["initials without dots", { ...BASE, initials: "JP" }],
  ["initials lower case with spaces", { ...BASE, initials: "j. p." }],
  ["initials French style", { ...BASE, initials: "J.-P." }],
  ["first names missing", { ...BASE, firstNames: undefined }],
  ["first names hyphenated", { ...BASE, firstNames: "Jan-Pieter" }],
  ["only the first initial", { ...BASE, initials: "J.", firstNames: undefined }],
  ["gender missing", { ...BASE, gender: undefined }],
  ["gender X", { ...BASE, gender: "X" }],
  ["day and month swapped", { ...BASE, birthDate: "1985-04-03" }],
  ["day one digit off", { ...BASE, birthDate: "1985-03-05" }],
  ["month one digit off", { ...BASE, birthDate: "1985-08-04" }],
  ["year one digit off", { ...BASE, birthDate: "1986-03-04" }],
  ["year digits transposed", { ...BASE, birthDate: "1958-03-04" }],
  ["day wrong, same year and month", { ...BASE, birthDate: "1985-03-27" }],
];

/** Spelling variants of other names, same person. */
export const SAME_PERSON_SPELLINGS: readonly (readonly [string, MatchPerson, MatchPerson])[] = [
  [
    "umlaut spelled out",
    { initials: "K.", surname: "Müller", birthDate: "1979-11-23" },
    { initials: "K.", surname: "Mueller", birthDate: "1979-11-23" },
  ],
  [
    "IJ as Y",
    { initials: "A.M.", surname: "IJzerman", birthDate: "1990-06-15" },
    { initials: "A.M.", surname: "Yzerman", birthDate: "1990-06-15" },
  ],
  [
    "ij as y and ei",
    { initials: "H.", surname: "Meijer", birthDate: "1962-09-30", gender: "M" },
    { initials: "H.", surname: "Meyer", birthDate: "1962-09-30", gender: "M" },
  ],
  [
    "Terhorst written together",
    { initials: "W.J.", prefix: "ter", surname: "Horst", birthDate: "1971-02-17" },
    { initials: "W.J.", surname: "Terhorst", birthDate: "1971-02-17" },
  ],
  [
    "El- with hyphen",
    { initials: "Y.", surname: "El-Khatib", birthDate: "1994-12-03" },
    { initials: "Y.", prefix: "el", surname: "Khatib", birthDate: "1994-12-03" },
  ],
  [
    "Turkish letters folded",
    { initials: "Ş.", firstNames: "Şükrü", surname: "Yıldız", birthDate: "1968-04-21" },
    { initials: "S.", firstNames: "Sukru", surname: "Yildiz", birthDate: "1968-04-21" },
  ],
  [
    "Surinamese oe/u spelling",
    { initials: "R.", surname: "Ramsoekh", birthDate: "1983-10-09" },
    { initials: "R.", surname: "Ramsukh", birthDate: "1983-10-09" },
  ],
  [
    "double name, hyphen vs space, either order",
    { initials: "M.", surname: "Jansen-de Vries", birthDate: "1975-05-20" },
    { initials: "M.", surname: "de Vries Jansen", birthDate: "1975-05-20" },
  ],
  [
    "placeholder date, same everything",
    { initials: "A.H.", surname: "Haidari", birthDate: "1990-01-01", gender: "M" },
    { initials: "A.H.", surname: "Haidari", birthDate: "1990-01-01", gender: "M" },
  ],
];
