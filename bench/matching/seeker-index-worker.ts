/**
 * Builds one shard of the seeker index (seekers from..to-1) in a worker thread: the seekers are
 * generated in chunks (not timed), then each chunk is normalised, keyed, blind-indexed and
 * added to the shard's table (timed). The index is the union of the shards; a lookup asks
 * every shard.
 */

import { parentPort, workerData } from "node:worker_threads";
import { SURNAME_COUNT_KIND, surnameCountValues } from "../../src/modules/matching/blind-keys.ts";
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
  const countKeys = new Map<string, string>();
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
    keys.forEach((ks, k) => {
      for (const key of ks) table.add(hasher(key.kind, key.value), start + k);
      hmacs += ks.length;
      // As the product's bulk import (seekers `rememberingIndexer`): one HMAC per distinct
      // surname core, remembered up to 200,000 of them.
      for (const value of surnameCountValues(normalised[k]!)) {
        let blind = countKeys.get(value);
        if (blind === undefined) {
          blind = hasher(SURNAME_COUNT_KIND, value).slice(0, 10);
          if (countKeys.size < 200_000) countKeys.set(value, blind);
          hmacs++;
        }
        surnameCounts.set(blind, (surnameCounts.get(blind) ?? 0) + 1);
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
