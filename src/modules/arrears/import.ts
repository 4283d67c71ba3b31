/**
 * The monthly arrears position from the landlord's administration, as CSV (streamed: the file
 * is parsed record by record, never held whole) or as JSON items. Every line is validated on
 * its own; a bad line is reported with its line number, a stable code and the reason, and is
 * never half-imported (the service writes the good lines in one transaction). Columns in
 * docs/vroegsignalering.md "Position import".
 */
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import type { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { compareDates } from "../../platform/werkdagen.ts";
import { ADDRESS_FIELDS, MATCH_FIELDS } from "../registrations/schemas.ts";
import { municipalityOfPostcode } from "./municipalities.ts";
import { type PositionItem, positionItem } from "./schemas.ts";

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
const PERSON = [
  "initials",
  "firstNames",
  "prefix",
  "surname",
  "birthName",
  "birthDate",
  "gender",
  "email",
];
const ADDRESS = ["street", "houseNumber", "houseNumberAddition", "postcode", "city", "country"];
const EVENT_COLUMNS = [
  ["contactAttemptDate", "contact_attempt"],
  ["debtHelpReferralDate", "debt_help_referral"],
  ["reminderWithSharingOfferDate", "reminder_with_sharing_offer"],
  ["tenantRefusedDate", "tenant_refused"],
] as const;

export const MAX_POSITION_LINES = 200_000;

export interface LineError {
  line: number;
  code: string;
  message: string;
}

/** A valid line, its municipality settled. */
export interface PositionLine {
  line: number;
  item: PositionItem;
  municipalityCode: string;
  municipalityDerived: boolean;
}

export interface ParsedPositions {
  lines: PositionLine[];
  errors: LineError[];
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
  readonly errors: LineError[] = [];
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
      this.errors.push(...zodErrors(line, parsed.error));
      return;
    }
    const item = parsed.data;
    const fail = (code: string, message: string) => {
      this.errors.push({ line, code, message });
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

/** JSON items: `line` is the item's position in `items`, counting from 1. */
export function parsePositionItems(asOf: string, items: readonly unknown[]): ParsedPositions {
  const v = new PositionValidator(asOf);
  items.forEach((item, i) => {
    v.add(i + 1, item);
  });
  return v.result();
}

function candidateOf(header: readonly string[], cells: readonly string[]) {
  const get = (name: string) => {
    const i = header.indexOf(name);
    const v = i < 0 ? undefined : cells[i];
    return v === undefined || v === "" ? undefined : v;
  };
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
    address: pick(ADDRESS),
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

/**
 * Reads a CSV position from a stream. Structural problems of the file (not CSV, unknown or
 * missing columns) refuse the whole file (400); problems of a line are that line's errors.
 * `line` is the physical line where the record starts (the header is line 1).
 */
export async function parsePositionsCsv(stream: Readable, asOf: string): Promise<ParsedPositions> {
  const parser = stream.pipe(
    parse({ bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }),
  );
  const v = new PositionValidator(asOf);
  let header: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!header) {
        header = record;
        const unknown = header.filter(
          (h) => !(POSITION_CSV_COLUMNS as readonly string[]).includes(h),
        );
        if (unknown.length > 0) {
          throw new AppError("invalid_input", `Unknown columns: ${unknown.join(", ")}.`, {
            code: "unknown_column",
            details: { unknown, allowed: POSITION_CSV_COLUMNS },
          });
        }
        const missing = REQUIRED_COLUMNS.filter((r) => !header!.includes(r));
        if (missing.length > 0) {
          throw new AppError("invalid_input", `Missing columns: ${missing.join(", ")}.`, {
            code: "missing_column",
            details: { missing },
          });
        }
        continue;
      }
      if (record.length !== header.length) {
        v.total++;
        v.errors.push({
          line: info.lines,
          code: "wrong_column_count",
          message: `has ${record.length} cells where the header has ${header.length}`,
        });
        continue;
      }
      v.add(info.lines, candidateOf(header, record));
    }
  } catch (err) {
    if (err instanceof AppError) {
      stream.destroy();
      throw err;
    }
    throw new AppError("invalid_input", `The file is not valid CSV: ${(err as Error).message}`, {
      code: "invalid_csv",
    });
  }
  if (!header) throw new AppError("invalid_input", "The file is empty.", { code: "invalid_csv" });
  return v.result();
}
