/** Long lists go to the database in parts (a statement's parameters are limited). */
const CHUNK = 1000;
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
