import assert from "node:assert/strict";
import { test } from "node:test";
import {
  hashToken,
  newApiKey,
  newCsrfToken,
  newSessionToken,
  parseApiKey,
  safeEqual,
} from "./tokens.ts";

test("session and CSRF tokens are 32 random bytes in base64url", () => {
  for (const make of [newSessionToken, newCsrfToken]) {
    const token = make();
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(token, "base64url").length, 32);
    assert.notEqual(make(), token);
  }
});

test("hashToken is SHA-256 hex", () => {
  assert.equal(
    hashToken("abc"),
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
  );
  const token = newSessionToken();
  assert.equal(hashToken(token), hashToken(token));
  assert.notEqual(hashToken(token), hashToken(newSessionToken()));
});

test("an API key has its prefix, parses back to it, and its hash is of the whole key", () => {
  for (const environment of ["live", "demo"] as const) {
    const { key, prefix, hash } = newApiKey({ environment });
    assert.match(prefix, new RegExp(`^ws_${environment}_[a-z0-9]{8}$`));
    assert.ok(key.startsWith(`${prefix}_`));
    assert.equal(Buffer.from(key.slice(prefix.length + 1), "base64url").length, 32);
    assert.equal(hash, hashToken(key));
    assert.deepEqual(parseApiKey(key), { prefix, environment });
  }
  const a = newApiKey({ environment: "live" });
  const b = newApiKey({ environment: "live" });
  assert.notEqual(a.key, b.key);
  assert.notEqual(a.prefix, b.prefix);
});

test("keys whose secret part contains _ and - still parse", () => {
  const key = `ws_live_abcd1234_${"_-".repeat(21)}A`;
  assert.deepEqual(parseApiKey(key), { prefix: "ws_live_abcd1234", environment: "live" });
});

test("malformed API keys parse to null", () => {
  const good = newApiKey({ environment: "demo" }).key;
  const secret = good.slice("ws_demo_abcd1234_".length);
  for (const bad of [
    "",
    "ws_live_",
    good.slice(0, -1),
    `${good}A`,
    ` ${good}`,
    good.replace("ws_demo_", "ws_test_"),
    good.replace("ws_demo_", "WS_DEMO_"),
    `ws_live_ABCD1234_${secret}`,
    `ws_live_abc1234_${secret}`,
    `ws_live_abcd1234${secret}`,
    `ws_live_abcd1234_${secret.slice(0, 42)}=`,
    "x".repeat(10_000),
  ]) {
    assert.equal(parseApiKey(bad), null, bad);
  }
  assert.throws(() => newApiKey({ environment: "test" as "live" }), TypeError);
});

test("safeEqual compares exactly, also for different lengths and non-ASCII", () => {
  const hash = hashToken("x");
  assert.equal(safeEqual(hash, hashToken("x")), true);
  assert.equal(safeEqual(hash, hashToken("y")), false);
  assert.equal(safeEqual(hash, hash.slice(0, -1)), false);
  assert.equal(safeEqual("", ""), true);
  assert.equal(safeEqual("a", ""), false);
  assert.equal(safeEqual("é", "e\u0301"), false);
  assert.equal(safeEqual("ü", "ü"), true);
});
