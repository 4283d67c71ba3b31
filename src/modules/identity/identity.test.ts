/**
 * Identity through the HTTP API: sign-in with a mandatory second factor, enrolment, recovery
 * codes, the password policy, brute-force limits, sessions (idle/absolute lifetime, sign-out,
 * revocation), CSRF, the session cookie, API keys, mass assignment, client addresses behind
 * proxies, the audit trail and the officer cap of keurmerk-2013.
 */

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import { type DemoRegion, seedDemoRegion } from "../../demo/demo-region.ts";
import type { Role } from "../../platform/auth/roles.ts";
import { totpCodeAt } from "../../platform/auth/totp.ts";
import type { App } from "../../platform/context.ts";
import { addDays } from "../../platform/werkdagen.ts";
import { createTestContext, type TestContext } from "../../testing/context.ts";
import { createDemoApp, type DemoApp, demoKeys } from "../../testing/demo-app.ts";
import {
  apiRequest,
  assertRefused,
  bearer,
  errorCode,
  issueApiKeyThroughApi,
  sessionCookieOf,
  sessionHeadersOf,
  signIn,
} from "../../testing/http.ts";
import { SESSION_COOKIE } from "./service.ts";

const TODAY = "2026-06-01";
type Headers = Record<string, string>;
type DemoUser = DemoRegion["users"][number];

let ctx: TestContext;
let app: App;
let demo: DemoRegion;
let admin: Headers;
let orgA: string;
let orgB: string;
let orgC: string;
/** Every password and e-mail address this file types: none may reach the audit log. */
const secretsTyped = new Set<string>();

async function call(
  method: string,
  url: string,
  headers: Headers = {},
  payload?: object,
  on = app,
) {
  return apiRequest(on, method, url, headers, payload);
}

/** Step 1 of signing in; returns the response and the half-signed-in session's headers. */
async function passwordStep(email: string, password: string, extra: Headers = {}, on = app) {
  secretsTyped.add(email);
  secretsTyped.add(password);
  const res = await call("POST", "/api/v1/auth/sign-in", extra, { email, password }, on);
  const headers: Headers = res.statusCode === 200 ? sessionHeadersOf(res) : {};
  return { res, headers };
}

function demoUser(role: Role, organisationId?: string): DemoUser {
  const u = demo.users.find(
    (x) => x.role === role && (organisationId === undefined || x.organisationId === organisationId),
  );
  assert.ok(u, `demo user ${role}`);
  secretsTyped.add(u.email);
  secretsTyped.add(u.password);
  return u;
}

async function me(headers: Headers) {
  return call("GET", "/api/v1/auth/me", headers);
}

async function userIdOf(email: string): Promise<string> {
  const res = await call("GET", "/api/v1/users", admin);
  const found = (res.json().items as { id: string; email: string }[]).find(
    (u) => u.email === email,
  );
  assert.ok(found, `user ${email}`);
  return found.id;
}

async function createUser(email: string, roles: Role[], organisationId = orgA) {
  secretsTyped.add(email);
  const res = await call("POST", "/api/v1/users", admin, {
    organisationId,
    email,
    displayName: "Test Persoon",
    roles,
  });
  assert.equal(res.statusCode, 201, res.body);
  secretsTyped.add(res.json().activationPassword);
  return {
    id: res.json().user.id as string,
    activationPassword: res.json().activationPassword as string,
  };
}

/** A code of another time step than any the server would accept now. */
function wrongCodeFor(secret: string): string {
  const now = ctx.clock.now().getTime();
  const valid = new Set([-30_000, 0, 30_000].map((d) => totpCodeAt(secret, new Date(now + d))));
  for (let i = 0; ; i++) {
    const candidate = String((123456 + i * 7919) % 1_000_000).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}

async function auditOf(action: string) {
  return ctx.database.query<{
    action: string;
    outcome: string;
    actor_id: string | null;
    object_id: string | null;
    client_address: string | null;
    details: Record<string, unknown> | null;
  }>("SELECT * FROM audit_event WHERE action = $1 ORDER BY seq", [action]);
}

async function failuresOf(subject: string): Promise<number> {
  const [row] = await ctx.database.query<{ n: number | string }>(
    "SELECT count(*) AS n FROM sign_in_failure WHERE subject = $1",
    [subject],
  );
  return Number(row?.n ?? 0);
}

let fixture: DemoApp;
before(async () => {
  fixture = await createDemoApp({ today: TODAY });
  ({ ctx, app, demo } = fixture);
  ({ admin } = demoKeys(demo));
  orgA = demo.organisations[0]!.id;
  orgB = demo.organisations[1]!.id;
  orgC = demo.organisations[2]!.id;
});
after(() => fixture?.close());

describe("signing in needs the second factor", () => {
  test("after the password alone there is no session: /auth/me answers 401", async () => {
    const u = demoUser("officer", orgB);
    const { res, headers } = await passwordStep(u.email, u.password);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, "mfa_required");
    const who = await me(headers);
    assert.equal(who.statusCode, 401);
    const orgs = await call("GET", "/api/v1/organisations", headers);
    assert.equal(orgs.statusCode, 401);
  });

  test("a wrong password and an unknown e-mail get the same 401 invalid_credentials", async () => {
    const u = demoUser("auditor");
    const wrong = await passwordStep(u.email, "not-the-password-at-all");
    const unknown = await passwordStep("nobody-here@nowhere.example", "not-the-password-at-all");
    for (const r of [wrong.res, unknown.res]) {
      assert.equal(r.statusCode, 401);
      assert.equal(errorCode(r), "invalid_credentials");
      assert.equal(r.headers["set-cookie"], undefined, "no session cookie");
    }
    assert.equal(wrong.res.json().error.message, unknown.res.json().error.message);
    assert.deepEqual(Object.keys(wrong.res.json().error), Object.keys(unknown.res.json().error));
  });

  test("a TOTP code is accepted once: the same code again (same time) and a wrong code are refused", async () => {
    const u = demoUser("officer", orgB);
    ctx.clock.advance(31_000);
    const first = await passwordStep(u.email, u.password);
    const code = totpCodeAt(u.totpSecret, ctx.clock.now());
    const ok = await call("POST", "/api/v1/auth/mfa", first.headers, { code });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, "signed_in");
    const session = sessionHeadersOf(ok);
    assert.equal((await me(session)).statusCode, 200);
    // The half-signed-in session is replaced (new session id after the second factor).
    const oldAgain = await call("POST", "/api/v1/auth/mfa", first.headers, { code });
    assert.equal(oldAgain.statusCode, 401);

    const second = await passwordStep(u.email, u.password);
    const replay = await call("POST", "/api/v1/auth/mfa", second.headers, { code });
    assert.equal(replay.statusCode, 401, "replayed code");
    assert.equal(errorCode(replay), "invalid_code");
    const wrong = await call("POST", "/api/v1/auth/mfa", second.headers, {
      code: wrongCodeFor(u.totpSecret),
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(errorCode(wrong), "invalid_code");
    assert.equal((await me(second.headers)).statusCode, 401, "still not signed in");
  });
});

describe("a new account: enrolment, password change, recovery codes", () => {
  const email = "nieuwe.functionaris@de-linde.example";
  const newPassword = "paarse olifant danst traag op de dijk";
  let created: { id: string; activationPassword: string };
  let secret: string;
  let recoveryCodes: string[];
  let session: Headers;

  test("created by the admin with a one-time password; the first sign-in asks for enrolment", async () => {
    created = await createUser(email, ["officer"]);
    assert.ok(created.activationPassword.length >= 12);
    const { res, headers } = await passwordStep(email, created.activationPassword);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, "mfa_enrolment_required");
    assert.equal((await me(headers)).statusCode, 401, "no session before the second factor");
    const start = await call("POST", "/api/v1/auth/mfa/enrolment", headers);
    assert.equal(start.statusCode, 200, start.body);
    secret = start.json().secret;
    assert.match(start.json().otpauthUri, /^otpauth:\/\/totp\//);
    assert.match(start.json().qrSvg, /<svg/);
    const bad = await call("POST", "/api/v1/auth/mfa/enrolment/confirm", headers, {
      code: wrongCodeFor(secret),
    });
    assert.equal(bad.statusCode, 401);
    const done = await call("POST", "/api/v1/auth/mfa/enrolment/confirm", headers, {
      code: totpCodeAt(secret, ctx.clock.now()),
    });
    assert.equal(done.statusCode, 200, done.body);
    recoveryCodes = done.json().recoveryCodes;
    assert.equal(recoveryCodes.length, 10);
    assert.equal(new Set(recoveryCodes).size, 10);
    session = sessionHeadersOf(done);
    const who = await me(session);
    assert.equal(who.statusCode, 200);
    assert.equal(who.json().mustChangePassword, true);
  });

  test("until the password is changed every other route answers 403 password_change_required", async () => {
    for (const [method, url] of [
      ["GET", "/api/v1/organisations"],
      ["GET", `/api/v1/organisations/${orgA}`],
      ["GET", "/api/v1/registrations"],
    ] as const) {
      const res = await call(method, url, session);
      assert.equal(res.statusCode, 403, `${url}: ${res.body}`);
      assert.equal(errorCode(res), "password_change_required");
    }
  });

  test("the password policy: too short and common passwords are refused with their code", async () => {
    for (const [candidate, code] of [
      ["kort-wachtw", "password_too_short"], // 11 characters
      ["Password123!", "password_common"], // a listed password with decoration
      ["qwertyuiop123", "password_common"],
      ["Test Persoon is mijn naam", "password_contains_identity"],
    ] as const) {
      secretsTyped.add(candidate);
      const res = await call("POST", "/api/v1/auth/password", session, {
        currentPassword: created.activationPassword,
        newPassword: candidate,
      });
      assert.equal(res.statusCode, 400, `${candidate}: ${res.body}`);
      assert.equal(errorCode(res), code, candidate);
    }
    const wrongCurrent = await call("POST", "/api/v1/auth/password", session, {
      currentPassword: "not the current password",
      newPassword,
    });
    assert.equal(wrongCurrent.statusCode, 403);
    assert.equal(errorCode(wrongCurrent), "invalid_credentials");
  });

  test("a good password is accepted; then the declaration comes first; then the work", async () => {
    secretsTyped.add(newPassword);
    const res = await call("POST", "/api/v1/auth/password", session, {
      currentPassword: created.activationPassword,
      newPassword,
    });
    assert.equal(res.statusCode, 204, res.body);
    const before = await call("GET", "/api/v1/organisations", session);
    assert.equal(before.statusCode, 403);
    assert.equal(errorCode(before), "declaration_required");
    const accept = await call("POST", "/api/v1/auth/declaration", session, { accept: true });
    assert.equal(accept.statusCode, 204, accept.body);
    const now = await call("GET", "/api/v1/organisations", session);
    assert.equal(now.statusCode, 200, now.body);
    // The one-time password no longer works.
    const old = await passwordStep(email, created.activationPassword);
    assert.equal(old.res.statusCode, 401);
  });

  test("sign out; sign in again with a recovery code, which works only once", async () => {
    const out = await call("POST", "/api/v1/auth/sign-out", session);
    assert.equal(out.statusCode, 204);
    assert.equal((await me(session)).statusCode, 401);

    const again = await passwordStep(email, newPassword);
    assert.equal(again.res.json().status, "mfa_required");
    const ok = await call("POST", "/api/v1/auth/mfa", again.headers, {
      recoveryCode: ` ${recoveryCodes[0]!.toUpperCase()} `,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    session = sessionHeadersOf(ok);
    assert.equal((await me(session)).statusCode, 200);

    const third = await passwordStep(email, newPassword);
    const reused = await call("POST", "/api/v1/auth/mfa", third.headers, {
      recoveryCode: recoveryCodes[0],
    });
    assert.equal(reused.statusCode, 401, "a recovery code is used up");
    assert.equal(errorCode(reused), "invalid_code");
  });

  test("changing the password ends the account's other sessions", async () => {
    ctx.clock.advance(31_000);
    const other = await signIn(app, ctx.clock, {
      email,
      password: newPassword,
      totpSecret: secret,
    });
    assert.equal((await me(session)).statusCode, 200);
    assert.equal((await me(other.headers)).statusCode, 200);
    const changed = "zeven zeilboten op het ijsselmeer";
    secretsTyped.add(changed);
    const res = await call("POST", "/api/v1/auth/password", other.headers, {
      currentPassword: newPassword,
      newPassword: changed,
    });
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await me(session)).statusCode, 401, "the other session is revoked");
    assert.equal((await me(other.headers)).statusCode, 200, "the session that changed it stays");
    assert.equal((await passwordStep(email, newPassword)).res.statusCode, 401);
    assert.equal((await passwordStep(email, changed)).res.statusCode, 200);
  });
});

describe("sessions", () => {
  test("the cookie is __Host-, Path=/, HttpOnly, Secure, SameSite=Lax, without Domain", async () => {
    const u = demoUser("officer", orgA);
    const { res } = await passwordStep(u.email, u.password);
    ctx.clock.advance(31_000);
    const cookiePre = sessionCookieOf(res.headers["set-cookie"]);
    const mfa = await call(
      "POST",
      "/api/v1/auth/mfa",
      { cookie: cookiePre, "x-csrf-token": res.json().csrfToken },
      { code: totpCodeAt(u.totpSecret, ctx.clock.now()) },
    );
    assert.equal(mfa.statusCode, 200, mfa.body);
    for (const r of [res, mfa]) {
      const raw = [r.headers["set-cookie"]].flat().find((c) => c?.startsWith(`${SESSION_COOKIE}=`));
      assert.ok(raw, "a session cookie is set");
      assert.ok(SESSION_COOKIE.startsWith("__Host-"));
      const attributes = raw
        .split(";")
        .slice(1)
        .map((a) => a.trim().toLowerCase());
      assert.ok(attributes.includes("path=/"), raw);
      assert.ok(attributes.includes("httponly"), raw);
      assert.ok(attributes.includes("secure"), raw);
      assert.ok(attributes.includes("samesite=lax"), raw);
      assert.ok(!attributes.some((a) => a.startsWith("domain=")), raw);
    }
  });

  test("idle timeout: 30 minutes without a request ends the session", async () => {
    const s = await signIn(app, ctx.clock, demoUser("officer", orgA));
    ctx.clock.advance(29 * 60_000);
    assert.equal((await me(s.headers)).statusCode, 200);
    ctx.clock.advance(29 * 60_000);
    assert.equal((await me(s.headers)).statusCode, 200, "each request restarts the idle time");
    ctx.clock.advance(31 * 60_000);
    assert.equal((await me(s.headers)).statusCode, 401);
  });

  test("absolute lifetime: 12 hours, however active", async () => {
    const s = await signIn(app, ctx.clock, demoUser("officer", orgA));
    const start = ctx.clock.now().getTime();
    const end = start + 12 * 3600_000;
    while (ctx.clock.now().getTime() + 25 * 60_000 < end) {
      ctx.clock.advance(25 * 60_000);
      assert.equal((await me(s.headers)).statusCode, 200);
    }
    ctx.clock.set(new Date(end + 60_000));
    assert.equal((await me(s.headers)).statusCode, 401);
  });

  test("sign-out ends the session (and needs the CSRF token)", async () => {
    const s = await signIn(app, ctx.clock, demoUser("officer", orgA));
    const noToken = await call("POST", "/api/v1/auth/sign-out", { cookie: s.cookie });
    assert.equal(noToken.statusCode, 403);
    assert.equal(errorCode(noToken), "csrf_failed");
    assert.equal((await me(s.headers)).statusCode, 200);
    const out = await call("POST", "/api/v1/auth/sign-out", s.headers);
    assert.equal(out.statusCode, 204);
    assert.match(String(out.headers["set-cookie"]), new RegExp(`${SESSION_COOKIE}=;`));
    assert.equal((await me(s.headers)).statusCode, 401);
  });

  test("CSRF: a state-changing request with the cookie but without or with a wrong token is 403", async () => {
    const s = await signIn(app, ctx.clock, demoUser("officer", orgA));
    const forged: Headers[] = [
      { cookie: s.cookie },
      { cookie: s.cookie, "x-csrf-token": "forged" },
    ];
    for (const headers of forged) {
      const res = await call("POST", "/api/v1/auth/declaration", headers, { accept: true });
      assert.equal(res.statusCode, 403);
      assert.equal(errorCode(res), "csrf_failed");
    }
    assert.equal((await me({ cookie: s.cookie })).statusCode, 200, "reading needs no token");
    const ok = await call("POST", "/api/v1/auth/declaration", s.headers, { accept: true });
    assert.equal(ok.statusCode, 204, ok.body);
    // API keys need no CSRF token: browsers never send them by themselves.
    await issueApiKeyThroughApi(app, admin, {
      organisationId: orgA,
      role: "querier",
      label: "CSRF-free key",
    });
  });

  test("a role change (PATCH roles only) answers 200 and ends the user's sessions", async () => {
    const u = demoUser("officer", orgC);
    const s = await signIn(app, ctx.clock, u);
    const id = await userIdOf(u.email);
    const res = await call("PATCH", `/api/v1/users/${id}`, admin, {
      roles: ["officer", "querier"],
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await me(s.headers)).statusCode, 401);
  });

  test("a role change by the admin ends the user's sessions; the new roles apply at once", async () => {
    const u = demoUser("officer", orgC);
    const s = await signIn(app, ctx.clock, u);
    assert.equal((await me(s.headers)).statusCode, 200);
    const id = await userIdOf(u.email);
    const res = await call("PATCH", `/api/v1/users/${id}`, admin, {
      displayName: "Demo officer (and querier)",
      roles: ["officer", "querier"],
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([...res.json().roles].sort(), ["officer", "querier"]);
    assert.equal((await me(s.headers)).statusCode, 401, "the old session is revoked");
    const again = await signIn(app, ctx.clock, u);
    assert.deepEqual([...(await me(again.headers)).json().roles].sort(), ["officer", "querier"]);
  });

  test("disabling an account ends its sessions and refuses its sign-in", async () => {
    const { id, activationPassword } = await createUser("wordt.uitgezet@de-linde.example", [
      "querier",
    ]);
    const pre = await passwordStep("wordt.uitgezet@de-linde.example", activationPassword);
    assert.equal(pre.res.statusCode, 200);
    const res = await call("PATCH", `/api/v1/users/${id}`, admin, { status: "disabled" });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, "disabled");
    const refused = await passwordStep("wordt.uitgezet@de-linde.example", activationPassword);
    assert.equal(refused.res.statusCode, 401);
    assert.equal(errorCode(refused.res), "invalid_credentials");
    const enrol = await call("POST", "/api/v1/auth/mfa/enrolment", pre.headers);
    assert.equal(enrol.statusCode, 401, "the half-signed-in session is gone too");
  });
});

describe("brute-force limits", () => {
  test("repeated failures from one address: a growing delay (429 with Retry-After), never a lock", async () => {
    const u = demoUser("querier", orgA);
    // The first five failures are free; the sixth one still gets through.
    for (let i = 1; i <= 6; i++) {
      const { res } = await passwordStep(u.email, `wrong password number ${i}`);
      assert.equal(res.statusCode, 401, `attempt ${i}`);
      assert.equal(errorCode(res), "invalid_credentials");
    }
    const delayed = await passwordStep(u.email, "wrong password number 7");
    assert.equal(delayed.res.statusCode, 429);
    assert.equal(errorCode(delayed.res), "sign_in_delayed");
    const firstDelay = delayed.res.json().error.details.retryAfterSeconds as number;
    assert.ok(firstDelay >= 1, `retry after ${firstDelay}`);
    // Inside the delay even the right password is refused, without being checked.
    assert.equal((await passwordStep(u.email, u.password)).res.statusCode, 429);

    ctx.clock.advance(firstDelay * 1000);
    const seventh = await passwordStep(u.email, "wrong password number 7");
    assert.equal(seventh.res.statusCode, 401, "after the delay the attempt is checked again");
    const delayedAgain = await passwordStep(u.email, "wrong password number 8");
    assert.equal(delayedAgain.res.statusCode, 429);
    const secondDelay = delayedAgain.res.json().error.details.retryAfterSeconds as number;
    assert.ok(secondDelay > firstDelay, `the delay grows: ${firstDelay}s → ${secondDelay}s`);

    assert.equal(delayedAgain.res.headers["retry-after"], String(secondDelay));
    // Never a lock: after the delay the right password gets through (F8, sign-in-limits.test.ts).
    ctx.clock.advance(secondDelay * 1000);
    const open = await passwordStep(u.email, u.password);
    assert.equal(open.res.statusCode, 200, open.res.body);
    assert.equal(open.res.json().status, "mfa_required");
  });
});

describe("API keys", () => {
  test("shown once, listed by prefix only, works, and stops working when revoked", async () => {
    const issued = await issueApiKeyThroughApi(app, admin, {
      organisationId: orgB,
      role: "querier",
      label: "Woningzoekendensysteem",
    });
    const { key, prefix, id } = issued;
    assert.match(key, /^ws_live_[a-z0-9]{8}_/);
    assert.ok(key.startsWith(`${prefix}_`));

    for (const url of ["/api/v1/api-keys", `/api/v1/api-keys?organisationId=${orgB}`]) {
      const list = await call("GET", url, admin);
      assert.equal(list.statusCode, 200);
      const row = (list.json().items as Record<string, unknown>[]).find((k) => k.id === id);
      assert.ok(row);
      assert.equal(row.prefix, prefix);
      assert.ok(!("key" in row) && !("keyHash" in row));
      assert.ok(!list.body.includes(key.slice(prefix.length + 1)), "the secret is never listed");
    }

    const who = await me(bearer(key));
    assert.equal(who.statusCode, 200, who.body);
    assert.equal(who.json().kind, "api_key");
    assert.equal(who.json().organisation.id, orgB);

    const revoked = await call("DELETE", `/api/v1/api-keys/${id}`, admin);
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.ok(revoked.json().revokedAt);
    const after = await me(bearer(key));
    assert.equal(after.statusCode, 401);
    assert.equal(errorCode(after), "invalid_api_key");
  });

  test("a consortium-wide role cannot be granted to a participant's key or account", async () => {
    const key = await call("POST", "/api/v1/api-keys", admin, {
      organisationId: orgA,
      role: "consortium_admin",
      label: "Escalation",
    });
    let seesOther: number | undefined;
    if (key.statusCode === 201) {
      // Revoked again before any assertion, so the rest of the file runs without it.
      const k = bearer(key.json().key);
      seesOther = (await call("GET", `/api/v1/organisations/${orgB}`, k)).statusCode;
      await call("DELETE", `/api/v1/api-keys/${key.json().id}`, admin);
    }
    const user = await call("POST", "/api/v1/users", admin, {
      organisationId: orgA,
      email: "geen.auditor@de-linde.example",
      displayName: "Geen Auditor",
      roles: ["auditor"],
    });
    if (user.statusCode === 201) {
      await call("PATCH", `/api/v1/users/${user.json().user.id}`, admin, { status: "disabled" });
    }
    assert.notEqual(seesOther, 200, "a participant's key saw another participant");
    assert.ok([400, 422].includes(key.statusCode), `${key.statusCode} ${key.body}`);
    assert.ok([400, 422].includes(user.statusCode), `${user.statusCode} ${user.body}`);
  });

  test("malformed or unknown Bearer keys answer 401", async () => {
    const real = demo.organisations[0]!.apiKeys.querier;
    const tampered = `${real.slice(0, -1)}${real.endsWith("A") ? "B" : "A"}`;
    for (const authorization of [
      "Bearer not-a-key",
      "Bearer ",
      "Bearer",
      `Bearer ${tampered}`,
      `Bearer ${real} extra`,
      "Basic dXNlcjpwYXNz",
      `Bearer ws_live_abcdefgh_${"x".repeat(43)}`,
    ]) {
      const res = await me({ authorization });
      assert.equal(res.statusCode, 401, authorization);
    }
    assert.equal((await me(bearer(real))).statusCode, 200);
  });

  test("an expiry date must lie ahead; an expired key answers 401", async () => {
    const today = ctx.clock.today();
    const past = await call("POST", "/api/v1/api-keys", admin, {
      organisationId: orgA,
      role: "querier",
      label: "Already expired",
      expiresOn: today,
    });
    assert.equal(past.statusCode, 400);
    assert.equal(errorCode(past), "expiry_in_past");
    const issued = await issueApiKeyThroughApi(app, admin, {
      organisationId: orgA,
      role: "querier",
      label: "Short-lived",
      expiresOn: addDays(today, 1),
    });
    const key = issued.key;
    assert.equal((await me(bearer(key))).statusCode, 200);
    ctx.clock.set(addDays(today, 2));
    assert.equal((await me(bearer(key))).statusCode, 401);
  });
});

describe("mass assignment: unknown fields are refused", () => {
  test("PATCH /users/:id with organisationId → 400 unknown_field; the organisation is unchanged", async () => {
    const { id } = await createUser("blijft.bij.de.linde@de-linde.example", ["querier"]);
    const res = await call("PATCH", `/api/v1/users/${id}`, admin, {
      displayName: "Verhuisd?",
      organisationId: orgB,
    });
    assert.equal(res.statusCode, 400);
    assert.equal(errorCode(res), "unknown_field");
    const list = await call("GET", `/api/v1/users?organisationId=${orgA}`, admin);
    const user = (
      list.json().items as { id: string; organisationId: string; displayName: string }[]
    ).find((u) => u.id === id);
    assert.ok(user);
    assert.equal(user.organisationId, orgA);
    assert.equal(user.displayName, "Test Persoon");
  });

  test("PATCH /organisations/:id with status or id → 400", async () => {
    for (const payload of [
      { status: "active" },
      { id: randomUUID() },
      { name: "Nieuw", status: "withdrawn" },
    ]) {
      const res = await call("PATCH", `/api/v1/organisations/${orgA}`, admin, payload);
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      assert.equal(errorCode(res), "unknown_field");
    }
    const org = await call("GET", `/api/v1/organisations/${orgA}`, admin);
    assert.equal(org.json().status, "active");
    assert.equal(org.json().name, demo.organisations[0]!.name);
  });

  test("a role listed twice does not crash account creation", async () => {
    const res = await call("POST", "/api/v1/users", admin, {
      organisationId: orgA,
      email: "dubbel@de-linde.example",
      displayName: "Dubbele Rol",
      roles: ["querier", "querier"],
    });
    assert.ok(res.statusCode === 400 || res.statusCode === 201, `${res.statusCode} ${res.body}`);
  });
});

describe("client address and X-Forwarded-For", () => {
  test("without TRUST_PROXY a forwarded address is ignored: audit and limits use the socket address", async () => {
    const u = demoUser("querier", orgB);
    const localSubject = await ctx.keyring.blindIndex("sign_in_address", "127.0.0.1");
    const spoofSubject = await ctx.keyring.blindIndex("sign_in_address", "203.0.113.9");
    const localBefore = await failuresOf(localSubject);
    const { res } = await passwordStep(u.email, "a wrong password", {
      "x-forwarded-for": "203.0.113.9",
    });
    assert.equal(res.statusCode, 401);
    const [event] = await ctx.database.query<{ client_address: string | null }>(
      "SELECT client_address FROM audit_event WHERE request_id = $1",
      [res.headers["x-request-id"]],
    );
    assert.equal(event?.client_address, "127.0.0.1");
    assert.equal(await failuresOf(localSubject), localBefore + 1);
    assert.equal(await failuresOf(spoofSubject), 0);
    // Changing the forwarded address does not escape the delay either.
    for (let i = 10; i < 15; i++) {
      const r = await passwordStep(u.email, "a wrong password", {
        "x-forwarded-for": `203.0.113.${i}`,
      });
      assert.equal(r.res.statusCode, 401);
    }
    const delayed = await passwordStep(u.email, "a wrong password", {
      "x-forwarded-for": "203.0.113.99",
    });
    assert.equal(delayed.res.statusCode, 429);
    assert.equal(errorCode(delayed.res), "sign_in_delayed");
  });

  test("with TRUST_PROXY=127.0.0.1 the forwarded address is the client address", async () => {
    const trusted = await buildApp(
      { ...ctx, config: loadConfig({ NODE_ENV: "test", TRUST_PROXY: "127.0.0.1" }) },
      ctx.services,
    );
    try {
      const u = demoUser("querier", orgC);
      const { res } = await passwordStep(
        u.email,
        "a wrong password",
        { "x-forwarded-for": "203.0.113.9" },
        trusted,
      );
      assert.equal(res.statusCode, 401);
      const [event] = await ctx.database.query<{ client_address: string | null }>(
        "SELECT client_address FROM audit_event WHERE request_id = $1",
        [res.headers["x-request-id"]],
      );
      assert.equal(event?.client_address, "203.0.113.9");
      const forwarded = await ctx.keyring.blindIndex("sign_in_address", "203.0.113.9");
      assert.equal(await failuresOf(forwarded), 1);
      // The delay is per account and address: one address is slowed, another is not.
      for (let i = 0; i < 6; i++) {
        await passwordStep(
          u.email,
          "a wrong password",
          { "x-forwarded-for": "203.0.113.50" },
          trusted,
        );
      }
      const slowed = await passwordStep(
        u.email,
        "a wrong password",
        { "x-forwarded-for": "203.0.113.50" },
        trusted,
      );
      assert.equal(slowed.res.statusCode, 429);
      const elsewhere = await passwordStep(
        u.email,
        u.password,
        { "x-forwarded-for": "203.0.113.51" },
        trusted,
      );
      assert.equal(elsewhere.res.statusCode, 200, elsewhere.res.body);
      // A request that does not come from the trusted proxy keeps its own address.
      const direct = await trusted.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        remoteAddress: "198.51.100.7",
        headers: { "x-forwarded-for": "203.0.113.9" },
        payload: { email: u.email, password: "a wrong password" },
      });
      const [directEvent] = await ctx.database.query<{ client_address: string | null }>(
        "SELECT client_address FROM audit_event WHERE request_id = $1",
        [direct.headers["x-request-id"]],
      );
      assert.equal(directEvent?.client_address, "198.51.100.7");
    } finally {
      await trusted.close();
    }
  });
});

describe("the audit trail", () => {
  test("sign-in, failed sign-in, role change, key issue and revocation are recorded", async () => {
    const signIns = await auditOf("auth.sign_in");
    assert.ok(signIns.some((e) => e.outcome === "success"));
    const refused = signIns.filter((e) => e.outcome === "refused");
    assert.ok(refused.some((e) => e.details?.reason === "wrong_password"));
    assert.ok(refused.some((e) => e.details?.reason === "unknown_account"));
    assert.ok((await auditOf("auth.password_verified")).length > 0);
    const roleChanges = await auditOf("user.roles_changed");
    assert.ok(roleChanges.length >= 1);
    assert.deepEqual([...(roleChanges.at(-1)!.details!.roles as string[])].sort(), [
      "officer",
      "querier",
    ]);
    const issued = await auditOf("api_key.issued");
    const revoked = await auditOf("api_key.revoked");
    assert.ok(issued.length > 0 && revoked.length > 0);
    assert.ok(issued.some((e) => e.object_id === revoked.at(-1)!.object_id));
    assert.ok((await auditOf("auth.password_changed")).length >= 2);
    assert.ok((await auditOf("auth.mfa_enrolled")).length >= 1);
  });

  test("no e-mail address or password anywhere in the audit log", async () => {
    const rows = await ctx.database.query("SELECT * FROM audit_event");
    assert.ok(rows.length > 20);
    const text = JSON.stringify(rows);
    for (const secret of secretsTyped) {
      assert.ok(!text.includes(secret), `the audit log holds ${JSON.stringify(secret)}`);
    }
    assert.doesNotMatch(text, /[\w.+-]+@[\w-]+\.[\w.]+/, "no e-mail address");
  });
});

describe("the officer cap of keurmerk-2013 (001: at most two officers per participant)", () => {
  let k: TestContext;
  let kapp: App;
  let kadmin: Headers;
  let participant: string;
  const newUser = (email: string, roles: Role[]) =>
    call(
      "POST",
      "/api/v1/users",
      kadmin,
      { organisationId: participant, email, displayName: "Keurmerk Persoon", roles },
      kapp,
    );

  before(async () => {
    k = await createTestContext({ today: TODAY });
    const kdemo = (await seedDemoRegion(k.services, "keurmerk-2013")).demo;
    kapp = await buildApp(k, k.services);
    kadmin = bearer(kdemo.consortiumAdmin.apiKey);
    participant = kdemo.organisations[0]!.id;
  });
  after(async () => {
    await kapp?.close();
    await k?.close();
  });

  test("a second officer is fine, a third is refused with 422 officer_cap_reached citing 001", async () => {
    const second = await newUser("tweede.functionaris@verhuurder.example", ["officer"]);
    assert.equal(second.statusCode, 201, second.body);
    const third = await newUser("derde.functionaris@verhuurder.example", ["officer"]);
    assert.equal(third.statusCode, 422, third.body);
    const error = third.json().error;
    assert.equal(error.code, "officer_cap_reached");
    assert.match(error.details.source, /001/);
    assert.equal(error.details.max, 2);
    const querier = await newUser("bevrager2@verhuurder.example", ["querier"]);
    assert.equal(querier.statusCode, 201, "other roles are not capped");
    const promote = await call(
      "PATCH",
      `/api/v1/users/${querier.json().user.id}`,
      kadmin,
      { displayName: "Keurmerk Persoon", roles: ["querier", "officer"] },
      kapp,
    );
    assertRefused(promote, 422, "officer_cap_reached");
  });

  test("re-enabling a disabled officer cannot exceed the cap", async () => {
    const list = await call(
      "GET",
      `/api/v1/users?organisationId=${participant}`,
      kadmin,
      undefined,
      kapp,
    );
    const officers = (
      list.json().items as { id: string; roles: string[]; status: string }[]
    ).filter((u) => u.roles.includes("officer") && u.status === "active");
    assert.equal(officers.length, 2);
    const setStatus = (status: "active" | "disabled") =>
      call("PATCH", `/api/v1/users/${officers[1]!.id}`, kadmin, { status }, kapp);
    const disabled = await setStatus("disabled");
    assert.equal(disabled.statusCode, 200, disabled.body);
    const replacement = await newUser("vervanger@verhuurder.example", ["officer"]);
    assert.equal(replacement.statusCode, 201, replacement.body);
    const back = await setStatus("active");
    assert.equal(back.statusCode, 422, `re-enabled a third officer: ${back.body}`);
  });
});
