import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { measureApiAgreement, WRITTEN_FORMS } from "../../../bench/matching/api.ts";
import { NEGATIVE_LABELS, POSITIVE_LABELS } from "../../../bench/matching/generate.ts";

/**
 * Issue #24 part 2 at CI scale: the matching benchmark through the front door
 * (bench/matching/api.ts) on 160 cases, so that it cannot rot. Not timed. The scale is the
 * smallest at which the cases still hold every corruption kind, every look-alike and every
 * written form (D-931: 60 registrations, 35% written forms, 15% unrelated people; the 300 cases on 200
 * registrations it ran before missed one written form and cost several times the CPU).
 * The full scale is the benchmark's own run (bench/matching/api-run.ts).
 */
describe("the matching benchmark through the API (issue 24 part 2)", () => {
  test("24-2 POST /screenings and PUT /seekers + GET /matches propose what the engine proposes", async () => {
    const r = await measureApiAgreement({
      cases: 160,
      registrations: 60,
      writtenShare: 0.35,
      unrelatedShare: 0.15,
    });
    assert.equal(r.registrations.created + r.registrations.refused, 60);
    assert.ok(r.positives >= 100, `${r.positives} positives`);
    assert.ok(r.negatives >= 50, `${r.negatives} negatives`);
    // Every corruption kind, every look-alike and every written form is among the cases.
    for (const label of [
      ...POSITIVE_LABELS,
      ...NEGATIVE_LABELS,
      ...Object.keys(WRITTEN_FORMS).map((form) => `written:${form}`),
    ]) {
      assert.ok(r.perLabel[label]?.n, `no ${label} case`);
    }
    // Where the API accepts the case, both paths propose exactly the engine's registrations.
    assert.deepEqual(r.disagreements, []);
    for (const path of ["screenings", "seekers"] as const) {
      assert.ok(
        Math.abs(r.accepted[path].recall - r.accepted.engine.recall) <= 0.005,
        `${path} recall`,
      );
      assert.ok(
        Math.abs(r.accepted[path].precision - r.accepted.engine.precision) <= 0.005,
        `${path} precision`,
      );
    }
    // Refused cases are counted per field and rule, never lost silently.
    const refused = Object.values(r.perLabel).reduce((n, l) => n + l.refused, 0);
    assert.equal(r.cases - r.accepted.cases, refused);
  });
});
