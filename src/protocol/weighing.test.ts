/**
 * The rules of the officer's weighing (review row 003-02; 003 §12.1 "Vastleggende partij", §7;
 * D-1060), as pure rules. The row's tests through HTTP are in
 * src/modules/registrations/weighing.test.ts and src/web/weighing-pages.test.ts.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { SHORTER_TERM_REASONS, WEIGHING_SOURCE, weighingViolations } from "./weighing.ts";

const MAX = 24;
const rulesOf = (...args: Parameters<typeof weighingViolations>) =>
  weighingViolations(...args).map((v) => [v.rule, v.details?.field]);

describe("003-02 the officer's weighing as data (003 §12.1, §7)", () => {
  test("003-02 a decision without a weighing is refused, naming the field and 003 §12.1", () => {
    const [violation, ...rest] = weighingViolations(undefined, {
      termMonths: undefined,
      maxTermMonths: MAX,
    });
    assert.equal(rest.length, 0);
    assert.equal(violation?.rule, "weighing_required");
    assert.deepEqual(violation?.details, { field: "weighing" });
    assert.match(violation?.source ?? "", /003 §12\.1/);
    assert.equal(violation?.source, WEIGHING_SOURCE);
  });

  test("003-02 the standard term with the interests weighed is accepted, with or without termMonths", () => {
    const weighing = { interestsWeighed: true, term: "standard" } as const;
    assert.deepEqual(rulesOf(weighing, { termMonths: undefined, maxTermMonths: MAX }), []);
    assert.deepEqual(rulesOf(weighing, { termMonths: MAX, maxTermMonths: MAX }), []);
  });

  test("003-02 a shorter term needs a reason of the closed list and fewer months", () => {
    assert.deepEqual(
      rulesOf({ interestsWeighed: true, term: "shorter" }, { termMonths: 12, maxTermMonths: MAX }),
      [["shorter_term_reason_required", "weighing.shorterReason"]],
    );
    for (const shorterReason of SHORTER_TERM_REASONS) {
      assert.deepEqual(
        rulesOf(
          { interestsWeighed: true, term: "shorter", shorterReason },
          { termMonths: 12, maxTermMonths: MAX },
        ),
        [],
      );
    }
    assert.deepEqual(
      rulesOf(
        { interestsWeighed: true, term: "shorter", shorterReason: "lesser_severity" },
        { termMonths: undefined, maxTermMonths: MAX },
      ),
      [["shorter_term_not_shorter", "termMonths"]],
    );
    assert.deepEqual(
      rulesOf(
        { interestsWeighed: true, term: "shorter", shorterReason: "lesser_severity" },
        { termMonths: MAX, maxTermMonths: MAX },
      ),
      [["shorter_term_not_shorter", "termMonths"]],
    );
  });

  test("003-02 the standard term names no reason, and a shorter termMonths must be weighed as shorter", () => {
    assert.deepEqual(
      rulesOf(
        { interestsWeighed: true, term: "standard", shorterReason: "claim_arrangement" },
        { termMonths: undefined, maxTermMonths: MAX },
      ),
      [["shorter_term_reason_without_shorter_term", "weighing.shorterReason"]],
    );
    assert.deepEqual(
      rulesOf({ interestsWeighed: true, term: "standard" }, { termMonths: 6, maxTermMonths: MAX }),
      [["shorter_term_not_weighed", "weighing.term"]],
    );
  });

  test("003-02 interests not weighed is refused (a weighing from an untyped body)", () => {
    const untyped = JSON.parse('{"interestsWeighed":false,"term":"standard"}');
    assert.deepEqual(rulesOf(untyped, { termMonths: undefined, maxTermMonths: MAX }), [
      ["weighing_required", "weighing.interestsWeighed"],
    ]);
  });
});
