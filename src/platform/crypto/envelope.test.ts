import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { blindIndex } from "./blind-index.ts";
import {
  DecryptionError,
  dataKeyAad,
  decryptField,
  encryptField,
  fieldAad,
  fieldKeyVersion,
  isEncryptedField,
  regionSecretAad,
  unwrapKey,
  wrapKey,
} from "./envelope.ts";

const ORG = "0b6a8f52-55c4-4a5e-9d7a-0f0c2e9e1a11";
const OTHER_ORG = "6f1d2c3b-8a9e-4f70-b1c2-d3e4f5a6b7c8";
const ROW = "2d9e1f7a-3b4c-4d5e-8f6a-7b8c9d0e1f2a";
const place = { organisationId: ORG, table: "person", column: "surname", rowId: ROW };

const isDecryptionError =
  (reason: DecryptionError["reason"]) =>
  (err: unknown): boolean => {
    assert.ok(err instanceof DecryptionError, `expected DecryptionError, got ${String(err)}`);
    assert.equal(err.reason, reason);
    return true;
  };

/** Flips one bit of the byte at `index` of the sealed part (after the `ws1.<v>.` header). */
function flip(ciphertext: string, index: number): string {
  const cut = ciphertext.lastIndexOf(".") + 1;
  const sealed = Buffer.from(ciphertext.slice(cut), "base64url");
  sealed[index] = sealed[index]! ^ 0x01;
  return ciphertext.slice(0, cut) + sealed.toString("base64url");
}

describe("field encryption", () => {
  const key = randomBytes(32);

  test("round trip, with a fresh IV every time", () => {
    for (const plaintext of ["Zwaantje", "", "Ĳsbrand ’t Hooft-Çelik 🏠", "x".repeat(5000)]) {
      const a = encryptField(key, 7, plaintext, fieldAad(place));
      const b = encryptField(key, 7, plaintext, fieldAad(place));
      assert.notEqual(a, b);
      assert.match(a, /^ws1\.7\.[A-Za-z0-9_-]+$/);
      assert.ok(isEncryptedField(a));
      assert.equal(fieldKeyVersion(a), 7);
      assert.equal(decryptField(key, a, fieldAad(place)), plaintext);
      assert.equal(decryptField(key, b, fieldAad(place)), plaintext);
    }
  });

  test("a flipped bit in IV, tag or ciphertext fails", () => {
    const ciphertext = encryptField(key, 1, "Verkerk", fieldAad(place));
    for (const index of [0, 11, 12, 27, 28, 28 + 6]) {
      assert.throws(
        () => decryptField(key, flip(ciphertext, index), fieldAad(place)),
        isDecryptionError("authentication"),
        `byte ${index}`,
      );
    }
  });

  test("a value moved to another row, column, table or organisation fails", () => {
    const ciphertext = encryptField(key, 1, "Verkerk", fieldAad(place));
    for (const moved of [
      { ...place, rowId: "3d9e1f7a-3b4c-4d5e-8f6a-7b8c9d0e1f2a" },
      { ...place, column: "birth_name" },
      { ...place, table: "person_archive" },
      { ...place, organisationId: OTHER_ORG },
    ]) {
      assert.throws(() => decryptField(key, ciphertext, fieldAad(moved)), DecryptionError);
    }
  });

  test("relabelling the key version fails", () => {
    const ciphertext = encryptField(key, 1, "Verkerk", fieldAad(place));
    assert.throws(
      () => decryptField(key, ciphertext.replace(/^ws1\.1\./, "ws1.2."), fieldAad(place)),
      isDecryptionError("authentication"),
    );
  });

  test("the wrong key fails", () => {
    const ciphertext = encryptField(key, 1, "Verkerk", fieldAad(place));
    assert.throws(
      () => decryptField(randomBytes(32), ciphertext, fieldAad(place)),
      isDecryptionError("authentication"),
    );
  });

  test("malformed values give a DecryptionError that names no content", () => {
    const good = encryptField(key, 1, "Verkerk", fieldAad(place));
    const payload = good.slice("ws1.1.".length);
    for (const bad of [
      "",
      "Verkerk",
      "ws1.",
      "ws1.1.",
      `ws2.1.${payload}`,
      `ws1.0.${payload}`,
      `ws1.01.${payload}`,
      `ws1.4294967296.${payload}`,
      `ws1.x.${payload}`,
      `ws1.1.${payload}=`,
      `ws1.1.${payload}!`,
      `ws1.1.${payload.slice(0, 30)}`,
      "ws1.1.AAAA",
    ]) {
      assert.throws(
        () => decryptField(key, bad, fieldAad(place)),
        (err: unknown) => {
          assert.ok(err instanceof DecryptionError, `for ${JSON.stringify(bad)}: ${String(err)}`);
          assert.ok(!err.message.includes("Verkerk"));
          if (payload.length > 8) assert.ok(!err.message.includes(payload.slice(0, 8)));
          return true;
        },
      );
    }
  });

  test("fieldAad rejects an incomplete place", () => {
    assert.throws(() => fieldAad({ ...place, rowId: "" }), TypeError);
  });
});

describe("key wrapping", () => {
  const masterKey = randomBytes(32);
  const dataKey = randomBytes(32);

  test("round trip; the wrapped form does not contain the key", () => {
    const wrapped = wrapKey(masterKey, dataKey, dataKeyAad(ORG, 1));
    assert.match(wrapped, /^wk1\.[A-Za-z0-9_-]+$/);
    assert.ok(!Buffer.from(wrapped.slice(4), "base64url").includes(dataKey));
    assert.ok(!wrapped.includes(dataKey.toString("base64url").slice(0, 20)));
    assert.deepEqual(unwrapKey(masterKey, wrapped, dataKeyAad(ORG, 1)), dataKey);
  });

  test("another master key, owner, version or purpose fails", () => {
    const wrapped = wrapKey(masterKey, dataKey, dataKeyAad(ORG, 1));
    assert.throws(() => unwrapKey(randomBytes(32), wrapped, dataKeyAad(ORG, 1)), DecryptionError);
    assert.throws(() => unwrapKey(masterKey, wrapped, dataKeyAad(OTHER_ORG, 1)), DecryptionError);
    assert.throws(() => unwrapKey(masterKey, wrapped, dataKeyAad(ORG, 2)), DecryptionError);
    assert.throws(
      () => unwrapKey(masterKey, wrapped, regionSecretAad("blind_index")),
      DecryptionError,
    );
    assert.throws(() => unwrapKey(masterKey, "wk1.AAAA", dataKeyAad(ORG, 1)), DecryptionError);
  });
});

describe("blind index", () => {
  const regionKey = randomBytes(32);

  test("deterministic per key and domain, 32 bytes as base64url", () => {
    const a = blindIndex(regionKey, "birth_date", "1985-03-14");
    assert.equal(a, blindIndex(regionKey, "birth_date", "1985-03-14"));
    assert.equal(Buffer.from(a, "base64url").length, 32);
    assert.notEqual(a, blindIndex(regionKey, "birth_date", "1985-03-15"));
    assert.notEqual(a, blindIndex(regionKey, "surname_phonetic", "1985-03-14"));
    assert.notEqual(a, blindIndex(randomBytes(32), "birth_date", "1985-03-14"));
  });

  test("the caller normalises: different spellings differ", () => {
    assert.notEqual(
      blindIndex(regionKey, "surname", "jansen"),
      blindIndex(regionKey, "surname", "Jansen"),
    );
  });

  test("domains are plain identifiers", () => {
    assert.throws(() => blindIndex(regionKey, "birth date", "x"), TypeError);
    assert.throws(() => blindIndex(regionKey, "", "x"), TypeError);
  });
});
