/**
 * Parsing and validating an uploaded file in a worker thread (F13, D-741), so that the event
 * loop keeps answering (/healthz, every other request) while a 5 MB import is read.
 *
 * The main thread (runInWorker) reads the upload only when the worker asks for the next chunk
 * (the worker's stream pulls; nothing piles up), and receives the valid lines in batches, so
 * that no single message takes long to copy in. The worker (serveInWorker, in a module's own
 * worker file) runs the module's parser on a stream of the upload, hands each valid line to
 * `emit`, and returns a small summary (counts and the capped error list). An AppError thrown
 * in the worker (the whole file refused) is thrown again in the main thread with its code,
 * status and details; anything else becomes an internal error. Writes stay in the main thread
 * (one transaction, as before): the worker never sees the database or a key.
 */
import { readlinkSync } from "node:fs";
import { availableParallelism, setPriority } from "node:os";
import { Readable } from "node:stream";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { AppError, ERROR_STATUS, type ErrorKind } from "../errors.ts";

/** Valid lines per message from the worker. */
const BATCH = 1_000;

/**
 * Files read at the same time; a further import waits for its turn (D-743). One core stays
 * for the event loop: on a 2-core machine one file at a time.
 */
export const PARALLEL_IMPORTS = Math.max(1, availableParallelism() - 1);

/** The niceness of an import worker thread: the event loop's thread comes first (D-743). */
const WORKER_NICENESS = 10;

let running = 0;
const queue: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (running >= PARALLEL_IMPORTS) await new Promise<void>((go) => queue.push(go));
  running++;
  return () => {
    running--;
    queue.shift()?.();
  };
}

/**
 * Linux only: lowers the priority of the calling thread (not the process) so that a busy
 * import never takes the CPU from the thread that answers requests. Elsewhere nothing.
 */
function lowerThreadPriority() {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").at(-1));
    if (Number.isInteger(tid) && tid !== process.pid) setPriority(tid, WORKER_NICENESS);
  } catch {
    // no /proc, or not allowed: the worker runs at the process's priority
  }
}

/** A job as the worker receives it: which of its parsers, and that parser's options. */
interface JobData {
  job: string;
  options: unknown;
}

type ToWorker = { chunk: Uint8Array } | { end: true };
type FromWorker =
  | { pull: true }
  | { items: unknown[] }
  | { done: unknown }
  | { failed: { message: string; status?: number; code?: string; details?: unknown } };

export type WorkerParser = (
  input: Readable,
  options: never,
  emit: (item: unknown) => void,
) => Promise<unknown>;

function kindOf(status: number): ErrorKind {
  const kind = (Object.keys(ERROR_STATUS) as ErrorKind[]).find((k) => ERROR_STATUS[k] === status);
  return kind ?? "internal_error";
}

function asChunk(value: unknown): Uint8Array {
  if (typeof value === "string") return Buffer.from(value);
  return value as Uint8Array;
}

async function drain(chunks: AsyncIterator<unknown>) {
  try {
    while (!(await chunks.next()).done) {
      // dropped
    }
  } catch {
    // the upload failed itself (too large, aborted): nothing left to read
  }
}

/**
 * Runs `job` of the worker file `entry` on `input` (a stream of the upload, or its text) in a
 * fresh worker thread; resolves with the lines it emitted and its summary.
 */
export async function runInWorker<Item, Summary>(
  entry: URL,
  job: string,
  input: Readable | string,
  options: unknown,
): Promise<{ items: Item[]; summary: Summary }> {
  const done = await turn();
  try {
    return await parseIn<Item, Summary>(entry, job, input, options);
  } finally {
    done();
  }
}

function parseIn<Item, Summary>(
  entry: URL,
  job: string,
  input: Readable | string,
  options: unknown,
): Promise<{ items: Item[]; summary: Summary }> {
  const source = typeof input === "string" ? Readable.from([Buffer.from(input)]) : input;
  const chunks = source[Symbol.asyncIterator]();
  const worker = new Worker(entry, { workerData: { job, options } satisfies JobData });
  const items: Item[] = [];
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err: unknown, summary?: Summary) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (err) {
        // The rest of the upload is read and dropped, so that the answer (400) reaches the
        // client and a kept-alive connection stays usable.
        void drain(chunks);
        reject(err);
      } else resolve({ items, summary: summary as Summary });
    };
    const send = (message: ToWorker) => {
      if (!settled) worker.postMessage(message);
    };
    worker.on("message", (message: FromWorker) => {
      if ("pull" in message) {
        chunks.next().then(
          (next) => send(next.done ? { end: true } : { chunk: asChunk(next.value) }),
          (err: unknown) => finish(err),
        );
      } else if ("items" in message) {
        for (const item of message.items) items.push(item as Item);
      } else if ("done" in message) {
        finish(undefined, message.done as Summary);
      } else {
        const f = message.failed;
        finish(
          f.status === undefined
            ? new Error(`The import worker failed: ${f.message}`)
            : new AppError(kindOf(f.status), f.message, { code: f.code, details: f.details }),
        );
      }
    });
    worker.on("error", (err) => finish(err));
    worker.on("exit", (code) => finish(new Error(`The import worker stopped (exit ${code}).`)));
  });
}

/**
 * The worker side: call once at the top level of a module's worker file with its parsers by
 * job name. Does nothing when the file is loaded in the main thread (e.g. by a type check).
 */
export function serveInWorker(parsers: Record<string, WorkerParser>) {
  if (isMainThread || !parentPort) return;
  const port = parentPort;
  lowerThreadPriority();
  const { job, options } = workerData as JobData;
  let waiting = false;
  const input = new Readable({
    read() {
      if (waiting) return;
      waiting = true;
      port.postMessage({ pull: true } satisfies FromWorker);
    },
  });
  port.on("message", (message: ToWorker) => {
    waiting = false;
    if ("chunk" in message) input.push(Buffer.from(message.chunk));
    else input.push(null);
  });
  let batch: unknown[] = [];
  const emit = (item: unknown) => {
    batch.push(item);
    if (batch.length >= BATCH) {
      port.postMessage({ items: batch } satisfies FromWorker);
      batch = [];
    }
  };
  const parser = parsers[job];
  const run = parser
    ? parser(input, options as never, emit)
    : Promise.reject(new Error(`no parser ${job}`));
  run.then(
    (summary) => {
      if (batch.length > 0) port.postMessage({ items: batch } satisfies FromWorker);
      port.postMessage({ done: summary } satisfies FromWorker);
    },
    (err: unknown) => {
      const failed =
        err instanceof AppError
          ? { message: err.message, status: err.status, code: err.code, details: err.details }
          : { message: (err as Error)?.message ?? String(err) };
      port.postMessage({ failed } satisfies FromWorker);
    },
  );
}
