/**
 * Issue 22, F7: a participant's block look-up (GET /seekers/{n}/block) is a screening by
 * seeker number — a hit owes the person the same letter, and the misuse signals count it
 * (bursts, sweeps through consecutive numbers). The allocation system's look-ups are audited
 * but neither counted nor owe a letter.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { auditEvent } from "../../platform/audit/tables.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import { withEvidence } from "../../testing/evidence.ts";
import { apiCalls, bearer } from "../../testing/http.ts";
import { neighbouringNumbers } from "./block-lookups.ts";

const TODAY = "2026-06-01";
const fx = useDemoApi({ today: TODAY });
const { ok } = apiCalls(() => fx.app);

/** A registration of A confirmed against seeker `n`: the seeker is blocked. */
async function blockedSeeker(n: string, surname: string) {
  const person = { initials: "B.", surname, birthDate: "1984-08-08" };
  const reg = await ok(
    "POST",
    "/api/v1/registrations",
    fx.officerA,
    withEvidence({ person, categories: ["B.II"], criteria: ["a"], placementDate: "2026-05-01" }),
    201,
  );
  await ok("PUT", `/api/v1/seekers/${n}`, fx.allocation, { person }, 201);
  const matches = await ok("GET", "/api/v1/matches?status=pending", fx.officerA);
  const match = (matches.items as { id: string; registrationId: string }[]).find(
    (m) => m.registrationId === reg.id,
  );
  assert.ok(match, "a match was proposed");
  await ok("POST", `/api/v1/matches/${match.id}/decision`, fx.officerA, { decision: "confirm" });
}

async function openHitDuties(headers: Record<string, string>) {
  const res = await ok("GET", "/api/v1/duties?status=open", headers);
  return (res.items as { id: string; kind: string; dueDate: string }[]).filter(
    (d) => d.kind === "hit",
  );
}

async function signals() {
  const res = await ok(
    "GET",
    `/api/v1/oversight/misuse-signals?from=${TODAY}&to=${TODAY}`,
    fx.auditor,
  );
  return res as {
    screenings: number;
    signals: {
      kind: string;
      organisationId: string;
      count: number;
      screenings: { kind: string; hit: boolean; purpose: string }[];
    }[];
  };
}

test("F7 a participant's block look-up that finds a block owes the person a hit letter, like a screening", async () => {
  await blockedSeeker("LK-1", "Opzoeker");
  const before = (await openHitDuties(fx.officerB)).length;
  const seen = await ok("GET", "/api/v1/seekers/LK-1/block?purpose=allocation", fx.querierB);
  assert.equal(seen.blocked, true);
  const duties = await openHitDuties(fx.officerB);
  assert.equal(duties.length, before + 1, "the looking organisation owes the letter");
  assert.equal(duties.at(-1)!.dueDate, "2026-06-29", "four weeks, as for a screening");
  // The letter tells what the look-up showed and sends the person to the primary source.
  const letters = await ok("GET", `/api/v1/letters?dutyId=${duties.at(-1)!.id}`, fx.officerB);
  assert.equal(letters.items.length, 1, "produced at once (the person's data came from the index)");

  // At the person's own request, no letter; no block, no letter.
  await ok("GET", "/api/v1/seekers/LK-1/block?purpose=subject_request", fx.querierB);
  await ok("GET", "/api/v1/seekers/LK-NOBODY/block?purpose=allocation", fx.querierB);
  assert.equal((await openHitDuties(fx.officerB)).length, before + 1);
  // The allocation system's own look-up is its task: audited, no letter.
  const sys = await ok("GET", "/api/v1/seekers/LK-1/block", fx.allocation);
  assert.equal(sys.blocked, true);
  assert.equal((await openHitDuties(fx.officerB)).length, before + 1);
  assert.equal((await openHitDuties(fx.officerA)).filter((d) => d.kind === "hit").length, 0);
  const audited = await fx.ctx.database.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.action, "seeker.block_checked"), eq(auditEvent.objectId, "LK-1")));
  assert.equal(audited.length, 3, "every look is audited, the allocation system's too");
});

test("F7 a sweep through consecutive seeker numbers and a burst of block look-ups are misuse signals; the allocation system's are not counted", async () => {
  const querierC = bearer(fx.demo.organisations[2]!.apiKeys.querier);
  await ok("PATCH", "/api/v1/region/settings", fx.admin, { screeningBurstPerHour: 5 });
  // The allocation system walks the numbers as its job: never a signal.
  for (let n = 100; n < 108; n++) {
    await ok("GET", `/api/v1/seekers/WZ-000${n}/block`, fx.allocation);
  }
  const quiet = await signals();
  assert.equal(
    quiet.signals.filter((s) => s.organisationId === fx.demo.allocationSystem.organisationId)
      .length,
    0,
  );
  // Scattered numbers: a burst (more than 5 within the hour) but no sweep.
  for (const n of ["WZ-7", "WZ-19", "WZ-33", "WZ-58", "WZ-71", "WZ-90"]) {
    await ok("GET", `/api/v1/seekers/${n}/block?purpose=allocation`, querierC);
  }
  let found = (await signals()).signals.filter(
    (s) => s.organisationId === fx.demo.organisations[2]!.id,
  );
  assert.deepEqual(
    found.map((s) => s.kind),
    ["screening_burst"],
  );
  assert.ok(found[0]!.screenings.every((s) => s.kind === "block_lookup"));
  // Consecutive numbers (WZ-000899 … WZ-000905): a sweep.
  for (let n = 899; n <= 905; n++) {
    await ok("GET", `/api/v1/seekers/WZ-000${n}/block?purpose=urgency`, querierC);
  }
  found = (await signals()).signals.filter(
    (s) => s.organisationId === fx.demo.organisations[2]!.id,
  );
  const sweep = found.find((s) => s.kind === "sequential_number_sweep");
  assert.ok(sweep, JSON.stringify(found));
  assert.equal(sweep.count, 6, "each look-up after the first of the run is next to the one before");
  assert.ok(sweep.screenings.every((s) => s.kind === "block_lookup" && s.purpose === "urgency"));
  // As it happened: one oversight event in the audit log, when the fifth was reached.
  const raised = (
    await fx.ctx.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "oversight.signal"))
  ).filter((e) => (e.details as { signal: string }).signal === "sequential_number_sweep");
  assert.equal(raised.length, 1, "raised once, when crossed");
  assert.deepEqual(raised[0]!.details, {
    signal: "sequential_number_sweep",
    count: 5,
    windowMinutes: 60,
    threshold: 5,
  });
});

test("F7 neighbouring numbers keep their prefix and width", () => {
  assert.deepEqual(neighbouringNumbers("WZ-000900"), ["WZ-000899", "WZ-000901"]);
  assert.deepEqual(neighbouringNumbers("WZ-1000"), ["WZ-999", "WZ-1001"]);
  assert.deepEqual(neighbouringNumbers("0"), ["1"]);
  assert.deepEqual(neighbouringNumbers("ABC"), []);
});
