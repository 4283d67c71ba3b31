import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  createTotpSecret,
  TOTP_PERIOD_SECONDS,
  totpCodeAt,
  totpQrSvg,
  totpStep,
  totpUri,
  verifyTotp,
} from "./totp.ts";

/** RFC 6238 Appendix B: the SHA-1 seed, ASCII "12345678901234567890", in base32. */
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const at = (seconds: number) => new Date(seconds * 1000);

/** A fixed instant 10 s into its step, and a fixed secret: the tests are deterministic. */
const NOW = new Date("2025-03-01T12:00:10Z");
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const STEP = totpStep(NOW);
const shifted = (steps: number) => new Date(NOW.getTime() + steps * TOTP_PERIOD_SECONDS * 1000);

describe("TOTP codes", () => {
  test("RFC 6238 Appendix B SHA-1 vectors, truncated to 6 digits", () => {
    // The RFC lists 8-digit codes 94287082, 07081804 and 89005924.
    assert.equal(totpCodeAt(RFC_SECRET, at(59)), "287082");
    assert.equal(totpCodeAt(RFC_SECRET, at(1111111109)), "081804");
    assert.equal(totpCodeAt(RFC_SECRET, at(1234567890)), "005924");
  });

  test("the step is floor(unix seconds / 30)", () => {
    assert.equal(totpStep(at(59)), 1);
    assert.equal(totpStep(at(60)), 2);
    assert.equal(STEP, Math.floor(Date.UTC(2025, 2, 1, 12, 0, 10) / 30_000));
  });

  test("a secret is base32 of at least 160 bits, different each time, and usable", () => {
    const secret = createTotpSecret();
    assert.match(secret, /^[A-Z2-7]+$/);
    assert.ok(secret.length * 5 >= 160);
    assert.notEqual(createTotpSecret(), secret);
    const code = totpCodeAt(secret, NOW);
    assert.deepEqual(verifyTotp({ secret, code, now: NOW }), { ok: true, step: STEP });
  });
});

describe("verifyTotp", () => {
  const codeAt = (steps: number) => totpCodeAt(SECRET, shifted(steps));

  test("the current code verifies and gives its step", () => {
    assert.deepEqual(verifyTotp({ secret: SECRET, code: codeAt(0), now: NOW }), {
      ok: true,
      step: STEP,
    });
  });

  test("the previous and next step's codes verify (clock drift); two steps away does not", () => {
    const codes = [-2, -1, 0, 1, 2].map(codeAt);
    assert.equal(new Set(codes).size, 5, "precondition: the five codes differ");
    assert.deepEqual(verifyTotp({ secret: SECRET, code: codeAt(-1), now: NOW }), {
      ok: true,
      step: STEP - 1,
    });
    assert.deepEqual(verifyTotp({ secret: SECRET, code: codeAt(1), now: NOW }), {
      ok: true,
      step: STEP + 1,
    });
    for (const steps of [-2, 2, -20]) {
      assert.deepEqual(verifyTotp({ secret: SECRET, code: codeAt(steps), now: NOW }), {
        ok: false,
        reason: "invalid",
      });
    }
  });

  test("the window is ±1 step wherever in its step the time falls", () => {
    for (const offset of [0, 1, 29]) {
      const now = new Date(STEP * 30_000 + offset * 1000);
      assert.ok(verifyTotp({ secret: SECRET, code: codeAt(-1), now }).ok, `-1 at +${offset}s`);
      assert.ok(verifyTotp({ secret: SECRET, code: codeAt(1), now }).ok, `+1 at +${offset}s`);
      assert.ok(!verifyTotp({ secret: SECRET, code: codeAt(2), now }).ok, `+2 at +${offset}s`);
    }
  });

  test("a wrong code of the right shape is invalid", () => {
    const wrong = String((Number(codeAt(0)) + 1) % 1_000_000).padStart(6, "0");
    assert.deepEqual(verifyTotp({ secret: SECRET, code: wrong, now: NOW }), {
      ok: false,
      reason: "invalid",
    });
  });

  test("a code of an already used step is refused as replayed", () => {
    const first = verifyTotp({ secret: SECRET, code: codeAt(0), now: NOW });
    assert.ok(first.ok);
    // The same code again, within the same step or just after.
    for (const now of [NOW, shifted(1)]) {
      assert.deepEqual(
        verifyTotp({ secret: SECRET, code: codeAt(0), now, lastUsedStep: first.step }),
        { ok: false, reason: "replayed" },
      );
    }
    // An older code is a replay too, as the last use was later.
    assert.deepEqual(
      verifyTotp({ secret: SECRET, code: codeAt(-1), now: NOW, lastUsedStep: first.step }),
      { ok: false, reason: "replayed" },
    );
    // The next step's code is fresh.
    assert.deepEqual(
      verifyTotp({ secret: SECRET, code: codeAt(1), now: shifted(1), lastUsedStep: first.step }),
      { ok: true, step: STEP + 1 },
    );
    // A wrong code stays invalid (not replayed) when there is a last used step.
    assert.deepEqual(
      verifyTotp({ secret: SECRET, code: codeAt(5), now: NOW, lastUsedStep: first.step }),
      { ok: false, reason: "invalid" },
    );
  });

  test("after a code of the next step was used, the current code is a replay", () => {
    const ahead = verifyTotp({ secret: SECRET, code: codeAt(1), now: NOW });
    assert.deepEqual(ahead, { ok: true, step: STEP + 1 });
    assert.deepEqual(
      verifyTotp({ secret: SECRET, code: codeAt(0), now: NOW, lastUsedStep: STEP + 1 }),
      { ok: false, reason: "replayed" },
    );
  });

  test("a last used step far in the future (clock went back) refuses without throwing", () => {
    assert.deepEqual(
      verifyTotp({ secret: SECRET, code: codeAt(0), now: NOW, lastUsedStep: STEP + 100 }),
      { ok: false, reason: "replayed" },
    );
    assert.deepEqual(
      verifyTotp({ secret: SECRET, code: "000000", now: NOW, lastUsedStep: STEP + 100 }),
      { ok: false, reason: codeAt(0) === "000000" ? "replayed" : "invalid" },
    );
  });

  test("an old or null last used step does not get in the way", () => {
    for (const lastUsedStep of [null, undefined, 0, -1, STEP - 2]) {
      assert.deepEqual(verifyTotp({ secret: SECRET, code: codeAt(0), now: NOW, lastUsedStep }), {
        ok: true,
        step: STEP,
      });
    }
    assert.throws(
      () => verifyTotp({ secret: SECRET, code: codeAt(0), now: NOW, lastUsedStep: 1.5 }),
      TypeError,
    );
  });

  test("spaces are removed; anything else that is not 6 digits is malformed", () => {
    const code = codeAt(0);
    const spaced = ` ${code.slice(0, 3)} ${code.slice(3)}\t`;
    assert.deepEqual(verifyTotp({ secret: SECRET, code: spaced, now: NOW }), {
      ok: true,
      step: STEP,
    });
    for (const malformed of ["12a456", "", "   ", "12345", "1234567", "123-456", "１２３４５６"]) {
      assert.deepEqual(verifyTotp({ secret: SECRET, code: malformed, now: NOW }), {
        ok: false,
        reason: "malformed",
      });
    }
  });

  test("pure given now: the same inputs give the same answer", () => {
    const input = { secret: SECRET, code: codeAt(0), now: NOW, lastUsedStep: STEP - 1 };
    assert.deepEqual(verifyTotp(input), verifyTotp(input));
  });
});

describe("enrolment", () => {
  test("the otpauth URI names the issuer, the account and the secret", () => {
    const uri = totpUri({ secret: SECRET, accountName: "j.devries@corporatie.nl" });
    const url = new URL(uri);
    assert.equal(url.protocol, "otpauth:");
    assert.equal(url.host, "totp");
    assert.equal(decodeURIComponent(url.pathname), "/Woonsignaal:j.devries@corporatie.nl");
    assert.equal(url.searchParams.get("secret"), SECRET);
    assert.equal(url.searchParams.get("issuer"), "Woonsignaal");
    // Algorithm, digits and period are the defaults apps assume, whether written or left out.
    assert.ok([null, "SHA1"].includes(url.searchParams.get("algorithm")));
    assert.ok([null, "6"].includes(url.searchParams.get("digits")));
    assert.ok([null, "30"].includes(url.searchParams.get("period")));
    const demo = totpUri({ secret: SECRET, accountName: "a@b.nl", issuer: "Woonsignaal demo" });
    assert.equal(new URL(demo).searchParams.get("issuer"), "Woonsignaal demo");
  });

  test("the QR code is an SVG", async () => {
    const svg = await totpQrSvg(totpUri({ secret: SECRET, accountName: "a@b.nl" }));
    assert.match(svg, /^<svg[\s>]/);
    assert.match(svg, /<\/svg>\s*$/);
    assert.match(svg, /<path /);
  });
});
