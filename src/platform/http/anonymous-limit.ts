/**
 * F5 (security review 2026-12): API requests without a signed-in caller are limited per
 * source address, in fixed windows (default 120 per 60 s; ANONYMOUS_RATE_LIMIT,
 * ANONYMOUS_RATE_WINDOW_SECONDS). A caller with a valid API key or session is never counted.
 *
 * The counters live in this process: with several identical processes behind a load balancer
 * a source may make up to (processes × limit) requests per window, unless the balancer keeps a
 * source on one process (docs/security.md).
 */
export interface AnonymousVerdict {
  allowed: boolean;
  /** Seconds until the window ends (for Retry-After); 0 when allowed. */
  retryAfterSeconds: number;
}

/** More sources than this in one window: the oldest counters are dropped (memory stays bounded). */
const MAX_SOURCES = 100_000;

export class AnonymousLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  #windowStart = -1;
  #counts = new Map<string, number>();

  constructor(options: { limit: number; windowMs: number }) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
  }

  /** Counts one anonymous request of `source` at `now`; refused once the window's limit is used. */
  admit(source: string, now: Date): AnonymousVerdict {
    if (this.#limit <= 0) return { allowed: true, retryAfterSeconds: 0 };
    const at = now.getTime();
    const start = at - (at % this.#windowMs);
    if (start !== this.#windowStart) {
      this.#windowStart = start;
      this.#counts = new Map();
    }
    const count = (this.#counts.get(source) ?? 0) + 1;
    if (this.#counts.size >= MAX_SOURCES && !this.#counts.has(source)) {
      const oldest = this.#counts.keys().next().value;
      if (oldest !== undefined) this.#counts.delete(oldest);
    }
    this.#counts.set(source, count);
    if (count <= this.#limit) return { allowed: true, retryAfterSeconds: 0 };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((start + this.#windowMs - at) / 1000)),
    };
  }
}
