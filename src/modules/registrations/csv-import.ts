import { parse } from "csv-parse/sync";
import type { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { runInWorker } from "../../platform/imports/worker.ts";
import {
  ADDRESS_FIELDS,
  DECISION_FIELDS,
  PERSON_FIELDS,
  REQUIRED_PERSON_FIELDS,
  type RegistrationInput,
  registrationBody,
} from "./schemas.ts";

/**
 * The initial load of an existing list (001 §4.3): one CSV file per primary source, one
 * registration per line. Codes lists (categories, criteria) are separated by `;`. Amounts in
 * cents. Documented in docs/registrations-import.md.
 */
/**
 * `evidence`: the items of contract §6 in one cell, `criterion|kind|date|reference` (reference
 * optional), items separated by `;` (issue 20); `tenancyRelation`: huurder, medehuurder or
 * woningzoekende (003 ch. 5). The address columns are read as both addresses (contract §6).
 */
export const CSV_COLUMNS = [
  ...PERSON_FIELDS,
  ...ADDRESS_FIELDS,
  ...DECISION_FIELDS,
  "tenancyRelation",
  "evidence",
] as const;

/** The `evidence` cell as the body's items; a malformed item stays visible to the schema. */
function evidenceCell(cell: string) {
  return cell
    .split(";")
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [criterion, kind, date, reference, ...rest] = item.split("|").map((p) => p.trim());
      return {
        criterion,
        kind,
        date,
        ...(reference ? { reference } : {}),
        ...(rest.length > 0 ? { extra: rest.join("|") } : {}),
      };
    });
}

const REQUIRED = [...REQUIRED_PERSON_FIELDS, "categories", "criteria", "placementDate"];
const ADDRESS: readonly string[] = ADDRESS_FIELDS;
export const MAX_IMPORT_ROWS = 20_000;

export interface ParsedRow {
  line: number;
  input?: RegistrationInput;
  errors: { code: string; message: string; field?: string }[];
}

function issuesOf(error: z.ZodError) {
  return error.issues.map((i) => ({
    code: i.code === "unrecognized_keys" ? "unknown_field" : "invalid_input",
    field: i.path.join("."),
    message: `${i.path.join(".") || "row"}: ${i.message}`,
  }));
}

/** Parses and validates the file's shape; protocol rules are checked by the service. */
export function parseRegistrationsCsv(text: string): ParsedRow[] {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    });
  } catch (err) {
    throw new AppError("invalid_input", `The file is not valid CSV: ${(err as Error).message}`, {
      code: "invalid_csv",
    });
  }
  const [header, ...rows] = records;
  if (!header) throw new AppError("invalid_input", "The file is empty.", { code: "invalid_csv" });
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) {
    throw new AppError(
      "invalid_input",
      `Unknown columns: ${unknown.join(", ")}. Only the documented columns are accepted.`,
      {
        code: "unknown_column",
        details: { unknown, allowed: CSV_COLUMNS },
      },
    );
  }
  const missing = REQUIRED.filter((r) => !header.includes(r));
  if (missing.length > 0) {
    throw new AppError("invalid_input", `Missing columns: ${missing.join(", ")}.`, {
      code: "missing_column",
      details: { missing },
    });
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError("invalid_input", `At most ${MAX_IMPORT_ROWS} registrations per file.`, {
      code: "too_many_rows",
    });
  }
  return rows.map((cells, i) => {
    const line = i + 2; // the header is line 1
    const get = (name: string) => {
      const v = cells[header.indexOf(name)];
      return v === undefined || v === "" ? undefined : v;
    };
    const person: Record<string, string> = {};
    for (const k of PERSON_FIELDS) {
      const v = get(k);
      if (v !== undefined) person[k] = v;
    }
    const address: Record<string, string> = {};
    for (const k of ADDRESS) {
      const v = get(k);
      if (v !== undefined) address[k] = v;
    }
    const int = (name: string) => {
      const v = get(name);
      return v === undefined ? undefined : /^-?\d+$/.test(v) ? Number(v) : Number.NaN;
    };
    const candidate: Record<string, unknown> = {
      person,
      categories: (get("categories") ?? "")
        .split(";")
        .map((c) => c.trim())
        .filter(Boolean),
      criteria: (get("criteria") ?? "")
        .split(";")
        .map((c) => c.trim())
        .filter(Boolean),
      placementDate: get("placementDate"),
    };
    if (Object.keys(address).length > 0) candidate.address = address;
    if (get("tenancyRelation") !== undefined) candidate.tenancyRelation = get("tenancyRelation");
    const evidence = get("evidence");
    if (evidence !== undefined) candidate.evidence = evidenceCell(evidence);
    if (get("claimCents") !== undefined) candidate.claimCents = int("claimCents");
    if (get("termMonths") !== undefined) candidate.termMonths = int("termMonths");
    const parsed = registrationBody.safeParse(candidate);
    return parsed.success
      ? { line, input: parsed.data, errors: [] }
      : { line, errors: issuesOf(parsed.error) };
  });
}

/**
 * parseRegistrationsCsv in a worker thread (csv-import-worker.ts, F13, D-741): checking
 * 20,000 lines takes seconds, and the server keeps answering meanwhile.
 */
export async function readRegistrationsCsv(text: string): Promise<ParsedRow[]> {
  const worker = new URL("./csv-import-worker.ts", import.meta.url);
  return (await runInWorker<ParsedRow, null>(worker, "registrations", text, {})).items;
}
