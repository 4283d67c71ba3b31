/**
 * The bridge between the pure engine and storage: blocking keys become blind indexes (keyed
 * HMACs under the region's blind-index key, design.md §3) so that candidates are found without
 * decrypting anyone. Registrations and house seekers store exactly these; screenings look them
 * up. The HMAC domain is the blocking kind, so values of different kinds never collide.
 */
import { type BlockingKind, blockingKeys } from "./blocking.ts";
import {
  asNormalised,
  compact,
  initialClass,
  type MatchPerson,
  type NormalisedPerson,
} from "./normalise.ts";
import { phoneticKey } from "./phonetic.ts";
import { surnameFrequencyKeys } from "./score.ts";

/** What the caller needs of the keyring (platform/crypto Keyring has it). */
export interface BlindIndexer {
  blindIndex(domain: string, normalisedValue: string): Promise<string>;
}

export interface BlindKey {
  kind: BlockingKind;
  value: string;
}

/** The blind indexes under which a person is stored and found (one per blocking key). */
export async function blindBlockingKeys(
  indexer: BlindIndexer,
  person: MatchPerson | NormalisedPerson,
): Promise<BlindKey[]> {
  const keys = blockingKeys(person);
  return Promise.all(
    keys.map(async (k) => ({ kind: k.kind, value: await indexer.blindIndex(k.kind, k.value) })),
  );
}

/** The kind under which house seekers' surnames are counted (`seekerCountKeys`). */
export const SURNAME_COUNT_KIND = "surname_count";

/**
 * The blind keys under which a house seeker's surname (and birth name) is counted, so that a
 * region knows how common a name is among its own seekers (score.ts `regionalFrequencies`):
 * one per phonetic core, never the name itself.
 */
export async function blindSurnameCountKeys(
  indexer: BlindIndexer,
  person: MatchPerson | NormalisedPerson,
): Promise<{ kind: typeof SURNAME_COUNT_KIND; value: string }[]> {
  const keys = surnameCountValues(person);
  return Promise.all(
    keys.map(async (k) => ({
      kind: SURNAME_COUNT_KIND,
      value: await indexer.blindIndex(SURNAME_COUNT_KIND, k),
    })),
  );
}

/**
 * Kinds whose values repeat a lot across a region's seekers: about 26,000 birth dates and
 * 400,000 surname cores for 2,000,000 people. Bulk work remembers their blind values.
 */
export const REPEATING_KINDS: ReadonlySet<string> = new Set([
  "birth_date",
  "birth_date_unordered",
  SURNAME_COUNT_KIND,
]);

/**
 * An indexer that remembers up to `max` answers for the given kinds (HMAC domains), so each
 * distinct value of those costs one HMAC in bulk work. When full it stops remembering; it
 * never grows beyond `max`. Other kinds are always asked.
 */
export function rememberingIndexer(
  indexer: BlindIndexer,
  options: { kinds?: ReadonlySet<string>; max?: number } = {},
): BlindIndexer {
  const kinds = options.kinds ?? REPEATING_KINDS;
  const max = options.max ?? 200_000;
  const seen = new Map<string, Map<string, Promise<string>>>();
  let size = 0;
  return {
    blindIndex(domain, value) {
      if (!kinds.has(domain)) return indexer.blindIndex(domain, value);
      let ofKind = seen.get(domain);
      if (!ofKind) {
        ofKind = new Map();
        seen.set(domain, ofKind);
      }
      const known = ofKind.get(value);
      if (known) return known;
      const answer = indexer.blindIndex(domain, value);
      if (size < max) {
        ofKind.set(value, answer);
        size++;
      }
      return answer;
    },
  };
}

/** The plain values behind `blindSurnameCountKeys`. */
export function surnameCountValues(person: MatchPerson | NormalisedPerson): string[] {
  const p = asNormalised(person);
  const keys = new Set(surnameFrequencyKeys(p.surname));
  if (p.birthName) for (const k of surnameFrequencyKeys(p.birthName)) keys.add(k);
  return [...keys];
}

/**
 * A keyed fingerprint of what matching looks at (normalised names, initials, first names,
 * birth date, gender): two fingerprints differ exactly when the data a decision was based on
 * changed. A rejected pair is proposed again only then (issue 5). No personal data is stored:
 * only the HMAC.
 */
export async function matchFingerprint(
  indexer: BlindIndexer,
  person: MatchPerson | NormalisedPerson,
): Promise<string> {
  const p = asNormalised(person);
  const canonical = JSON.stringify([
    p.surname.full,
    p.birthName?.full ?? "",
    p.initials.join(""),
    p.firstNames.join(" "),
    p.birthDate.iso,
    p.gender ?? "",
  ]);
  return indexer.blindIndex("match_fingerprint", canonical);
}

/**
 * The value behind a person's pseudonymous audit reference (Keyring.subjectRef): birth date,
 * surname core and first initial, normalised, so that the same person screened twice with
 * slightly different spellings of the prefix or initials still gets the same reference.
 */
export function subjectValue(person: MatchPerson | NormalisedPerson): string {
  const p = asNormalised(person);
  const initial = p.initials[0] === undefined ? "" : initialClass(p.initials[0]);
  return `${p.birthDate.iso}|${compact(p.surname.core)}|${initial}`;
}

/** The value behind a screening's name reference: the phonetic key of the surname core. */
export function nameValue(person: MatchPerson | NormalisedPerson): string {
  const p = asNormalised(person);
  return phoneticKey(compact(p.surname.core));
}
