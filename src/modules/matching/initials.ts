/** Initials and first names, folded for comparison ("Th." is one initial, "T.H." two). */

import { foldText, SPECIAL_LETTERS } from "./fold.ts";

/** Known abbreviations that stand for a single initial ("Th." for Theodorus, "Sj." for Sjoerd). */
const ABBREVIATED_INITIALS: ReadonlySet<string> = new Set([
  "th",
  "ch",
  "chr",
  "ph",
  "sj",
  "joh",
  "jac",
  "wm",
]);

/** Folds initials keeping case (case separates "Th." from "T.H."). */
function foldKeepCase(text: string): string {
  return text
    .normalize("NFC")
    .replace(/Ĳ/g, "IJ")
    .replace(/[ßæœøıłđðþĳħŀ]/g, (c) => SPECIAL_LETTERS.get(c) ?? c)
    .replace(/[ÆŒØŁĐÐÞĦ]/g, (c) => (SPECIAL_LETTERS.get(c.toLowerCase()) ?? c).toUpperCase())
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z.\s-]/g, " ");
}

/**
 * Initials in any written format → lower-case letters: "J.P.", "JP", "j. p.", "J.-P." →
 * ["j", "p"]. The Dutch digraph IJ is one initial ("IJ." for IJsbrand → ["ij"]), "I.J." is two.
 * A capital followed by lower-case letters is one initial ("Th." → ["t"], and a first name
 * typed into the initials field, "Jan" → ["j"]); so is a first name in capitals or lower case
 * ("MARIA" → ["m"], see `spelledName`).
 */
export function parseInitials(text: string): string[] {
  const out: string[] = [];
  for (const match of foldKeepCase(text).matchAll(/([A-Za-z]+)(\.?)/g)) {
    const letters = match[1]!;
    const lower = letters.toLowerCase();
    if (lower === "ij") out.push("ij");
    else if (letters.length === 1) out.push(lower);
    else if (/^[A-Z][a-z]+$/.test(letters)) out.push(lower[0]!);
    else if (match[2] === "." && ABBREVIATED_INITIALS.has(lower)) out.push(lower[0]!);
    else if (spelledName(lower)) out.push(initialOfName(lower));
    else out.push(...lower);
  }
  return out;
}

/**
 * A first name typed into the initials field in capitals or lower case ("MARIA CHRISTINA",
 * "maria"): four or more letters of which at least two are vowels. Runs of initials written
 * together rarely are ("JPM", "jpm", "JWHM"); three letters ("JAN" or J.A.N.) stay initials.
 */
function spelledName(lower: string): boolean {
  if (lower.length < 4) return false;
  let vowels = 0;
  for (const c of lower) if ("aeiouy".includes(c)) vowels += 1;
  return vowels >= 2;
}

/** First names → folded name tokens: "Jan-Willem" and "Jan Willem" → ["jan", "willem"]. */
export function normaliseFirstNames(text: string): string[] {
  return foldText(text)
    .split(/[\s.,/-]+/)
    .map((w) => w.replace(/'/g, ""))
    .filter((w) => w.length > 0);
}

/** The initials first names yield: "Jan Pieter" → ["j", "p"], "IJsbrand" → ["ij"]. */
export function initialsFromFirstNames(text: string): string[] {
  return normaliseFirstNames(text).map(initialOfName);
}

/** The initial of one normalised first name: "ij" for "ijsbrand". */
export function initialOfName(name: string): string {
  return name.startsWith("ij") ? "ij" : (name[0] ?? "");
}

/** The comparison class of an initial: the IJ digraph and Y are written for one another. */
export function initialClass(initial: string): string {
  return initial === "ij" ? "y" : initial;
}
