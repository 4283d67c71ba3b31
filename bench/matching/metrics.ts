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
  compareWholeSurnames,
  initialClass,
  type NormalisedPerson,
} from "../../src/modules/matching/index.ts";
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

/**
 * The weight of one screened negative of each kind, so that the kinds count in proportion to
 * their estimated share among house seekers (`PREVALENCE`); positives weigh 1.
 */
export function prevalenceWeights(
  outcomes: readonly Outcome[],
  seekers: number,
): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const kind of NEGATIVE_LABELS) {
    const screened = outcomes.filter((o) => o.seeker.truth === null && o.seeker.label === kind);
    if (screened.length > 0) weights[kind] = (PREVALENCE[kind] * seekers) / screened.length;
  }
  return weights;
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
  const weights = prevalenceWeights(outcomes, seekers);
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

/**
 * Two records that say the same on every field both carry: the same surname (spelling
 * variants and the place of the tussenvoegsel aside, compare.ts level `exact`), the same
 * birth date, the same initials; first names, birth name and gender equal where both sides
 * have them. A clean positive can look exactly like this (the generator writes each record
 * in its own style, with or without first names and gender), so no method that finds clean
 * positives can turn such a pair down. The benchmark counts these pairs among the negatives
 * as the floor under any method's false hits.
 */
export function identicalWherePresent(a: NormalisedPerson, b: NormalisedPerson): boolean {
  if (a.birthDate.iso !== b.birthDate.iso) return false;
  if (compareWholeSurnames(a.surname, b.surname) !== "exact") return false;
  if (a.birthName && b.birthName && compareWholeSurnames(a.birthName, b.birthName) !== "exact") {
    return false;
  }
  const initials = (p: NormalisedPerson) => p.initials.map(initialClass).join(" ");
  if (initials(a) !== initials(b)) return false;
  if (
    a.firstNames.length > 0 &&
    b.firstNames.length > 0 &&
    a.firstNames.join(" ") !== b.firstNames.join(" ")
  ) {
    return false;
  }
  return !(a.gender && b.gender && a.gender !== b.gender);
}

/** Candidate pairs that look the same to a decision rule: true pairs and other pairs. */
export interface Cell {
  /** Pairs of a positive screening with its own registration. */
  pos: number;
  /** Other pairs, counted once each. */
  neg: number;
  /** Other pairs, a negative screening's weighted by `prevalenceWeights`. */
  negWeighted: number;
}

/** True pairs per false pair (weighted or not); a cell without false pairs is the best. */
export function cellRatio(c: Cell, weighted: boolean): number {
  const neg = weighted ? c.negWeighted : c.neg;
  return neg === 0 ? Number.POSITIVE_INFINITY : c.pos / neg;
}

/** The cells holding true pairs, the best ratio first (the more true pairs first on a tie). */
export function bestFirst(cells: readonly Cell[], weighted: boolean): Cell[] {
  return cells
    .filter((c) => c.pos > 0)
    .sort((a, b) => cellRatio(b, weighted) - cellRatio(a, weighted) || b.pos - a.pos);
}

/**
 * The highest precision any rule that decides per cell can reach at a recall (of `positives`
 * true pairs): the cells are taken best ratio first, and the last one only in part (as a
 * rule that proposes at random within a cell could). Measured on the same data it judges,
 * so an optimistic bound: no rule on these cells does better on this data. Undefined when
 * the cells do not hold enough true pairs for that recall.
 */
export function bestPrecisionAtRecall(
  cells: readonly Cell[],
  positives: number,
  recall: number,
  weighted: boolean,
): number | undefined {
  const neg = (c: Cell) => (weighted ? c.negWeighted : c.neg);
  const sorted = bestFirst(cells, weighted);
  const needed = recall * positives;
  let tp = 0;
  let fp = 0;
  for (const c of sorted) {
    if (tp + c.pos >= needed) {
      const part = (needed - tp) / c.pos;
      return needed / (needed + fp + part * neg(c));
    }
    tp += c.pos;
    fp += neg(c);
  }
  return undefined;
}

/**
 * What other participants learn (issue 24 part 4; src/modules/screenings/candidates.ts): a
 * proposal whose records are exactly the same identity (`exact`, the product's own rule,
 * matching/identity.ts) is disclosed at once; any other proposal waits for the primary
 * source's officer, who — counted as a correct human decision — confirms the true pair and
 * rejects the rest. Precision of disclosures is then (true pairs disclosed) / (all pairs
 * disclosed); the confirmation share is the share of screenings with at least one proposal
 * that is not exact (a task for a primary source). Both at prevalence: negatives weighted by
 * `prevalenceWeights`, positives 1.
 */
export interface DisclosureMetrics {
  precision: number;
  precisionPopulation: number;
  /** True pairs disclosed on an exact identity, of all true pairs disclosed. */
  exactShareOfTrue: number;
  confirmationShare: number;
  confirmationSharePopulation: number;
  /** Wrong persons disclosed on an exact identity (pairs, unweighted and weighted). */
  wrongExact: number;
  wrongExactWeighted: number;
}

export function measureDisclosures(
  outcomes: readonly Outcome[],
  exact: (o: Outcome, registration: number) => boolean,
  weights: Record<string, number>,
): DisclosureMetrics {
  let tp = 0;
  let tpExact = 0;
  let fp = 0;
  let fpWeighted = 0;
  let tasks = 0;
  let tasksWeighted = 0;
  let screeningsWeighted = 0;
  for (const o of outcomes) {
    const weight = o.seeker.truth === null ? (weights[o.seeker.label] ?? 1) : 1;
    screeningsWeighted += weight;
    let fuzzy = false;
    for (const id of o.proposals) {
      const same = exact(o, id);
      if (id === o.seeker.truth) {
        tp++;
        if (same) tpExact++;
        else fuzzy = true;
      } else if (same) {
        fp++;
        fpWeighted += weight;
      } else {
        fuzzy = true;
      }
    }
    if (fuzzy) {
      tasks++;
      tasksWeighted += weight;
    }
  }
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    precisionPopulation: tp + fpWeighted === 0 ? 1 : tp / (tp + fpWeighted),
    exactShareOfTrue: tp === 0 ? 0 : tpExact / tp,
    confirmationShare: outcomes.length === 0 ? 0 : tasks / outcomes.length,
    confirmationSharePopulation: screeningsWeighted === 0 ? 0 : tasksWeighted / screeningsWeighted,
    wrongExact: fp,
    wrongExactWeighted: fpWeighted,
  };
}
