import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogueDifferences, registeredCatalogues } from "./platform/i18n.ts";
// The application loads every module, page and letter, and so defines every catalogue.
import "./app.ts";

test("the application defines its texts in catalogues", () => {
  assert.ok(registeredCatalogues().size > 0);
});

test("every catalogue has the same keys in Dutch and English, no empty text, same arities", () => {
  for (const [area, catalogue] of registeredCatalogues()) {
    assert.deepEqual(catalogueDifferences(catalogue), [], `catalogue "${area}"`);
  }
});
