import { todayInAmsterdam } from "./werkdagen.ts";

/**
 * The one source of "now". Services take a Clock so that tests, jobs (`--now`) and
 * deadline computations can run at any date without touching the system time.
 */
export interface Clock {
  now(): Date;
  /** Today's calendar date in Europe/Amsterdam, as YYYY-MM-DD. */
  today(): string;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => todayInAmsterdam(new Date()),
};

/** A clock that stands still at `start` until moved; for tests and `jobs run --now`. */
export class FixedClock implements Clock {
  #now: Date;
  constructor(start: Date | string) {
    this.#now = typeof start === "string" ? dateAtNoonAmsterdam(start) : new Date(start);
  }
  now(): Date {
    return new Date(this.#now);
  }
  today(): string {
    return todayInAmsterdam(this.#now);
  }
  set(to: Date | string): void {
    this.#now = typeof to === "string" ? dateAtNoonAmsterdam(to) : new Date(to);
  }
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}

/** Noon UTC of a calendar date: the same calendar date in Amsterdam whatever the season. */
export function dateAtNoonAmsterdam(isoDate: string): Date {
  const d = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) {
    throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(isoDate)}`);
  }
  return d;
}
