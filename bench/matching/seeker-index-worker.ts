/**
 * Builds one shard of the seeker index (seekers from..to-1) in a worker thread: the seekers are
 * generated in chunks (not timed), then each chunk is normalised, keyed, blind-indexed and
 * added to the shard's table (timed). The index is the union of the shards; a lookup asks
 * every shard.
 */

import { parentPort, workerData } from "node:worker_threads";
import {
  REPEATING_KINDS,
  SURNAME_COUNT_KIND,
  surnameCountValues,
} from "../../src/modules/matching/blind-keys.ts";
import { blockingKeys, normalisePerson } from "../../src/modules/matching/index.ts";
import { BlindIndexTable, type HasherName, hasherFor } from "./engine.ts";
import { Population } from "./generate.ts";

export interface ShardJob {
  seed: number;
  registrations: number;
  seekers: number;
  from: number;
  to: number;
  hasher: HasherName;
  regionKey: Uint8Array;
}

export interface ShardResult {
  from: number;
  to: number;
  /** Milliseconds spent normalising, keying, hashing and inserting. */
  buildMs: number;
  normaliseMs: number;
  keysMs: number;
  /** HMAC and insertion into the table. */
  hmacMs: number;
  generateMs: number;
  hmacs: number;
  keys: number;
  tableBytes: number;
  heapUsed: number;
  /**
   * Seekers per surname count key (blind, first 60 bits), as the product counts them in
   * `seeker_blind_index` (kind surname_count) for regional surname frequencies.
   */
  surnameCounts: Map<string, number>;
}

const CHUNK = 2_000;

function run(job: ShardJob): ShardResult {
  const population = new Population({
    seed: job.seed,
    registrations: job.registrations,
    seekers: job.seekers,
  });
  const hasher = hasherFor(job.hasher, Buffer.from(job.regionKey));
  const n = job.to - job.from;
  const table = new BlindIndexTable(n * 5, n * 7);
  let generateMs = 0;
  let normaliseMs = 0;
  let keysMs = 0;
  let hmacMs = 0;
  let hmacs = 0;
  const surnameCounts = new Map<string, number>();
  const remembered = new Map([...REPEATING_KINDS].map((k) => [k, new Map<string, string>()]));
  let rememberedSize = 0;
  for (let start = job.from; start < job.to; start += CHUNK) {
    const end = Math.min(job.to, start + CHUNK);
    let t = performance.now();
    const chunk = [];
    for (let i = start; i < end; i++) chunk.push(population.seeker(i).person);
    generateMs += performance.now() - t;
    t = performance.now();
    const normalised = chunk.map((p) => normalisePerson(p));
    const t2 = performance.now();
    normaliseMs += t2 - t;
    const keys = normalised.map((p) => blockingKeys(p));
    const t3 = performance.now();
    keysMs += t3 - t2;
    // As the product's bulk import (seekers `rememberingIndexer`): a value of a repeating kind
    // (birth dates, surname cores) is hashed once; up to 200,000 are remembered.
    const blind = (kind: string, value: string) => {
      const ofKind = remembered.get(kind);
      if (!ofKind) {
        hmacs++;
        return hasher(kind, value);
      }
      let answer = ofKind.get(value);
      if (answer === undefined) {
        answer = hasher(kind, value);
        hmacs++;
        if (rememberedSize < 200_000) {
          ofKind.set(value, answer);
          rememberedSize++;
        }
      }
      return answer;
    };
    keys.forEach((ks, k) => {
      for (const key of ks) table.add(blind(key.kind, key.value), start + k);
      for (const value of surnameCountValues(normalised[k]!)) {
        const counted = blind(SURNAME_COUNT_KIND, value).slice(0, 10);
        surnameCounts.set(counted, (surnameCounts.get(counted) ?? 0) + 1);
      }
    });
    hmacMs += performance.now() - t3;
  }
  return {
    from: job.from,
    to: job.to,
    buildMs: normaliseMs + keysMs + hmacMs,
    normaliseMs,
    keysMs,
    hmacMs,
    generateMs,
    hmacs,
    keys: table.keys,
    tableBytes: table.bytes,
    heapUsed: process.memoryUsage().heapUsed,
    surnameCounts,
  };
}

parentPort?.postMessage(run(workerData as ShardJob));
