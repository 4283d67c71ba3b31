import type { Database } from "../db/database.ts";
import type { Logger } from "../logger.ts";
import { recordAudit } from "./audit.ts";

/**
 * F5 (security review 2026-12): refused requests without a signed-in caller (401, 403, 429 on
 * an API route) are not written one event each, which let one source add ~200 chained events a
 * second. They are counted per source address and window, and each source gets ONE
 * `access.refused` event per window carrying the count, written when the window has ended
 * (on the next request, by a timer, or when the server stops). Refusals of a signed-in caller
 * stay one event each (app.ts).
 *
 * The tally lives in this process: a crash loses at most the current window's counts; with
 * several processes each writes its own event for a source (docs/security.md).
 */
interface Bucket {
  source: string;
  windowStart: number;
  count: number;
  byStatus: Record<string, number>;
  routes: Record<string, number>;
}

/** Distinct routes kept per bucket; more are counted under "other". */
const MAX_ROUTES = 10;
/** Sources kept per window; more are counted in one bucket without an address. */
const MAX_SOURCES = 10_000;
const OVERFLOW = "(other sources)";

export class RefusalTally {
  readonly #windowMs: number;
  readonly #database: Database;
  readonly #logger: Logger;
  #buckets = new Map<string, Bucket>();
  /** The earliest window with counts (checked on every request: no walk over the buckets). */
  #oldest = Number.POSITIVE_INFINITY;
  #flushing: Promise<void> = Promise.resolve();

  constructor(options: { windowMs: number; database: Database; logger: Logger }) {
    this.#windowMs = options.windowMs;
    this.#database = options.database;
    this.#logger = options.logger;
  }

  /** Counts one refused anonymous request. */
  add(source: string, now: Date, refusal: { status: number; route: string }): void {
    const at = now.getTime();
    const windowStart = at - (at % this.#windowMs);
    let key = `${windowStart} ${source}`;
    if (!this.#buckets.has(key) && this.#buckets.size >= MAX_SOURCES) {
      key = `${windowStart} ${OVERFLOW}`;
      source = OVERFLOW;
    }
    let bucket = this.#buckets.get(key);
    if (windowStart < this.#oldest) this.#oldest = windowStart;
    if (!bucket) {
      bucket = { source, windowStart, count: 0, byStatus: {}, routes: {} };
      this.#buckets.set(key, bucket);
    }
    bucket.count++;
    const status = String(refusal.status);
    bucket.byStatus[status] = (bucket.byStatus[status] ?? 0) + 1;
    const route =
      refusal.route in bucket.routes || Object.keys(bucket.routes).length < MAX_ROUTES
        ? refusal.route
        : "other";
    bucket.routes[route] = (bucket.routes[route] ?? 0) + 1;
  }

  /** True when a window has ended whose counts are not written yet. */
  hasDue(now: Date): boolean {
    return this.#oldest < now.getTime() - (now.getTime() % this.#windowMs);
  }

  /** Writes the events of every ended window (all windows with `all`, at shutdown). */
  flush(now: Date, options: { all?: boolean } = {}): Promise<void> {
    const current = now.getTime() - (now.getTime() % this.#windowMs);
    const due: Bucket[] = [];
    for (const [key, bucket] of this.#buckets) {
      if (options.all || bucket.windowStart < current) {
        due.push(bucket);
        this.#buckets.delete(key);
      }
    }
    this.#oldest = Number.POSITIVE_INFINITY;
    for (const bucket of this.#buckets.values()) {
      if (bucket.windowStart < this.#oldest) this.#oldest = bucket.windowStart;
    }
    if (due.length === 0) return this.#flushing;
    // One flush after another, so that events keep the order of their windows.
    this.#flushing = this.#flushing.then(() => this.#write(due, now));
    return this.#flushing;
  }

  async #write(due: Bucket[], now: Date): Promise<void> {
    try {
      await this.#database.db.transaction(async (tx) => {
        for (const b of due) {
          const top = Object.entries(b.routes).sort((x, y) => y[1] - x[1])[0]![0];
          await recordAudit(
            tx,
            { now: () => now },
            { requestId: null, clientAddress: b.source === OVERFLOW ? null : b.source },
            {
              actor: { type: "public", id: null, organisationId: null, role: null },
              action: "access.refused",
              objectType: "route",
              objectId: top,
              outcome: "refused",
              details: {
                aggregated: true,
                count: b.count,
                byStatus: b.byStatus,
                routes: b.routes,
                windowStart: new Date(b.windowStart).toISOString(),
                windowEnd: new Date(b.windowStart + this.#windowMs).toISOString(),
              },
            },
          );
        }
      });
    } catch (err) {
      // Never a reason to fail a request or the shutdown; the log keeps the counts.
      this.#logger.error(
        { err, refusals: due.map((b) => ({ count: b.count, windowStart: b.windowStart })) },
        "could not write the aggregated refusal events",
      );
    }
  }
}
