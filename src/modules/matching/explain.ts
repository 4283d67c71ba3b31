/**
 * A candidate pair explained in plain Dutch, field by field (issue #24 part 5, D-875): which
 * fields agree, which differ and how — "geboortedatum: één cijfer anders in het jaar
 * (1973/1974)", "achternaam bijna gelijk, klinkt hetzelfde (Jansen/Janssen)", "voorletters
 * gelijk". For the officer of the primary source who judges the pair (GET /matches/{id} and the
 * match page): it quotes both persons' values, so it goes only where both persons are shown.
 *
 * The texts follow the comparisons of compare.ts (the same levels the score weighs); the birth
 * date is described from the two dates themselves, so that every difference is told in words
 * whatever level the scorer gives it.
 */

import {
  compareGivenNames,
  compareSurnames,
  GIVEN_NAME_LEVELS,
  isPlaceholderDate,
  SURNAME_LEVELS,
  type SurnameLevel,
} from "./compare.ts";
import {
  type MatchPerson,
  type NormalisedName,
  type NormalisedPerson,
  normalisePerson,
} from "./normalise.ts";

/** How far a field agrees: the same, nearly (a keying or spelling difference), not, or unknown. */
export const AGREEMENTS = ["equal", "close", "different", "missing"] as const;
export type Agreement = (typeof AGREEMENTS)[number];

export const EXPLAINED_FIELDS = ["surname", "given_names", "birth_date", "gender"] as const;
export type ExplainedField = (typeof EXPLAINED_FIELDS)[number];

export interface FieldExplanation {
  field: ExplainedField;
  agreement: Agreement;
  /** One plain Dutch sentence fragment, values in brackets (first person / second person). */
  text: string;
}

const pair = (x: string, y: string) => `(${x}/${y})`;

/** A surname as written: tussenvoegsel and name, spaces tidied (diacritics kept). */
function writtenSurname(prefix: string | undefined, surname: string): string {
  return [prefix, surname]
    .filter((s): s is string => !!s && s.trim() !== "")
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

const SURNAME_TEXT: Partial<Record<string, [Agreement, string]>> = {
  exact: ["equal", "gelijk"],
  exact_core: ["close", "gelijk, maar het tussenvoegsel is anders of ontbreekt"],
  part_exact: ["close", "deels gelijk: één deel van een dubbele naam komt overeen"],
  phonetic: ["close", "bijna gelijk, klinkt hetzelfde"],
  typo: ["close", "bijna gelijk, één letter anders"],
  similar: ["close", "lijkt erop"],
  different: ["different", "anders"],
};

function explainSurname(
  a: MatchPerson,
  b: MatchPerson,
  na: NormalisedPerson,
  nb: NormalisedPerson,
): FieldExplanation {
  const sides = (p: MatchPerson, n: NormalisedPerson) => {
    const out: { label: string; written: string; name: NormalisedName }[] = [
      { label: "achternaam", written: writtenSurname(p.prefix, p.surname), name: n.surname },
    ];
    if (n.birthName && p.birthName)
      out.push({
        label: "geboortenaam",
        written: writtenSurname(undefined, p.birthName),
        name: n.birthName,
      });
    return out;
  };
  let best: { level: SurnameLevel; x: string; y: string; label: string } | undefined;
  for (const x of sides(a, na)) {
    for (const y of sides(b, nb)) {
      if (!x.name.variants[0] || !y.name.variants[0]) continue;
      for (const c of compareSurnames(x.name, y.name)) {
        const rank = SURNAME_LEVELS.indexOf(c.level);
        if (best && SURNAME_LEVELS.indexOf(best.level) <= rank) continue;
        const label = x.label === y.label ? x.label : "achternaam en geboortenaam";
        best = { level: c.level, x: x.written, y: y.written, label };
      }
    }
  }
  if (!best) {
    return { field: "surname", agreement: "missing", text: "achternaam ontbreekt aan één kant" };
  }
  const [agreement, words] = SURNAME_TEXT[best.level] ?? ["close", "lijkt erop"];
  const values =
    best.level === "exact" && best.x === best.y
      ? ""
      : best.level === "exact"
        ? ` (anders geschreven: ${best.x}/${best.y})`
        : ` ${pair(best.x, best.y)}`;
  return { field: "surname", agreement, text: `${best.label} ${words}${values}` };
}

/** Initials as a person reads them: "M.C.", "IJ.". */
function shownInitials(n: NormalisedPerson): string {
  return n.initials.map((i) => `${i.toUpperCase()}.`).join("");
}

function explainGivenNames(
  a: MatchPerson,
  b: MatchPerson,
  na: NormalisedPerson,
  nb: NormalisedPerson,
): FieldExplanation {
  const level = compareGivenNames(na, nb).level;
  const initials = pair(shownInitials(na) || "–", shownInitials(nb) || "–");
  const names = pair(a.firstNames?.trim() || "–", b.firstNames?.trim() || "–");
  const sameInitials = shownInitials(na) === shownInitials(nb);
  const texts: Record<string, [Agreement, string]> = {
    first_names_exact: ["equal", "voornamen gelijk"],
    initials_exact: [
      "equal",
      sameInitials ? "voorletters gelijk" : `voorletters gelijk ${initials}`,
    ],
    initials_partial: [
      "close",
      `voorletters deels gelijk: aan één kant staan er minder ${initials}`,
    ],
    initials_overlap: ["close", `één voorletter gemeen ${initials}`],
    first_initial: ["close", `alleen de eerste voorletter gelijk ${initials}`],
    first_names_differ: ["different", `voorletters gelijk, voornamen anders ${names}`],
    different: ["different", `voorletters anders ${initials}`],
    missing: ["missing", "voorletters en voornamen ontbreken aan één kant"],
  };
  const [agreement, text] = texts[level] ?? [
    GIVEN_NAME_LEVELS.indexOf(level) < GIVEN_NAME_LEVELS.indexOf("different")
      ? "close"
      : "different",
    `voorletters ${initials}`,
  ];
  return { field: "given_names", agreement, text };
}

const PART_NAMES = { year: "het jaar", month: "de maand", day: "de dag" } as const;

/** Two numbers written with the same width differ in one digit, or in two neighbours swapped. */
function digitDifference(x: string, y: string): "one_digit" | "swapped" | "other" {
  const apart = [...x].map((c, i) => (c === y[i] ? -1 : i)).filter((i) => i >= 0);
  if (apart.length === 1) return "one_digit";
  const [i, j] = apart;
  if (apart.length === 2 && j === i! + 1 && x[i!] === y[j!] && x[j!] === y[i!]) return "swapped";
  return "other";
}

function explainBirthDate(a: MatchPerson, b: MatchPerson): FieldExplanation {
  const [ya, ma, da] = a.birthDate.split("-") as [string, string, string];
  const [yb, mb, db] = b.birthDate.split("-") as [string, string, string];
  const dutch = (y: string, m: string, d: string) => `${d}-${m}-${y}`;
  if (a.birthDate === b.birthDate) {
    const text = isPlaceholderDate(a.birthDate)
      ? "geboortedatum gelijk (1 januari of 1 juli: vaak ingevuld als alleen het jaar bekend is)"
      : "geboortedatum gelijk";
    return { field: "birth_date", agreement: "equal", text };
  }
  const differing = (
    [
      ["year", ya, yb],
      ["month", ma, mb],
      ["day", da, db],
    ] as const
  ).filter(([, x, y]) => x !== y);
  const whole = pair(dutch(ya, ma, da), dutch(yb, mb, db));
  if (ya === yb && ma === db && da === mb) {
    return {
      field: "birth_date",
      agreement: "close",
      text: `geboortedatum: dag en maand omgewisseld ${whole}`,
    };
  }
  if (differing.length === 1) {
    const [part, x, y] = differing[0]!;
    const how = digitDifference(x, y);
    if (part === "year" && x.slice(2) === y.slice(2)) {
      return {
        field: "birth_date",
        agreement: "close",
        text: `geboortedatum: eeuw anders ${pair(x, y)}`,
      };
    }
    if (how !== "other") {
      const what = how === "one_digit" ? "één cijfer anders" : "twee cijfers omgewisseld";
      return {
        field: "birth_date",
        agreement: "close",
        text: `geboortedatum: ${what} in ${PART_NAMES[part]} ${pair(x, y)}`,
      };
    }
    if (part === "day") {
      return {
        field: "birth_date",
        agreement: "close",
        text: `geboortedatum: zelfde jaar en maand, andere dag ${whole}`,
      };
    }
  }
  return { field: "birth_date", agreement: "different", text: `geboortedatum anders ${whole}` };
}

const GENDER_WORDS: Record<string, string> = { M: "man", V: "vrouw", X: "onbepaald" };

function explainGender(a: MatchPerson, b: MatchPerson): FieldExplanation | undefined {
  if (!a.gender && !b.gender) return undefined;
  if (!a.gender || !b.gender)
    return { field: "gender", agreement: "missing", text: "geslacht ontbreekt aan één kant" };
  if (a.gender === b.gender)
    return { field: "gender", agreement: "equal", text: "geslacht gelijk" };
  const values = pair(GENDER_WORDS[a.gender] ?? a.gender, GENDER_WORDS[b.gender] ?? b.gender);
  const either = a.gender === "X" || b.gender === "X";
  return {
    field: "gender",
    agreement: either ? "missing" : "different",
    text: either ? `geslacht niet te vergelijken ${values}` : `geslacht anders ${values}`,
  };
}

/**
 * The pair explained per field, in the order an officer reads a person: surname, given names,
 * birth date, gender. `a` and `b` are the persons as written (their values are quoted).
 */
export function explainPair(a: MatchPerson, b: MatchPerson): FieldExplanation[] {
  const na = normalisePerson(a);
  const nb = normalisePerson(b);
  const gender = explainGender(a, b);
  return [
    explainSurname(a, b, na, nb),
    explainGivenNames(a, b, na, nb),
    explainBirthDate(a, b),
    ...(gender ? [gender] : []),
  ];
}
