import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { measureApiAgreement } from "../../../bench/matching/api.ts";

/**
 * Issue #24 part 2 at CI scale: the matching benchmark through the front door
 * (bench/matching/api.ts) on a few hundred cases, so that it cannot rot. Not timed.
 */
describe("the matching benchmark through the API (issue 24 part 2)", () => {
  test("24-2 POST /screenings and PUT /seekers + GET /matches propose what the engine proposes", async () => {
    const r = await measureApiAgreement({ cases: 300, registrations: 200 });
    assert.equal(r.registrations.created + r.registrations.refused, 200);
    assert.ok(r.positives >= 100, `${r.positives} positives`);
    assert.ok(r.negatives >= 50, `${r.negatives} negatives`);
    // Every corruption kind and every written form is among the cases.
    for (const label of [
      "combined",
      "date_digit",
      "typo",
      "twin",
      "unrelated",
      "written:all_caps",
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
