/** F10 (issue 22): the password policy by strength, through the API and the password page. */

import assert from "node:assert/strict";
import { test } from "node:test";
import { useDemoApp } from "../../testing/demo-app.ts";
import { apiRequest, errorCode, signIn } from "../../testing/http.ts";
import { browserOn, demoUser } from "../../testing/web.ts";

const fx = useDemoApp({ today: "2026-06-01" });
const browser = browserOn(() => fx);

test("F10 weak, published, personal and reused passwords are refused with their code; a strong passphrase is accepted", async () => {
  // The querier of the second participant: its own e-mail "bevrager@<slug>.example".
  const user = demoUser(fx.demo, "querier", 1);
  const s = await signIn(fx.app, fx.ctx.clock, user);
  const change = (newPassword: string, currentPassword = user.password) =>
    apiRequest(fx.app, "POST", "/api/v1/auth/password", s.headers, {
      currentPassword,
      newPassword,
    });
  const domain = user.email.split("@")[1]!; // e.g. "havenstad.example"
  for (const [candidate, code] of [
    ["aaaaaaaaaaaa", "password_weak"],
    ["abcabcabcabc", "password_weak"],
    ["qwertyuiopas", "password_weak"],
    ["            ", "password_weak"],
    ["welkomwelkom12", "password_weak"],
    // The published demo passwords (README), also another account's, and built the same way.
    ["DeLinde-officer-demo-2026", "password_common"],
    ["Auditbureau-auditor-demo-2026", "password_common"],
    ["Mijnbedrijf-officer-demo-2026", "password_common"],
    // The user's own data: the e-mail's domain (strong enough for somebody else).
    [`${domain}!`, "password_weak"],
    // The current password again.
    [user.password, "password_reused"],
  ] as const) {
    const res = await change(candidate);
    assert.equal(res.statusCode, 400, `${JSON.stringify(candidate)}: ${res.body}`);
    assert.equal(errorCode(res), code, JSON.stringify(candidate));
    assert.doesNotMatch(res.json().error.message, /zxcvbn|score/i);
  }
  // Nothing was changed by the refusals: the old password still signs in.
  assert.equal(
    (
      await apiRequest(
        fx.app,
        "POST",
        "/api/v1/auth/sign-in",
        {},
        {
          email: user.email,
          password: user.password,
        },
      )
    ).statusCode,
    200,
  );
  const good = await change("zeven zeilboten op het ijsselmeer");
  assert.equal(good.statusCode, 204, good.body);
  const reused = await change(
    "zeven zeilboten op het ijsselmeer",
    "zeven zeilboten op het ijsselmeer",
  );
  assert.equal(errorCode(reused), "password_reused");
});

test("F10 the password page says why in plain Dutch, from the policy's catalogue", async () => {
  const user = demoUser(fx.demo, "officer", 2);
  const s = await browser.signInByForm(user);
  const page = await browser.get(s, "/account/wachtwoord");
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
  const post = (candidate: string) =>
    browser.post(
      s,
      "/account/wachtwoord",
      [
        ["currentPassword", user.password],
        ["newPassword", candidate],
        ["repeatPassword", candidate],
      ],
      csrf,
    );
  const weak = await post("qwertyuiopas");
  assert.equal(weak.statusCode, 422);
  assert.match(weak.body, /te makkelijk te raden/);
  assert.doesNotMatch(weak.body, /password_weak|zxcvbn/);
  const same = await post(user.password);
  assert.equal(same.statusCode, 422);
  assert.match(same.body, /gelijk aan het huidige/);
  assert.doesNotMatch(same.body, /password_reused/);
});
