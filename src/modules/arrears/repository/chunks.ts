import { setImmediate } from "node:timers/promises";

/** Long lists go to the database in parts (a statement's parameters are limited). */
const CHUNK = 1000;
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The same parts, with a turn of the event loop before each part but the first. PGlite runs in
 * this thread and answers its promises at once, so a loop of statements would otherwise hold
 * every other request (and /healthz) until the whole import is written (F13, D-744).
 */
export async function* inTurns<T>(items: readonly T[], size = CHUNK): AsyncGenerator<T[]> {
  let first = true;
  for (const part of chunks(items, size)) {
    if (!first) await setImmediate();
    first = false;
    yield part;
  }
}
