import assert from "node:assert/strict";
import { test } from "node:test";
import { FixedClock } from "../platform/clock.ts";
import { findRun } from "../platform/jobs/repository.ts";
import { type JobDefinition, JobRunner, UnknownJobError } from "../platform/jobs/runner.ts";
import { useTestContext } from "../testing/context.ts";
import type { Services } from "./index.ts";
import { housekeepingJob } from "./jobs.ts";

const ctx = useTestContext({ today: "2026-03-10" });

const runner = (jobs: JobDefinition<Services>[], owner: string, today = "2026-03-10") =>
  new JobRunner({ ...ctx, clock: new FixedClock(today), jobs, owner });

test("an unknown job name is refused with the list of known jobs", async () => {
  const r = runner([housekeepingJob], "u");
  await assert.rejects(r.runOnce("retentoin"), (err: unknown) => {
    assert.ok(err instanceof UnknownJobError);
    assert.match(err.message, /Known jobs: housekeeping/);
    return true;
  });
});

test("housekeeping removes finished run records older than its retention", async () => {
  await ctx.database.query(
    `INSERT INTO job_run (job_name, period, status, lease_owner, lease_until, started_at, finished_at)
     VALUES ('old', '2024-01-01', 'succeeded', 'x', '2024-01-01T05:00:00Z', '2024-01-01T04:00:00Z', '2024-01-01T05:00:00Z'),
            ('old', '2026-03-01', 'succeeded', 'x', '2026-03-01T05:00:00Z', '2026-03-01T04:00:00Z', '2026-03-01T05:00:00Z')`,
  );
  const outcome = await runner([housekeepingJob], "h").runOnce("housekeeping");
  assert.equal(outcome.status, "succeeded");
  assert.ok(outcome.status === "succeeded" && (outcome.result.jobRunsDeleted as number) >= 1);
  assert.equal(await findRun(ctx.database, "old", "2024-01-01"), undefined);
  assert.ok(await findRun(ctx.database, "old", "2026-03-01"), "a recent record stays");
});
