/**
 * Issue 20 "Done when": the demo region shows a multi-part registration, a draft awaiting
 * confirmation and a registration with evidence (003 §7, §8, §12.1, §12.2) — seeded as `npm
 * start` seeds a fresh embedded database (cli/serve.ts), then read through the API.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { useDemoApi } from "../testing/demo-app.ts";
import { apiCalls } from "../testing/http.ts";
import { seedDemoDrafts } from "./demo-drafts.ts";
import { seedDemoParts } from "./demo-parts.ts";

const fx = useDemoApi({ today: "2026-06-01", profile: "aedes-2021" });
const { ok } = apiCalls(() => fx.app);

test("003-23 003-09 003-38 the demo region shows a registration in parts with evidence, and a draft awaiting confirmation", async () => {
  // As `npm start` does on a fresh embedded database (cli/serve.ts demoOnFirstStart).
  await seedDemoParts(fx.ctx.services, fx.demo, "2026-06-01");
  await seedDemoDrafts(fx.ctx.services, fx.demo, "2026-06-01");
  const { items } = await ok("GET", "/api/v1/registrations?pageSize=200", fx.officerA);
  type Listed = { id: string; status: string; awaiting: string | null; parts: { scope: string }[] };
  const multi = (items as Listed[]).find((r) => r.parts.length === 2);
  assert.ok(multi, "a registration with two parts");
  assert.deepEqual(multi.parts.map((p) => p.scope).sort(), ["organisation", "region"]);
  assert.ok(!("scope" in multi), "no top-level scope when the parts differ");
  const full = await ok("GET", `/api/v1/registrations/${multi.id}`, fx.officerA);
  assert.ok(full.evidence.length > 0, "the registration carries its evidence");
  assert.equal(full.decidedBy.name, "Demo officer");
  const draft = (items as Listed[]).find((r) => r.status === "draft");
  assert.ok(draft, "a draft");
  assert.equal(draft.awaiting, "confirmation");
});
