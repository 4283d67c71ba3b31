/**
 * Canonical JSON: the one byte string a value hashes and signs as, whatever order its keys
 * were written or stored in (PostgreSQL's jsonb reorders them). Object keys are sorted
 * (recursively), keys whose value is `undefined` are left out, Dates become ISO strings; no
 * whitespace. Strings and numbers are written as JSON.stringify writes them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  }
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("canonicalJson: a number must be finite");
      return JSON.stringify(value);
    case "object": {
      const record = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const v = record[key];
        if (v === undefined) continue;
        parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
      }
      return `{${parts.join(",")}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot represent a ${typeof value}`);
  }
}

/**
 * The value as it will come back from a jsonb column: through JSON and back. Dates become
 * strings, `undefined` disappears, NaN becomes null. Stored and hashed values are taken from
 * this, so that what is hashed at write time is exactly what verification reads later.
 */
export function asStoredJson<T>(value: T): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}
