import assert from "node:assert/strict";
import { test } from "node:test";
import { citeArticle, citeSource } from "./citation.ts";
import { getProfile, PROFILE_IDS } from "./index.ts";

test("G-10 a profile's source becomes the protocol's name and article, never a seed number", () => {
  assert.equal(
    citeSource("aedes-2021", "003 §16.2", "nl"),
    "het Protocol Signaleringslijst, artikel 16.2",
  );
  assert.equal(
    citeSource("aedes-2021", "003 hoofdstuk 10 (Informatie aan betrokkene bij plaatsing)", "nl"),
    "het Protocol Signaleringslijst, artikel 10",
  );
  assert.equal(
    citeSource("keurmerk-2013", "001 Bijlage 2 art. 5 lid 3", "nl"),
    "het Protocol Meldpunt Keurmerk Verhuurdersbelangen, bijlage 2, artikel 5",
  );
  assert.equal(
    citeSource("keurmerk-2013", "001 §11 (Ingekomen bezwaarschrift)", "en"),
    "the Protocol Meldpunt Keurmerk Verhuurdersbelangen, article 11",
  );
  // kkr: 000 has no articles; where it is silent 003 is followed, but a kkr citizen is not
  // sent to another protocol's articles (D-641).
  assert.equal(
    citeSource("kkr", "000 zwijgt; gevolgd wordt 003 §16.2", "nl"),
    "het reglement van het Klachten- en Kansenregister",
  );
  assert.equal(
    citeArticle("aedes-2021", ["4.5", "16.4"], "en"),
    "the Protocol Signaleringslijst, article 4.5 and 16.4",
  );
  // Every source of every profile's deadlines and categories says no seed number.
  for (const id of PROFILE_IDS) {
    const p = getProfile(id);
    const sources = [
      ...Object.values(p.deadlines).map((d) => d.source),
      ...p.categories.map((c) => c.term.source),
      ...p.criteria.map((c) => c.source),
    ];
    for (const lang of ["nl", "en"] as const) {
      for (const s of sources) {
        assert.doesNotMatch(citeSource(id, s, lang), /\b00[0-3]\b|§/, `${id} ${s}`);
      }
    }
  }
});
