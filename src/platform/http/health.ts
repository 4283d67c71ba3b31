/**
 * The health check behind `GET /healthz` (contract §1: 200 once the server accepts requests).
 *
 * It asks the database `SELECT 1`, but a question queued behind a long write is not a sick
 * database: PGlite has one connection, and a large import holds it for seconds (issue 22, F13;
 * D-744). So a check that starts a probe waits at most `patienceMs` for it, and a check that
 * finds a healthy probe already queued does not wait at all (D-791: waiting the patience on
 * every check during an import made each answer take that long). When the probe is still queued, the answer
 * rests on the last probe that came back — healthy as long as that one was healthy and the
 * queued probe has waited less than `staleMs`. A database that refuses answers unhealthy at
 * once; one that hangs answers unhealthy once its probe has waited `staleMs`. At most one probe
 * is in flight, however many checks arrive.
 */

import { performance } from "node:perf_hooks";
import type { RawExecutor } from "../db/database.ts";

export interface HealthOptions {
  /** How long a check waits for the database before it answers from the last probe (ms). */
  patienceMs?: number;
  /** How long a queued probe may wait before the database counts as unavailable (ms). */
  staleMs?: number;
}

export type HealthAnswer = { ok: true } | { ok: false; error: unknown };

export function healthCheck(
  database: Pick<RawExecutor, "query">,
  { patienceMs = 20, staleMs = 30_000 }: HealthOptions = {},
): () => Promise<HealthAnswer> {
  // The database was opened and migrated before the server took requests: healthy at start.
  let last: HealthAnswer = { ok: true };
  let inFlight: { done: Promise<void>; since: number } | undefined;

  const probe = () => {
    if (inFlight) return inFlight;
    const done = database.query("SELECT 1").then(
      () => {
        last = { ok: true };
      },
      (error: unknown) => {
        last = { ok: false, error };
      },
    );
    const current = { done, since: performance.now() };
    inFlight = current;
    void done.finally(() => {
      if (inFlight === current) inFlight = undefined;
    });
    return current;
  };

  return async () => {
    const queued = inFlight !== undefined;
    const current = probe();
    // Wait for the probe when this check started it, or when the answer would otherwise be
    // "unhealthy" (so a probe that is just coming back still counts).
    if (!queued || !last.ok || performance.now() - current.since >= staleMs) {
      let timer: NodeJS.Timeout | undefined;
      const answered = await Promise.race([
        current.done.then(() => true),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), patienceMs);
        }),
      ]);
      clearTimeout(timer);
      if (answered) return last;
    }
    const waited = performance.now() - current.since;
    if (last.ok && waited < staleMs) return last;
    return {
      ok: false,
      error: last.ok
        ? new Error(`the database has not answered for ${Math.round(waited)} ms`)
        : last.error,
    };
  };
}
