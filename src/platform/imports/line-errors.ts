/**
 * The error list of every line import (arrears positions and feedback, the registrations'
 * initial load, the seekers' initial load): the first MAX_LISTED_ERRORS errors by line
 * number, with the count of every error per code and the number of lines that had one
 * (F13, D-740). A file of 200,000 bad lines answers a few kilobytes, not 20 MB.
 */

/** How many errors an import lists; the rest are counted per code. */
export const MAX_LISTED_ERRORS = 100;

export interface LineError {
  line: number;
  code: string;
  message: string;
}

/** The counts and the listed errors, as an answer carries them (and a worker hands them over). */
export interface LineErrorSummary<E extends LineError = LineError> {
  /** The first MAX_LISTED_ERRORS errors, in line order. */
  errors: E[];
  /** Every error, listed or not. */
  errorCount: number;
  /** Every error per code, listed or not. */
  errorsByCode: Record<string, number>;
  /** The lines with at least one error. */
  rejectedLines: number;
}

/**
 * Collects line errors in any order and keeps the first MAX_LISTED_ERRORS by line number
 * (errors of one line keep the order they were added in). Counting is exact.
 */
export class LineErrors<E extends LineError = LineError> {
  readonly #limit: number;
  readonly #listed: E[] = [];
  readonly #byCode = new Map<string, number>();
  readonly #lines = new Set<number>();
  #count = 0;
  /** Lines counted in an earlier summary (from) that this tally does not know by number. */
  #earlierLines = 0;

  constructor(limit = MAX_LISTED_ERRORS) {
    this.#limit = limit;
  }

  /**
   * Continues a summary (e.g. a worker's parse): errors added later must be on other lines
   * than the summary's (the use cases add theirs only to lines that parsed clean).
   */
  static from<E extends LineError>(summary: LineErrorSummary<E>, limit = MAX_LISTED_ERRORS) {
    const t = new LineErrors<E>(limit);
    t.#listed.push(...summary.errors.slice(0, limit));
    for (const [code, n] of Object.entries(summary.errorsByCode)) t.#byCode.set(code, n);
    t.#count = summary.errorCount;
    t.#earlierLines = summary.rejectedLines;
    return t;
  }

  add(error: E) {
    this.#count++;
    this.#byCode.set(error.code, (this.#byCode.get(error.code) ?? 0) + 1);
    this.#lines.add(error.line);
    const listed = this.#listed;
    if (listed.length >= this.#limit && error.line >= listed.at(-1)!.line) return;
    // Insert after every listed error of the same or an earlier line (stable).
    let i = listed.length;
    while (i > 0 && listed[i - 1]!.line > error.line) i--;
    listed.splice(i, 0, error);
    if (listed.length > this.#limit) listed.pop();
  }

  addAll(errors: Iterable<E>) {
    for (const e of errors) this.add(e);
  }

  get count() {
    return this.#count;
  }

  get rejectedLines() {
    return this.#earlierLines + this.#lines.size;
  }

  /** Whether some errors are counted but not listed. */
  get truncated() {
    return this.#count > this.#listed.length;
  }

  summary(): LineErrorSummary<E> {
    return {
      errors: [...this.#listed],
      errorCount: this.#count,
      errorsByCode: Object.fromEntries([...this.#byCode].sort(([a], [b]) => (a < b ? -1 : 1))),
      rejectedLines: this.rejectedLines,
    };
  }
}

/**
 * What every import answers about its lines, next to its own counts (`imported`, `recorded`):
 * `rejected` (lines with an error), the first errors, and every error counted per code. The
 * contract's `{ rejected, errors }` keep their meaning; `lines`, `errorCount` and
 * `errorsByCode` are added (F13).
 */
export function importReport<E extends LineError>(lines: number, errors: LineErrors<E>) {
  const s = errors.summary();
  return {
    rejected: s.rejectedLines,
    errors: s.errors,
    lines,
    errorCount: s.errorCount,
    errorsByCode: s.errorsByCode,
  };
}
