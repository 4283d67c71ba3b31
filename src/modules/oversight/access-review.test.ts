import assert from "node:assert/strict";
import { test } from "node:test";
import { useDemoApp } from "../../testing/demo-app.ts";
import { apiRequest, bearer, signIn } from "../../testing/http.ts";

const fx = useDemoApp({ today: "2026-06-01" });

test("the access review lists every account and key per organisation and flags 90 days unused", async () => {
  const orgA = fx.demo.organisations[0]!;
  const officer = fx.demo.users.find((u) => u.role === "officer" && u.organisationId === orgA.id)!;
  fx.ctx.clock.set("2026-09-10");
  await signIn(fx.app, fx.ctx.clock, officer);
  fx.ctx.clock.set("2026-09-15");

  const res = await apiRequest(
    fx.app,
    "GET",
    "/api/v1/oversight/access-review",
    bearer(fx.demo.auditor.apiKey),
  );
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json();
  assert.equal(report.unusedAfterDays, 90);
  const a = report.organisations.find((o: { id: string }) => o.id === orgA.id);
  const byEmail = (email: string) => a.users.find((u: { email: string }) => u.email === email);
  assert.equal(byEmail(officer.email).unused, false, "signed in five days ago");
  assert.equal(byEmail(officer.email).mfaEnrolled, true);
  const querier = fx.demo.users.find((u) => u.role === "querier" && u.organisationId === orgA.id)!;
  assert.equal(byEmail(querier.email).unused, true, "never used since 1 June");
  assert.deepEqual(
    a.apiKeys.map((k: { role: string; unused: boolean }) => `${k.role}:${k.unused}`).sort(),
    ["officer:true", "querier:true"],
  );
  const auditorOrg = report.organisations.find(
    (o: { id: string }) => o.id === fx.demo.auditor.organisationId,
  );
  assert.equal(auditorOrg.apiKeys[0].unused, false, "the auditor's key was used just now");

  const querierKey = await apiRequest(
    fx.app,
    "GET",
    "/api/v1/oversight/access-review",
    bearer(orgA.apiKeys.querier),
  );
  assert.equal(querierKey.statusCode, 403);
  const viewed = await fx.ctx.database.query(
    "SELECT 1 FROM audit_event WHERE action = 'oversight.access_review_viewed'",
  );
  assert.equal(viewed.length, 1, "looking at the review is itself logged");
});
