/**
 * The worker thread of the registrations' initial load (F13, D-741): parses and checks the
 * CSV file's lines (csv-import.ts) and hands every row back in batches. Started by
 * readRegistrationsCsv; never sees the database or a key.
 */
import { text } from "node:stream/consumers";
import { serveInWorker } from "../../platform/imports/worker.ts";
import { parseRegistrationsCsv } from "./csv-import.ts";

serveInWorker({
  registrations: async (input, _options, emit) => {
    for (const row of parseRegistrationsCsv(await text(input))) emit(row);
    return null;
  },
});
