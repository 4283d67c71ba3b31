import fc from "fast-check";

/** A calendar date (YYYY-MM-DD) from `min` to `max`, both included, for property tests. */
export function isoDateBetween(min: string, max: string): fc.Arbitrary<string> {
  return fc
    .date({
      min: new Date(`${min}T00:00:00Z`),
      max: new Date(`${max}T00:00:00Z`),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
}
