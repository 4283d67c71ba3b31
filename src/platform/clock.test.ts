import assert from "node:assert/strict";
import { test } from "node:test";
import { dateAtNoonAmsterdam, FixedClock, systemClock } from "./clock.ts";

test("a fixed clock stands still until moved, and gives Amsterdam's calendar date", () => {
  const clock = new FixedClock("2026-03-29");
  assert.equal(clock.today(), "2026-03-29");
  clock.set(new Date("2026-03-29T22:30:00Z")); // 00:30 on the 30th in Amsterdam (summer time)
  assert.equal(clock.today(), "2026-03-30");
  clock.advance(24 * 3600_000);
  assert.equal(clock.today(), "2026-03-31");
  const a = clock.now();
  a.setFullYear(2000);
  assert.equal(clock.now().getUTCFullYear(), 2026, "now() returns a copy");
});

test("late evening UTC in winter is already the next day in Amsterdam", () => {
  assert.equal(new FixedClock(new Date("2026-12-31T23:30:00Z")).today(), "2027-01-01");
});

test("the system clock agrees with the machine", () => {
  assert.ok(Math.abs(systemClock.now().getTime() - Date.now()) < 1000);
  assert.match(systemClock.today(), /^\d{4}-\d{2}-\d{2}$/);
});

test("a malformed date is refused", () => {
  assert.throws(() => dateAtNoonAmsterdam("2026-3-1"), RangeError);
  assert.throws(() => new FixedClock("yesterday"), RangeError);
});
