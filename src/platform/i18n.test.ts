import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogueDifferences, defineCatalogue, registeredCatalogues } from "./i18n.ts";

test("a catalogue whose languages agree has no differences", () => {
  const c = defineCatalogue(
    "test.agree",
    { title: "Titel", count: (n: number) => `${n} stuks`, nested: { a: "a" } },
    { title: "Title", count: (n: number) => `${n} items`, nested: { a: "a" } },
  );
  assert.deepEqual(catalogueDifferences(c), []);
  assert.equal(registeredCatalogues().get("test.agree"), c);
});

test("missing keys, empty texts and other arities are reported with their path", () => {
  const differences = catalogueDifferences({
    nl: { a: "x", b: { c: "y" }, f: (n: number) => `${n}`, e: "" },
    en: { a: "x", b: {}, f: () => "", e: "e", extra: "z" },
  });
  assert.deepEqual(differences.sort(), [
    "b.c: missing in English",
    "e: empty text",
    "extra: missing in Dutch",
    "f: 1 vs 0 arguments",
  ]);
});

test("an area is defined once", () => {
  defineCatalogue("test.once", { a: "a" }, { a: "a" });
  assert.throws(() => defineCatalogue("test.once", { a: "a" }, { a: "a" }), /defined twice/);
});
