/**
 * The matching engine on a small population from the benchmark's generator
 * (bench/matching/generate.ts, issue #5): candidates by shared blocking key, then scoring, as
 * the product does it (the blind index is left out: it maps equal keys to equal indexes).
 * Quality floors only; the figures at scale are in docs/benchmarks.md.
 */

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  Population,
  type PositiveLabel,
  type Seeker,
  SPELLING_FORMAT_LABELS,
} from "../../../bench/matching/generate.ts";
import { measureDisclosures, prevalenceWeights } from "../../../bench/matching/metrics.ts";
import { blockingKeys } from "./blocking.ts";
import { sameIdentity } from "./identity.ts";
import { type NormalisedPerson, normalisePerson } from "./normalise.ts";
import { scoreNormalised } from "./score.ts";

const population = new Population({
  seed: 5,
  registrations: 2_000,
  seekers: 8_000,
  positiveShare: 0.3,
  lookalikeShare: 0.15,
});

const index = new Map<string, number[]>();
const registered: NormalisedPerson[] = population.registrations.map((r) => {
  const n = normalisePerson(r.person);
  for (const k of blockingKeys(n)) {
    const key = `${k.kind}:${k.value}`;
    const ids = index.get(key);
    if (ids) ids.push(r.id);
    else index.set(key, [r.id]);
  }
  return n;
});

interface Screened {
  seeker: Seeker;
  candidates: Set<number>;
  proposals: number[];
}

const screened: Screened[] = population.screeningSet(2_000).map((seeker) => {
  const n = normalisePerson(seeker.person);
  const candidates = new Set<number>();
  for (const k of blockingKeys(n)) {
    for (const id of index.get(`${k.kind}:${k.value}`) ?? []) candidates.add(id);
  }
  const proposals = [...candidates].filter(
    (id) => scoreNormalised(n, registered[id]!).decision === "match",
  );
  return { seeker, candidates, proposals };
});

const positives = screened.filter((s) => s.seeker.truth !== null);
const single = positives.filter((s) => s.seeker.label !== "combined");
const found = (s: Screened) => s.proposals.includes(s.seeker.truth!);
const share = (list: readonly Screened[], f: (s: Screened) => boolean) =>
  list.filter(f).length / list.length;

describe("the engine on a generated population (2,000 registrations)", () => {
  test("the population has what the benchmark needs", () => {
    assert.ok(positives.length > 1_500, `${positives.length} positives`);
    const labels = new Set(screened.map((s) => s.seeker.label));
    for (const label of ["diacritics", "tussenvoegsel", "double_name", "twin", "parent"]) {
      assert.ok(labels.has(label as PositiveLabel), label);
    }
  });

  test("blocking recall ≥ 0.99 for single corruptions", () => {
    const recall = share(single, (s) => s.candidates.has(s.seeker.truth!));
    assert.ok(recall >= 0.99, `blocking recall ${recall}`);
  });

  test("recall ≥ 0.99 on spelling and format variants, ≥ 0.97 on single corruptions", () => {
    const spelling = single.filter((s) =>
      SPELLING_FORMAT_LABELS.includes(s.seeker.label as PositiveLabel),
    );
    const spellingRecall = share(spelling, found);
    assert.ok(spellingRecall >= 0.99, `spelling/format recall ${spellingRecall}`);
    const recall = share(single, found);
    assert.ok(recall >= 0.97, `recall ${recall}`);
  });

  test("precision ≥ 0.99 against unrelated people and parents, children, siblings, spouses", () => {
    const family = new Set(["unrelated", "parent", "child", "sibling", "spouse"]);
    const considered = screened.filter(
      (s) => s.seeker.truth !== null || family.has(s.seeker.label),
    );
    let tp = 0;
    let fp = 0;
    for (const s of considered) {
      for (const id of s.proposals) {
        if (id === s.seeker.truth) tp++;
        else fp++;
      }
    }
    const precision = tp / (tp + fp);
    assert.ok(precision >= 0.99, `precision ${precision} (${fp} false)`);
  });

  test("a parent, child or spouse is never proposed", () => {
    const hits = screened.filter(
      (s) => ["parent", "child", "spouse"].includes(s.seeker.label) && s.proposals.length > 0,
    );
    assert.deepEqual(
      hits.map((s) => s.seeker.person),
      [],
    );
  });

  test("24-4 disclosures (exact at once, the rest after confirmation) are right ≥ 0.998 of the time", () => {
    const outcomes = screened.map((s) => ({ seeker: s.seeker, proposals: s.proposals, ms: 0 }));
    const persons = new Map(
      screened.map((s) => [s.seeker.index, normalisePerson(s.seeker.person)]),
    );
    const d = measureDisclosures(
      outcomes,
      (o, id) => sameIdentity(persons.get(o.seeker.index)!, registered[id]!),
      prevalenceWeights(outcomes, 8_000),
    );
    assert.ok(d.precisionPopulation >= 0.998, `at prevalence ${d.precisionPopulation}`);
    assert.ok(d.exactShareOfTrue > 0.2 && d.exactShareOfTrue < 1, `exact ${d.exactShareOfTrue}`);
    assert.ok(d.confirmationShare > 0 && d.confirmationShare < 1, `tasks ${d.confirmationShare}`);
  });
});
