/**
 * Dutch working days and legal term ends under the Algemene termijnenwet (Atw).
 *
 * Pure module: no I/O, no dependencies, no clock (callers pass `now`).
 *
 * Dates are date-only strings `YYYY-MM-DD` (calendar dates in Europe/Amsterdam).
 * Internally every date is converted to a whole "epoch day" number through UTC
 * (Date.UTC semantics), so daylight-saving transitions can never shift a day.
 *
 * Rules implemented:
 * - Atw art. 1 lid 1: a term that ends on a Saturday, Sunday or generally
 *   recognised holiday is extended up to and including the next day that is none
 *   of those.
 * - Atw art. 2: a term of at least three days is extended as far as needed so that
 *   it contains at least two days that are not a Saturday, Sunday or holiday.
 * - Atw art. 3 lid 1: the generally recognised holidays (algemeen erkende feestdagen).
 * - Atw art. 3 lid 2: Goede Vrijdag is equated with those holidays.
 * - Atw art. 3 lid 3: further days equated by royal decree, see ROYAL_DECREE_DAYS.
 *
 * Holidays are only computed for years from {@link MIN_HOLIDAY_YEAR} (the first
 * year of Koningsdag) up to 9999; earlier years throw a RangeError rather than
 * silently applying today's rules to the past.
 */

/** A calendar date `YYYY-MM-DD`, validated by {@link parseIsoDate}. */
export type IsoDate = string;

export type Holiday = { date: IsoDate; name: string; source: string };

/**
 * Options accepted by every holiday-aware function. `extraDays` are treated as
 * additional days equated with a holiday (Atw art. 3 lid 3), e.g. a royal
 * decree published after this module was last updated.
 */
export type CalendarOptions = { extraDays?: readonly IsoDate[] };

export type Term = {
  days?: number;
  weeks?: number;
  months?: number;
  workingDays?: number;
};

export type TermEnd = {
  /** Last day of the term, after the Atw extensions. */
  date: IsoDate;
  /** The end before any Atw extension (plain calendar / working-day count). */
  unextended: IsoDate;
  /** One human-readable line (Dutch) per Atw extension applied; empty if none. */
  extendedBy: string[];
};

/** First year for which holidays are computed (Koningsdag replaced Koninginnedag in 2014). */
export const MIN_HOLIDAY_YEAR = 2014;

/**
 * Days equated with generally recognised holidays by royal decree (Atw art. 3 lid 3).
 * The government usually issues one "Besluit gelijkstelling van ... met een algemeen
 * erkende feestdag" per few years, bridging e.g. the Friday after Hemelvaartsdag; the
 * decree is published in the Staatscourant.
 *
 * To add a day: append `{ date, name, source }` where `source` names the decree
 * (title as published) and, when known, its Staatscourant/Staatsblad reference,
 * e.g. "Atw art. 3 lid 3; Besluit gelijkstelling van ... (Stcrt. 2025, 12345)".
 * Callers can also inject days at run time via `CalendarOptions.extraDays`.
 *
 * The entries below are taken from the titles of the two decrees in force for
 * 2023-2028 (the Staatscourant numbers still need to be filled in); each date is
 * the bridge day next to a holiday, as the decree titles state.
 */
const DECREE_2023_2025 =
  "Atw art. 3 lid 3; Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag";
const DECREE_2026_2028 =
  "Atw art. 3 lid 3; Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag";

export const ROYAL_DECREE_DAYS: readonly Readonly<Holiday>[] = Object.freeze(
  [
    { date: "2023-04-28", name: "Vrijdag na Koningsdag", source: DECREE_2023_2025 },
    { date: "2023-05-19", name: "Vrijdag na Hemelvaartsdag", source: DECREE_2023_2025 },
    { date: "2024-05-10", name: "Vrijdag na Hemelvaartsdag", source: DECREE_2023_2025 },
    { date: "2024-12-27", name: "Vrijdag na Tweede Kerstdag", source: DECREE_2023_2025 },
    { date: "2025-05-30", name: "Vrijdag na Hemelvaartsdag", source: DECREE_2023_2025 },
    { date: "2026-01-02", name: "Vrijdag na Nieuwjaarsdag", source: DECREE_2026_2028 },
    { date: "2026-05-15", name: "Vrijdag na Hemelvaartsdag", source: DECREE_2026_2028 },
    { date: "2027-05-07", name: "Vrijdag na Hemelvaartsdag", source: DECREE_2026_2028 },
    { date: "2028-04-28", name: "Vrijdag na Koningsdag", source: DECREE_2026_2028 },
    { date: "2028-05-26", name: "Vrijdag na Hemelvaartsdag", source: DECREE_2026_2028 },
  ].map((h) => Object.freeze(h)),
);

// ---------------------------------------------------------------------------
// Parsing and day numbers
// ---------------------------------------------------------------------------

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const WEEKDAY_NAMES = [
  "zondag",
  "maandag",
  "dinsdag",
  "woensdag",
  "donderdag",
  "vrijdag",
  "zaterdag",
] as const;

type Ymd = { y: number; m: number; d: number };

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function parseYmd(s: unknown): Ymd | undefined {
  if (typeof s !== "string") return undefined;
  const match = ISO_DATE_RE.exec(s);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

/** True when `s` is a `YYYY-MM-DD` string naming a real calendar date. */
export function isIsoDate(s: unknown): s is IsoDate {
  return parseYmd(s) !== undefined;
}

/**
 * Validate a `YYYY-MM-DD` date string strictly (format and real calendar date).
 * @throws RangeError on anything else, e.g. "2025-02-29", "2025-13-01", "25-01-01".
 */
export function parseIsoDate(s: unknown): IsoDate {
  requireYmd(s);
  return s as IsoDate;
}

function requireYmd(s: unknown): Ymd {
  const ymd = parseYmd(s);
  if (ymd === undefined) {
    const shown = typeof s === "string" ? JSON.stringify(s) : String(s);
    throw new RangeError(
      `Invalid date ${shown}: expected an existing calendar date in the form YYYY-MM-DD`,
    );
  }
  return ymd;
}

function ymdToDayNumber({ y, m, d }: Ymd): number {
  // Date.UTC maps years 0-99 to 1900-1999, so set the full year explicitly.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / MS_PER_DAY);
}

function toDayNumber(s: IsoDate): number {
  return ymdToDayNumber(requireYmd(s));
}

function dayNumberToYmd(n: number): Ymd {
  const date = new Date(n * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function formatYmd({ y, m, d }: Ymd): IsoDate {
  if (y < 0 || y > 9999) {
    throw new RangeError(`Date out of supported range (year ${y}); years 0000-9999 only`);
  }
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function fromDayNumber(n: number): IsoDate {
  return formatYmd(dayNumberToYmd(n));
}

/** 0 = Sunday ... 6 = Saturday. 1970-01-01 (day 0) was a Thursday. */
function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

function assertInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be an integer, got ${value}`);
  }
}

// ---------------------------------------------------------------------------
// Calendar arithmetic
// ---------------------------------------------------------------------------

export function addDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, "addDays: n");
  return fromDayNumber(toDayNumber(date) + n);
}

export function addWeeks(date: IsoDate, n: number): IsoDate {
  assertInteger(n, "addWeeks: n");
  return addDays(date, 7 * n);
}

/**
 * Add calendar months; when the target month is shorter the day is clamped to
 * its last day (2024-01-31 + 1 month = 2024-02-29).
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  assertInteger(n, "addMonths: n");
  const ymd = requireYmd(date);
  const monthIndex = ymd.y * 12 + (ymd.m - 1) + n;
  const y = Math.floor(monthIndex / 12);
  const m = monthIndex - y * 12 + 1;
  return formatYmd({ y, m, d: Math.min(ymd.d, daysInMonth(y, m)) });
}

/** Add calendar years (= 12n months, so 2024-02-29 + 1 year = 2025-02-28). */
export function addYears(date: IsoDate, n: number): IsoDate {
  assertInteger(n, "addYears: n");
  return addMonths(date, 12 * n);
}

/** -1, 0 or 1, for sorting. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = toDayNumber(a) - toDayNumber(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

/** Signed number of days from `a` to `b` (b - a); daysBetween(d, addDays(d, n)) === n. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

const amsterdamFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Europe/Amsterdam at instant `now`. */
export function todayInAmsterdam(now: Date): IsoDate {
  if (Number.isNaN(now.getTime())) throw new RangeError("todayInAmsterdam: invalid Date");
  const parts = amsterdamFormat.formatToParts(now);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return parseIsoDate(`${part("year")}-${part("month")}-${part("day")}`);
}

// ---------------------------------------------------------------------------
// Holidays
// ---------------------------------------------------------------------------

/** Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  assertInteger(year, "easterSunday: year");
  if (year < 1583 || year > 9999) {
    throw new RangeError(`easterSunday: year ${year} outside the Gregorian range 1583-9999`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatYmd({ y: year, m: month, d: day });
}

const ART3_LID1 = "Atw art. 3 lid 1";

function statutoryHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const koningsdag27 = `${year}-04-27`;
  const koningsdagOnSunday = weekdayOf(toDayNumber(koningsdag27)) === 0;
  return [
    { date: `${year}-01-01`, name: "Nieuwjaarsdag", source: ART3_LID1 },
    { date: addDays(easter, -2), name: "Goede Vrijdag", source: "Atw art. 3 lid 2" },
    // Sundays are already excluded by Atw art. 1; art. 3 only lists the second days.
    { date: easter, name: "Eerste Paasdag", source: "Atw art. 1 lid 1 (zondag)" },
    { date: addDays(easter, 1), name: "Tweede Paasdag", source: ART3_LID1 },
    // "de dag waarop de verjaardag van de Koning wordt gevierd": 27 April, or
    // Saturday 26 April when 27 April is a Sunday.
    koningsdagOnSunday
      ? { date: `${year}-04-26`, name: "Koningsdag", source: `${ART3_LID1} (27 april is zondag)` }
      : { date: koningsdag27, name: "Koningsdag", source: ART3_LID1 },
    // "de vijfde mei": every year, not only lustrum years.
    { date: `${year}-05-05`, name: "Bevrijdingsdag", source: ART3_LID1 },
    { date: addDays(easter, 39), name: "Hemelvaartsdag", source: ART3_LID1 },
    { date: addDays(easter, 49), name: "Eerste Pinksterdag", source: "Atw art. 1 lid 1 (zondag)" },
    { date: addDays(easter, 50), name: "Tweede Pinksterdag", source: ART3_LID1 },
    { date: `${year}-12-25`, name: "Eerste Kerstdag", source: ART3_LID1 },
    { date: `${year}-12-26`, name: "Tweede Kerstdag", source: ART3_LID1 },
  ];
}

function assertHolidayYear(year: number): void {
  assertInteger(year, "year");
  if (year < MIN_HOLIDAY_YEAR || year > 9999) {
    throw new RangeError(
      `Holidays are only known for the years ${MIN_HOLIDAY_YEAR}-9999, not ${year}`,
    );
  }
}

const builtInCache = new Map<number, readonly Holiday[]>();

function builtInHolidays(year: number): readonly Holiday[] {
  let list = builtInCache.get(year);
  if (!list) {
    assertHolidayYear(year);
    const prefix = `${String(year).padStart(4, "0")}-`;
    list = Object.freeze(
      [...statutoryHolidays(year), ...ROYAL_DECREE_DAYS.filter((h) => h.date.startsWith(prefix))]
        .map((h) => Object.freeze({ ...h }))
        .sort((a, b) => compareDates(a.date, b.date)),
    );
    builtInCache.set(year, list);
  }
  return list;
}

/**
 * All days of `year` that are a generally recognised holiday or equated with one
 * (Atw art. 3 lid 1-3), including Eerste Paas-/Pinksterdag (Sundays), the royal
 * decree days and any `options.extraDays` in that year; sorted by date.
 */
export function publicHolidays(year: number, options?: CalendarOptions): Holiday[] {
  const list = [...builtInHolidays(year)];
  for (const date of options?.extraDays ?? []) {
    if (requireYmd(date).y === year && !list.some((h) => h.date === date)) {
      list.push({
        date,
        name: "Gelijkgestelde dag",
        source: "Atw art. 3 lid 3 (opgegeven via extraDays)",
      });
    }
  }
  return list.sort((a, b) => compareDates(a.date, b.date));
}

/** Build a fast day-number predicate for one call (validates extraDays once). */
function holidayLookup(options?: CalendarOptions): (n: number) => string | undefined {
  const extra = new Set((options?.extraDays ?? []).map((d) => toDayNumber(d)));
  return (n) => {
    const date = fromDayNumber(n);
    const year = dayNumberToYmd(n).y;
    const names = builtInHolidays(year)
      .filter((h) => h.date === date)
      .map((h) => h.name);
    if (names.length === 0 && extra.has(n)) names.push("Gelijkgestelde dag");
    return names.length > 0 ? names.join(" / ") : undefined;
  };
}

type DayInfo = { working: boolean; label: string };

function dayInspector(options?: CalendarOptions): (n: number) => DayInfo {
  const holiday = holidayLookup(options);
  return (n) => {
    const weekday = weekdayOf(n);
    const name = holiday(n);
    const weekdayName = WEEKDAY_NAMES[weekday] ?? "";
    if (name !== undefined) return { working: false, label: `${weekdayName} (${name})` };
    return { working: weekday !== 0 && weekday !== 6, label: weekdayName };
  };
}

/** The holiday name(s) for `date`, or undefined when it is not a holiday. */
export function holidayName(date: IsoDate, options?: CalendarOptions): string | undefined {
  return holidayLookup(options)(toDayNumber(date));
}

/** A generally recognised holiday or a day equated with one (Atw art. 3). */
export function isHoliday(date: IsoDate, options?: CalendarOptions): boolean {
  return holidayName(date, options) !== undefined;
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = weekdayOf(toDayNumber(date));
  return weekday === 0 || weekday === 6;
}

/** Not a Saturday, Sunday or holiday (the days Atw art. 1 and 2 count). */
export function isWorkingDay(date: IsoDate, options?: CalendarOptions): boolean {
  return dayInspector(options)(toDayNumber(date)).working;
}

function nextWorkingDayFrom(n: number, working: (n: number) => boolean): number {
  let day = n;
  while (!working(day)) day += 1;
  return day;
}

function addWorkingDayNumbers(start: number, n: number, working: (n: number) => boolean): number {
  let day = start;
  let counted = 0;
  while (counted < n) {
    day += 1;
    if (working(day)) counted += 1;
  }
  return day;
}

/**
 * The date `n` working days after `date` (the day itself is never counted, so
 * exactly `n` working days lie in (date, result]).
 * For n = 0 the result is `date` itself when it is a working day, otherwise the
 * next working day: "zero working days from now" must still land on a day on
 * which something can be done.
 */
export function addWorkingDays(date: IsoDate, n: number, options?: CalendarOptions): IsoDate {
  assertInteger(n, "addWorkingDays: n");
  if (n < 0) throw new RangeError(`addWorkingDays: n must be >= 0, got ${n}`);
  const inspect = dayInspector(options);
  const working = (day: number): boolean => inspect(day).working;
  const start = toDayNumber(date);
  return fromDayNumber(
    n === 0 ? nextWorkingDayFrom(start, working) : addWorkingDayNumbers(start, n, working),
  );
}

// ---------------------------------------------------------------------------
// Term ends
// ---------------------------------------------------------------------------

function checkTerm(term: Term): void {
  const parts = Object.entries(term).filter(([, v]) => v !== undefined);
  for (const [key, value] of parts) {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`termEnd: ${key} must be a non-negative integer, got ${value}`);
    }
  }
  const total = (term.days ?? 0) + (term.weeks ?? 0) + (term.months ?? 0);
  const working = term.workingDays ?? 0;
  if (term.workingDays !== undefined && total > 0) {
    throw new RangeError("termEnd: workingDays cannot be combined with days, weeks or months");
  }
  if (total + working === 0) {
    throw new RangeError("termEnd: the term must be at least one day long");
  }
}

/**
 * The last day of a term that starts the day after `start` (the event day is not
 * counted). Calendar terms add months, then weeks, then days (month ends clamp);
 * `workingDays` counts working days. Then:
 * - Atw art. 1 lid 1: an end on a Saturday, Sunday or holiday moves to the next
 *   working day;
 * - Atw art. 2: a calendar term of at least three days is extended until it holds
 *   at least two working days. Not applied to `workingDays` terms: those already
 *   end on a working day and contain `workingDays` of them.
 * The Atw governs terms set by law; callers also use it for protocol terms
 * ("binnen vier weken", "binnen vijf werkdagen") so that those behave the same.
 */
export function termEnd(start: IsoDate, term: Term, options?: CalendarOptions): TermEnd {
  checkTerm(term);
  const startNumber = toDayNumber(start);
  const inspect = dayInspector(options);
  const working = (day: number): boolean => inspect(day).working;

  if (term.workingDays !== undefined) {
    const end = addWorkingDayNumbers(startNumber, term.workingDays, working);
    const date = fromDayNumber(end);
    return { date, unextended: date, extendedBy: [] };
  }

  let endDate = addMonths(start, term.months ?? 0);
  endDate = addDays(endDate, 7 * (term.weeks ?? 0) + (term.days ?? 0));
  const unextendedNumber = toDayNumber(endDate);
  const extendedBy: string[] = [];
  let end = unextendedNumber;

  // Atw art. 1 lid 1
  const endInfo = inspect(end);
  if (!endInfo.working) {
    const moved = nextWorkingDayFrom(end, working);
    extendedBy.push(
      `Atw art. 1 lid 1: ${fromDayNumber(end)} is een ${endInfo.label}; verlengd tot en met ${inspect(moved).label} ${fromDayNumber(moved)}`,
    );
    end = moved;
  }

  // Atw art. 2 (on the nominal length of the term)
  if (unextendedNumber - startNumber >= 3) {
    const secondWorkingDay = addWorkingDayNumbers(startNumber, 2, working);
    if (secondWorkingDay > end) {
      extendedBy.push(
        `Atw art. 2: termijn van ten minste drie dagen bevat minder dan twee werkdagen; verlengd tot en met ${inspect(secondWorkingDay).label} ${fromDayNumber(secondWorkingDay)}`,
      );
      end = secondWorkingDay;
    }
  }

  return { date: fromDayNumber(end), unextended: endDate, extendedBy };
}
