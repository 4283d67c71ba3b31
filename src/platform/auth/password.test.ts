import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { describe, test } from "node:test";
import { hash as argon2Hash, argon2i, argon2id } from "argon2";
import {
  ARGON2_PARAMETERS,
  checkPasswordPolicy,
  equaliseLoginTiming,
  generateOneTimePassword,
  hashPassword,
  needsRehash,
  parseArgon2Hash,
  passwordPolicyMessage,
  verifyPassword,
} from "./password.ts";
import { demoPassword } from "./published-passwords.ts";

const PASSPHRASE = "correct horse battery staple";

describe("password hashing", () => {
  test("a hash verifies its own password and no other", async () => {
    const hash = await hashPassword(PASSPHRASE);
    assert.equal(await verifyPassword(hash, PASSPHRASE), true);
    assert.equal(await verifyPassword(hash, "correct horse battery stapler"), false);
    assert.equal(await verifyPassword(hash, "Correct horse battery staple"), false);
    assert.equal(await verifyPassword(hash, ""), false);
  });

  test("the hash is argon2id v1.3 with m=19456, t=2, p=1, a 32-byte tag and a fresh salt", async () => {
    const hash = await hashPassword(PASSPHRASE);
    assert.match(hash, /^\$argon2id\$v=19\$/);
    assert.deepEqual(parseArgon2Hash(hash), {
      type: "argon2id",
      version: 0x13,
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
      hashLength: 32,
    });
    const salt = (h: string) => h.split("$")[4];
    assert.notEqual(salt(await hashPassword(PASSPHRASE)), salt(hash));
    assert.equal(needsRehash(hash), false);
  });

  test("Unicode passwords are compared after NFC normalisation", async () => {
    const composed = "crème brûlée voor twaalf";
    const decomposed = composed.normalize("NFD");
    assert.notEqual(composed, decomposed);
    const hash = await hashPassword(composed);
    assert.equal(await verifyPassword(hash, decomposed), true);
  });

  test("malformed stored hashes and absurdly long input fail closed", async () => {
    assert.equal(await verifyPassword("", PASSPHRASE), false);
    assert.equal(await verifyPassword("not a hash", PASSPHRASE), false);
    assert.equal(await verifyPassword("$2b$12$abcdefghijklmnopqrstuv", PASSPHRASE), false);
    const hash = await hashPassword(PASSPHRASE);
    assert.equal(await verifyPassword(hash, "x".repeat(5000)), false);
    await assert.rejects(hashPassword("x".repeat(5000)), RangeError);
  });

  test("needsRehash for weaker parameters, another variant or no argon2 hash", async () => {
    const weak = (options: Parameters<typeof argon2Hash>[1]) =>
      argon2Hash(PASSPHRASE, {
        type: argon2id,
        memoryCost: 19456,
        timeCost: 2,
        parallelism: 1,
        ...options,
      });
    assert.equal(needsRehash(await weak({ memoryCost: 8192 })), true);
    assert.equal(needsRehash(await weak({ timeCost: 1 })), true);
    assert.equal(needsRehash(await weak({ type: argon2i })), true);
    assert.equal(needsRehash(await weak({ hashLength: 16 })), true);
    // Stronger than ours is left alone.
    assert.equal(needsRehash(await weak({ memoryCost: 32768, timeCost: 3 })), false);
    assert.equal(needsRehash("$2b$12$abcdefghijklmnopqrstuv"), true);
    assert.equal(needsRehash(""), true);
  });

  test("the PHC parser reads parameters in either order and refuses junk", () => {
    const tail = "$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    assert.equal(parseArgon2Hash(`$argon2id$v=19$m=19456,t=2,p=1${tail}`)?.timeCost, 2);
    assert.equal(parseArgon2Hash(`$argon2id$v=19$m=19456,p=1,t=2${tail}`)?.timeCost, 2);
    assert.equal(parseArgon2Hash(`$argon2i$m=4096,t=3,p=1${tail}`)?.version, 0x10);
    assert.equal(parseArgon2Hash(`$argon2id$v=19$m=19456,t=2${tail}`), null);
    assert.equal(parseArgon2Hash(`$argon2id$v=19$m=1,m=19456,t=2,p=1${tail}`), null);
    assert.equal(parseArgon2Hash(`$scrypt$v=19$m=19456,t=2,p=1${tail}`), null);
  });

  test("equaliseLoginTiming resolves and reveals nothing", async () => {
    assert.equal(await equaliseLoginTiming(PASSPHRASE), undefined);
  });

  test("the ARGON2_PARAMETERS constant cannot be changed at run time", () => {
    assert.ok(Object.isFrozen(ARGON2_PARAMETERS));
  });
});

describe("password policy", () => {
  const refusal = (plain: string, context?: { email?: string; name?: string }) => {
    const result = checkPasswordPolicy(plain, context);
    return result.ok ? "ok" : result.code;
  };

  test("12 characters is the minimum, counted in code points after NFC", () => {
    assert.equal(refusal("kwtz-vbnr-p7"), "ok");
    assert.equal(refusal("kwtz-vbnr-p"), "password_too_short");
    assert.equal(refusal(""), "password_too_short");
    // Eleven emoji are 22 UTF-16 units but 11 characters.
    assert.equal(refusal("🏠".repeat(11)), "password_too_short");
    assert.equal(refusal("🏠🌷🚲🧀🐄🦆🌻🍎🚋🎻🐟🌙"), "ok");
    // 11 letters of which one is written decomposed: NFC makes it 11 code points.
    const decomposed = "kwtzvbnrp7é".normalize("NFD");
    assert.equal(decomposed.length, 12);
    assert.equal(refusal(decomposed), "password_too_short");
  });

  test("128 characters is the maximum", () => {
    const long = (n: number) => "Tq8%vZ-3mW!x".repeat(20).slice(0, n);
    assert.equal(refusal(long(128)), "ok");
    assert.equal(refusal(long(129)), "password_too_long");
    assert.equal(refusal("a".repeat(200)), "password_too_long");
    assert.equal(refusal("x".repeat(1_000_000)), "password_too_long");
  });

  test("no composition rules: a long lowercase passphrase with spaces is accepted", () => {
    assert.deepEqual(checkPasswordPolicy(PASSPHRASE), { ok: true });
    assert.deepEqual(checkPasswordPolicy("de kat zit op de vensterbank"), { ok: true });
  });

  test("common passwords are refused, also with digits or punctuation appended", () => {
    // List entries of 12 characters or more.
    assert.equal(refusal("leavemealone"), "password_common");
    assert.equal(refusal("qwertyuiop123"), "password_common");
    assert.equal(refusal("1qaz2wsx3edc"), "password_common");
    // Case-insensitive.
    assert.equal(refusal("LeaveMeAlone"), "password_common");
    // A listed password stretched with trailing digits and punctuation.
    assert.equal(refusal("password12345"), "password_common");
    assert.equal(refusal("Password123!!!!"), "password_common");
    assert.equal(refusal("dragon 2024 !!!!"), "password_common");
    // Only the end is stripped: the same word inside a passphrase is fine.
    assert.equal(refusal("my password is long enough"), "ok");
  });

  test("the e-mail local part, the name and the service name are refused", () => {
    const email = "j.devries@corporatie.nl";
    assert.equal(refusal("j.devries@corporatie.nl", { email }), "password_contains_identity");
    assert.equal(refusal("J.DeVries-2024-zomer", { email }), "password_contains_identity");
    assert.equal(refusal("zomer-j.devries-2024", { email }), "password_contains_identity");
    // Without context the same password is fine.
    assert.equal(refusal("zomer-j.devries-2024"), "ok");
    // A local part shorter than 4 characters is not looked for.
    assert.equal(refusal("bob-zomer-2024-tulp", { email: "bob@example.nl" }), "ok");
    assert.equal(refusal("Woonsignaal rocks!", {}), "password_contains_identity");
    assert.equal(refusal("mijnwoonsignaalwachtwoord"), "password_contains_identity");
    assert.equal(
      refusal("Annemarie houdt van tulpen", { name: "Annemarie van der Berg" }),
      "password_contains_identity",
    );
    // Short name parts ("van", "der") are not looked for.
    assert.equal(refusal("van der tulpen tot rozen", { name: "Annemarie van der Berg" }), "ok");
  });

  test("F10 strength: zxcvbn score 3 or more, with the person's own data and the published demo passwords", () => {
    for (const weak of ["aaaaaaaaaaaa", "abcabcabcabc", "qwertyuiopas", " ".repeat(12)]) {
      assert.equal(refusal(weak), "password_weak", JSON.stringify(weak));
    }
    // Strong enough for anybody else, too guessable for the person it describes.
    assert.equal(refusal("havenstad.example!"), "ok");
    assert.equal(refusal("havenstad.example!", { email: "b@havenstad.example" }), "password_weak");
    // Every password the demo formula makes is published, whatever the organisation word.
    assert.equal(refusal(demoPassword("DeLinde", "officer")), "password_common");
    assert.equal(refusal("ergens-anders-QUERIER-DEMO-2026"), "password_common");
    assert.equal(refusal("een demo voor 2026 is lang genoeg"), "ok");
  });

  test("a refusal carries its code; the one catalogue gives its text in English and Dutch", () => {
    const result = checkPasswordPolicy("short");
    assert.deepEqual(result, { ok: false, code: "password_too_short" });
    assert.ok(!result.ok);
    assert.match(passwordPolicyMessage(result.code, "en"), /at least 12 characters/);
    assert.match(passwordPolicyMessage(result.code, "nl"), /minstens 12 tekens/);
  });
});

describe("one-time passwords", () => {
  test("20 characters from the unambiguous alphabet, different each time, policy-proof", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generateOneTimePassword();
      assert.match(password, /^[A-HJ-NP-Za-hjkmnp-z2-9]{20}$/);
      assert.deepEqual(checkPasswordPolicy(password), { ok: true });
      seen.add(password);
    }
    assert.equal(seen.size, 200);
  });
});

test("the common-password list is the one @zxcvbn-ts/language-common ships", () => {
  const require = createRequire(import.meta.url);
  const { dictionary } = require("@zxcvbn-ts/language-common") as {
    dictionary: { "passwords-common": string[] };
  };
  const list = dictionary["passwords-common"];
  assert.ok(list.length > 10_000);
  const longEntry = list.find((entry) => [...entry].length >= 12 && /^[a-z]+$/.test(entry));
  assert.ok(longEntry);
  assert.equal(refusalOf(longEntry), "password_common");
});

function refusalOf(plain: string): string {
  const result = checkPasswordPolicy(plain);
  return result.ok ? "ok" : result.code;
}
