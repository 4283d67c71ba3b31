/**
 * A synthetic population of Dutch house seekers and registrations, for the matching benchmark
 * (issue #5), in the spirit of the FEBRL generator: realistic name frequencies, households
 * that produce look-alikes, and labelled corruptions. Our own code; deterministic in the seed.
 *
 * Model. Every person has an identity (origin, gender, given names, own surname, optional
 * partner surname used in a double name, birth date). A record renders an identity the way a
 * landlord's system stores it (MatchPerson), with a style: tussenvoegsel in its own field or
 * in the surname, first names present or not, gender present or not.
 *
 * - Registrations 0…R-1: one identity each, rendered once.
 * - Seekers 0…S-1: each is (decided by its own seeded stream, so any seeker can be produced on
 *   its own and the 2,000,000 never need to be held at once)
 *   - a positive: a registered identity rendered afresh and corrupted in one labelled way
 *     (`PositiveLabel`), with `truth` the registration id;
 *   - a look-alike negative of a registered identity (`twin`, `sibling`, `parent`, `child`,
 *     `spouse`, `namesake`: same frequent surname and same birth date);
 *   - an unrelated person (`unrelated`), drawn from the same population model, so that chance
 *     agreements (same common name, same date) happen as often as the model makes them.
 */

import type { MatchPerson } from "../../src/modules/matching/index.ts";
import { ORIGIN_SHARES, ORIGINS, type Origin, tailSurname } from "./names.ts";

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

export type Rng = () => number;

function splitmix32(a: number): number {
  let z = (a + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** sfc32, seeded from (seed, stream, index) through splitmix32. */
export function rngFor(seed: number, stream: number, index: number): Rng {
  let a = splitmix32(seed ^ 0x5bd1e995);
  let b = splitmix32(a ^ stream);
  let c = splitmix32(b ^ index);
  let d = splitmix32(c ^ (index / 4294967296));
  for (let i = 0; i < 8; i++) next();
  function next(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  return next;
}

export function int(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

function choice<T>(rng: Rng, list: readonly T[]): T {
  return list[int(rng, list.length)]!;
}

function weighted<T>(rng: Rng, list: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of list) total += w;
  let u = rng() * total;
  for (const [v, w] of list) {
    u -= w;
    if (u < 0) return v;
  }
  return list[list.length - 1]![0];
}

// ---------------------------------------------------------------------------------------------
// Identities
// ---------------------------------------------------------------------------------------------

export type PartnerStyle = "own" | "partner_own" | "own_partner" | "partner";

export interface Identity {
  origin: Origin;
  gender: "M" | "V";
  /** Official given names, as documents spell them. */
  given: string[];
  /** Own (birth) surname, tussenvoegsel first in lower case: "van der Berg", "Yılmaz". */
  own: string;
  /** Whether `own` comes from the head of its origin's list (a frequent name). */
  frequent: boolean;
  /** The partner's surname, when the person uses it (double name or instead of their own). */
  partner?: string;
  partnerStyle: PartnerStyle;
  /** YYYY-MM-DD */
  birthDate: string;
}

const REFERENCE_YEAR = 2025;
const MIN_YEAR = 1935;
const MAX_YEAR = REFERENCE_YEAR - 18;

const YEAR_WEIGHTS: [number, number][] = [];
for (let y = MIN_YEAR; y <= MAX_YEAR; y++) {
  const age = REFERENCE_YEAR - y;
  // House seekers and registered tenants: most between 20 and 50.
  const w = age < 20 ? 0.6 : age < 35 ? 1.6 : age < 50 ? 1.3 : age < 65 ? 0.8 : 0.35;
  YEAR_WEIGHTS.push([y, w]);
}

const PLACEHOLDER_ORIGINS: ReadonlySet<Origin> = new Set([
  "moroccan",
  "afghan",
  "somali",
  "eritrean",
  "arabic",
]);

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${year}-${two(month)}-${two(day)}`;
}

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && year >= 1900;
}

function randomDate(rng: Rng, year: number): string {
  const month = 1 + int(rng, 12);
  return iso(year, month, 1 + int(rng, daysIn(year, month)));
}

function birthDateFor(rng: Rng, origin: Origin): string {
  const year = weighted(rng, YEAR_WEIGHTS);
  // Registered 1 January (date unknown at registration), common for some countries of birth.
  const placeholderShare = PLACEHOLDER_ORIGINS.has(origin) ? (year < 1990 ? 0.25 : 0.08) : 0.002;
  if (rng() < placeholderShare) return iso(year, 1, 1);
  return randomDate(rng, year);
}

function zipfIndex(rng: Rng, size: number): number {
  const k0 = Math.max(5, Math.min(500, size / 20));
  return Math.min(size - 1, Math.floor(k0 * ((k0 + size) / k0) ** rng() - k0));
}

function gendered(name: string, gender: "M" | "V", origin: Origin): string {
  if (origin !== "polish" || gender !== "V") return name;
  return name.replace(/ski$/, "ska").replace(/cki$/, "cka");
}

function surnameFor(
  rng: Rng,
  origin: Origin,
  gender: "M" | "V",
): { name: string; frequent: boolean } {
  const o = ORIGINS[origin];
  if (rng() < o.headShare)
    return { name: gendered(weighted(rng, o.head), gender, origin), frequent: true };
  return {
    name: gendered(tailSurname(origin, zipfIndex(rng, o.tailSize)), gender, origin),
    frequent: false,
  };
}

function givenNamesFor(rng: Rng, origin: Origin, gender: "M" | "V", avoid?: string): string[] {
  const o = ORIGINS[origin];
  const list = gender === "M" ? o.male : o.female;
  const count = weighted(rng, [
    [1, o.givenNameCounts[0]],
    [2, o.givenNameCounts[1]],
    [3, o.givenNameCounts[2]],
  ]);
  const names: string[] = [];
  for (let tries = 0; names.length < count && tries < 20; tries++) {
    const n = weighted(rng, list);
    if (names.includes(n) || (names.length === 0 && n === avoid)) continue;
    names.push(n);
  }
  return names;
}

function randomOrigin(rng: Rng): Origin {
  return weighted(rng, ORIGIN_SHARES);
}

function partnerFor(
  rng: Rng,
  id: Pick<Identity, "origin" | "gender" | "birthDate">,
): { partner?: string; partnerStyle: PartnerStyle } {
  const age = REFERENCE_YEAR - Number(id.birthDate.slice(0, 4));
  if (id.gender !== "V" || age < 23 || rng() >= 0.4) return { partnerStyle: "own" };
  const partnerOrigin = rng() < 0.85 ? id.origin : "dutch";
  const partner = surnameFor(rng, partnerOrigin, "M").name;
  const partnerStyle = weighted<PartnerStyle>(rng, [
    ["own", 0.45],
    ["partner_own", 0.33],
    ["partner", 0.14],
    ["own_partner", 0.08],
  ]);
  return partnerStyle === "own" ? { partnerStyle } : { partner, partnerStyle };
}

export function randomIdentity(rng: Rng, origin = randomOrigin(rng)): Identity {
  const gender = rng() < 0.5 ? "M" : "V";
  const { name, frequent } = surnameFor(rng, origin, gender);
  const birthDate = birthDateFor(rng, origin);
  const given = givenNamesFor(rng, origin, gender);
  return {
    origin,
    gender,
    given,
    own: name,
    frequent,
    birthDate,
    ...partnerFor(rng, { origin, gender, birthDate }),
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering an identity as a record
// ---------------------------------------------------------------------------------------------

export interface Style {
  /** The tussenvoegsel of the first name part in the separate `prefix` field. */
  prefixField: boolean;
  firstNames: boolean;
  gender: boolean;
  /** For someone using their partner's name only: the own name in `birthName`. */
  birthName: boolean;
}

export function randomStyle(rng: Rng): Style {
  return {
    prefixField: rng() < 0.6,
    firstNames: rng() < 0.55,
    gender: rng() < 0.8,
    birthName: rng() < 0.6,
  };
}

const PREFIX_WORDS = new Set([
  "van",
  "der",
  "den",
  "de",
  "het",
  "'t",
  "ter",
  "ten",
  "te",
  "in",
  "op",
  "da",
  "dos",
  "do",
  "das",
]);

/** Splits the leading lower-case tussenvoegsel off a displayed surname. */
export function splitPrefix(surname: string): { prefix: string; rest: string } {
  const words = surname.split(" ");
  let k = 0;
  while (k < words.length - 1 && PREFIX_WORDS.has(words[k]!)) k++;
  return { prefix: words.slice(0, k).join(" "), rest: words.slice(k).join(" ") };
}

/** The surname in use: own, partner's, or both joined by a hyphen. */
export function displayedSurname(id: Identity, style: PartnerStyle = id.partnerStyle): string {
  if (!id.partner) return id.own;
  switch (style) {
    case "own":
      return id.own;
    case "partner":
      return id.partner;
    case "partner_own":
      return `${id.partner}-${id.own}`;
    case "own_partner":
      return `${id.own}-${id.partner}`;
  }
}

/** Initials as a Dutch register writes them: "J.P.", "IJ." for IJsbrand. */
export function initialsOf(given: readonly string[]): string {
  return given.map((n) => (n.startsWith("IJ") ? "IJ." : `${n[0]}.`)).join("");
}

export function render(id: Identity, style: Style, surname = displayedSurname(id)): MatchPerson {
  const person: MatchPerson = {
    initials: initialsOf(id.given),
    surname,
    birthDate: id.birthDate,
  };
  if (style.prefixField) {
    const { prefix, rest } = splitPrefix(surname);
    if (prefix) {
      person.prefix = prefix;
      person.surname = rest;
    }
  }
  if (style.firstNames) person.firstNames = id.given.join(" ");
  if (style.gender) person.gender = id.gender;
  if (id.partner && id.partnerStyle === "partner" && style.birthName && surname === id.partner) {
    person.birthName = id.own;
  }
  return person;
}

// ---------------------------------------------------------------------------------------------
// Corruptions
// ---------------------------------------------------------------------------------------------

export const POSITIVE_LABELS = [
  "clean",
  "diacritics",
  "ij_y",
  "tussenvoegsel",
  "double_name",
  "initials_format",
  "phonetic",
  "typo",
  "date_swap",
  "date_digit",
  "date_year_transposed",
  "date_placeholder",
  "combined",
] as const;
export type PositiveLabel = (typeof POSITIVE_LABELS)[number];

/** The spelling and format variants (target recall ≥ 0.99). */
export const SPELLING_FORMAT_LABELS: readonly PositiveLabel[] = [
  "clean",
  "diacritics",
  "ij_y",
  "tussenvoegsel",
  "double_name",
  "initials_format",
  "phonetic",
];

export const NEGATIVE_LABELS = [
  "unrelated",
  "twin",
  "sibling",
  "parent",
  "child",
  "spouse",
  "namesake",
] as const;
export type NegativeLabel = (typeof NEGATIVE_LABELS)[number];

/** Share of each corruption among positives. */
const POSITIVE_MIX: readonly (readonly [PositiveLabel, number])[] = [
  ["clean", 0.2],
  ["diacritics", 0.06],
  ["ij_y", 0.06],
  ["tussenvoegsel", 0.08],
  ["double_name", 0.06],
  ["initials_format", 0.08],
  ["phonetic", 0.08],
  ["typo", 0.08],
  ["date_swap", 0.05],
  ["date_digit", 0.06],
  ["date_year_transposed", 0.04],
  ["date_placeholder", 0.04],
  ["combined", 0.06],
];

const LOOKALIKE_MIX: readonly (readonly [NegativeLabel, number])[] = [
  ["twin", 1],
  ["sibling", 1],
  ["parent", 1],
  ["child", 1],
  ["spouse", 1],
  ["namesake", 1],
];

type Corrupt = (p: MatchPerson, id: Identity, rng: Rng) => string | undefined;

const DIACRITICS: Record<string, readonly string[]> = {
  ç: ["c"],
  Ç: ["C"],
  ş: ["s"],
  Ş: ["S"],
  ğ: ["g"],
  ı: ["i"],
  İ: ["I"],
  ö: ["o", "oe"],
  Ö: ["O", "Oe"],
  ü: ["u", "ue"],
  Ü: ["U", "Ue"],
  ä: ["a", "ae"],
  ø: ["o"],
  Ø: ["O"],
  å: ["a"],
  Å: ["A"],
  ł: ["l"],
  Ł: ["L"],
  ś: ["s"],
  Ś: ["S"],
  ń: ["n"],
  ó: ["o"],
  ą: ["a"],
  ę: ["e"],
  ż: ["z"],
  Ż: ["Z"],
  ź: ["z"],
  ć: ["c"],
  é: ["e"],
  è: ["e"],
  ã: ["a"],
  á: ["a"],
  í: ["i"],
  ú: ["u"],
  ß: ["ss"],
};

function hasDiacritics(p: MatchPerson): boolean {
  return /[^\x20-\x7e]/.test(`${p.surname}${p.prefix ?? ""}${p.firstNames ?? ""}${p.initials}`);
}

const foldDiacritics: Corrupt = (p, _id, rng) => {
  if (!hasDiacritics(p)) return undefined;
  const german = rng() < 0.5;
  const fold = (s: string) =>
    s.replace(/[^\x20-\x7e]/g, (c) => {
      const options = DIACRITICS[c];
      if (!options) return c;
      return german && options.length > 1 ? options[1]! : options[0]!;
    });
  p.surname = fold(p.surname);
  p.initials = fold(p.initials);
  if (p.firstNames) p.firstNames = fold(p.firstNames);
  if (p.birthName) p.birthName = fold(p.birthName);
  return german ? "umlaut_spelled" : "folded";
};

const ijY: Corrupt = (p, _id, rng) => {
  const s = p.surname;
  const options: [string, string][] = [];
  if (/^IJ/.test(s)) options.push(["IJ_Ij", `Ij${s.slice(2)}`], ["IJ_Y", `Y${s.slice(2)}`]);
  if (/ij/.test(s)) options.push(["ij_y", s.replace(/ij/, "y")]);
  if (/[a-z]y/.test(s)) options.push(["y_ij", s.replace(/([a-z])y/, "$1ij")]);
  if (options.length === 0) return undefined;
  const [what, value] = choice(rng, options);
  p.surname = value;
  return what;
};

const ARABIC_ARTICLE = /^(El|Al|Ben|Ait) (\S.*)$/;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const tussenvoegsel: Corrupt = (p, _id, rng) => {
  const full = p.prefix ? `${p.prefix} ${p.surname}` : p.surname;
  const arabic = ARABIC_ARTICLE.exec(full);
  if (arabic) {
    const [, article, rest] = arabic as unknown as [string, string, string];
    const formats: [string, () => void][] = [
      [
        "hyphen",
        () => {
          p.surname = `${article}-${rest}`;
          delete p.prefix;
        },
      ],
      [
        "prefix_field",
        () => {
          p.prefix = article.toLowerCase();
          p.surname = rest;
        },
      ],
      [
        "camel",
        () => {
          p.surname = `${article}${rest}`;
          delete p.prefix;
        },
      ],
    ];
    const [what, apply] = choice(rng, formats);
    apply();
    return `el_${what}`;
  }
  const { prefix, rest } = splitPrefix(full);
  if (!prefix) return undefined;
  const single = !rest.includes("-") && !rest.includes(" ");
  const letters = prefix.replace(/[^a-z]/g, "");
  const formats: [string, () => void][] = [
    [
      "in_surname",
      () => {
        p.surname = full;
        delete p.prefix;
      },
    ],
    [
      "prefix_field",
      () => {
        p.prefix = prefix;
        p.surname = rest;
      },
    ],
    [
      "together",
      () => {
        p.surname = capitalise(letters + rest.charAt(0).toLowerCase() + rest.slice(1));
        delete p.prefix;
      },
    ],
    [
      "camel",
      () => {
        p.surname = prefix.split(" ").map(capitalise).join("").replace(/'/g, "") + rest;
        delete p.prefix;
      },
    ],
    [
      "capitals",
      () => {
        p.surname = full.toUpperCase();
        delete p.prefix;
      },
    ],
    [
      "prefix_capitalised",
      () => {
        p.prefix = capitalise(prefix);
        p.surname = rest;
      },
    ],
  ];
  if (single) {
    formats.push(
      [
        "comma",
        () => {
          p.surname = `${rest}, ${prefix}`;
          delete p.prefix;
        },
      ],
      [
        "trailing",
        () => {
          p.surname = `${rest} ${prefix}`;
          delete p.prefix;
        },
      ],
    );
  }
  if (/^van de[rn]?$/.test(prefix)) {
    const abbreviation = choice(rng, ["v.d.", "v/d", "vd", "V.D."]);
    formats.push(
      [
        "abbreviated",
        () => {
          p.surname = `${abbreviation} ${rest}`;
          delete p.prefix;
        },
      ],
      [
        "abbreviated_field",
        () => {
          p.prefix = abbreviation;
          p.surname = rest;
        },
      ],
    );
  }
  if (prefix === "van") {
    formats.push([
      "abbreviated",
      () => {
        p.prefix = "v.";
        p.surname = rest;
      },
    ]);
  }
  const [what, apply] = choice(rng, formats);
  apply();
  return what;
};

const doubleName: Corrupt = (p, id, rng) => {
  if (!id.partner) return undefined;
  const shown = displayedSurname(id);
  const options: [string, () => void][] = [];
  const set = (surname: string) => {
    const { prefix, rest } = splitPrefix(surname);
    if (p.prefix !== undefined && prefix) {
      p.prefix = prefix;
      p.surname = rest;
    } else {
      delete p.prefix;
      p.surname = surname;
    }
  };
  if (id.partnerStyle === "partner_own" || id.partnerStyle === "own_partner") {
    options.push(
      ["space", () => set(shown.replace("-", " "))],
      [
        "order_swapped",
        () =>
          set(
            displayedSurname(id, id.partnerStyle === "partner_own" ? "own_partner" : "partner_own"),
          ),
      ],
      ["own_only", () => set(id.own)],
      [
        "partner_only_with_birth_name",
        () => {
          set(id.partner!);
          p.birthName = id.own;
        },
      ],
    );
  } else {
    // The register shows one name; the other record the double name.
    options.push(
      ["partner_own_added", () => set(displayedSurname(id, "partner_own"))],
      ["own_partner_added", () => set(displayedSurname(id, "own_partner"))],
    );
    if (id.partnerStyle === "partner") {
      options.push([
        "own_with_partner_as_birth_name_missing",
        () => {
          set(`${id.partner} ${id.own}`);
          delete p.birthName;
        },
      ]);
    }
  }
  const [what, apply] = choice(rng, options);
  apply();
  return what;
};

const initialsFormat: Corrupt = (p, id, rng) => {
  const letters = id.given.map((n) => (n.startsWith("IJ") ? "IJ" : n[0]!));
  const formats: [string, () => void][] = [
    ["no_dots", () => (p.initials = letters.join(""))],
    ["lower_spaced", () => (p.initials = letters.map((l) => `${l.toLowerCase()}.`).join(" "))],
    ["spaced", () => (p.initials = letters.map((l) => `${l}.`).join(" "))],
    [
      "last_dot_missing",
      () =>
        (p.initials = letters
          .map((l) => `${l}.`)
          .join("")
          .slice(0, -1)),
    ],
    ["lower_no_dots", () => (p.initials = letters.join("").toLowerCase())],
    ["spaces_no_dots", () => (p.initials = letters.join(" "))],
    ["first_names_in_initials_field", () => (p.initials = id.given.join(" "))],
    [
      "first_names_only",
      () => {
        p.initials = "";
        p.firstNames = id.given.join(" ");
      },
    ],
    [
      "initials_only",
      () => {
        delete p.firstNames;
      },
    ],
  ];
  const [what, apply] = choice(rng, formats);
  apply();
  return what;
};

/** Phonetic spelling variants: [name, pattern, replacement]. */
const PHONETIC_SWAPS: readonly (readonly [string, RegExp, string])[] = [
  ["ij_y", /ij/, "y"],
  ["y_ij", /([a-z])y(?![aeiou])/, "$1ij"],
  ["ei_ij", /ei/, "ij"],
  ["ij_ei", /ij/, "ei"],
  ["ey_ei", /ey/, "ei"],
  ["ou_au", /ou/, "au"],
  ["au_ou", /au/, "ou"],
  ["dt_d", /dt$/, "d"],
  ["dt_t", /dt$/, "t"],
  ["d_dt", /([aeiou]n?)d$/, "$1dt"],
  ["d_t", /([aeiou]n?)d$/, "$1t"],
  ["t_d", /([aeiou])t$/, "$1d"],
  ["ch_g", /([aeiou])ch/, "$1g"],
  ["g_ch", /([aeiour])g/, "$1ch"],
  ["sch_s", /sch$/, "s"],
  ["s_sch", /([aeiou])s$/, "$1sch"],
  ["ck_k", /ck/, "k"],
  ["k_ck", /([aeiou])k/, "$1ck"],
  ["ph_f", /ph/, "f"],
  ["f_ph", /([aeiou])f/, "$1ph"],
  ["uy_ui", /uy/, "ui"],
  ["ui_uy", /ui/, "uy"],
  ["double_single", /([bdfgklmnprst])\1/, "$1"],
  ["single_double", /([aeiou])([klmnprst])([aeiou])/, "$1$2$2$3"],
];

/** Applies `f` to the surname core (after any tussenvoegsel), keeping the capital. */
function onCore(p: MatchPerson, f: (core: string) => string | undefined): boolean {
  const { prefix, rest } = splitPrefix(p.surname);
  const lower = rest.charAt(0).toLowerCase() + rest.slice(1);
  const changed = f(lower);
  if (changed === undefined || changed === lower || changed.length === 0) return false;
  const core = changed.charAt(0).toUpperCase() + changed.slice(1);
  p.surname = prefix ? `${prefix} ${core}` : core;
  return true;
}

const phonetic: Corrupt = (p, _id, rng) => {
  const { rest } = splitPrefix(p.surname);
  const lower = rest.toLowerCase();
  const applicable = PHONETIC_SWAPS.filter(([, re]) => re.test(lower));
  if (applicable.length === 0) return undefined;
  const [what, re, to] = choice(rng, applicable);
  return onCore(p, (core) => core.replace(re, to)) ? what : undefined;
};

const KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

function neighbour(rng: Rng, c: string): string {
  for (const row of KEYBOARD_ROWS) {
    const at = row.indexOf(c);
    if (at < 0) continue;
    const options = [row[at - 1], row[at + 1]].filter((x): x is string => x !== undefined);
    return choice(rng, options);
  }
  return choice(rng, [..."aeiou"]);
}

const typo: Corrupt = (p, _id, rng) => {
  const kind = choice(rng, ["deletion", "insertion", "substitution", "transposition"] as const);
  const ok = onCore(p, (core) => {
    if (core.length < 3) return undefined;
    const at = 1 + int(rng, core.length - 1);
    const c = core[at]!.toLowerCase();
    switch (kind) {
      case "deletion":
        return core.slice(0, at) + core.slice(at + 1);
      case "insertion":
        return core.slice(0, at) + neighbour(rng, c) + core.slice(at);
      case "substitution":
        return core.slice(0, at) + neighbour(rng, c) + core.slice(at + 1);
      case "transposition":
        return at + 1 < core.length && core[at] !== core[at + 1]
          ? core.slice(0, at) + core[at + 1] + core[at] + core.slice(at + 2)
          : undefined;
    }
  });
  return ok ? kind : undefined;
};

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

const dateSwap: Corrupt = (p) => {
  const [y, m, d] = parts(p.birthDate);
  if (d > 12 || d === m) return undefined;
  p.birthDate = iso(y, d, m);
  return "day_month";
};

const dateDigit: Corrupt = (p, _id, rng) => {
  const digits = p.birthDate.replace(/-/g, "");
  for (let tries = 0; tries < 20; tries++) {
    const at = weighted(rng, [
      [2, 0.05],
      [3, 0.3],
      [4, 0.05],
      [5, 0.15],
      [6, 0.15],
      [7, 0.3],
    ]);
    const digit = String((Number(digits[at]) + 1 + int(rng, 9)) % 10);
    const next = digits.slice(0, at) + digit + digits.slice(at + 1);
    const [y, m, d] = [Number(next.slice(0, 4)), Number(next.slice(4, 6)), Number(next.slice(6))];
    if (!validDate(y, m, d) || y > MAX_YEAR + 1) continue;
    p.birthDate = iso(y, m, d);
    return at < 4 ? "year" : at < 6 ? "month" : "day";
  }
  return undefined;
};

const dateYearTransposed: Corrupt = (p) => {
  const [y, m, d] = parts(p.birthDate);
  const s = String(y);
  if (s[2] === s[3]) return undefined;
  const t = Number(`${s.slice(0, 2)}${s[3]}${s[2]}`);
  if (t > MAX_YEAR + 1 || !validDate(t, m, d)) return undefined;
  p.birthDate = iso(t, m, d);
  return "last_two";
};

const datePlaceholder: Corrupt = (p, _id, rng) => {
  const [y] = parts(p.birthDate);
  const placeholder = rng() < 0.75 ? iso(y, 1, 1) : iso(y, 7, 1);
  if (placeholder === p.birthDate) return undefined;
  p.birthDate = placeholder;
  return placeholder.endsWith("01-01") ? "1_january" : "1_july";
};

const CORRUPTIONS: Record<Exclude<PositiveLabel, "clean" | "combined">, Corrupt> = {
  diacritics: foldDiacritics,
  ij_y: ijY,
  tussenvoegsel,
  double_name: doubleName,
  initials_format: initialsFormat,
  phonetic,
  typo,
  date_swap: dateSwap,
  date_digit: dateDigit,
  date_year_transposed: dateYearTransposed,
  date_placeholder: datePlaceholder,
};

const COMBINED_NAMES: readonly (keyof typeof CORRUPTIONS)[] = [
  "tussenvoegsel",
  "double_name",
  "initials_format",
  "phonetic",
  "typo",
  "diacritics",
];
const COMBINED_DATES: readonly (keyof typeof CORRUPTIONS)[] = [
  "date_swap",
  "date_digit",
  "date_year_transposed",
];

function corrupt(label: PositiveLabel, p: MatchPerson, id: Identity, rng: Rng): string | undefined {
  if (label === "clean") return "none";
  if (label === "combined") {
    const first = choice(rng, COMBINED_NAMES);
    const a = CORRUPTIONS[first](p, id, rng);
    if (a === undefined) return undefined;
    const second = choice(rng, COMBINED_DATES);
    const b = CORRUPTIONS[second](p, id, rng);
    return b === undefined ? undefined : `${first}:${a}+${second}:${b}`;
  }
  return CORRUPTIONS[label](p, id, rng);
}

// ---------------------------------------------------------------------------------------------
// Look-alikes
// ---------------------------------------------------------------------------------------------

function shiftYear(rng: Rng, date: string, minGap: number, maxGap: number, sign: number): string {
  const [y] = parts(date);
  const year = y + sign * (minGap + int(rng, maxGap - minGap + 1));
  return randomDate(rng, year);
}

function lookalike(kind: NegativeLabel, id: Identity, rng: Rng): Identity | undefined {
  const [year] = parts(id.birthDate);
  const gender = rng() < 0.5 ? "M" : "V";
  const base = { origin: id.origin, frequent: id.frequent, partnerStyle: "own" as const };
  switch (kind) {
    case "twin":
      return {
        ...base,
        gender,
        own: gendered(id.own.replace(/ska$/, "ski").replace(/cka$/, "cki"), gender, id.origin),
        given: givenNamesFor(rng, id.origin, gender, id.given[0]),
        birthDate: id.birthDate,
      };
    case "sibling": {
      const sign = rng() < 0.5 ? -1 : 1;
      const birthDate = shiftYear(rng, id.birthDate, 1, 10, year + 10 > MAX_YEAR ? -1 : sign);
      return {
        ...base,
        gender,
        own: id.own,
        given: givenNamesFor(rng, id.origin, gender, id.given[0]),
        birthDate,
      };
    }
    case "parent":
    case "child": {
      const asChild = kind === "child" && year + 20 <= MAX_YEAR;
      const birthDate = asChild
        ? shiftYear(rng, id.birthDate, 20, Math.min(38, MAX_YEAR - year), 1)
        : shiftYear(rng, id.birthDate, 20, 38, -1);
      const sameGender = rng() < 0.5;
      const g = sameGender ? id.gender : id.gender === "M" ? "V" : "M";
      // Dutch custom: a child named after a (grand)parent.
      const given =
        sameGender && rng() < 0.2 ? [...id.given] : givenNamesFor(rng, id.origin, g, id.given[0]);
      return { ...base, gender: g, own: id.own, given, birthDate };
    }
    case "spouse": {
      const birthDate = shiftYear(rng, id.birthDate, 0, 8, rng() < 0.5 ? -1 : 1);
      if (id.partner) {
        return {
          ...base,
          gender: "M",
          own: id.partner,
          given: givenNamesFor(rng, id.origin, "M"),
          birthDate,
        };
      }
      const own = surnameFor(rng, id.origin, "V").name;
      return {
        origin: id.origin,
        frequent: false,
        gender: "V",
        own,
        partner: id.own,
        partnerStyle: rng() < 0.5 ? "partner_own" : "partner",
        given: givenNamesFor(rng, id.origin, "V"),
        birthDate: birthDate === id.birthDate ? shiftYear(rng, birthDate, 1, 3, 1) : birthDate,
      };
    }
    case "namesake":
      if (!id.frequent) return undefined;
      return {
        ...base,
        gender,
        own: id.own,
        given: givenNamesFor(rng, id.origin, gender),
        birthDate: id.birthDate,
      };
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The population
// ---------------------------------------------------------------------------------------------

export interface PopulationOptions {
  seed: number;
  registrations: number;
  seekers: number;
  /** Share of seekers who are registered persons (positives). Default 0.02. */
  positiveShare?: number;
  /** Share of seekers who are look-alikes of registered persons. Default 0.015. */
  lookalikeShare?: number;
}

export interface Registration {
  id: number;
  person: MatchPerson;
}

export interface Seeker {
  index: number;
  person: MatchPerson;
  /** The registration this seeker is the same person as; null for a negative. */
  truth: number | null;
  label: PositiveLabel | NegativeLabel;
  /** Which variant of the corruption or look-alike (for diagnosis). */
  detail: string;
  /** For look-alikes: the registration they resemble. */
  resembles?: number;
}

export type SeekerRole = "positive" | "lookalike" | "unrelated";

const STREAM_REGISTRATION = 1;
const STREAM_SEEKER = 2;

export class Population {
  readonly seed: number;
  readonly seekerCount: number;
  readonly identities: Identity[];
  readonly registrations: Registration[];
  private readonly positiveShare: number;
  private readonly lookalikeShare: number;

  constructor(options: PopulationOptions) {
    this.seed = options.seed;
    this.seekerCount = options.seekers;
    this.positiveShare = options.positiveShare ?? 0.02;
    this.lookalikeShare = options.lookalikeShare ?? 0.015;
    this.identities = [];
    this.registrations = [];
    for (let r = 0; r < options.registrations; r++) {
      const rng = rngFor(this.seed, STREAM_REGISTRATION, r);
      const id = randomIdentity(rng);
      this.identities.push(id);
      this.registrations.push({ id: r, person: render(id, randomStyle(rng)) });
    }
  }

  /** The role of seeker i (cheap: the first draw of its stream). */
  role(i: number): SeekerRole {
    const u = rngFor(this.seed, STREAM_SEEKER, i)();
    if (u < this.positiveShare) return "positive";
    if (u < this.positiveShare + this.lookalikeShare) return "lookalike";
    return "unrelated";
  }

  seeker(i: number): Seeker {
    const rng = rngFor(this.seed, STREAM_SEEKER, i);
    const u = rng();
    const kind: SeekerRole =
      u < this.positiveShare
        ? "positive"
        : u < this.positiveShare + this.lookalikeShare
          ? "lookalike"
          : "unrelated";
    const n = this.registrations.length;
    if (kind === "positive") {
      const label = weighted(rng, POSITIVE_MIX);
      for (let tries = 0; tries < 200; tries++) {
        const r = int(rng, n);
        const id = this.identities[r]!;
        const person = render(id, randomStyle(rng));
        const detail = corrupt(label, person, id, rng);
        if (detail !== undefined) return { index: i, person, truth: r, label, detail };
      }
    } else if (kind === "lookalike") {
      const label = weighted(rng, LOOKALIKE_MIX);
      for (let tries = 0; tries < 200; tries++) {
        const r = int(rng, n);
        const other = lookalike(label, this.identities[r]!, rng);
        if (!other) continue;
        const person = render(other, randomStyle(rng));
        const older = other.birthDate < this.identities[r]!.birthDate;
        const actual = label === "child" && older ? "parent" : label;
        return { index: i, person, truth: null, label: actual, detail: actual, resembles: r };
      }
    }
    const id = randomIdentity(rng);
    return {
      index: i,
      person: render(id, randomStyle(rng)),
      truth: null,
      label: "unrelated",
      detail: id.origin,
    };
  }

  /**
   * The labelled screening set: every positive and look-alike seeker, and the first
   * `unrelated` unrelated ones (or all, when fewer).
   */
  screeningSet(unrelated: number): Seeker[] {
    const out: Seeker[] = [];
    let taken = 0;
    for (let i = 0; i < this.seekerCount; i++) {
      const role = this.role(i);
      if (role === "unrelated") {
        if (taken >= unrelated) continue;
        taken++;
      }
      out.push(this.seeker(i));
    }
    return out;
  }
}
