import type { RawExecutor } from "../db/database.ts";

export interface JobRunRow {
  job_name: string;
  period: string;
  status: "running" | "succeeded" | "failed";
  lease_owner: string;
  lease_until: Date;
  attempts: number;
  started_at: Date;
  finished_at: Date | null;
  result: unknown;
  error: string | null;
}

/**
 * Claims (job, period) for `owner` until `leaseUntil`. Succeeds when the period has no row
 * yet, or its lease has run out and it did not already succeed (unless `force`). The
 * conflicting INSERT … ON CONFLICT DO UPDATE … WHERE is atomic in PostgreSQL, so of two
 * instances ticking together exactly one gets the row back.
 */
export async function claimRun(
  db: RawExecutor,
  args: { job: string; period: string; owner: string; now: Date; leaseUntil: Date; force: boolean },
): Promise<{ attempts: number } | undefined> {
  const [row] = await db.query<{ attempts: number }>(
    `INSERT INTO job_run (job_name, period, status, lease_owner, lease_until, attempts, started_at)
     VALUES ($1, $2, 'running', $3, $4, 1, $5)
     ON CONFLICT (job_name, period) DO UPDATE
       SET status = 'running', lease_owner = EXCLUDED.lease_owner,
           lease_until = EXCLUDED.lease_until, attempts = job_run.attempts + 1,
           started_at = EXCLUDED.started_at, finished_at = NULL, error = NULL, result = NULL
       WHERE job_run.lease_until < $5 AND (job_run.status <> 'succeeded' OR $6)
     RETURNING attempts`,
    [
      args.job,
      args.period,
      args.owner,
      args.leaseUntil.toISOString(),
      args.now.toISOString(),
      args.force,
    ],
  );
  return row;
}

export async function extendLease(
  db: RawExecutor,
  args: { job: string; period: string; owner: string; leaseUntil: Date },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE job_run SET lease_until = $4
     WHERE job_name = $1 AND period = $2 AND lease_owner = $3 AND status = 'running'
     RETURNING period`,
    [args.job, args.period, args.owner, args.leaseUntil.toISOString()],
  );
  return rows.length === 1;
}

export async function finishRun(
  db: RawExecutor,
  args: {
    job: string;
    period: string;
    owner: string;
    now: Date;
    status: "succeeded" | "failed";
    result?: unknown;
    error?: string;
  },
): Promise<void> {
  await db.query(
    `UPDATE job_run
     SET status = $4, finished_at = $5, lease_until = $5, result = $6, error = $7
     WHERE job_name = $1 AND period = $2 AND lease_owner = $3`,
    [
      args.job,
      args.period,
      args.owner,
      args.status,
      args.now.toISOString(),
      args.result === undefined ? null : JSON.stringify(args.result),
      args.error ?? null,
    ],
  );
}

export async function findRun(
  db: RawExecutor,
  job: string,
  period: string,
): Promise<JobRunRow | undefined> {
  const [row] = await db.query<JobRunRow>(
    "SELECT * FROM job_run WHERE job_name = $1 AND period = $2",
    [job, period],
  );
  return row;
}

/** Removes finished run records that started before `before`; returns how many. */
export async function deleteFinishedRunsBefore(db: RawExecutor, before: Date): Promise<number> {
  const rows = await db.query(
    `DELETE FROM job_run WHERE status <> 'running' AND started_at < $1 RETURNING job_name`,
    [before.toISOString()],
  );
  return rows.length;
}
