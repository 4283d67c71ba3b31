/**
 * The monthly arrears position from the landlord's administration, as CSV (streamed: the file
 * is parsed record by record, never held whole) or as JSON items. Every line is validated on
 * its own; a bad line is reported with its line number, a stable code and the reason, and is
 * never half-imported (the service writes the good lines in one transaction). The errors are
 * counted, the first 100 listed (LineErrors, F13); the server reads a CSV file in a worker
 * thread (readPositionsCsv, readFeedbackCsv). Columns in docs/vroegsignalering.md "Position
 * import".
 */
import { type Readable, Transform } from "node:stream";
import { setImmediate } from "node:timers/promises";
import { parse } from "csv-parse";
import type { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import {
  type LineError,
  type LineErrorSummary,
  LineErrors,
} from "../../platform/imports/line-errors.ts";
import { runInWorker } from "../../platform/imports/worker.ts";
import { compareDates } from "../../platform/werkdagen.ts";
import { ADDRESS_FIELDS, MATCH_FIELDS } from "../registrations/schemas.ts";
import { municipalityOfPostcode } from "./municipalities.ts";
import { type FeedbackItem, feedbackItem, type PositionItem, positionItem } from "./schemas.ts";

export const POSITION_CSV_COLUMNS = [
  "tenancyRef",
  ...MATCH_FIELDS,
  "email",
  "phone",
  ...ADDRESS_FIELDS,
  "municipalityCode",
  "monthlyRentCents",
  "arrearsCents",
  "oldestUnpaidDueDate",
  "lastPaymentDate",
  "contactAttemptDate",
  "contactAttemptChannel",
  "debtHelpReferralDate",
  "reminderWithSharingOfferDate",
  "tenantRefusedDate",
] as const;

const REQUIRED_COLUMNS = [
  "tenancyRef",
  "initials",
  "surname",
  "street",
  "houseNumber",
  "postcode",
  "city",
  "monthlyRentCents",
  "arrearsCents",
  "oldestUnpaidDueDate",
];
/** A position's person fields: the contract's match fields and the e-mail address. */
const PERSON = [...MATCH_FIELDS, "email"];
const EVENT_COLUMNS = [
  ["contactAttemptDate", "contact_attempt"],
  ["debtHelpReferralDate", "debt_help_referral"],
  ["reminderWithSharingOfferDate", "reminder_with_sharing_offer"],
  ["tenantRefusedDate", "tenant_refused"],
] as const;

export const MAX_POSITION_LINES = 200_000;

export type { LineError };

/** A valid line, its municipality settled. */
export interface PositionLine {
  line: number;
  item: PositionItem;
  municipalityCode: string;
  municipalityDerived: boolean;
}

export interface ParsedPositions {
  lines: PositionLine[];
  /** Every line error, counted; the first ones listed (platform/imports/line-errors.ts). */
  errors: LineErrors;
  total: number;
}

function zodErrors(line: number, error: z.ZodError): LineError[] {
  return error.issues.map((i) => {
    const field = i.path.join(".");
    if (i.code === "unrecognized_keys") {
      return {
        line,
        code: "unknown_field",
        message: `${field ? `${field}: ` : ""}unknown field(s) ${i.keys.join(", ")}`,
      };
    }
    return { line, code: "invalid_input", message: `${field || "line"}: ${i.message}` };
  });
}

/** Checks one candidate item (from a CSV record or a JSON element) against every line rule. */
export class PositionValidator {
  readonly #asOf: string;
  readonly #seen = new Set<string>();
  readonly lines: PositionLine[] = [];
  readonly errors = new LineErrors();
  total = 0;

  constructor(asOf: string) {
    this.#asOf = asOf;
  }

  add(line: number, candidate: unknown) {
    this.total++;
    if (this.total > MAX_POSITION_LINES) {
      throw new AppError("invalid_input", `At most ${MAX_POSITION_LINES} lines per position.`, {
        code: "too_many_lines",
      });
    }
    const parsed = positionItem.safeParse(candidate);
    if (!parsed.success) {
      this.errors.addAll(zodErrors(line, parsed.error));
      return;
    }
    const item = parsed.data;
    const fail = (code: string, message: string) => {
      this.errors.add({ line, code, message });
    };
    if (this.#seen.has(item.tenancyRef)) {
      return fail("duplicate_tenancy_ref", "this tenancy reference is already in this position");
    }
    this.#seen.add(item.tenancyRef);
    if (item.arrearsCents > 0 && !item.oldestUnpaidDueDate) {
      return fail(
        "oldest_unpaid_due_date_required",
        "oldestUnpaidDueDate: required when there are arrears",
      );
    }
    if (item.oldestUnpaidDueDate && compareDates(item.oldestUnpaidDueDate, this.#asOf) > 0) {
      return fail("due_date_after_position", "oldestUnpaidDueDate: after the position date (asOf)");
    }
    for (const e of item.events ?? []) {
      if (compareDates(e.date, this.#asOf) > 0) {
        return fail("event_after_position", `${e.type}: dated after the position date (asOf)`);
      }
    }
    let municipalityCode = item.municipalityCode;
    let derived = false;
    if (!municipalityCode) {
      // Signals go to the municipality where the tenant lives (002): derived from the postcode
      // when the administration does not give it, from a partial table (municipalities.ts).
      const found = municipalityOfPostcode(item.address.postcode);
      if (!found) {
        return fail(
          "municipality_unknown",
          "municipalityCode: not given, and the postcode is not in the table of municipalities (docs/vroegsignalering.md)",
        );
      }
      municipalityCode = found.municipalityCode;
      derived = true;
    }
    this.lines.push({ line, item, municipalityCode, municipalityDerived: derived });
  }

  result(): ParsedPositions {
    return { lines: this.lines, errors: this.errors, total: this.total };
  }
}

/** JSON items checked between two turns of the event loop (D-742). */
const SLICE = 500;

/**
 * JSON items: `line` is the item's position in `items`, counting from 1. The body is already
 * parsed on the main thread; the items are checked in slices with a turn of the event loop in
 * between, so that 200,000 items never hold the server (F13, D-742).
 */
export async function parsePositionItems(
  asOf: string,
  items: readonly unknown[],
): Promise<ParsedPositions> {
  const v = new PositionValidator(asOf);
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % SLICE === 0) await setImmediate();
    v.add(i + 1, items[i]);
  }
  return v.result();
}

function candidateOf(get: (name: string) => string | undefined) {
  const pick = (names: readonly string[]) => {
    const out: Record<string, string> = {};
    for (const k of names) {
      const v = get(k);
      if (v !== undefined) out[k] = v;
    }
    return out;
  };
  const int = (name: string) => {
    const v = get(name);
    return v === undefined ? undefined : /^-?\d+$/.test(v) ? Number(v) : v;
  };
  const events: Record<string, string>[] = [];
  for (const [column, type] of EVENT_COLUMNS) {
    const date = get(column);
    if (date === undefined) continue;
    const channel = type === "contact_attempt" ? get("contactAttemptChannel") : undefined;
    events.push({ type, date, ...(channel ? { channel } : {}) });
  }
  const candidate: Record<string, unknown> = {
    tenancyRef: get("tenancyRef"),
    person: pick(PERSON),
    address: pick(ADDRESS_FIELDS),
    monthlyRentCents: int("monthlyRentCents"),
    arrearsCents: int("arrearsCents"),
  };
  for (const k of ["phone", "municipalityCode", "oldestUnpaidDueDate", "lastPaymentDate"]) {
    const v = get(k);
    if (v !== undefined) candidate[k] = v;
  }
  if (events.length > 0) candidate.events = events;
  return candidate;
}

/** The columns a CSV file may and must have; `line` numbers count physical lines (header = 1). */
interface CsvSpec {
  columns: readonly string[];
  required: readonly string[];
}

/** A validator that counts lines and collects their errors (PositionValidator, FeedbackValidator). */
interface LineCounter {
  total: number;
  readonly errors: LineErrors;
}

/**
 * CRLF and CR line ends become LF before parsing, so that csv-parse counts every physical line
 * once (it counts a CRLF inside a quoted cell as two lines).
 */
function unixLineEnds() {
  let pendingCr = false;
  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, done) {
      let text = (pendingCr ? "\r" : "") + chunk.toString("latin1");
      pendingCr = text.endsWith("\r");
      if (pendingCr) text = text.slice(0, -1);
      done(null, Buffer.from(text.replace(/\r\n?/g, "\n"), "latin1"));
    },
    flush(done) {
      done(null, pendingCr ? Buffer.from("\n") : null);
    },
  });
}

/**
 * The CSV machinery of every import (positions, feedback): reads a stream record by record
 * (never the whole file), checks the header, reports a record with the wrong number of cells
 * as that line's error and hands every other record to the sink. Structural problems of the
 * file (not CSV, unknown or missing columns, empty) refuse the whole file (400).
 */
export async function readCsvRecords(
  stream: Readable,
  spec: CsvSpec,
  counter: LineCounter,
  each: (line: number, get: (name: string) => string | undefined) => void,
) {
  const parser = stream.pipe(unixLineEnds()).pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
      raw: true,
    }),
  );
  let header: string[] | undefined;
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
      raw: string;
    }>) {
      // csv-parse counts the line a record ends on; the line it starts on is what a person
      // looks for: minus the line breaks inside the record (quoted cells), not counting the
      // empty lines skipped before it or the break that ends it.
      const inside = raw.replace(/^\n+/, "").replace(/\n$/, "").split("\n").length - 1;
      const line = info.lines - inside;
      if (!header) {
        header = record;
        const unknown = header.filter((h) => !spec.columns.includes(h));
        if (unknown.length > 0) {
          throw new AppError("invalid_input", `Unknown columns: ${unknown.join(", ")}.`, {
            code: "unknown_column",
            details: { unknown, allowed: spec.columns },
          });
        }
        const missing = spec.required.filter((r) => !header!.includes(r));
        if (missing.length > 0) {
          throw new AppError("invalid_input", `Missing columns: ${missing.join(", ")}.`, {
            code: "missing_column",
            details: { missing },
          });
        }
        continue;
      }
      if (record.length !== header.length) {
        counter.total++;
        counter.errors.add({
          line,
          code: "wrong_column_count",
          message: `has ${record.length} cells where the header has ${header.length}`,
        });
        continue;
      }
      const cells = record;
      const columns = header;
      each(line, (name) => {
        const i = columns.indexOf(name);
        const v = i < 0 ? undefined : cells[i];
        return v === undefined || v === "" ? undefined : v;
      });
    }
  } catch (err) {
    stream.destroy();
    if (err instanceof AppError) throw err;
    throw new AppError("invalid_input", `The file is not valid CSV: ${(err as Error).message}`, {
      code: "invalid_csv",
    });
  }
  if (!header) throw new AppError("invalid_input", "The file is empty.", { code: "invalid_csv" });
}

/**
 * Reads a CSV position from a stream. Structural problems of the file (not CSV, unknown or
 * missing columns) refuse the whole file (400); problems of a line are that line's errors.
 * `line` is the physical line where the record starts (the header is line 1).
 */
export async function parsePositionsCsv(stream: Readable, asOf: string): Promise<ParsedPositions> {
  const v = new PositionValidator(asOf);
  await readCsvRecords(
    stream,
    { columns: POSITION_CSV_COLUMNS, required: REQUIRED_COLUMNS },
    v,
    (line, get) => v.add(line, candidateOf(get)),
  );
  return v.result();
}

// ---- feedback ---------------------------------------------------------------------------

/** The feedback CSV (one municipality per file, named in the request): docs/vroegsignalering.md. */
export const FEEDBACK_CSV_COLUMNS = ["tenancyRef", "outcome", "date"] as const;
export const MAX_FEEDBACK_LINES = 50_000;

export interface FeedbackLine {
  line: number;
  item: FeedbackItem;
}

export interface ParsedFeedback {
  lines: FeedbackLine[];
  errors: LineErrors;
  total: number;
}

/** Checks one feedback line (a CSV record or a JSON element) on its own. */
export class FeedbackValidator {
  readonly lines: FeedbackLine[] = [];
  readonly errors = new LineErrors();
  total = 0;

  add(line: number, candidate: unknown) {
    this.total++;
    if (this.total > MAX_FEEDBACK_LINES) {
      throw new AppError(
        "invalid_input",
        `At most ${MAX_FEEDBACK_LINES} lines per feedback file.`,
        {
          code: "too_many_lines",
        },
      );
    }
    const parsed = feedbackItem.safeParse(candidate);
    if (!parsed.success) {
      this.errors.addAll(zodErrors(line, parsed.error));
      return;
    }
    this.lines.push({ line, item: parsed.data });
  }

  result(): ParsedFeedback {
    return { lines: this.lines, errors: this.errors, total: this.total };
  }
}

/** JSON items (already checked by the body schema): `line` is the item's number, from 1. */
export function feedbackLinesOf(items: readonly FeedbackItem[]): ParsedFeedback {
  return {
    lines: items.map((item, i) => ({ line: i + 1, item })),
    errors: new LineErrors(),
    total: items.length,
  };
}

/** Reads a feedback CSV from a stream, record by record, like the position (readCsvRecords). */
export async function parseFeedbackCsv(stream: Readable): Promise<ParsedFeedback> {
  const v = new FeedbackValidator();
  await readCsvRecords(
    stream,
    { columns: FEEDBACK_CSV_COLUMNS, required: FEEDBACK_CSV_COLUMNS },
    v,
    (line, get) =>
      v.add(line, { tenancyRef: get("tenancyRef"), outcome: get("outcome"), date: get("date") }),
  );
  return v.result();
}

// ---- off the event loop ------------------------------------------------------------------

/** The worker file that runs the CSV parsers above (import-worker.ts, D-741). */
const WORKER = new URL("./import-worker.ts", import.meta.url);

/** What the worker hands back besides the valid lines. */
export interface ParseSummary {
  errors: LineErrorSummary;
  total: number;
}

/** parsePositionsCsv in a worker thread: the server keeps answering while a file is read. */
export async function readPositionsCsv(stream: Readable, asOf: string): Promise<ParsedPositions> {
  const { items, summary } = await runInWorker<PositionLine, ParseSummary>(
    WORKER,
    "positions",
    stream,
    { asOf },
  );
  return { lines: items, errors: LineErrors.from(summary.errors), total: summary.total };
}

/** parseFeedbackCsv in a worker thread. */
export async function readFeedbackCsv(stream: Readable): Promise<ParsedFeedback> {
  const { items, summary } = await runInWorker<FeedbackLine, ParseSummary>(
    WORKER,
    "feedback",
    stream,
    {},
  );
  return { lines: items, errors: LineErrors.from(summary.errors), total: summary.total };
}
