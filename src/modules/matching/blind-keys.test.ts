import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { blindSurnameCountKeys, rememberingIndexer, surnameCountValues } from "./blind-keys.ts";

/** A stand-in indexer that counts its calls (the keyring's HMAC is tested with the keyring). */
function countingIndexer() {
  const calls: string[] = [];
  return {
    calls,
    async blindIndex(domain: string, value: string) {
      calls.push(`${domain}|${value}`);
      return `B(${domain}|${value})`;
    },
  };
}

describe("surname count keys", () => {
  test("the surname's and the birth name's cores, each once", () => {
    const values = surnameCountValues({
      initials: "A.",
      surname: "Jansen-de Vries",
      birthName: "van der Berg",
      birthDate: "1980-01-02",
    } as never);
    assert.equal(values.length, 4, values.join(", ")); // jansen-vries, jansen, vries, berg
    assert.equal(new Set(values).size, values.length);
  });

  test("rememberingIndexer asks once per distinct value of a repeating kind, up to its bound", async () => {
    const inner = countingIndexer();
    const remembering = rememberingIndexer(inner, { max: 2 });
    const person = { initials: "A.", surname: "Bakker", birthDate: "1980-01-02" };
    const first = await blindSurnameCountKeys(remembering, person);
    const again = await blindSurnameCountKeys(remembering, { ...person, initials: "B." });
    assert.deepEqual(again, first);
    assert.equal(inner.calls.length, 1);
    await remembering.blindIndex("birth_date", "1980-01-02");
    await remembering.blindIndex("birth_date", "1980-01-03"); // beyond max: asked, not kept
    await remembering.blindIndex("birth_date", "1980-01-03");
    assert.equal(inner.calls.length, 4);
    // Other kinds are always asked: their values hardly repeat.
    assert.equal(
      await remembering.blindIndex("year_surname", "1980|bakker"),
      "B(year_surname|1980|bakker)",
    );
    await remembering.blindIndex("year_surname", "1980|bakker");
    assert.equal(inner.calls.length, 6);
  });
});
