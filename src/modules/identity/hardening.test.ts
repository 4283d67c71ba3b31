import assert from "node:assert/strict";
import { test } from "node:test";
import { useDemoApp } from "../../testing/demo-app.ts";
import { apiRequest, assertRefused, bearer, signIn } from "../../testing/http.ts";

const fx = useDemoApp({ today: "2026-06-01" });

const user = (role: string) => fx.demo.users.find((u) => u.role === role)!;

test("every request of the supplier's support staff is itself audited", async () => {
  const s = await signIn(fx.app, fx.ctx.clock, user("support"));
  const res = await apiRequest(fx.app, "GET", "/api/v1/organisations", s.headers);
  assert.equal(res.statusCode, 200);
  const events = await fx.ctx.database.query<{ object_id: string; outcome: string }>(
    "SELECT object_id, outcome FROM audit_event WHERE action = 'support.access'",
  );
  assert.deepEqual(
    events.map((e) => `${e.object_id} ${e.outcome}`),
    ["GET /api/v1/organisations success"],
  );
});

test("every refusal of access is audited, with who was refused and where", async () => {
  const querier = bearer(fx.demo.organisations[0]!.apiKeys.querier);
  const forbidden = await apiRequest(fx.app, "GET", "/api/v1/users", querier);
  assert.equal(forbidden.statusCode, 403);
  const anonymous = await apiRequest(fx.app, "GET", "/api/v1/registrations");
  assert.equal(anonymous.statusCode, 401);
  // Refusals without a signed-in caller are counted per source and written once the minute
  // has ended (F5): the next request after it writes them.
  fx.ctx.clock.advance(60_000);
  await apiRequest(fx.app, "GET", "/healthz");
  const events = await fx.ctx.database.query<{
    actor_type: string;
    object_id: string;
    details: { status?: number; count?: number; byStatus?: Record<string, number> };
  }>(
    "SELECT actor_type, object_id, details FROM audit_event WHERE action = 'access.refused' ORDER BY seq",
  );
  assert.deepEqual(
    events
      .slice(-2)
      .map(
        (e) =>
          `${e.actor_type} ${e.object_id} ${e.details.status ?? JSON.stringify(e.details.byStatus)}`,
      ),
    ["api_key GET /api/v1/users 403", 'public GET /api/v1/registrations {"401":1}'],
  );
});

test("guessing the current password on a stolen session is limited like sign-in", async () => {
  const officer = fx.demo.users.find(
    (u) => u.role === "officer" && u.organisationId === fx.demo.organisations[1]!.id,
  )!;
  const s = await signIn(fx.app, fx.ctx.clock, officer);
  const codes: number[] = [];
  for (let i = 0; i < 8; i++) {
    const res = await apiRequest(fx.app, "POST", "/api/v1/auth/password", s.headers, {
      currentPassword: `wrong-guess-${i}`,
      newPassword: "een heel lang nieuw wachtwoord",
    });
    codes.push(res.statusCode);
  }
  assert.deepEqual(codes.slice(0, 6), [403, 403, 403, 403, 403, 403]);
  assert.ok(
    codes.slice(6).every((c) => c === 429),
    `later guesses are delayed: ${codes}`,
  );
  const audited = await fx.ctx.database.query(
    "SELECT 1 FROM audit_event WHERE action = 'auth.password_change' AND outcome = 'refused'",
  );
  assert.ok(audited.length >= 6);
});

test("roles must fit the kind of organisation (003 §14.1)", async () => {
  const admin = bearer(fx.demo.consortiumAdmin.apiKey);
  const adminPost = (url: string, payload: object) =>
    apiRequest(fx.app, "POST", url, admin, payload);
  const key = await adminPost("/api/v1/api-keys", {
    organisationId: fx.demo.organisations[0]!.id,
    role: "consortium_admin",
    label: "Escalation",
  });
  assertRefused(key, 422, "role_not_allowed_for_organisation");
  const auditorInCorporation = await adminPost("/api/v1/users", {
    organisationId: fx.demo.organisations[0]!.id,
    email: "a@x.example",
    displayName: "A X",
    roles: ["auditor"],
  });
  assert.equal(auditorInCorporation.statusCode, 422);
  const twice = await adminPost("/api/v1/users", {
    organisationId: fx.demo.organisations[0]!.id,
    email: "b@x.example",
    displayName: "B X",
    roles: ["querier", "querier"],
  });
  assert.equal(twice.statusCode, 400);
});

test("a suspension takes effect at once, so a future date is refused", async () => {
  const res = await apiRequest(
    fx.app,
    "POST",
    `/api/v1/organisations/${fx.demo.organisations[2]!.id}/suspension`,
    bearer(fx.demo.consortiumAdmin.apiKey),
    { date: "2026-07-01" },
  );
  assertRefused(res, 400, "suspension_date_in_future");
});
