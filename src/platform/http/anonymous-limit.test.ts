import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { buildApp } from "../../app.ts";
import { seedDemoRegion } from "../../demo/demo-region.ts";
import { createTestContext } from "../../testing/context.ts";
import { type DemoApi, demoKeys } from "../../testing/demo-app.ts";
import { assertRefused, signIn } from "../../testing/http.ts";

// The F5 settings, small so that a flood is quick: 20 requests per source per minute.
const fx = {} as DemoApi;
before(async () => {
  const ctx = await createTestContext({
    today: "2026-06-01",
    env: { ANONYMOUS_RATE_LIMIT: "20", ANONYMOUS_RATE_WINDOW_SECONDS: "60" },
  });
  const demo = (await seedDemoRegion(ctx.services, "aedes-2021")).demo;
  const app = await buildApp(ctx, ctx.services);
  Object.assign(fx, { ctx, app, demo, ...demoKeys(demo) });
  fx.close = async () => {
    await app.close();
    await ctx.close();
  };
});
after(() => fx.close?.());

const FLOODER = "203.0.113.7";
const OTHER = "198.51.100.9";

const from = (remoteAddress: string, url: string, headers: Record<string, string> = {}) =>
  fx.app.inject({ method: "GET", url, remoteAddress, headers });

async function eventCount(): Promise<number> {
  const rows = await fx.ctx.database.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_event",
  );
  return rows[0]!.n;
}

async function refusalEvents() {
  return fx.ctx.database.query<{
    actor_type: string;
    client_address: string | null;
    object_id: string;
    details: { count: number; byStatus: Record<string, number>; routes: Record<string, number> };
  }>(
    "SELECT actor_type, client_address, object_id, details FROM audit_event WHERE action = 'access.refused' AND actor_type = 'public' ORDER BY seq",
  );
}

test("F5 a flood of anonymous requests from one source is limited (429, Retry-After) and audited as one counted event per minute; other sources and signed-in callers are not affected", async () => {
  const officer = fx.demo.users.find((u) => u.role === "officer")!;
  const session = await signIn(fx.app, fx.ctx.clock, officer);
  // The start of a minute: the window ends in 60 seconds.
  fx.ctx.clock.set(new Date("2026-06-01T10:00:00.000Z"));
  const eventsBefore = await eventCount();

  const statuses: number[] = [];
  let last: Awaited<ReturnType<typeof from>> | undefined;
  for (let i = 0; i < 50; i++) {
    last = await from(FLOODER, "/api/v1/registrations");
    statuses.push(last.statusCode);
  }
  assert.deepEqual(statuses.slice(0, 20), Array(20).fill(401), "the first 20 are answered");
  assert.deepEqual(statuses.slice(20), Array(30).fill(429), `then refused: ${statuses}`);
  assert.equal(last!.headers["retry-after"], "60");
  const body = last!.json();
  assert.equal(body.error.code, "rate_limited");
  assert.match(body.error.message, /Wait 60 seconds/);
  assert.deepEqual(body.error.details, { retryAfterSeconds: 60 });
  // A bad API key from the same source is limited too.
  const badKey = await from(FLOODER, "/api/v1/registrations", { authorization: "Bearer nonsense" });
  assert.equal(badKey.statusCode, 429);

  // No event per refused request while the minute runs.
  assert.equal(await eventCount(), eventsBefore, "nothing written per refusal");

  // Another source is not affected.
  const other = await from(OTHER, "/api/v1/registrations");
  assertRefused(other, 401, "unauthenticated");
  // A signed-in caller at the flooding address is not limited: API key and session.
  const withKey = await from(FLOODER, "/api/v1/registrations", fx.officerA);
  assert.equal(withKey.statusCode, 200, withKey.body);
  const withSession = await from(FLOODER, "/api/v1/auth/me", session.headers);
  assert.equal(withSession.statusCode, 200, withSession.body);
  // The public pages and the health check stay usable.
  assert.equal((await from(FLOODER, "/aanmelden")).statusCode, 200);
  assert.equal((await from(FLOODER, "/healthz")).statusCode, 200);

  // The minute ends: the next request writes one event per source, with the count.
  fx.ctx.clock.advance(60_000);
  const again = await from(FLOODER, "/api/v1/registrations");
  assert.equal(again.statusCode, 401, "a new minute, a new allowance");
  const events = await refusalEvents();
  const flooder = events.filter((e) => e.client_address === FLOODER);
  assert.equal(flooder.length, 1, "one event for the flooding source");
  assert.equal(flooder[0]!.object_id, "GET /api/v1/registrations");
  assert.equal(flooder[0]!.details.count, 51);
  assert.deepEqual(flooder[0]!.details.byStatus, { "401": 20, "429": 31 });
  assert.deepEqual(flooder[0]!.details.routes, { "GET /api/v1/registrations": 51 });
  const others = events.filter((e) => e.client_address === OTHER);
  assert.deepEqual(
    others.map((e) => e.details.count),
    [1],
  );
});
