import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { Cron } from "croner";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import type { Logger } from "../logger.ts";
import { claimRun, extendLease, finishRun } from "./repository.ts";

/**
 * What a job runs with. `S` is the services object the job needs (the runner is given the
 * product's; platform knows nothing of modules, so it is a type parameter here).
 */
export interface JobContext<S = unknown> {
  database: Database;
  /** The module services, built on this job's clock. */
  services: S;
  clock: Clock;
  logger: Logger;
  /** The calendar date (Europe/Amsterdam) the job runs for: `--now`, or today. */
  today: string;
  period: string;
}

export interface JobDefinition<S = unknown> {
  name: string;
  description: string;
  /** Cron expression, evaluated in Europe/Amsterdam. */
  schedule: string;
  /** A job runs once per period: a calendar day or a month. */
  period: "day" | "month";
  /** How long a run may go without a heartbeat before another instance may take it over. */
  leaseMs?: number;
  /** Does the work; returns a summary (counts, never personal data) stored with the run. */
  run(ctx: JobContext<S>): Promise<Record<string, unknown>>;
}

export type RunOutcome =
  | { status: "succeeded"; period: string; result: Record<string, unknown> }
  | { status: "failed"; period: string; error: string }
  | { status: "skipped"; period: string; reason: "already_done_or_running" };

const DEFAULT_LEASE_MS = 10 * 60_000;

export function periodOf(job: Pick<JobDefinition, "period">, today: string): string {
  return job.period === "month" ? today.slice(0, 7) : today;
}

export class UnknownJobError extends Error {
  constructor(name: string, known: string[]) {
    super(`There is no job called "${name}". Known jobs: ${known.join(", ")}.`);
    this.name = "UnknownJobError";
  }
}

/**
 * Runs jobs once per period across any number of app instances: a run first claims its
 * (job, period) row in `job_run` with a lease, renews the lease while it works, and records
 * the outcome. A crashed instance's lease runs out and the next tick takes the period over.
 */
export class JobRunner<S> {
  readonly owner: string;
  readonly #jobs: Map<string, JobDefinition<S>>;
  readonly #database: Database;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #services: S;
  #crons: Cron[] = [];

  constructor(options: {
    database: Database;
    clock: Clock;
    logger: Logger;
    services: S;
    jobs: JobDefinition<S>[];
    owner?: string;
  }) {
    this.#services = options.services;
    this.#database = options.database;
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.#jobs = new Map(options.jobs.map((j) => [j.name, j]));
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  get jobNames(): string[] {
    return [...this.#jobs.keys()];
  }

  job(name: string): JobDefinition<S> {
    const job = this.#jobs.get(name);
    if (!job) throw new UnknownJobError(name, this.jobNames);
    return job;
  }

  /** Runs `name` for the period containing `today` (default: the clock's today). */
  async runOnce(
    name: string,
    options: { today?: string; force?: boolean } = {},
  ): Promise<RunOutcome> {
    const job = this.job(name);
    const today = options.today ?? this.#clock.today();
    const period = periodOf(job, today);
    const leaseMs = job.leaseMs ?? DEFAULT_LEASE_MS;
    const log = this.#logger.child({ job: name, period });
    // Leases are about real elapsed time, even when the job's own clock is set by --now.
    const claimed = await claimRun(this.#database, {
      job: name,
      period,
      owner: this.owner,
      now: new Date(),
      leaseUntil: new Date(Date.now() + leaseMs),
      force: options.force ?? false,
    });
    if (!claimed) {
      log.debug("period already done or running elsewhere");
      return { status: "skipped", period, reason: "already_done_or_running" };
    }
    const heartbeat = setInterval(
      () => {
        extendLease(this.#database, {
          job: name,
          period,
          owner: this.owner,
          leaseUntil: new Date(Date.now() + leaseMs),
        }).catch((err) => log.warn({ err }, "could not extend job lease"));
      },
      Math.max(1000, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    log.info({ attempt: claimed.attempts }, "job started");
    try {
      const result = await job.run({
        database: this.#database,
        services: this.#services,
        clock: this.#clock,
        logger: log,
        today,
        period,
      });
      await finishRun(this.#database, {
        job: name,
        period,
        owner: this.owner,
        now: new Date(),
        status: "succeeded",
        result,
      });
      log.info({ result }, "job succeeded");
      return { status: "succeeded", period, result };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log.error({ err }, "job failed");
      await finishRun(this.#database, {
        job: name,
        period,
        owner: this.owner,
        now: new Date(),
        status: "failed",
        error: message,
      }).catch((e) => log.error({ err: e }, "could not record job failure"));
      return { status: "failed", period, error: message };
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Schedules every job, and catches up on the current period of each at once. */
  start(): void {
    for (const job of this.#jobs.values()) {
      const tick = () => {
        this.runOnce(job.name).catch((err) =>
          this.#logger.error({ err, job: job.name }, "job tick failed"),
        );
      };
      this.#crons.push(
        new Cron(job.schedule, { timezone: "Europe/Amsterdam", protect: true }, tick),
      );
      setTimeout(tick, 2_000).unref();
    }
  }

  stop(): void {
    for (const cron of this.#crons) cron.stop();
    this.#crons = [];
  }
}
