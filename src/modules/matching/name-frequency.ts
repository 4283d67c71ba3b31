/**
 * How common a surname is: the national table (surname-frequencies.ts) read under phonetic
 * keys, and the keys a region counts its own house seekers' surnames under.
 */

import {
  compact,
  type NamePart,
  type NormalisedName,
  normaliseSurname,
  prefixClass,
} from "./normalise.ts";
import { phoneticKey } from "./phonetic.ts";
import { SURNAME_FREQUENCIES, SURNAME_FREQUENCY_BASE } from "./surname-frequencies.ts";

function nameKey(part: NamePart): string {
  return `${prefixClass(part.prefix)}|${phoneticKey(compact(part.core))}`;
}

/**
 * The keys under which a region counts its house seekers' surnames for `regionalFrequencies`:
 * the phonetic core of the whole name and of each of its parts ("van der Berg" counts for
 * "berg"; "Jansen-de Vries" for the whole and for "jansen" and "vries"), whatever the
 * tussenvoegsel. The product stores them keyed (blind), one count per key.
 */
export function surnameFrequencyKeys(name: NormalisedName): readonly string[] {
  // Remembered with the (shared, frozen) parse of a repeated name.
  const known = frequencyKeysOf.get(name);
  if (known) return known;
  const keys = new Set<string>();
  for (const part of [name, ...name.parts]) {
    if (part.core) keys.add(surnameCountKey(part));
  }
  const answer = Object.freeze([...keys]);
  frequencyKeysOf.set(name, answer);
  return answer;
}

const frequencyKeysOf = new WeakMap<NormalisedName, readonly string[]>();

export function surnameCountKey(part: NamePart): string {
  return phoneticKey(compact(part.core));
}

interface FrequencyIndex {
  byName: Map<string, number>;
  byCore: Map<string, number>;
}

let frequencyIndex: FrequencyIndex | undefined;

function frequencies(): FrequencyIndex {
  if (frequencyIndex) return frequencyIndex;
  const byName = new Map<string, number>();
  const byCore = new Map<string, number>();
  for (const [name, per] of SURNAME_FREQUENCIES) {
    const parsed = normaliseSurname(name);
    const share = per / SURNAME_FREQUENCY_BASE;
    const key = nameKey(parsed);
    byName.set(key, (byName.get(key) ?? 0) + share);
    const core = phoneticKey(compact(parsed.core));
    byCore.set(core, (byCore.get(core) ?? 0) + share);
  }
  frequencyIndex = { byName, byCore };
  return frequencyIndex;
}

/**
 * Estimated share of people bearing this surname (0 when not in the table). A double name
 * not in the table is at most as frequent as its rarest part.
 */
export function surnameFrequency(name: NamePart | NormalisedName): number {
  const direct = frequencies().byName.get(nameKey(name));
  if (direct !== undefined) return direct;
  if ("parts" in name && name.parts.length > 1) {
    return Math.min(...name.parts.map((p) => frequencies().byName.get(nameKey(p)) ?? 0));
  }
  return 0;
}

/** Estimated share of people whose surname has this core, whatever the tussenvoegsel. */
export function surnameCoreFrequency(name: NamePart): number {
  return Math.max(
    frequencies().byCore.get(phoneticKey(compact(name.core))) ?? 0,
    surnameFrequency(name),
  );
}
