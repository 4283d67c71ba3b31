/**
 * F8 (issue 22): no lockout denial of service. Somebody else's failures slow sign-in down for a
 * short while but never lock the owner out; the password with the code at once gets through;
 * the owner is told by e-mail, once per burst. Delays are answered (429 + Retry-After), never
 * slept: the tests move the injected clock.
 */

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import { totpCodeAt } from "../../platform/auth/index.ts";
import type { App } from "../../platform/context.ts";
import { createDemoApp, type DemoApp } from "../../testing/demo-app.ts";
import { errorCode } from "../../testing/http.ts";
import { demoUser, postSignInForm } from "../../testing/web.ts";
import { SIGN_IN_LIMITS } from "./constants.ts";

let fx: DemoApp;
/** The app behind a trusted proxy: X-Forwarded-For is the client address, as in the review. */
let proxied: App;

before(async () => {
  fx = await createDemoApp({ today: "2026-06-01" });
  proxied = await buildApp(
    { ...fx.ctx, config: loadConfig({ NODE_ENV: "test", TRUST_PROXY: "127.0.0.1" }) },
    fx.ctx.services,
  );
});
after(async () => {
  await proxied.close();
  await fx.close();
});

function signInFrom(address: string, body: { email: string; password: string; code?: string }) {
  return proxied.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    headers: { "x-forwarded-for": address },
    payload: body,
  });
}

/** The warning e-mails in the outbox for an account, oldest first. */
function warningsFor(userId: string): string[] {
  const outbox = fx.ctx.services.letters.outboxDir!;
  let files: string[] = [];
  try {
    files = readdirSync(outbox);
  } catch {
    return [];
  }
  return files
    .filter((f) => f.includes(`sign-in-warning-${userId}-`))
    .sort()
    .map((f) => readFileSync(path.join(outbox, f), "utf8"));
}

async function userIdOf(email: string): Promise<string> {
  const [row] = await fx.ctx.database.query<{ id: string }>(
    "SELECT id FROM app_user WHERE email = $1",
    [email],
  );
  return row!.id;
}

test("F8 110 wrong passwords from 22 addresses do not lock the owner out: the right password from a new address waits at most a minute (429 with Retry-After), and gets through at once with the code", async () => {
  const owner = demoUser(fx.demo, "officer", 0);
  const statuses = new Map<number, number>();
  // 22 addresses, 5 attempts each, one every 30 seconds (55 minutes): the review's attack.
  for (let i = 0; i < 110; i++) {
    const res = await signInFrom(`203.0.113.${1 + Math.floor(i / 5)}`, {
      email: owner.email,
      password: `wrong password ${i}`,
    });
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    assert.ok([401, 429].includes(res.statusCode), `attempt ${i}: ${res.statusCode}`);
    if (res.statusCode === 429) {
      assert.equal(errorCode(res), "sign_in_delayed");
      const wait = Number(res.headers["retry-after"]);
      assert.ok(wait >= 1 && wait <= SIGN_IN_LIMITS.accountMaxDelayMs / 1000, `wait ${wait}`);
    }
    fx.ctx.clock.advance(30_000);
  }
  // The account's delay makes most guesses wait unchecked: far fewer than 110 were tried.
  const checked = statuses.get(401) ?? 0;
  assert.ok(checked >= SIGN_IN_LIMITS.accountFreeFailures, `${checked} checked`);
  assert.ok(checked < 110 && (statuses.get(429) ?? 0) > 0, JSON.stringify([...statuses]));

  // The attacker fires again the moment the delay ends, to keep it running...
  for (let i = 0; ; i++) {
    const res = await signInFrom(`203.0.113.${100 + i}`, {
      email: owner.email,
      password: `wrong again ${i}`,
    });
    if (res.statusCode === 401) break;
    fx.ctx.clock.advance(Number(res.headers["retry-after"]) * 1000);
  }
  // ...and the owner, from an address never used, comes right after.
  const fresh = "198.51.100.7";
  let attempt = await signInFrom(fresh, { email: owner.email, password: owner.password });
  if (attempt.statusCode === 429) {
    const wait = Number(attempt.headers["retry-after"]);
    assert.ok(wait <= 60, `the owner waits at most a minute, not ${wait}s`);
    assert.equal(attempt.json().error.details.retryAfterSeconds, wait);
    // With the code, the same moment: no wait at all.
    const code = totpCodeAt(owner.totpSecret, fx.ctx.clock.now());
    const atOnce = await signInFrom(fresh, { email: owner.email, password: owner.password, code });
    assert.equal(atOnce.statusCode, 200, atOnce.body);
    assert.equal(atOnce.json().status, "signed_in");
    const me = await proxied.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { cookie: String(atOnce.headers["set-cookie"]).split(";")[0]! },
    });
    assert.equal(me.statusCode, 200, "a full session, no second step");
    fx.ctx.clock.advance(wait * 1000);
    attempt = await signInFrom(fresh, { email: owner.email, password: owner.password });
  } else {
    assert.fail("the attack should leave the account's delay running");
  }
  assert.equal(attempt.statusCode, 200, attempt.body);
  assert.equal(attempt.json().status, "mfa_required");
});

test("F8 the password with a wrong code is refused as a wrong password would be, and counts as a failure", async () => {
  const user = demoUser(fx.demo, "querier", 1);
  const code = totpCodeAt(user.totpSecret, fx.ctx.clock.now());
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  const res = await signInFrom("198.51.100.20", {
    email: user.email,
    password: user.password,
    code: wrong,
  });
  assert.equal(res.statusCode, 401);
  assert.equal(errorCode(res), "invalid_credentials");
  const wrongPassword = await signInFrom("198.51.100.20", {
    email: user.email,
    password: "not the password",
    code,
  });
  assert.deepEqual(wrongPassword.json(), res.json(), "the same answer: nothing told apart");
  const events = await fx.ctx.database.query<{ details: { reason: string } }>(
    "SELECT details FROM audit_event WHERE action = 'auth.sign_in' AND outcome = 'refused' AND actor_id = $1 ORDER BY seq",
    [await userIdOf(user.email)],
  );
  assert.deepEqual(
    events.map((e) => e.details.reason),
    ["totp_invalid", "wrong_password"],
  );
});

test("F8 the owner is told by one e-mail per burst, in plain Dutch, without the addresses that tried", async () => {
  const owner = demoUser(fx.demo, "officer", 1);
  const id = await userIdOf(owner.email);
  const burst = async (from: number) => {
    for (let i = 0; i < 25; i++) {
      await signInFrom(`192.0.2.${from + (i % 5)}`, {
        email: owner.email,
        password: `guess ${from} ${i}`,
      });
      fx.ctx.clock.advance(61_000);
    }
  };
  await burst(1);
  const first = warningsFor(id);
  assert.equal(first.length, 1, "one e-mail for the whole burst");
  const mail = first[0]!;
  assert.match(mail, /To: functionaris@/);
  assert.match(mail, /Subject: =\?UTF-8\?Q\?|Subject: Woonsignaal: mislukte pogingen/);
  const body = mail.replace(/=\r?\n/g, "");
  assert.match(body, /niet geblokkeerd/);
  assert.match(body, /keer geprobeerd/);
  assert.doesNotMatch(body, /192\.0\.2\.|sign_in|invalid_credentials|failed/);
  // An hour without a warning, then a new burst: a second e-mail.
  fx.ctx.clock.advance(SIGN_IN_LIMITS.windowMs + 60_000);
  await burst(100);
  assert.equal(warningsFor(id).length, 2);
  const audited = await fx.ctx.database.query<{ outcome: string }>(
    "SELECT outcome FROM audit_event WHERE action = 'auth.failures_warned' AND object_id = $1",
    [id],
  );
  assert.deepEqual(
    audited.map((a) => a.outcome),
    ["success", "success"],
  );
});

test("F8 the sign-in page, while the account's delay runs, says how long and offers the code field, which signs in at once", async () => {
  const owner = demoUser(fx.demo, "querier", 2);
  for (let i = 0; i < SIGN_IN_LIMITS.accountFreeFailures + 2; i++) {
    await signInFrom(`203.0.113.${200 + i}`, { email: owner.email, password: `nope ${i}` });
  }
  const page = await postSignInForm(fx.app, [
    ["email", owner.email],
    ["password", owner.password],
  ]);
  assert.equal(page.statusCode, 429);
  assert.ok(Number(page.headers["retry-after"]) >= 1);
  assert.match(page.body, /Wacht \d+ seconden/);
  assert.match(page.body, /name="code"/);
  assert.doesNotMatch(page.body, /sign_in_delayed|geblokkeerd/);
  // The form again with the code: signed in, past the code page.
  const again = await postSignInForm(fx.app, [
    ["email", owner.email],
    ["password", owner.password],
    ["code", totpCodeAt(owner.totpSecret, fx.ctx.clock.now())],
  ]);
  assert.equal(again.statusCode, 303, again.body);
  assert.notEqual(again.headers.location, "/aanmelden/code");
});
