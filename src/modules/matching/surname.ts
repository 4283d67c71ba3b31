/**
 * Normalisation of Dutch (and Dutch-registered) surnames for matching.
 *
 * Surname model. A surname is one or more *parts* (double and partner names such as
 * "Jansen-de Vries"), each with an optional *tussenvoegsel* (prefix: "van der", "'t", "el")
 * and a *core* ("berg"). Tussenvoegsels are recognised wherever they stand:
 *   "van der Berg", "Berg, van der", "Berg van der", "Vanderberg", "VanDerBerg",
 *   "v.d. Berg", "v/d Berg", "vd Berg", "Terhorst", "El-Khatib", "d'Hondt", "in 't Veld".
 */

import { compact, foldText } from "./fold.ts";
import {
  CAMEL_PREFIXES,
  CONCATENATED_CLUSTERS,
  CONCATENATED_SINGLE,
  canonicalPrefixWord,
  hasVowel,
  isPrefixWord,
  PREFIX_WORDS,
  plausibleWordStart,
} from "./prefix-words.ts";

/** One surname part: an optional tussenvoegsel and a core. */
export interface NamePart {
  /** Normalised tussenvoegsel, words separated by one space ("van der", "'t", "d'"); "" if none. */
  prefix: string;
  /** The surname without the tussenvoegsel, folded ("berg"); double names joined by "-". */
  core: string;
  /** Prefix and core as one folded string ("van der berg", "d'hondt"). */
  full: string;
  /**
   * Letters-only spellings of the full name under which it may also be written, the first
   * being `full` itself: written together ("vanderberg"), IJ as Y and Y as IJ
   * ("ijzerman"/"yzerman"), German umlaut spelled out ("muller"/"mueller"), ue as u.
   */
  variants: string[];
  /** The same spellings for the core alone ("berg"; "muller", "mueller"). */
  coreVariants: string[];
}

/** A normalised surname: the whole name and its parts (one part for a simple surname). */
export interface NormalisedName extends NamePart {
  /**
   * The name parts of a double or partner name, each with its own prefix, in written order:
   * "Jansen-de Vries" and "Jansen de Vries" → [jansen, de vries]. A multi-word core without
   * a separating tussenvoegsel ("Yilmaz Kaya") yields one part per word.
   */
  parts: NamePart[];
}

interface Group {
  prefix: string[];
  core: string[];
}

/** Splits a camel-cased prefix off a word: "DeVries" → "De Vries", "VanDerBerg" → "Van Der Berg". */
function splitCamelCase(word: string): string {
  for (const p of CAMEL_PREFIXES) {
    if (word.length <= p.length || word.slice(0, p.length).toLowerCase() !== p) continue;
    const rest = word.slice(p.length);
    if (/^(\p{Lu}\p{Ll}|IJ)/u.test(rest))
      return `${word.slice(0, p.length)} ${splitCamelCase(rest)}`;
  }
  return word;
}

/** Tokens: words (letters and apostrophes) and the separators . / , - */
function tokenise(folded: string): string[] {
  return folded.match(/[a-z']+|[.,/-]/g) ?? [];
}

/** Splits apostrophe forms: "d'hondt" → d' hondt, "van't" → van 't, "o'brien" → obrien. */
function splitApostrophes(word: string): string[] {
  if (word === "'t" || word === "'s" || word === "d'" || word === "l'") return [word];
  const elided = /^([dl])'([a-z].*)$/.exec(word);
  if (elided) return [`${elided[1]}'`, ...splitApostrophes(elided[2]!)];
  const withT = /^([a-z]+)'t$/.exec(word);
  if (withT && PREFIX_WORDS.has(withT[1]!)) return [withT[1]!, "'t"];
  const leadingT = /^'([ts])([a-z]{2,}.*)$/.exec(word);
  if (leadingT) return [`'${leadingT[1]}`, ...splitApostrophes(leadingT[2]!)];
  const plain = word.replace(/'/g, "");
  return plain ? [plain] : [];
}

/**
 * Expands written abbreviations of tussenvoegsels: "v.d." / "v/d" / "vd" / "v. d." → "van
 * der" (the abbreviation does not say whether "der", "den" or "de" was meant; the comparison
 * treats these as one class, see `prefixClass`), "v." → "van", "v.h." → "van het",
 * "i.t." / "i/t" → "in 't", "o/d" → "op de". Dots and slashes are dropped afterwards.
 */
function expandAbbreviations(tokens: readonly string[]): string[] {
  const out: string[] = [];
  const isPunct = (t: string | undefined) => t === "." || t === "/";
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    if (isPunct(tok)) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (isPunct(tokens[j])) j += 1;
    const separated = j > i + 1;
    const next = tokens[j];
    if (tok === "vd") {
      out.push("van", "der");
      i += 1;
    } else if (tok === "v" && next === "d") {
      out.push("van", "der");
      i = j + 1;
    } else if (tok === "v" && next === "h") {
      out.push("van", "het");
      i = j + 1;
    } else if (tok === "v") {
      out.push("van");
      i += 1;
    } else if (tok === "i" && separated && (next === "t" || next === "'t")) {
      out.push("in", "'t");
      i = j + 1;
    } else if (tok === "o" && separated && next === "d") {
      out.push("op", "de");
      i = j + 1;
    } else {
      out.push(tok);
      i += 1;
    }
  }
  return out;
}

/** "Berg, van der" → "van der Berg"; any other comma is read as a space. */
function resolveComma(tokens: readonly string[]): string[] {
  const at = tokens.indexOf(",");
  if (at < 0) return [...tokens];
  const left = tokens.slice(0, at).filter((t) => t !== ",");
  const right = tokens.slice(at + 1).filter((t) => t !== ",");
  const rightWords = right.filter((t) => t !== "-");
  if (rightWords.length > 0 && rightWords.every((w) => isPrefixWord(w))) return [...right, ...left];
  return [...left, ...right];
}
/** Splits a tussenvoegsel written together with the name: "vanderberg" → [van, der] + berg. */
function splitConcatenated(word: string): { prefix: string[]; rest: string } | undefined {
  const wordLike = (rest: string) =>
    hasVowel(rest) && plausibleWordStart(rest) && !isPrefixWord(rest);
  for (const [cluster, expanded] of CONCATENATED_CLUSTERS) {
    const rest = word.slice(cluster.length);
    if (word.startsWith(cluster) && rest.length >= 3 && wordLike(rest)) {
      return { prefix: expanded.split(" "), rest };
    }
  }
  for (const p of CONCATENATED_SINGLE) {
    const rest = word.slice(p.length);
    if (word.startsWith(p) && rest.length >= 3 && wordLike(rest) && rest[0] !== p[p.length - 1]) {
      return { prefix: [p], rest };
    }
  }
  return undefined;
}

/** Groups the words of one hyphen segment into (prefix, core) groups. */
function groupSegment(words: readonly string[]): Group[] {
  const groups: Group[] = [];
  let current: Group = { prefix: [], core: [] };
  words.forEach((word, index) => {
    const last = index === words.length - 1;
    const asPrefix = PREFIX_WORDS.has(word) || ((word === "t" || word === "s") && !last);
    if (asPrefix && current.core.length > 0) {
      groups.push(current);
      current = { prefix: [], core: [] };
    }
    if (asPrefix) current.prefix.push(canonicalPrefixWord(word));
    else current.core.push(word);
  });
  if (current.core.length === 0 && current.prefix.length > 0) {
    const previous = groups[groups.length - 1];
    if (previous && previous.prefix.length === 0) {
      // "Berg van der": a trailing tussenvoegsel belongs in front of the name before it.
      previous.prefix = current.prefix;
    } else if (previous) {
      // The name before already has one: these words can only be part of that name.
      previous.core.push(...current.prefix);
    } else {
      // Only prefix words ("Van", "Le", "Ben"): the last of them is the name itself.
      current.core.push(current.prefix.pop()!);
      groups.push(current);
    }
  } else if (current.core.length > 0 || current.prefix.length > 0) {
    groups.push(current);
  }
  for (const group of groups) {
    const first = group.core[0];
    if (group.prefix.length > 0 || first === undefined) continue;
    const split = splitConcatenated(first);
    if (split) {
      group.prefix = split.prefix;
      group.core[0] = split.rest;
    }
  }
  return groups;
}

function joinFull(prefix: string, core: string): string {
  if (!prefix) return core;
  if (!core) return prefix;
  return prefix.endsWith("'") && /^[a-z]/.test(core) ? `${prefix}${core}` : `${prefix} ${core}`;
}

/** Spelling alternates of a letters-only string: IJ ⇄ Y, ue → u. */
function alternates(s: string): string[] {
  const out = [s];
  if (s.includes("ij")) out.push(s.replace(/ij/g, "y"));
  if (s.includes("y")) out.push(s.replace(/y/g, "ij"));
  if (s.includes("ue")) out.push(s.replace(/ue/g, "u"));
  return out;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v.length > 0))];
}

/** Parses folded text into groups (the structural work, without variants). */
function parseGroups(folded: string): Group[] {
  const tokens = resolveComma(expandAbbreviations(tokenise(folded).flatMap(splitTokenWord)));
  const segments: string[][] = [[]];
  for (const tok of tokens) {
    if (tok === "-") segments.push([]);
    else segments[segments.length - 1]!.push(tok);
  }
  // A segment of only prefix words belongs to the next one: "El-Khatib", "'s-Gravesande".
  const merged: string[][] = [];
  let carry: string[] = [];
  const nonEmpty = segments.filter((s) => s.length > 0);
  nonEmpty.forEach((segment, index) => {
    const onlyPrefix = segment.every(
      (w, k) => PREFIX_WORDS.has(w) || ((w === "t" || w === "s") && k < segment.length - 1),
    );
    if (onlyPrefix && index < nonEmpty.length - 1) carry = [...carry, ...segment];
    else {
      merged.push([...carry, ...segment]);
      carry = [];
    }
  });
  return merged.flatMap(groupSegment);
}

function splitTokenWord(token: string): string[] {
  return /^[a-z']+$/.test(token) ? splitApostrophes(token) : [token];
}

interface Shape {
  prefix: string;
  core: string;
  parts: { prefix: string; core: string }[];
}

function shapeOf(groups: readonly Group[]): Shape {
  const first = groups[0];
  if (!first) return { prefix: "", core: "", parts: [] };
  const prefix = first.prefix.join(" ");
  const core = [
    first.core.join(" "),
    ...groups.slice(1).map((g) => joinFull(g.prefix.join(" "), g.core.join(" "))),
  ].join("-");
  const parts = groups.flatMap((g) =>
    g.core.map((word, k) => ({ prefix: k === 0 ? g.prefix.join(" ") : "", core: word })),
  );
  return { prefix, core, parts };
}

function buildPart(
  prefix: string,
  core: string,
  german?: { prefix: string; core: string },
): NamePart {
  const full = joinFull(prefix, core);
  const coreForms = [compact(core), ...(german ? [compact(german.core)] : [])];
  const prefixForms = [compact(prefix), ...(german ? [compact(german.prefix)] : [])];
  const coreVariants = unique(coreForms.flatMap(alternates));
  const variants = unique([
    compact(full),
    ...[...new Set(prefixForms)].flatMap((p) => coreVariants.map((c) => p + c)),
  ]);
  return { prefix, core, full, variants, coreVariants };
}

/**
 * Normalises a surname, optionally with the tussenvoegsel from a separate field (the contract
 * person has `prefix` and `surname`). The prefix field wins over a tussenvoegsel found in the
 * surname, except that a surname already carrying the same tussenvoegsel ("Berg, van der"
 * with prefix "van der") is not doubled.
 *
 * Idempotent on `prefix`, `core` and `full`: normaliseSurname(x.full) has the same three.
 */
export function normaliseSurname(surname: string, prefixField?: string): NormalisedName {
  // Surnames repeat a lot across a region (a bulk import of 2,000,000 seekers has about
  // 400,000 distinct ones): the parse is remembered. The result is shared, so it is frozen.
  const key = `${prefixField ?? ""}\u0000${surname}`;
  const known = surnameCache.get(key);
  if (known) return known;
  const parsed = deepFreeze(parseSurname(surname, prefixField));
  if (surnameCache.size >= SURNAME_CACHE_SIZE) surnameCache.clear();
  surnameCache.set(key, parsed);
  return parsed;
}

const SURNAME_CACHE_SIZE = 20_000;
const surnameCache = new Map<string, NormalisedName>();

function deepFreeze(name: NormalisedName): NormalisedName {
  for (const part of [...name.parts, name]) {
    Object.freeze(part.variants);
    Object.freeze(part.coreVariants);
    Object.freeze(part);
  }
  Object.freeze(name.parts);
  return name;
}

function parseSurname(surname: string, prefixField?: string): NormalisedName {
  const fieldPrefix = prefixField ? normalisePrefix(prefixField) : "";
  const own = parseShape(surname);
  let text = surname;
  if (fieldPrefix && own.shape.prefix !== fieldPrefix) {
    text = `${prefixField} ${surname}`;
  }
  const { shape, germanShape } = parseShape(text);
  const alignedGerman = germanShape && germanShape.parts.length === shape.parts.length;
  const whole = buildPart(shape.prefix, shape.core, alignedGerman ? germanShape : undefined);
  const parts = shape.parts.map((p, k) =>
    buildPart(p.prefix, p.core, alignedGerman ? germanShape.parts[k] : undefined),
  );
  return { ...whole, parts };
}

function parseShape(text: string): { shape: Shape; germanShape?: Shape } {
  const camel = text
    .split(/(\s+|-)/)
    .map((w) => splitCamelCase(w))
    .join("");
  const shape = shapeOf(parseGroups(foldText(camel)));
  if (!/[äöüÄÖÜ]/.test(text.normalize("NFC"))) return { shape };
  return { shape, germanShape: shapeOf(parseGroups(foldText(camel, "german"))) };
}

/**
 * Normalises a tussenvoegsel on its own ("V.D." → "van der", "Van 't" → "van 't",
 * "v/d" → "van der"); text that is not a tussenvoegsel is returned folded.
 */
export function normalisePrefix(prefix: string): string {
  const words = expandAbbreviations(tokenise(foldText(prefix)).flatMap(splitTokenWord)).filter(
    (t) => t !== "-" && t !== ",",
  );
  return words.map((w) => (words.length > 1 ? canonicalPrefixWord(w) : w)).join(" ");
}

/**
 * The class a tussenvoegsel is compared in. Abbreviations hide the article ("v.d." is
 * written for "van der", "van den" and "van de"), so the articles der/den/de count as one,
 * and "het" equals "'t".
 */
export function prefixClass(prefix: string): string {
  return prefix
    .split(" ")
    .filter((w) => w.length > 0)
    .map((w) => {
      if (w === "der" || w === "den" || w === "de") return "d";
      if (w === "het") return "'t";
      return w;
    })
    .join(" ");
}
