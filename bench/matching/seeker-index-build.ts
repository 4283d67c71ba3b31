/**
 * Builds the seeker index in a process of its own (forked by run.ts): two worker threads, one
 * shard each (seeker-index-worker.ts). A process of its own, so that the memory the build
 * used is given back to the system when it ends, as a bulk import run as its own job would,
 * and its peak is measured by the kernel (VmHWM: all threads of this process).
 *
 * Receives a BuildJob on the IPC channel; answers with a BuildResult.
 */

import { readFileSync } from "node:fs";
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { HasherName } from "./engine.ts";
import type { ShardJob, ShardResult } from "./seeker-index-worker.ts";

export interface BuildJob {
  seed: number;
  registrations: number;
  seekers: number;
  hasher: HasherName;
  regionKey: Uint8Array;
}

export interface BuildResult {
  shards: ShardResult[];
  wallMs: number;
  /** Peak resident set of this process (all its threads), from /proc/self/status VmHWM. */
  peakRssBytes: number;
}

/** The kernel's peak resident set of this process, in bytes (0 where /proc is absent). */
function peakRss(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function build(job: BuildJob): Promise<BuildResult> {
  const shards = Math.min(2, Math.max(1, os.availableParallelism()));
  const start = performance.now();
  const results = await Promise.all(
    Array.from({ length: shards }, (_, k) => {
      const shard: ShardJob = {
        ...job,
        from: Math.floor((k * job.seekers) / shards),
        to: Math.floor(((k + 1) * job.seekers) / shards),
      };
      return new Promise<ShardResult>((resolve, reject) => {
        const w = new Worker(new URL("./seeker-index-worker.ts", import.meta.url), {
          workerData: shard,
          // A bounded heap makes the worker collect its generated chunks instead of growing.
          resourceLimits: { maxOldGenerationSizeMb: 192 },
        });
        w.once("message", (r: ShardResult) => {
          resolve(r);
          void w.terminate();
        });
        w.once("error", reject);
      });
    }),
  );
  return { shards: results, wallMs: performance.now() - start, peakRssBytes: peakRss() };
}

process.once("message", (job: BuildJob) => {
  build(job).then(
    (result) => process.send?.(result, () => process.disconnect()),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
