import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { DemoRegion } from "../../demo/demo-region.ts";
import type { App } from "../../platform/context.ts";
import type { TestContext } from "../../testing/context.ts";
import { createDemoApp, type DemoApp } from "../../testing/demo-app.ts";
import { bearer, signIn } from "../../testing/http.ts";

let ctx: TestContext;
let app: App;
let demo: DemoRegion;

let fixture: DemoApp;
before(async () => {
  fixture = await createDemoApp({ today: "2026-06-01" });
  ({ ctx, app, demo } = fixture);
});
after(() => fixture?.close());

test("the access review lists every account and key per organisation and flags 90 days unused", async () => {
  const orgA = demo.organisations[0]!;
  const officer = demo.users.find((u) => u.role === "officer" && u.organisationId === orgA.id)!;
  ctx.clock.set("2026-09-10");
  await signIn(app, ctx.clock, officer);
  ctx.clock.set("2026-09-15");

  const res = await app.inject({
    method: "GET",
    url: "/api/v1/oversight/access-review",
    headers: bearer(demo.auditor.apiKey),
  });
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json();
  assert.equal(report.unusedAfterDays, 90);
  const a = report.organisations.find((o: { id: string }) => o.id === orgA.id);
  const byEmail = (email: string) => a.users.find((u: { email: string }) => u.email === email);
  assert.equal(byEmail(officer.email).unused, false, "signed in five days ago");
  assert.equal(byEmail(officer.email).mfaEnrolled, true);
  const querier = demo.users.find((u) => u.role === "querier" && u.organisationId === orgA.id)!;
  assert.equal(byEmail(querier.email).unused, true, "never used since 1 June");
  assert.deepEqual(
    a.apiKeys.map((k: { role: string; unused: boolean }) => `${k.role}:${k.unused}`).sort(),
    ["officer:true", "querier:true"],
  );
  const auditorOrg = report.organisations.find(
    (o: { id: string }) => o.id === demo.auditor.organisationId,
  );
  assert.equal(auditorOrg.apiKeys[0].unused, false, "the auditor's key was used just now");

  const querierKey = await app.inject({
    method: "GET",
    url: "/api/v1/oversight/access-review",
    headers: bearer(orgA.apiKeys.querier),
  });
  assert.equal(querierKey.statusCode, 403);
  const viewed = await ctx.database.query(
    "SELECT 1 FROM audit_event WHERE action = 'oversight.access_review_viewed'",
  );
  assert.equal(viewed.length, 1, "looking at the review is itself logged");
});
