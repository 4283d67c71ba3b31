/**
 * The signal file for a municipality's Digitaal Meldpunt (002 "Doorgeven achterstanden via
 * Digitaal Meldpunt"; the agreement's art. 3.4 names which one). The fields, their order and
 * their sources are documented in docs/vroegsignalering.md; a test keeps the two in step.
 *
 * One adapter per reporting point. The interface specifications of RIS (Inforing/xxllnc) and
 * VPS are not among our sources, so both adapters write the same documented file today
 * (format `woonsignaal-signal-v1`); a real interface replaces one adapter without touching
 * the selection (decision D-107).
 */

/** One signal's fields, as delivered. */
export interface SignalRecord {
  tenancyRef: string;
  initials: string;
  prefix: string | null;
  surname: string;
  birthDate: string | null;
  street: string;
  houseNumber: string;
  houseNumberAddition: string | null;
  postcode: string;
  city: string;
  phone: string | null;
  email: string | null;
  arrearsCents: number;
  monthsInArrears: number;
  arrearsBeganOn: string;
  signalDate: string;
  repeated: boolean;
  landlordName: string;
  landlordKvk: string | null;
}

/** The CSV columns in order: [column, how it is written]. */
export const SIGNAL_CSV_COLUMNS: readonly [string, (s: SignalRecord) => string][] = [
  ["reference", (s) => s.tenancyRef],
  ["initials", (s) => s.initials],
  ["prefix", (s) => s.prefix ?? ""],
  ["surname", (s) => s.surname],
  ["birthDate", (s) => s.birthDate ?? ""],
  ["street", (s) => s.street],
  ["houseNumber", (s) => s.houseNumber],
  ["houseNumberAddition", (s) => s.houseNumberAddition ?? ""],
  ["postcode", (s) => s.postcode],
  ["city", (s) => s.city],
  ["phone", (s) => s.phone ?? ""],
  ["email", (s) => s.email ?? ""],
  ["arrearsAmount", (s) => (s.arrearsCents / 100).toFixed(2)],
  ["monthsInArrears", (s) => String(s.monthsInArrears)],
  ["arrearsBeganOn", (s) => s.arrearsBeganOn],
  ["signalDate", (s) => s.signalDate],
  ["repeatedSignal", (s) => (s.repeated ? "yes" : "no")],
  ["landlordName", (s) => s.landlordName],
  ["landlordKvk", (s) => s.landlordKvk ?? ""],
];

function cell(value: string): string {
  // RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets never run it (an
  // international phone number such as "+31 6 …" is left as it is: it cannot be a formula).
  const safe = /^[=+\-@]/.test(value) && !/^\+[0-9 ()-]+$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function signalFileV1Csv(signals: readonly SignalRecord[]): string {
  const lines = [SIGNAL_CSV_COLUMNS.map(([c]) => c).join(",")];
  for (const s of signals) lines.push(SIGNAL_CSV_COLUMNS.map(([, f]) => cell(f(s))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export interface ReportingPointAdapter {
  format: string;
  fileName(municipalityCode: string, month: string): string;
  csv(signals: readonly SignalRecord[]): string;
}

export const REPORTING_POINTS: Record<"ris" | "vps", ReportingPointAdapter> = {
  ris: {
    format: "woonsignaal-signal-v1",
    fileName: (m, month) => `vroegsignalen-ris-${m}-${month}.csv`,
    csv: signalFileV1Csv,
  },
  vps: {
    format: "woonsignaal-signal-v1",
    fileName: (m, month) => `vroegsignalen-vps-${m}-${month}.csv`,
    csv: signalFileV1Csv,
  },
};
