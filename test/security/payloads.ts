/**
 * The payload classes of the outside test's API fuzzer (security review 2026-12, test 17), as
 * fast-check arbitraries built from an operation's OpenAPI description: values that fit the
 * schema, then one mutation of a class below; odd path and query parameters; raw bodies that
 * are not JSON at all, or JSON under a wrong content type.
 */
import fc from "fast-check";
import type { JsonSchema, OpenapiOperation } from "../../src/testing/openapi.ts";

/** Strings that have broken servers: huge, control characters, odd Unicode, injection, dates. */
export const NASTY_STRINGS: readonly string[] = [
  "",
  " ",
  "a".repeat(100_000),
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31m\u007f",
  "\r\nBcc: victim@example.org\r\nX-Injected: yes",
  "\ud800",
  "\udfff\ud800",
  "😀".repeat(2_000),
  "\u202egnp.exe",
  "\ufeffBOM",
  "ﷺ‮‭",
  "' OR '1'='1",
  "'; DROP TABLE registration;--",
  "1 UNION SELECT null, version()--",
  "\\'; SELECT pg_sleep(0);--",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  "{{7*7}}${7*7}<%= 7*7 %>",
  "../../../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "%00%2e%2e%2f",
  "2026-02-30",
  "2026-13-01",
  "0000-00-00",
  "0001-01-01",
  "9999-12-31",
  "+275760-09-13",
  "01-02-2026",
  "2026-06-01T25:61:00Z",
  "NaN",
  "Infinity",
  "-1",
  "99999999999999999999999",
  "__proto__",
  "null",
];

export const NASTY_NUMBERS: readonly number[] = [
  -1,
  0,
  -0,
  0.5,
  -2_147_483_649,
  2 ** 31,
  2 ** 53 + 2,
  2 ** 63,
  1e300,
  -1e300,
  Number.MIN_VALUE,
];

/**
 * encodeURIComponent, also for text that is not well-formed UTF-16 (a lone surrogate), which
 * it refuses: such a character goes out as the invalid UTF-8 bytes of a surrogate (%ED%A0%80).
 */
export function encodeLoosely(text: string): string {
  if (text.isWellFormed()) return encodeURIComponent(text);
  return encodeURIComponent(text.toWellFormed()).replaceAll("%EF%BF%BD", "%ED%A0%80");
}

/** Any wrong value: nasty strings and numbers, other types, random JSON. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [[[]]], { a: { b: {} } }, [
      1,
      "x",
    ]),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A value that fits the schema (as far as the schema tells: patterns are tried, then given up). */
export function fitting(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant("x");
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options && options.length > 0) return fc.oneof(...options.map((o) => fitting(o, depth + 1)));
  if (schema.allOf && schema.allOf.length > 0) return fitting(schema.allOf[0], depth + 1);
  const types = [schema.type ?? "string"].flat();
  if (types.length > 1) {
    return fc.oneof(...types.map((type) => fitting({ ...schema, type }, depth + 1)));
  }
  switch (types[0]) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({
        min: Math.max(schema.minimum ?? -1000, -1e9),
        max: Math.min(schema.maximum ?? 100_000, 1e9),
      });
    case "number":
      return fc.double({
        min: schema.minimum ?? -1000,
        max: schema.maximum ?? 100_000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case "array":
      return fc.array(fitting(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case "object": {
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) {
        shape[key] = fitting(value, depth + 1);
      }
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((k) => k in shape) });
    }
    default:
      return fittingString(schema);
  }
}

function fittingString(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case "uuid":
      return fc.uuid();
    case "date":
      return fc.constantFrom("2026-05-01", "2026-06-01", "2025-12-31", "2026-01-15");
    case "date-time":
      return fc.constantFrom("2026-05-01T10:00:00Z", "2026-06-01T00:00:00.000Z");
    case "email":
      return fc.constantFrom("iemand@voorbeeld.example", "a@b.example");
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= 200);
    } catch {
      // A pattern JavaScript cannot read: fall through to plain strings.
    }
  }
  return fc.string({
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 20, 40),
  });
}

type Json = unknown;

/** Every path into a JSON value (property names and array indexes). */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...pathsOf(v, [...prefix, i]));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  }
  return out;
}

type Mutation = "replace" | "delete" | "extra" | "proto";

/** The value with one mutation at one of its paths (a structured copy; the input is kept). */
function mutate(value: Json, pick: number, mutation: Mutation, nasty: unknown): Json {
  const copy = structuredClone(value) as Json;
  const paths = pathsOf(copy);
  const path = paths[pick % paths.length]!;
  if (path.length === 0) {
    if (mutation === "replace" || mutation === "delete") return nasty;
    if (copy === null || typeof copy !== "object" || Array.isArray(copy)) return nasty;
  }
  const parentPath = mutation === "replace" || mutation === "delete" ? path.slice(0, -1) : path;
  let parent = copy as Record<string | number, unknown>;
  for (const key of parentPath) parent = parent[key] as Record<string | number, unknown>;
  if (parent === null || typeof parent !== "object") return nasty;
  const last = path[path.length - 1]!;
  switch (mutation) {
    case "replace":
      parent[last] = nasty;
      break;
    case "delete":
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
      break;
    case "extra":
      if (Array.isArray(parent)) parent.push(nasty);
      else parent.unexpectedField = nasty;
      break;
    case "proto":
      // A literal "__proto__" key, as JSON.parse would produce it from a hostile body.
      Object.defineProperty(parent, "__proto__", { value: { polluted: true }, enumerable: true });
      break;
  }
  return copy;
}

/** A JSON body: fitting, or fitting with one mutation, or something else altogether. */
export function jsonBody(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const base = fitting(schema);
  return fc.oneof(
    { weight: 1, arbitrary: base },
    {
      weight: 6,
      arbitrary: fc
        .tuple(
          base,
          fc.nat(),
          fc.constantFrom<Mutation>("replace", "delete", "extra", "proto"),
          nastyValue,
        )
        .map(([value, pick, mutation, nasty]) => mutate(value, pick, mutation, nasty)),
    },
    { weight: 1, arbitrary: nastyValue },
  );
}

export interface RawBody {
  contentType: string | undefined;
  payload: string | Buffer;
}

/** Bodies that are not (only) JSON: bad syntax, bad bytes, wrong content types, deep, huge. */
export const rawBody: fc.Arbitrary<RawBody> = fc.oneof(
  fc.constantFrom<RawBody>(
    { contentType: "application/json", payload: "{" },
    { contentType: "application/json", payload: '{"a":1,}' },
    { contentType: "application/json", payload: "" },
    { contentType: "application/json", payload: "1e999" },
    { contentType: "application/json", payload: '{"a":1,"a":2}' },
    { contentType: "application/json", payload: '{"__proto__":{"polluted":true}}' },
    { contentType: "application/json", payload: '{"constructor":{"prototype":{"x":1}}}' },
    { contentType: "application/json", payload: `\ufeff{}` },
    { contentType: "application/json", payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    { contentType: "application/json", payload: Buffer.from([0xc3, 0x28, 0xa0, 0xa1]) },
    { contentType: "application/json; charset=latin1", payload: "{}" },
    { contentType: "text/plain", payload: "{}" },
    { contentType: "application/x-www-form-urlencoded", payload: "a=1&b=%00" },
    { contentType: "multipart/form-data", payload: "--x\r\n\r\n" },
    {
      contentType: "multipart/form-data; boundary=x",
      payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
    },
    {
      contentType: "application/xml",
      payload:
        '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
    },
    { contentType: "text/csv", payload: "a;b\n\u0000;=cmd|' /C calc'!A0\n" },
    { contentType: undefined, payload: "{}" },
    { contentType: "application/json", payload: `${"[".repeat(100_000)}${"]".repeat(100_000)}` },
    { contentType: "application/json", payload: `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}` },
    { contentType: "application/json", payload: `{"a":"${"x".repeat(2 * 1024 * 1024)}"}` },
  ),
);

/** A path parameter: one that fits, a real id (when the caller's organisation has one), or an odd one. */
export function pathValue(schema: JsonSchema | undefined, realId: string | undefined) {
  const odd = fc.constantFrom(
    "..",
    "..%2F..%2Fetc%2Fpasswd",
    "%2e%2e%2f%2e%2e%2f",
    "%252e%252e%252f",
    "..%5C..%5Cwindows",
    "%00",
    "a%00b",
    "%",
    "%ZZ",
    "%C0%AE%C0%AE%2F",
    "%ED%A0%80",
    "-1",
    "0",
    "99999999999999999999",
    "00000000-0000-0000-0000-000000000000",
    encodeLoosely("' OR 1=1--"),
    encodeLoosely("<script>"),
    encodeLoosely("😀\u202e"),
    "a".repeat(5_000),
    "%20",
  );
  const fits = fitting(schema).map((v) => encodeLoosely(String(v)));
  return realId === undefined
    ? fc.oneof({ weight: 1, arbitrary: fits }, { weight: 2, arbitrary: odd })
    : fc.oneof(
        { weight: 2, arbitrary: fc.constant(encodeLoosely(realId)) },
        { weight: 1, arbitrary: fits },
        { weight: 2, arbitrary: odd },
      );
}

/** A query string from the documented parameters: fitting, nasty, repeated, unknown, malformed. */
export function queryString(op: OpenapiOperation): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === "query");
  const one = (name: string, schema: JsonSchema | undefined) =>
    fc.oneof(
      fitting(schema).map((v) => [`${encodeLoosely(name)}=${encodeLoosely(String(v))}`]),
      nastyValue.map((v) => [
        `${encodeLoosely(name)}=${encodeLoosely(typeof v === "string" ? v : (JSON.stringify(v) ?? ""))}`,
      ]),
      fc.constant([`${name}=1`, `${name}=2`]),
      fc.constant([`${name}[]=1`]),
      fc.constant([`${name}[a]=1`]),
      fc.constant([`${name}=%`]),
      fc.constant([`${name}=%E0%A4%A`]),
      fc.constant([name]),
    );
  const parts = params.map((p) => fc.option(one(p.name, p.schema), { nil: undefined }));
  const extra = fc.option(
    fc.constantFrom(["unknownParam=1"], ["__proto__[x]=1"], ["a=%00"], ["=x"], ["&&&"]),
    { nil: undefined },
  );
  return fc.tuple(fc.tuple(...parts), extra).map(([chosen, more]) => {
    const all = [...chosen.filter((c) => c !== undefined).flat(), ...(more ?? [])];
    return all.length > 0 ? `?${all.join("&")}` : "";
  });
}

export interface FuzzRequest {
  url: string;
  contentType: string | undefined;
  payload: string | Buffer | undefined;
}

/** One request to an operation: path, query and (for operations with one, mostly JSON) body. */
export function fuzzRequest(
  op: OpenapiOperation,
  realIds: (name: string) => string | undefined,
): fc.Arbitrary<FuzzRequest> {
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const pathArbs = names.map((name) =>
    pathValue(op.parameters.find((p) => p.in === "path" && p.name === name)?.schema, realIds(name)),
  );
  const json = jsonBody(op.body).map(
    (v): RawBody => ({ contentType: "application/json", payload: JSON.stringify(v) ?? "null" }),
  );
  const body: fc.Arbitrary<RawBody | undefined> = op.body
    ? fc.oneof({ weight: 5, arbitrary: json }, { weight: 1, arbitrary: rawBody })
    : fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: json },
        { weight: 1, arbitrary: rawBody },
      );
  return fc.tuple(fc.tuple(...pathArbs), queryString(op), body).map(([values, query, b]) => {
    let i = 0;
    const path = op.path.replace(/\{[^}]+\}/g, () => values[i++]!);
    return { url: `${path}${query}`, contentType: b?.contentType, payload: b?.payload };
  });
}
