/**
 * Quality and speed figures from screening outcomes.
 *
 * Counting is per pair: a positive screening contributes a true positive when its registration
 * is proposed (a false negative when not) and a false positive for every other registration
 * proposed; a negative screening contributes a false positive per proposal. A "false hit" is
 * a negative screening with at least one proposal (what a landlord would see).
 *
 * The screening set over-represents look-alikes (1.5% of seekers, split evenly over six kinds,
 * so that each kind can be measured) and holds only a sample of the unrelated seekers.
 * `precisionPopulation` re-weights each negative kind to an estimated real prevalence among
 * house seekers (`PREVALENCE`), positives staying at their generated 2%: the precision a
 * region would see.
 */

/**
 * Estimated share of house seekers who are this look-alike of some registered person, with a
 * register holding 0.6% of the population (100,000 of 17 million): a person has about two
 * parents, two children and two siblings living, each registered with probability 0.006;
 * a spouse, one; about 2% of people are twins. Namesakes (same frequent surname, same birth
 * date) get no extra weight: unrelated seekers are drawn from the same name and date model,
 * so they already meet registered namesakes at the rate the model produces.
 */
export const PREVALENCE: Readonly<Record<NegativeLabel, number>> = {
  parent: 0.012,
  child: 0.012,
  sibling: 0.012,
  spouse: 0.006,
  twin: 0.00012,
  namesake: 0,
  unrelated: 0.98 - 0.012 * 3 - 0.006 - 0.00012,
};

import {
  NEGATIVE_LABELS,
  type NegativeLabel,
  POSITIVE_LABELS,
  type PositiveLabel,
  type Seeker,
  SPELLING_FORMAT_LABELS,
} from "./generate.ts";

export interface Outcome {
  seeker: Seeker;
  proposals: readonly number[];
  /** Engine only: whether the true registration was among the blocking candidates. */
  blocked?: boolean;
  ms: number;
}

export interface Counts {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  blockingRecall?: number;
}

export interface SystemMetrics {
  system: string;
  screenings: number;
  overall: Counts;
  spellingFormat: Counts;
  precisionPopulation: number;
  falseHitsPer10k: number;
  falseHitsPer10kByKind: Record<string, number>;
  perLabel: Record<string, Counts>;
  latencyMs: { p50: number; p99: number; mean: number; max: number };
  screeningsPerSecond: number;
}

function counts(
  outcomes: readonly Outcome[],
  weights: Readonly<Record<string, number>> = {},
): Counts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let blocked = 0;
  let positives = 0;
  let hasBlocking = false;
  for (const o of outcomes) {
    const w = weights[o.seeker.label] ?? 1;
    if (o.seeker.truth === null) {
      fp += w * o.proposals.length;
      continue;
    }
    positives++;
    const hit = o.proposals.includes(o.seeker.truth);
    if (hit) tp++;
    else fn++;
    fp += o.proposals.length - (hit ? 1 : 0);
    if (o.blocked !== undefined) {
      hasBlocking = true;
      if (o.blocked) blocked++;
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const c: Counts = { n: outcomes.length, tp, fp, fn, precision, recall, f1 };
  if (hasBlocking && positives > 0) c.blockingRecall = blocked / positives;
  return c;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function measure(
  system: string,
  outcomes: readonly Outcome[],
  elapsedMs: number,
  seekers: number,
): SystemMetrics {
  const perLabel: Record<string, Counts> = {};
  for (const label of [...POSITIVE_LABELS, ...NEGATIVE_LABELS]) {
    const subset = outcomes.filter((o) => o.seeker.label === label);
    if (subset.length > 0) perLabel[label] = counts(subset);
  }
  const negatives = outcomes.filter((o) => o.seeker.truth === null);
  const falseHitsPer10kByKind: Record<string, number> = {};
  for (const kind of NEGATIVE_LABELS) {
    const subset = negatives.filter((o) => o.seeker.label === kind);
    if (subset.length === 0) continue;
    falseHitsPer10kByKind[kind] =
      (10_000 * subset.filter((o) => o.proposals.length > 0).length) / subset.length;
  }
  const spelling = outcomes.filter(
    (o) =>
      o.seeker.truth !== null && SPELLING_FORMAT_LABELS.includes(o.seeker.label as PositiveLabel),
  );
  const weights: Record<string, number> = {};
  for (const kind of NEGATIVE_LABELS) {
    const screened = negatives.filter((o) => o.seeker.label === kind).length;
    if (screened > 0) weights[kind] = (PREVALENCE[kind] * seekers) / screened;
  }
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  return {
    system,
    screenings: outcomes.length,
    overall: counts(outcomes),
    spellingFormat: counts(spelling),
    precisionPopulation: counts(outcomes, weights).precision,
    falseHitsPer10k:
      negatives.length === 0
        ? 0
        : (10_000 * negatives.filter((o) => o.proposals.length > 0).length) / negatives.length,
    falseHitsPer10kByKind,
    perLabel,
    latencyMs: {
      p50: percentile(ms, 50),
      p99: percentile(ms, 99),
      mean: ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length),
      max: ms[ms.length - 1] ?? 0,
    },
    screeningsPerSecond: (1000 * outcomes.length) / elapsedMs,
  };
}

export type Label = PositiveLabel | NegativeLabel;
