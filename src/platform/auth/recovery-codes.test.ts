import assert from "node:assert/strict";
import { test } from "node:test";
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  normaliseRecoveryCode,
} from "./recovery-codes.ts";

const SHAPE = /^[a-hjkmnp-z]{4}-[a-hjkmnp-z]{4}-[a-hjkmnp-z]{4}$/;

test("ten distinct codes of the form abcd-efgh-jkmn without i, l or o", () => {
  const codes = generateRecoveryCodes();
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  for (const code of codes) assert.match(code, SHAPE);
  // 23 symbols, 12 positions: at least 50 bits.
  assert.ok(12 * Math.log2(23) >= 50);
});

test("codes are unique across many draws and the count is configurable", () => {
  const codes = generateRecoveryCodes(100);
  assert.equal(new Set(codes).size, 100);
  assert.equal(generateRecoveryCodes(1).length, 1);
  assert.throws(() => generateRecoveryCodes(0), RangeError);
  assert.throws(() => generateRecoveryCodes(1.5), RangeError);
});

test("a loosely typed code hashes like the code itself", () => {
  const [code] = generateRecoveryCodes(1);
  assert.ok(code);
  const hash = hashRecoveryCode(code);
  assert.match(hash, /^[0-9a-f]{64}$/);
  const plain = code.replaceAll("-", "");
  for (const typed of [
    code.toUpperCase(),
    ` ${plain.slice(0, 4)} ${plain.slice(4, 8)} ${plain.slice(8)} `,
    plain,
    code.replaceAll("-", "–"),
  ]) {
    assert.equal(hashRecoveryCode(typed), hash, typed);
  }
  const [other] = generateRecoveryCodes(1);
  if (other !== code) assert.notEqual(hashRecoveryCode(other!), hash);
});

test("normalisation lowercases and strips spaces and dashes only", () => {
  assert.equal(normaliseRecoveryCode(" AbCd-EFGH jkmn\n"), "abcdefghjkmn");
  assert.equal(normaliseRecoveryCode("abcd.efgh"), "abcd.efgh");
});

test("the hash is SHA-256 of the normalised code", () => {
  assert.equal(
    hashRecoveryCode("ABC-"),
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
  );
});
