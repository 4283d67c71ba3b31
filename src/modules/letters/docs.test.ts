import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { DOC_PATH, withGeneratedSection } from "./docs.ts";

test("docs/letters.md holds the current content lists (regenerate: node src/modules/letters/docs.ts --write)", () => {
  const doc = readFileSync(DOC_PATH, "utf8");
  assert.equal(doc, withGeneratedSection(doc));
});
