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
 * woningzoekende (003 ch. 5). The two addresses (D-822, D-952): the plain address columns are
 * read as both, like the API's v1 `address`; `dwelling…` columns are the rented dwelling only,
 * `contact…` columns where letters go only (003 §12.1 vs §16.3; contract §6).
 */
const ADDRESS_GROUPS = {
  address: "",
  dwellingAddress: "dwelling",
  contactAddress: "contact",
} as const;
type AddressGroup = keyof typeof ADDRESS_GROUPS;

/** The CSV column of an address field in a group: `street`, `dwellingStreet`, `contactStreet`. */
function addressColumn(group: AddressGroup, field: string): string {
  const prefix = ADDRESS_GROUPS[group];
  return prefix ? `${prefix}${field[0]!.toUpperCase()}${field.slice(1)}` : field;
}

const ADDRESS_COLUMNS = (Object.keys(ADDRESS_GROUPS) as AddressGroup[]).flatMap((g) =>
  ADDRESS_FIELDS.map((f) => addressColumn(g, f)),
);

/** An address's fields that must all be there once any of its columns is (addressSchema). */
const REQUIRED_ADDRESS_FIELDS = ["street", "houseNumber", "postcode", "city"] as const;

export const CSV_COLUMNS = [
  ...PERSON_FIELDS,
  ...ADDRESS_COLUMNS,
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
export const MAX_IMPORT_ROWS = 20_000;

type RowError = { code: string; message: string; field?: string; column?: string };

export interface ParsedRow {
  line: number;
  input?: RegistrationInput;
  errors: RowError[];
}

/** The CSV column a body path comes from: `dwellingAddress.postcode` → `dwellingPostcode`. */
function columnOf(path: readonly PropertyKey[]): string {
  const [head, field] = path.map(String);
  if (head && head in ADDRESS_GROUPS && field) return addressColumn(head as AddressGroup, field);
  if (head === "person" && field) return field;
  return head ?? "row";
}

function issuesOf(error: z.ZodError): RowError[] {
  return error.issues.map((i) => {
    const column = columnOf(i.path);
    return {
      code: i.code === "unrecognized_keys" ? "unknown_field" : "invalid_input",
      field: i.path.join("."),
      column,
      message: `${column}: ${i.message}`,
    };
  });
}

/**
 * A row's address groups (D-952): each all or none — street, house number, postcode and city
 * once any of its columns is given — and either the plain columns (read as both) or the
 * dwelling/contact ones, never both, as the API refuses `address` with a v2 field.
 */
function addressesOfRow(get: (column: string) => string | undefined) {
  const given: Partial<Record<AddressGroup, Record<string, string>>> = {};
  const errors: RowError[] = [];
  for (const group of Object.keys(ADDRESS_GROUPS) as AddressGroup[]) {
    const values: Record<string, string> = {};
    for (const field of ADDRESS_FIELDS) {
      const v = get(addressColumn(group, field));
      if (v !== undefined) values[field] = v;
    }
    if (Object.keys(values).length === 0) continue;
    const missing = REQUIRED_ADDRESS_FIELDS.filter((f) => values[f] === undefined).map((f) =>
      addressColumn(group, f),
    );
    if (missing.length > 0) {
      const all = REQUIRED_ADDRESS_FIELDS.map((f) => addressColumn(group, f)).join(", ");
      errors.push({
        code: "address_incomplete",
        field: group,
        column: missing.join(", "),
        message: `${missing.join(", ")}: missing. An address needs all of ${all}, or none of its columns.`,
      });
      continue; // reported once here, not again by the schema
    }
    given[group] = values;
  }
  if (given.address && (given.dwellingAddress || given.contactAddress)) {
    const other = given.dwellingAddress ? "dwelling" : "contact";
    errors.push({
      code: "address_ambiguous",
      field: "address",
      column: "street",
      message: `Give either the address columns (street, …: read as both the dwelling and the contact address) or the ${other}… columns, not both on one line.`,
    });
    return { given: {}, errors };
  }
  return { given, errors };
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
    const addresses = addressesOfRow(get);
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
    for (const [group, address] of Object.entries(addresses.given)) candidate[group] = address;
    if (get("tenancyRelation") !== undefined) candidate.tenancyRelation = get("tenancyRelation");
    const evidence = get("evidence");
    if (evidence !== undefined) candidate.evidence = evidenceCell(evidence);
    if (get("claimCents") !== undefined) candidate.claimCents = int("claimCents");
    if (get("termMonths") !== undefined) candidate.termMonths = int("termMonths");
    const parsed = registrationBody.safeParse(candidate);
    const errors = [...addresses.errors, ...(parsed.success ? [] : issuesOf(parsed.error))];
    return parsed.success && errors.length === 0
      ? { line, input: parsed.data, errors: [] }
      : { line, errors };
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
