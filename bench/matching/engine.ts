/**
 * "Our engine" as the product runs it: normalisePerson → blockingKeys → a blind index per key
 * (HMAC-SHA256 under the region key, src/platform/crypto/blind-index.ts) → the persons sharing
 * any blind index are the candidates → scoreNormalised on each → a proposal when the decision
 * is "match".
 *
 * The in-memory index maps a blind index to the ids of the persons carrying it. To keep
 * 2,000,000 persons within the memory target it is an open-addressing hash table keyed by
 * the first 60 bits of the blind index (decoded from its base64url text), with the ids in a
 * linked posting list in typed arrays, instead of a JavaScript Map with 43-character string
 * keys. Two different blind indexes agreeing on 60 bits (expected about once in 10^5 builds
 * of this size) would only add candidates, which are scored like any other, so recall and
 * precision are unaffected.
 */

import { createHmac, createSecretKey } from "node:crypto";
import {
  blockingKeys,
  DEFAULT_SCORING_CONFIG,
  type MatchPerson,
  type NormalisedPerson,
  normalisePerson,
  type ScoringConfig,
  scoreNormalised,
  vetoedByBirthDate,
} from "../../src/modules/matching/index.ts";
import { blindIndex } from "../../src/platform/crypto/blind-index.ts";

/** Computes the blind index of one blocking key. */
export type Hasher = (kind: string, value: string) => string;

/** The shipped function, as the product calls it. */
export function shippedHasher(regionKey: Buffer): Hasher {
  return (kind, value) => blindIndex(regionKey, kind, value);
}

/**
 * The same MAC computed with the key imported once as a KeyObject. Node re-imports a raw
 * Buffer key on every createHmac call, which costs most of the time; this variant shows what
 * a one-line change to blind-index.ts would gain. Output identical (checked by `sameOutput`).
 */
export function keyObjectHasher(regionKey: Buffer): Hasher {
  const key = createSecretKey(regionKey);
  return (kind, value) =>
    createHmac("sha256", key)
      .update(`woonsignaal blind index v1\u0000${kind}\u0000`, "utf8")
      .update(value, "utf8")
      .digest("base64url");
}

export function sameOutput(a: Hasher, b: Hasher): boolean {
  const samples: [string, string][] = [
    ["birth_date", "1985-03-04"],
    ["year_surname", "1985|janzen"],
    ["initial_surname", "y|yilmas"],
  ];
  return samples.every(([k, v]) => a(k, v) === b(k, v));
}

export type HasherName = "shipped" | "keyobject";

export function hasherFor(name: HasherName, regionKey: Buffer): Hasher {
  return name === "shipped" ? shippedHasher(regionKey) : keyObjectHasher(regionKey);
}

// ---------------------------------------------------------------------------------------------
// The blind-index table
// ---------------------------------------------------------------------------------------------

const B64 = new Int32Array(128).fill(-1);
for (const [i, c] of [
  ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
].entries()) {
  B64[c.charCodeAt(0)] = i;
}

function bits30(s: string, from: number): number {
  let v = 0;
  for (let k = from; k < from + 5; k++) v = (v << 6) | B64[s.charCodeAt(k)]!;
  return v;
}

/** Blind index → ids. */
export class BlindIndexTable {
  private mask: number;
  private hi: Int32Array;
  private lo: Int32Array;
  /** Head posting + 1 per slot; 0 = empty slot. */
  private head: Int32Array;
  private ids: Int32Array;
  private next: Int32Array;
  private postings = 0;
  keys = 0;

  constructor(expectedKeys = 1024, expectedPostings = expectedKeys) {
    let cap = 1024;
    while (cap < expectedKeys * 1.5) cap *= 2;
    this.mask = cap - 1;
    this.hi = new Int32Array(cap);
    this.lo = new Int32Array(cap);
    this.head = new Int32Array(cap);
    this.ids = new Int32Array(Math.max(1024, expectedPostings));
    this.next = new Int32Array(Math.max(1024, expectedPostings));
  }

  get postingCount(): number {
    return this.postings;
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return (
      this.hi.byteLength +
      this.lo.byteLength +
      this.head.byteLength +
      this.ids.byteLength +
      this.next.byteLength
    );
  }

  private slot(hi: number, lo: number): number {
    let i = lo & this.mask;
    while (this.head[i] !== 0 && (this.hi[i] !== hi || this.lo[i] !== lo)) {
      i = (i + 1) & this.mask;
    }
    return i;
  }

  add(blind: string, id: number): void {
    if ((this.keys + 1) * 1.5 > this.mask + 1) this.grow();
    if (this.postings === this.ids.length) {
      const ids = new Int32Array(this.ids.length * 2);
      ids.set(this.ids);
      this.ids = ids;
      const next = new Int32Array(this.next.length * 2);
      next.set(this.next);
      this.next = next;
    }
    const hi = bits30(blind, 0);
    const lo = bits30(blind, 5);
    const i = this.slot(hi, lo);
    const p = this.postings++;
    this.ids[p] = id;
    if (this.head[i] === 0) {
      this.keys++;
      this.hi[i] = hi;
      this.lo[i] = lo;
      this.next[p] = -1;
    } else {
      this.next[p] = this.head[i]! - 1;
    }
    this.head[i] = p + 1;
  }

  /** Calls `f` with every id carrying this blind index. */
  forEach(blind: string, f: (id: number) => void): void {
    const i = this.slot(bits30(blind, 0), bits30(blind, 5));
    for (let p = this.head[i]! - 1; p >= 0; p = this.next[p]!) f(this.ids[p]!);
  }

  private grow(): void {
    const { hi, lo, head } = this;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.hi = new Int32Array(cap);
    this.lo = new Int32Array(cap);
    this.head = new Int32Array(cap);
    for (let j = 0; j < head.length; j++) {
      if (head[j] === 0) continue;
      const i = this.slot(hi[j]!, lo[j]!);
      this.hi[i] = hi[j]!;
      this.lo[i] = lo[j]!;
      this.head[i] = head[j]!;
    }
  }
}

/** Adds one person's blind indexes; returns how many (= HMACs computed). */
export function indexPerson(
  table: BlindIndexTable,
  hasher: Hasher,
  id: number,
  person: NormalisedPerson,
): number {
  const keys = blockingKeys(person);
  for (const k of keys) table.add(hasher(k.kind, k.value), id);
  return keys.length;
}

// ---------------------------------------------------------------------------------------------
// Screening against the registration index
// ---------------------------------------------------------------------------------------------

export interface EngineResult {
  proposals: number[];
  candidates: number[];
  /** Score of each candidate (same order) and whether a guard vetoed it. */
  scores: number[];
  vetoed: boolean[];
}

export class EngineIndex {
  readonly table: BlindIndexTable;
  readonly persons: NormalisedPerson[] = [];
  private readonly stamp: Int32Array;
  private query = 0;
  private readonly hasher: Hasher;
  private readonly config: ScoringConfig;
  hmacs = 0;

  constructor(
    hasher: Hasher,
    records: readonly MatchPerson[],
    config: ScoringConfig = DEFAULT_SCORING_CONFIG,
  ) {
    this.hasher = hasher;
    this.config = config;
    this.table = new BlindIndexTable(records.length * 8, records.length * 8);
    records.forEach((r, id) => {
      const n = normalisePerson(r);
      this.persons.push(n);
      this.hmacs += indexPerson(this.table, hasher, id, n);
    });
    this.stamp = new Int32Array(records.length);
  }

  screen(person: MatchPerson): EngineResult {
    const n = normalisePerson(person);
    const q = ++this.query;
    const candidates: number[] = [];
    for (const k of blockingKeys(n)) {
      this.table.forEach(this.hasher(k.kind, k.value), (id) => {
        if (this.stamp[id] === q) return;
        this.stamp[id] = q;
        candidates.push(id);
      });
    }
    const proposals: number[] = [];
    const scores: number[] = [];
    const vetoed: boolean[] = [];
    for (const id of candidates) {
      const other = this.persons[id]!;
      if (vetoedByBirthDate(n, other, this.config)) {
        scores.push(Number.NEGATIVE_INFINITY);
        vetoed.push(true);
        continue;
      }
      const r = scoreNormalised(n, other, this.config);
      if (r.decision === "match") proposals.push(id);
      scores.push(r.score);
      vetoed.push(r.reasons.some((x) => x.field === "guard"));
    }
    return { proposals, candidates, scores, vetoed };
  }
}
