/**
 * Exact identity (issue 24 part 4; design.md §2.7): two persons are the same without anyone
 * judging it when every field both carry is equal after normalisation. A field only one side
 * carries (first names, birth name, gender) does not count against it; a field both carry and
 * that differs in any way — one day of the birth date, one letter of the name, an initial —
 * makes the pair a candidate that only a person of the primary source may call the same.
 *
 * Equal after normalisation means the written forms of docs/matching.md ("Berg, van der" and
 * "van der Berg", "m. c." and "M.C.", NFC and NFD, a double name with or without hyphen or in
 * either order) are one name; spelling variants ("Jansen"/"Janssen", IJ/Y) are not.
 */
import {
  asNormalised,
  type MatchPerson,
  type NamePart,
  type NormalisedPerson,
} from "./normalise.ts";

/** The surname's parts as a set of folded full names, so that the order of a double name is free. */
function partNames(parts: readonly NamePart[]): string {
  return parts
    .map((p) => p.full.replaceAll("-", " "))
    .sort()
    .join("|");
}

function sameName(a: NormalisedPerson["surname"], b: NormalisedPerson["surname"]): boolean {
  return a.full === b.full || partNames(a.parts) === partNames(b.parts);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether these two persons are exactly the same identity (every field both carry equal). */
export function sameIdentity(
  a: MatchPerson | NormalisedPerson,
  b: MatchPerson | NormalisedPerson,
): boolean {
  const p = asNormalised(a);
  const q = asNormalised(b);
  if (p.birthDate.iso !== q.birthDate.iso) return false;
  if (!sameName(p.surname, q.surname)) return false;
  if (!sameList(p.initials, q.initials)) return false;
  if (p.birthName && q.birthName && !sameName(p.birthName, q.birthName)) return false;
  if (p.firstNames.length > 0 && q.firstNames.length > 0) {
    if (!sameList(p.firstNames, q.firstNames)) return false;
  }
  if (p.gender && q.gender && p.gender !== q.gender) return false;
  return true;
}
