import assert from "node:assert/strict";
import { test } from "node:test";
import { useTestContext } from "../../testing/context.ts";
import { FixedClock } from "../clock.ts";
import { findRun } from "./repository.ts";
import { type JobDefinition, JobRunner, periodOf } from "./runner.ts";

const ctx = useTestContext({ today: "2026-03-10" });

function countingJob(name: string, period: "day" | "month" = "day") {
  const calls: string[] = [];
  const job: JobDefinition = {
    name,
    description: "test job",
    schedule: "0 4 * * *",
    period,
    async run({ today, period }) {
      calls.push(period);
      await new Promise((r) => setTimeout(r, 20));
      return { today };
    },
  };
  return { job, calls };
}

const runner = (jobs: JobDefinition[], owner: string, today = "2026-03-10") =>
  new JobRunner({ ...ctx, clock: new FixedClock(today), jobs, owner });

test("a job runs once per period; a second run of the same period is skipped", async () => {
  const { job, calls } = countingJob("once");
  const r = runner([job], "a");
  const first = await r.runOnce("once");
  assert.deepEqual(first, {
    status: "succeeded",
    period: "2026-03-10",
    result: { today: "2026-03-10" },
  });
  assert.equal((await r.runOnce("once")).status, "skipped");
  assert.deepEqual(calls, ["2026-03-10"]);
  const row = await findRun(ctx.database, "once", "2026-03-10");
  assert.equal(row?.status, "succeeded");
  assert.deepEqual(row?.result, { today: "2026-03-10" });
  // The next day is a new period; --force re-runs a finished one.
  assert.equal((await r.runOnce("once", { today: "2026-03-11" })).status, "succeeded");
  assert.equal((await r.runOnce("once", { force: true })).status, "succeeded");
  assert.deepEqual(calls, ["2026-03-10", "2026-03-11", "2026-03-10"]);
});

test("two runners (two app instances) never both run a period", async () => {
  const { job, calls } = countingJob("contended");
  const runners = Array.from({ length: 5 }, (_, i) => runner([job], `instance-${i}`));
  const outcomes = await Promise.all(runners.map((r) => r.runOnce("contended")));
  assert.equal(outcomes.filter((o) => o.status === "succeeded").length, 1);
  assert.equal(outcomes.filter((o) => o.status === "skipped").length, 4);
  assert.deepEqual(calls, ["2026-03-10"]);
});

test("monthly jobs have one period per month", async () => {
  const { job, calls } = countingJob("monthly", "month");
  const r = runner([job], "m");
  assert.equal((await r.runOnce("monthly", { today: "2026-04-01" })).status, "succeeded");
  assert.equal((await r.runOnce("monthly", { today: "2026-04-30" })).status, "skipped");
  assert.equal((await r.runOnce("monthly", { today: "2026-05-01" })).status, "succeeded");
  assert.deepEqual(calls, ["2026-04", "2026-05"]);
  assert.equal(periodOf({ period: "month" }, "2026-12-31"), "2026-12");
});

test("a failed run is recorded and retried by the next tick", async () => {
  let fail = true;
  const job: JobDefinition = {
    name: "flaky",
    description: "fails once",
    schedule: "0 4 * * *",
    period: "day",
    async run() {
      if (fail) throw new Error("disk full");
      return { ok: true };
    },
  };
  const r = runner([job], "f");
  const first = await r.runOnce("flaky");
  assert.deepEqual(first, { status: "failed", period: "2026-03-10", error: "disk full" });
  assert.equal((await findRun(ctx.database, "flaky", "2026-03-10"))?.error, "disk full");
  fail = false;
  assert.equal((await r.runOnce("flaky")).status, "succeeded");
  const row = await findRun(ctx.database, "flaky", "2026-03-10");
  assert.equal(row?.attempts, 2);
  assert.equal(row?.error, null);
});

test("a run whose instance died is taken over once its lease has run out", async () => {
  const { job, calls } = countingJob("orphan");
  // Instance "dead" claimed the period and vanished; its lease ran out a minute ago.
  await ctx.database.query(
    `INSERT INTO job_run (job_name, period, status, lease_owner, lease_until, started_at)
     VALUES ('orphan', '2026-03-10', 'running', 'dead', now() - interval '1 minute', now() - interval '20 minutes')`,
  );
  assert.equal((await runner([job], "alive").runOnce("orphan")).status, "succeeded");
  assert.deepEqual(calls, ["2026-03-10"]);
  // A live lease is respected.
  await ctx.database.query(
    `INSERT INTO job_run (job_name, period, status, lease_owner, lease_until, started_at)
     VALUES ('orphan', '2026-03-11', 'running', 'busy', now() + interval '5 minutes', now())`,
  );
  assert.equal(
    (await runner([job], "alive").runOnce("orphan", { today: "2026-03-11" })).status,
    "skipped",
  );
});
