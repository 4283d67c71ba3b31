/**
 * The matching benchmark (issue #5): one command, every system side by side on the same data.
 *
 *   ./node_modules/.bin/node --max-old-space-size=2048 bench/matching/run.ts \
 *     --seekers 2000000 --registrations 100000
 *   ./node_modules/.bin/node bench/matching/run.ts --quick
 *
 * Options: --seekers N, --registrations N, --screenings N (unrelated seekers screened; every
 * positive and look-alike seeker is screened too), --seed N, --peers exact,fuse,fuse_date,postgres
 * (or "none"), --peer-sample N (screenings the slow peers run, a deterministic spread over the
 * screening set), --hasher shipped|keyobject|both, --no-seeker-index, --index-only (build the
 * seeker index, print its figures and stop), --cells-out FILE (write the engine's comparison
 * cells), --cells-from FILE (evaluate a rule learned from another run's cells), --pg-url URL,
 * --quick.
 *
 * Prints a Markdown report and writes the figures as JSON to bench/matching/results/.
 */

import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { SURNAME_COUNT_KIND } from "../../src/modules/matching/blind-keys.ts";
import { sameIdentity } from "../../src/modules/matching/identity.ts";
import {
  DEFAULT_SCORING_CONFIG,
  type NormalisedPerson,
  normalisePerson,
  regionalFrequencies,
  type ScoringConfig,
  scoreNormalised,
  vetoedByBirthDate,
} from "../../src/modules/matching/index.ts";
import {
  EngineIndex,
  type HasherName,
  hasherFor,
  keyObjectHasher,
  sameOutput,
  shippedHasher,
} from "./engine.ts";
import { Population, type Seeker } from "./generate.ts";
import {
  bestFirst,
  bestPrecisionAtRecall,
  type Cell,
  cellRatio,
  identicalWherePresent,
  measure,
  measureDisclosures,
  type Outcome,
  prevalenceWeights,
  type SystemMetrics,
} from "./metrics.ts";
import { exactPeer, fuseDatePeer, fusePeer, type Peer, postgresPeer } from "./peers.ts";
import type { BuildJob, BuildResult } from "./seeker-index-build.ts";
import type { ShardResult } from "./seeker-index-worker.ts";

const { values: args } = parseArgs({
  options: {
    seekers: { type: "string" },
    registrations: { type: "string" },
    screenings: { type: "string" },
    seed: { type: "string", default: "20250501" },
    peers: { type: "string", default: "exact,fuse,fuse_date,postgres" },
    "peer-sample": { type: "string" },
    "fuse-sample": { type: "string" },
    hasher: { type: "string", default: "both" },
    "no-seeker-index": { type: "boolean", default: false },
    "index-only": { type: "boolean", default: false },
    "cells-out": { type: "string" },
    "cells-from": { type: "string" },
    "pg-url": {
      type: "string",
      default:
        process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/woonsignaal_bench",
    },
    quick: { type: "boolean", default: false },
  },
});

const quick = args.quick;
const opts = {
  seekers: Number(args.seekers ?? (quick ? 50_000 : 2_000_000)),
  registrations: Number(args.registrations ?? (quick ? 5_000 : 100_000)),
  screenings: Number(args.screenings ?? (quick ? 5_000 : 100_000)),
  seed: Number(args.seed),
  peers: args.peers === "none" ? [] : args.peers.split(","),
  peerSample: Number(args["peer-sample"] ?? (quick ? 500 : 2_000)),
  fuseSample: Number(args["fuse-sample"] ?? (quick ? 500 : 300)),
  hashers: (args.hasher === "both" ? ["shipped", "keyobject"] : [args.hasher]) as HasherName[],
  seekerIndex: !args["no-seeker-index"],
  pgUrl: args["pg-url"],
};

const log = (...x: unknown[]) => console.error(`[${(performance.now() / 1000).toFixed(1)}s]`, ...x);

// Peak RSS of this process (all threads) plus the seeker-index build process while it runs,
// sampled.
let peakRss = 0;
const phasePeaks: Record<string, number> = {};
let phase = "start";
let childPid: number | undefined;
let childPeakRss = 0;
/** Resident set of another process of ours, from /proc (0 when it is gone). */
function rssOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
const sampler = setInterval(() => {
  const rss = process.memoryUsage().rss + rssOf(childPid);
  peakRss = Math.max(peakRss, rss);
  phasePeaks[phase] = Math.max(phasePeaks[phase] ?? 0, rss);
}, 100);
// Synchronous phases block the sampler: each phase change samples too.
function enter(name: string) {
  const rss = process.memoryUsage().rss + rssOf(childPid);
  peakRss = Math.max(peakRss, rss);
  phasePeaks[phase] = Math.max(phasePeaks[phase] ?? 0, rss);
  phase = name;
  phasePeaks[name] = rss;
}

const mib = (b: number) => b / 1024 / 1024;
const regionKey = randomBytes(32);

// ---------------------------------------------------------------------------------------------

enter("generate");
log("options", opts);
let t = performance.now();
const population = new Population({
  seed: opts.seed,
  registrations: opts.registrations,
  seekers: opts.seekers,
});
const registrations = population.registrations.map((r) => r.person);
log(`registrations generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
if (!sameOutput(shippedHasher(regionKey), keyObjectHasher(regionKey))) {
  throw new Error("the KeyObject hasher does not reproduce blindIndex");
}

// ---------------------------------------------------------------------------------------------
// Seeker index (2 worker threads, one shard each)
// ---------------------------------------------------------------------------------------------

interface SeekerIndexFigures {
  hasher: HasherName;
  seekers: number;
  wallMs: number;
  buildMs: number;
  normaliseMs: number;
  keysMs: number;
  hmacMs: number;
  generateMs: number;
  hmacs: number;
  keys: number;
  tableMiB: number;
  /** Both processes together, sampled (the run's figure). */
  peakRssMiB: number;
  /** The build process alone (kernel VmHWM). */
  buildProcessPeakRssMiB: number;
}

/**
 * The seeker index is built in a child process (seeker-index-build.ts, two worker threads),
 * which ends when it is done: the memory of the build goes back to the system. The peak
 * memory of the run is the sum of both processes (sampled), the build's own peak the
 * kernel's VmHWM of the child.
 */
async function buildSeekerIndex(hasher: HasherName): Promise<SeekerIndexFigures> {
  enter(`seeker_index_${hasher}`);
  const job: BuildJob = {
    seed: opts.seed,
    registrations: opts.registrations,
    seekers: opts.seekers,
    hasher,
    regionKey: new Uint8Array(regionKey),
  };
  const child = fork(new URL("./seeker-index-build.ts", import.meta.url), {
    serialization: "advanced",
    // Not this process's --max-old-space-size: it would lift the workers' heap limits too.
    execArgv: [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  if (child.pid !== undefined) childPid = child.pid;
  const built = await new Promise<BuildResult>((resolve, reject) => {
    child.once("message", (r) => resolve(r as BuildResult));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the seeker index build ended with ${code}`));
    });
    child.send(job);
  });
  childPid = undefined;
  const results = built.shards;
  childPeakRss = Math.max(childPeakRss, built.peakRssBytes);
  const wallMs = built.wallMs;
  // The region's surname counts (the same for every hasher run: keyed by the region key).
  surnameCounts = new Map();
  for (const r of results) {
    for (const [k, n] of r.surnameCounts) surnameCounts.set(k, (surnameCounts.get(k) ?? 0) + n);
  }
  const max = (f: (r: ShardResult) => number) => Math.max(...results.map(f));
  const sum = (f: (r: ShardResult) => number) => results.reduce((s, r) => s + f(r), 0);
  return {
    hasher,
    seekers: opts.seekers,
    wallMs,
    buildMs: max((r) => r.buildMs),
    normaliseMs: sum((r) => r.normaliseMs),
    keysMs: sum((r) => r.keysMs),
    hmacMs: sum((r) => r.hmacMs),
    generateMs: sum((r) => r.generateMs),
    hmacs: sum((r) => r.hmacs),
    keys: sum((r) => r.keys),
    tableMiB: mib(sum((r) => r.tableBytes)),
    peakRssMiB: mib(phasePeaks[`seeker_index_${hasher}`] ?? 0),
    buildProcessPeakRssMiB: mib(built.peakRssBytes),
  };
}

/** Seekers per blind surname count key, from the seeker index build (regional frequencies). */
let surnameCounts: Map<string, number> | undefined;

const seekerIndex: SeekerIndexFigures[] = [];
if (opts.seekerIndex) {
  for (const h of opts.hashers) {
    log(`building the seeker index (${h})…`);
    const f = await buildSeekerIndex(h);
    seekerIndex.push(f);
    log(
      `seeker index (${h}): build ${(f.buildMs / 1000).toFixed(1)} s (wall incl. generation ${(f.wallMs / 1000).toFixed(1)} s), ${f.hmacs} HMACs, ${f.keys} distinct keys, table ${f.tableMiB.toFixed(0)} MiB, peak RSS ${f.peakRssMiB.toFixed(0)} MiB`,
    );
  }
}

if (args["index-only"]) {
  clearInterval(sampler);
  console.log(JSON.stringify({ seekerIndex, peakRssMiB: mib(peakRss) }, null, 2));
  process.exit(0);
}

// The screening set is generated after the seeker index, so that the index build's memory
// figure does not include it.
enter("screening_set");
t = performance.now();
let unrelatedTotal = 0;
for (let i = 0; i < opts.seekers; i++) if (population.role(i) === "unrelated") unrelatedTotal++;
const screenings = population.screeningSet(opts.screenings);
const unrelatedScreened = screenings.filter((s) => s.label === "unrelated").length;
log(
  `screening set: ${screenings.length} (positives ${screenings.filter((s) => s.truth !== null).length}, unrelated ${unrelatedScreened} of ${unrelatedTotal}) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

// ---------------------------------------------------------------------------------------------
// Screening: the engine
// ---------------------------------------------------------------------------------------------

interface Run {
  metrics: SystemMetrics;
  buildMs: number;
  sample: boolean;
  outcomes: Outcome[];
}

const runs: Run[] = [];
const peerSample: Seeker[] = [];
const sampleSize = Math.min(opts.peerSample, screenings.length);
for (let j = 0; j < sampleSize; j++) {
  peerSample.push(screenings[Math.floor((j * screenings.length) / sampleSize)]!);
}
const inSample = new Set(peerSample.map((s) => s.index));
// fuse.js scans every registration per query: at full scale it runs on a subset of the sample.
const fuseSample: Seeker[] = [];
const fuseSize = Math.min(opts.fuseSample, peerSample.length);
for (let j = 0; j < fuseSize; j++) {
  fuseSample.push(peerSample[Math.floor((j * peerSample.length) / fuseSize)]!);
}
const inFuseSample = new Set(fuseSample.map((s) => s.index));

const scored = new Map<number, { candidates: number[]; scores: number[]; vetoed: boolean[] }>();

/**
 * The product's scoring: default parameters and threshold, and, when the seeker index was
 * built, the region's own surname counts (seekers service `scoringFor`). The blind count key
 * of a plain key is computed once per name and remembered.
 */
function scoringConfig(hash: (kind: string, value: string) => string): ScoringConfig {
  const counts = surnameCounts;
  if (!counts) return DEFAULT_SCORING_CONFIG;
  const memo = new Map<string, number | undefined>();
  const regional = regionalFrequencies((key) => {
    if (!memo.has(key)) memo.set(key, counts.get(hash(SURNAME_COUNT_KIND, key).slice(0, 10)));
    return memo.get(key);
  }, opts.seekers);
  return regional
    ? { ...DEFAULT_SCORING_CONFIG, regionalFrequencies: regional }
    : DEFAULT_SCORING_CONFIG;
}

/** The registrations as the engine normalised them, and its scoring (for the bounds below). */
let engineIndexPersons: readonly NormalisedPerson[] = [];
let engineConfig: ScoringConfig = DEFAULT_SCORING_CONFIG;

function engineRun(hasher: HasherName, set: readonly Seeker[], name: string): Run {
  enter(`engine_${hasher}`);
  let start = performance.now();
  const hash = hasherFor(hasher, regionKey);
  const config = scoringConfig(hash);
  const engine = new EngineIndex(hash, registrations, config);
  engineIndexPersons = engine.persons;
  engineConfig = config;
  const buildMs = performance.now() - start;
  // Warm up the JIT on a few screenings (not counted).
  for (const s of set.slice(0, 500)) engine.screen(s.person);
  const outcomes: Outcome[] = [];
  start = performance.now();
  for (const s of set) {
    const t0 = performance.now();
    const r = engine.screen(s.person);
    const ms = performance.now() - t0;
    outcomes.push({
      seeker: s,
      proposals: r.proposals,
      blocked: s.truth === null ? undefined : r.candidates.includes(s.truth),
      ms,
    });
    if (name === "engine") {
      scored.set(s.index, { candidates: r.candidates, scores: r.scores, vetoed: r.vetoed });
    }
  }
  const elapsed = performance.now() - start;
  return {
    metrics: measure(name, outcomes, elapsed, opts.seekers),
    buildMs,
    sample: set !== screenings,
    outcomes,
  };
}

log("engine screenings (shipped blindIndex)…");
const engine = engineRun("shipped", screenings, "engine");
runs.push(engine);
log(`engine: ${engine.metrics.screeningsPerSecond.toFixed(0)} screenings/s`);

// The same candidates and scores, decided at other match thresholds (a region setting).
const sweep: SystemMetrics[] = [16, 18, 20, 22, 24, 26].map((threshold) => {
  const outcomes = engine.outcomes.map((o) => {
    const c = scored.get(o.seeker.index)!;
    const proposals = c.candidates.filter((_, k) => !c.vetoed[k] && c.scores[k]! >= threshold);
    return { ...o, proposals };
  });
  return measure(`engine @ ${threshold} bits`, outcomes, 1, opts.seekers);
});
if (opts.hashers.includes("keyobject")) {
  runs.push(engineRun("keyobject", screenings, "engine (KeyObject HMAC)"));
}

// Two figures from one pass over the engine's candidates (each screened person normalised
// once):
//
// The floor under every method's false hits: the registrations among the engine's candidates
// (every registration with the same birth date is one) whose record is identical where both
// records have a field (metrics.ts `identicalWherePresent`). The "ceiling" system proposes
// each positive's own registration and exactly these: the best precision any method that
// finds clean positives can reach on this data.
//
// The best precision any rule deciding on what the engine's score sees can reach: each
// candidate pair falls in a cell, the levels of its reasons with their weights rounded to
// whole bits (the weights carry how frequent the surname and the initials are); pairs the
// birth dates veto share one cell. See metrics.ts `bestPrecisionAtRecall`.
const ceilingOutcomes: Outcome[] = [];
const cells = new Map<string, Cell>();
const cellKeys = new Map<string, string>();
/** Per screening, the cell of each candidate (same order as its candidates). */
const pairCells = new Map<number, string[]>();
{
  const weights = prevalenceWeights(engine.outcomes, opts.seekers);
  for (const o of engine.outcomes) {
    const person = normalisePerson(o.seeker.person);
    const candidates = scored.get(o.seeker.index)!.candidates;
    const identical = candidates.filter(
      (id) => id !== o.seeker.truth && identicalWherePresent(person, engineIndexPersons[id]!),
    );
    ceilingOutcomes.push({
      seeker: o.seeker,
      proposals: o.seeker.truth === null ? identical : [o.seeker.truth, ...identical],
      ms: 0,
    });
    const negWeight = o.seeker.truth === null ? (weights[o.seeker.label] ?? 1) : 1;
    const keys: string[] = [];
    for (const id of candidates) {
      const other = engineIndexPersons[id]!;
      const text = vetoedByBirthDate(person, other, engineConfig)
        ? "birth dates veto"
        : scoreNormalised(person, other, engineConfig)
            .reasons.map((r) => `${r.field}/${r.level}/${Math.round(r.weight)}`)
            .join(" ");
      let cell = cells.get(text);
      if (!cell) {
        cell = { pos: 0, neg: 0, negWeighted: 0 };
        cells.set(text, cell);
      }
      if (id === o.seeker.truth) cell.pos++;
      else {
        cell.neg++;
        cell.negWeighted += negWeight;
      }
      // The map's own key, so that equal cells share one string.
      const shared = cellKeys.get(text);
      if (shared === undefined) cellKeys.set(text, text);
      keys.push(shared ?? text);
    }
    pairCells.set(o.seeker.index, keys);
  }
}
const ceiling = measure("ceiling (identical records)", ceilingOutcomes, 1, opts.seekers);
// What other participants learn (issue 24 part 4): exact identities at once, the rest only
// after the primary source's officer confirms (counted as a correct human decision).
const disclosures = measureDisclosures(
  engine.outcomes,
  (o, id) => sameIdentity(normalisePerson(o.seeker.person), engineIndexPersons[id]!),
  prevalenceWeights(engine.outcomes, opts.seekers),
);
const positivesScreened = screenings.filter((s) => s.truth !== null).length;
const bound = (recall: number) => ({
  recall,
  precision: bestPrecisionAtRecall([...cells.values()], positivesScreened, recall, false),
  precisionPopulation: bestPrecisionAtRecall([...cells.values()], positivesScreened, recall, true),
});
const bounds = [0.9, 0.95, 0.97, engine.metrics.overall.recall].map(bound);
// A rule learned on another population (`--cells-out` of a run with another seed, read with
// `--cells-from`): it proposes the pairs whose cell, in that population, held at least as
// many true pairs per weighted false pair as the cell where its own recall reached the
// target (0.97); cells it never saw are decided as the engine decides. Out of sample, so a
// fair estimate of what weights fitted to data like these could do.
let learned: SystemMetrics | undefined;
if (args["cells-from"]) {
  const train = JSON.parse(readFileSync(args["cells-from"], "utf8")) as {
    seed: number;
    positives: number;
    cells: [string, Cell][];
  };
  const ratio = (c: Cell) => cellRatio(c, true);
  let tp = 0;
  let cutoff = 0;
  for (const c of bestFirst(
    train.cells.map(([, c]) => c),
    true,
  )) {
    tp += c.pos;
    cutoff = ratio(c);
    if (tp >= 0.97 * train.positives) break;
  }
  const known = new Map(train.cells);
  const outcomes = engine.outcomes.map((o) => {
    const c = scored.get(o.seeker.index)!;
    const keys = pairCells.get(o.seeker.index)!;
    const proposals = c.candidates.filter((id, k) => {
      const cell = known.get(keys[k]!);
      return cell ? ratio(cell) >= cutoff : o.proposals.includes(id);
    });
    return { ...o, proposals };
  });
  learned = measure(`rule learned on seed ${train.seed}`, outcomes, 1, opts.seekers);
}
if (args["cells-out"]) {
  writeFileSync(
    args["cells-out"],
    JSON.stringify({ seed: opts.seed, positives: positivesScreened, cells: [...cells] }),
  );
}

// The cells the engine proposes (no guard, weights at or above the threshold) that hold the
// most false pairs at prevalence: where its weights are furthest from this data.
const costliest = [...cells.entries()]
  .filter(([key]) => {
    if (key.includes("guard")) return false;
    const bits = key.split(" ").reduce((t, r) => t + Number(r.split("/")[2] ?? 0), 0);
    return bits >= engineConfig.thresholds.match;
  })
  .sort((a, b) => b[1].negWeighted - a[1].negWeighted)
  .slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Peers
// ---------------------------------------------------------------------------------------------

async function peerRun(peer: Peer, buildMs: number, set: readonly Seeker[]): Promise<Run> {
  enter(`peer_${peer.name}`);
  for (const s of set.slice(0, 5)) await peer.screen(s.person);
  const outcomes: Outcome[] = [];
  const start = performance.now();
  for (const s of set) {
    const t0 = performance.now();
    const proposals = await peer.screen(s.person);
    outcomes.push({ seeker: s, proposals, ms: performance.now() - t0 });
  }
  const elapsed = performance.now() - start;
  return {
    metrics: measure(peer.name, outcomes, elapsed, opts.seekers),
    buildMs,
    sample: set !== screenings,
    outcomes,
  };
}

for (const name of opts.peers) {
  log(`peer ${name}…`);
  t = performance.now();
  if (name === "exact") {
    const peer = exactPeer(registrations);
    runs.push(await peerRun(peer, performance.now() - t, screenings));
  } else if (name === "fuse") {
    const peer = fusePeer(registrations);
    runs.push(await peerRun(peer, performance.now() - t, fuseSample));
  } else if (name === "fuse_date") {
    const peer = fuseDatePeer(registrations);
    runs.push(await peerRun(peer, performance.now() - t, peerSample));
  } else if (name === "postgres") {
    const { peer, buildMs } = await postgresPeer(opts.pgUrl, registrations);
    runs.push(await peerRun(peer, buildMs, peerSample));
    await peer.close?.();
  } else {
    throw new Error(`unknown peer ${name}`);
  }
  const last = runs[runs.length - 1]!;
  log(
    `${name}: F1 ${last.metrics.overall.f1.toFixed(4)}, ${last.metrics.screeningsPerSecond.toFixed(0)}/s`,
  );
}

// The engine and exact again, restricted to the peer samples, for like-for-like rows.
function restricted(r: Run, keep: ReadonlySet<number>, suffix: string): Run {
  const outcomes = r.outcomes.filter((o) => keep.has(o.seeker.index));
  const elapsed = outcomes.reduce((s, o) => s + o.ms, 0);
  return {
    metrics: measure(`${r.metrics.system} (${suffix})`, outcomes, elapsed, opts.seekers),
    buildMs: r.buildMs,
    sample: true,
    outcomes,
  };
}
const full = runs.filter((r) => !r.sample && !r.metrics.system.includes("KeyObject"));
const sampled: Run[] = [];
if (runs.some((r) => r.sample && r.metrics.system !== "fuse")) {
  sampled.push(...full.map((r) => restricted(r, inSample, "sample")));
}
if (runs.some((r) => r.metrics.system === "fuse")) {
  sampled.push(...full.map((r) => restricted(r, inFuseSample, "fuse sample")));
}

enter("report");
clearInterval(sampler);

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const f3 = (x: number | undefined) => (x === undefined ? "–" : x.toFixed(3));
const f4 = (x: number | undefined) => (x === undefined ? "–" : x.toFixed(4));
const lines: string[] = [];
const out = (s = "") => lines.push(s);

out(`## Matching benchmark — seed ${opts.seed}`);
out();
out(
  `${opts.registrations.toLocaleString("en")} registrations, ${opts.seekers.toLocaleString("en")} seekers; ` +
    `${screenings.length.toLocaleString("en")} screenings (all ${screenings.filter((s) => s.truth !== null).length} positives, all ${screenings.filter((s) => s.truth === null && s.label !== "unrelated").length} look-alikes, ${unrelatedScreened} of ${unrelatedTotal} unrelated); ` +
    `peer sample ${peerSample.length}. ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, Node ${process.version}.`,
);
out();
if (seekerIndex.length > 0) {
  out("### Seeker index build (2 worker threads)");
  out();
  out(
    "| HMAC | build s | normalise s (CPU) | keys s (CPU) | HMAC+insert s (CPU) | HMACs | distinct keys | table MiB | peak RSS MiB |",
  );
  out("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const f of seekerIndex) {
    out(
      `| ${f.hasher} | ${(f.buildMs / 1000).toFixed(1)} | ${(f.normaliseMs / 1000).toFixed(1)} | ${(f.keysMs / 1000).toFixed(1)} | ${(f.hmacMs / 1000).toFixed(1)} | ${f.hmacs.toLocaleString("en")} | ${f.keys.toLocaleString("en")} | ${f.tableMiB.toFixed(0)} | ${f.peakRssMiB.toFixed(0)} |`,
    );
  }
  out();
}
out("### Screening against the registrations");
out();
out(
  "| system | screenings | precision | precision (prevalence) | recall | recall spelling/format | F1 | false hits /10k neg. | blocking recall | index build s | screenings/s | p50 ms | p99 ms |",
);
out("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of [...runs, ...sampled]) {
  const m = r.metrics;
  out(
    `| ${m.system}${r.sample && !m.system.includes("sample") ? " (sample)" : ""} | ${m.screenings} | ${f4(m.overall.precision)} | ${f4(m.precisionPopulation)} | ${f4(m.overall.recall)} | ${f4(m.spellingFormat.recall)} | ${f4(m.overall.f1)} | ${m.falseHitsPer10k.toFixed(1)} | ${f4(m.overall.blockingRecall)} | ${(r.buildMs / 1000).toFixed(2)} | ${m.screeningsPerSecond.toFixed(0)} | ${m.latencyMs.p50.toFixed(2)} | ${m.latencyMs.p99.toFixed(2)} |`,
  );
}
{
  const m = ceiling;
  out(
    `| ${m.system} | ${m.screenings} | ${f4(m.overall.precision)} | ${f4(m.precisionPopulation)} | 1 | 1 | ${f4(m.overall.f1)} | ${m.falseHitsPer10k.toFixed(1)} | – | – | – | – | – |`,
  );
}
out();
out(
  `The ceiling row proposes every positive's registration and, besides, every registration whose record is identical to the screened one where both have a field: false hits per 10k of that floor by kind: ${Object.entries(
    ceiling.falseHitsPer10kByKind,
  )
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(", ")}.`,
);
out();
out(
  `The best precision any rule deciding on the engine's comparison levels can reach on this data (${cells.size.toLocaleString("en")} cells; an optimistic bound, see metrics.ts):`,
);
out();
out("| recall | precision | precision (prevalence) |");
out("|---:|---:|---:|");
for (const b of bounds) {
  out(`| ${f4(b.recall)} | ${f4(b.precision)} | ${f4(b.precisionPopulation)} |`);
}
out();
if (learned) {
  out(
    `A rule learned on another population (seed in its name; see run.ts): precision ${f4(learned.overall.precision)}, at prevalence ${f4(learned.precisionPopulation)}, recall ${f4(learned.overall.recall)}, spelling/format ${f4(learned.spellingFormat.recall)}, F1 ${f4(learned.overall.f1)}, false hits per 10k unrelated ${(learned.falseHitsPer10kByKind.unrelated ?? 0).toFixed(1)} (${learned.system}).`,
  );
  out();
}
out("### What other participants learn (issue 24 part 4)");
out();
out(
  "An exact identity (every field both records carry equal after normalisation) is disclosed at once; every other proposal is a possible hit that the primary source's officer confirms or rejects first (counted here as a correct human decision).",
);
out();
out(
  "| engine precision | engine precision (prevalence) | disclosure precision | disclosure precision (prevalence) | true hits disclosed on an exact identity | screenings needing a confirmation | the same (prevalence) | wrong persons disclosed (exact) | the same (prevalence-weighted) |",
);
out("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
out(
  `| ${f4(engine.metrics.overall.precision)} | ${f4(engine.metrics.precisionPopulation)} | ${f4(disclosures.precision)} | ${f4(disclosures.precisionPopulation)} | ${f4(disclosures.exactShareOfTrue)} | ${f4(disclosures.confirmationShare)} | ${f4(disclosures.confirmationSharePopulation)} | ${disclosures.wrongExact} | ${disclosures.wrongExactWeighted.toFixed(1)} |`,
);
out();
out("The cells the engine proposes that hold the most false pairs (weighted to prevalence):");
out();
out("| true pairs | false pairs | weighted | reasons (field/level/bits, rounded) |");
out("|---:|---:|---:|---|");
for (const [key, c] of costliest) {
  out(`| ${c.pos} | ${c.neg} | ${c.negWeighted.toFixed(0)} | ${key} |`);
}
out();
const labelSystems = [...runs.filter((r) => !r.metrics.system.includes("KeyObject")), ...sampled];
out("### Engine at other match thresholds (same candidates and scores; default 18)");
out();
out(
  "| threshold | precision | precision (prevalence) | recall | recall spelling/format | F1 | false hits /10k neg. | false hits /10k unrelated |",
);
out("|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const m of sweep) {
  out(
    `| ${m.system.replace(/\D+/g, "")} | ${f4(m.overall.precision)} | ${f4(m.precisionPopulation)} | ${f4(m.overall.recall)} | ${f4(m.spellingFormat.recall)} | ${f4(m.overall.f1)} | ${m.falseHitsPer10k.toFixed(1)} | ${(m.falseHitsPer10kByKind.unrelated ?? 0).toFixed(1)} |`,
  );
}
out();
out("### Per corruption type (P / R / F1; engine also blocking recall)");
out();
out(
  `| label | n (full) | ${labelSystems.map((r) => r.metrics.system + (r.sample && !r.metrics.system.includes("sample") ? " (sample)" : "")).join(" | ")} |`,
);
out(`|---|---:|${labelSystems.map(() => "---").join("|")}|`);
for (const label of Object.keys(engine.metrics.perLabel)) {
  const n = engine.metrics.perLabel[label]!.n;
  const cells = labelSystems.map((r) => {
    const c = r.metrics.perLabel[label];
    if (!c) return "–";
    if (c.tp + c.fn === 0) {
      return `${((10_000 * r.outcomes.filter((o) => o.seeker.label === label && o.proposals.length > 0).length) / c.n).toFixed(1)} /10k (n=${c.n})`;
    }
    const b = c.blockingRecall === undefined ? "" : ` (b ${f3(c.blockingRecall)})`;
    return `${f3(c.precision)} / ${f3(c.recall)} / ${f3(c.f1)}${b}${r.sample ? ` n=${c.n}` : ""}`;
  });
  out(`| ${label} | ${n} | ${cells.join(" | ")} |`);
}
out();
out(
  `Peak RSS of the whole run: ${mib(peakRss).toFixed(0)} MiB. Phase peaks (MiB): ${Object.entries(
    phasePeaks,
  )
    .map(([k, v]) => `${k} ${mib(v).toFixed(0)}`)
    .join(", ")}.`,
);

const report = lines.join("\n");
console.log(report);

// Missed positives and false hits of the engine, for diagnosis.
const misses = engine.outcomes
  .filter((o) => o.seeker.truth !== null && !o.proposals.includes(o.seeker.truth))
  .slice(0, 300)
  .map((o) => ({
    label: o.seeker.label,
    detail: o.seeker.detail,
    blocked: o.blocked,
    seeker: o.seeker.person,
    registration: registrations[o.seeker.truth!],
  }));
const falseHits = engine.outcomes
  .filter((o) => o.proposals.some((id) => id !== o.seeker.truth))
  .slice(0, 300)
  .map((o) => ({
    label: o.seeker.label,
    seeker: o.seeker.person,
    proposed: o.proposals.filter((id) => id !== o.seeker.truth).map((id) => registrations[id]),
  }));

const dir = new URL("./results/", import.meta.url);
mkdirSync(dir, { recursive: true });
const file = new URL(
  `./results/${new Date().toISOString().replace(/[:.]/g, "-")}-${opts.seekers}x${opts.registrations}.json`,
  import.meta.url,
);
writeFileSync(
  file,
  JSON.stringify(
    {
      options: opts,
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model,
        memGiB: os.totalmem() / 2 ** 30,
        node: process.version,
      },
      seekerIndex,
      thresholdSweep: sweep,
      ceiling,
      disclosures,
      bounds,
      learned,
      runs: [...runs, ...sampled].map((r) => ({
        ...r.metrics,
        buildMs: r.buildMs,
        sample: r.sample,
      })),
      peakRssMiB: mib(peakRss),
      phasePeaksMiB: Object.fromEntries(Object.entries(phasePeaks).map(([k, v]) => [k, mib(v)])),
      report,
      engineMisses: misses,
      engineFalseHits: falseHits,
    },
    null,
    2,
  ),
);
log(`written ${file.pathname}`);
