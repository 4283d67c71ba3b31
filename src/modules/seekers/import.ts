/**
 * The initial load of a region's house seekers (issue 5) from CSV or JSON lines, streamed so
 * that two million lines never sit in memory at once. `checkSeekerFile` reads the whole file
 * and reports every bad line; only a file without errors is then read again and written, all
 * in one transaction (seekers service `importSeekers`): nothing is ever half-written.
 *
 * CSV: a header line with the columns of SEEKER_CSV_COLUMNS (any order; `seekerNumber`,
 * `initials`, `surname` and `birthDate` required, empty cells mean "not given").
 * JSON lines: one object per line, `{"seekerNumber": "…", "person": { …contract Person… }}`.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";
import { LineErrors, MAX_LISTED_ERRORS } from "../../platform/imports/line-errors.ts";
import {
  MATCH_FIELDS,
  type Person,
  personSchema,
  REQUIRED_PERSON_FIELDS,
} from "../registrations/schemas.ts";
import { SEEKER_NUMBER } from "./schemas.ts";

export const SEEKER_CSV_COLUMNS = ["seekerNumber", ...MATCH_FIELDS] as const;

export type SeekerFileFormat = "csv" | "jsonl";

export interface SeekerLine {
  line: number;
  seekerNumber?: string;
  person?: Person;
  errors: { code: string; message: string; field?: string }[];
}

export function formatOf(path: string, explicit?: string): SeekerFileFormat {
  const format = explicit ?? (/\.(jsonl|ndjson)$/i.test(path) ? "jsonl" : "csv");
  if (format !== "csv" && format !== "jsonl") {
    throw new RangeError(`--format must be csv or jsonl (got ${format})`);
  }
  return format;
}

function validate(line: number, seekerNumber: unknown, person: unknown): SeekerLine {
  const errors: SeekerLine["errors"] = [];
  if (typeof seekerNumber !== "string" || !SEEKER_NUMBER.test(seekerNumber)) {
    errors.push({
      code: "invalid_seeker_number",
      field: "seekerNumber",
      message: "must be the inschrijfnummer (letters, digits, hyphens; at most 30)",
    });
  }
  const parsed = personSchema.safeParse(person);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors.push({
        code: issue.code === "unrecognized_keys" ? "unknown_field" : "invalid_person",
        field: ["person", ...issue.path.map(String)].join("."),
        message: issue.message,
      });
    }
  }
  if (errors.length > 0 || !parsed.success) return { line, errors };
  return { line, seekerNumber: seekerNumber as string, person: parsed.data, errors };
}

async function* csvLines(path: string): AsyncGenerator<SeekerLine> {
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      columns: false,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }),
  );
  let header: string[] | undefined;
  let line = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    line++;
    if (!header) {
      header = record;
      const unknown = header.filter((h) => !(SEEKER_CSV_COLUMNS as readonly string[]).includes(h));
      const missing = ["seekerNumber", ...REQUIRED_PERSON_FIELDS].filter(
        (c) => !header!.includes(c),
      );
      if (unknown.length > 0 || missing.length > 0) {
        yield {
          line,
          errors: [
            {
              code: "invalid_header",
              message:
                `The header must name the columns ${SEEKER_CSV_COLUMNS.join(", ")}` +
                (missing.length ? `; missing: ${missing.join(", ")}` : "") +
                (unknown.length ? `; unknown: ${unknown.join(", ")}` : ""),
            },
          ],
        };
        return;
      }
      continue;
    }
    if (record.length !== header.length) {
      yield {
        line,
        errors: [
          {
            code: "wrong_column_count",
            message: `expected ${header.length} columns, found ${record.length}`,
          },
        ],
      };
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      if (record[i] !== "") cells[h] = record[i]!;
    });
    const { seekerNumber, ...person } = cells;
    yield validate(line, seekerNumber, person);
  }
}

async function* jsonLines(path: string): AsyncGenerator<SeekerLine> {
  const reader = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let line = 0;
  for await (const text of reader) {
    line++;
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      yield { line, errors: [{ code: "invalid_json", message: "this line is not valid JSON" }] };
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      yield {
        line,
        errors: [{ code: "invalid_line", message: 'expected {"seekerNumber": …, "person": {…}}' }],
      };
      continue;
    }
    const { seekerNumber, person, ...rest } = value as Record<string, unknown>;
    const result = validate(line, seekerNumber, person);
    for (const key of Object.keys(rest)) {
      result.errors.push({ code: "unknown_field", field: key, message: "unknown field" });
    }
    yield result.errors.length > 0 ? { line, errors: result.errors } : result;
  }
}

/** Every line of the file, validated (streamed). */
export function readSeekerFile(path: string, format: SeekerFileFormat): AsyncGenerator<SeekerLine> {
  return format === "csv" ? csvLines(path) : jsonLines(path);
}

/**
 * The first pass: counts the data lines (not the CSV header) and every error, including seeker
 * numbers that occur twice; lists the first `maxErrors` errors (100, as every import: F13),
 * grouped by line, and counts them all per code.
 */
export async function checkSeekerFile(
  path: string,
  format: SeekerFileFormat,
  maxErrors = MAX_LISTED_ERRORS,
): Promise<{
  lines: number;
  valid: number;
  /** Lines with at least one error. */
  rejected: number;
  /** Every error, listed or not. */
  errorCount: number;
  errorsByCode: Record<string, number>;
  errors: SeekerLine[];
}> {
  const seen = new Map<string, number>();
  const tally = new LineErrors<SeekerLine["errors"][number] & { line: number }>(maxErrors);
  let lines = 0;
  let valid = 0;
  const report = (l: SeekerLine) => {
    for (const e of l.errors) tally.add({ line: l.line, ...e });
  };
  for await (const l of readSeekerFile(path, format)) {
    lines++;
    if (l.errors.length > 0) {
      report(l);
      continue;
    }
    const first = seen.get(l.seekerNumber!);
    if (first !== undefined) {
      report({
        line: l.line,
        errors: [
          {
            code: "duplicate_seeker_number",
            field: "seekerNumber",
            message: `this seeker number is already on line ${first}`,
          },
        ],
      });
      continue;
    }
    seen.set(l.seekerNumber!, l.line);
    valid++;
  }
  const { errors, errorCount, errorsByCode, rejectedLines } = tally.summary();
  const byLine = Map.groupBy(errors, (e) => e.line);
  return {
    lines,
    valid,
    rejected: rejectedLines,
    errorCount,
    errorsByCode,
    errors: [...byLine].map(([line, es]) => ({ line, errors: es.map(({ line: _, ...e }) => e) })),
  };
}

/** The second pass: the valid lines as the service writes them. */
export async function* seekersOf(
  path: string,
  format: SeekerFileFormat,
): AsyncGenerator<{ seekerNumber: string; person: Person }> {
  for await (const l of readSeekerFile(path, format)) {
    if (l.errors.length > 0 || !l.seekerNumber || !l.person) {
      throw new Error(`line ${l.line} changed between the check and the import`);
    }
    yield { seekerNumber: l.seekerNumber, person: l.person };
  }
}
