/**
 * The worker thread of the arrears CSV imports (F13, D-741): parses and validates the
 * position or the feedback file line by line (import.ts) and hands the valid lines back in
 * batches; the errors come back counted, the first ones listed. Started by readPositionsCsv
 * and readFeedbackCsv; never sees the database or a key.
 */
import type { Readable } from "node:stream";
import { serveInWorker } from "../../platform/imports/worker.ts";
import { type ParseSummary, parseFeedbackCsv, parsePositionsCsv } from "./import.ts";

async function handBack(
  parsed: Promise<{
    lines: unknown[];
    errors: { summary(): ParseSummary["errors"] };
    total: number;
  }>,
  emit: (line: unknown) => void,
): Promise<ParseSummary> {
  const { lines, errors, total } = await parsed;
  for (const line of lines) emit(line);
  return { errors: errors.summary(), total };
}

serveInWorker({
  positions: (input: Readable, options: { asOf: string }, emit) =>
    handBack(parsePositionsCsv(input, options.asOf), emit),
  feedback: (input: Readable, _options: unknown, emit) => handBack(parseFeedbackCsv(input), emit),
});
