/**
 * The search benchmark (bench/desk/search.ts) at a tiny scale, so that it cannot rot: the CSV
 * load through the front door, searches for spelling variants through HTTP, and the person
 * searched for found first. No timing is asserted here (docs/benchmarks.md has the figures).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { measureSearch, peopleFor, variantOf } from "../../../bench/desk/search.ts";

test("the people and their variants are the same for the same seed, and differ from the original", () => {
  assert.deepEqual(peopleFor(5, 3), peopleFor(5, 3));
  const [p] = peopleFor(1, 3);
  let changed = 0;
  let x = 0.1;
  for (let i = 0; i < 10; i++) {
    const v = variantOf(p!, () => (x = (x + 0.37) % 1));
    if (JSON.stringify(v) !== JSON.stringify(p)) changed++;
  }
  assert.ok(changed > 0);
});

test("bench/desk/search.ts runs at a tiny scale and finds the person searched for", async () => {
  const result = await measureSearch({ registrations: 40, searches: 8 });
  assert.equal(result.registrations, 40);
  assert.equal(result.searches, 8);
  assert.ok(result.meanResults >= 1, JSON.stringify(result));
  assert.ok(result.foundFirst >= 0.75, JSON.stringify(result));
  assert.ok(result.p95 > 0);
});
