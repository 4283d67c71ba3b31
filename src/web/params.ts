import type { FastifyRequest } from "fastify";
import { notFound } from "../platform/errors.ts";

/** What the pages' `:id` addresses (and id filters) hold. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `:id` of a page's address; a malformed one is "not found" (`what`). */
export function idParam(request: FastifyRequest, what: string): string {
  const id = (request.params as { id?: string }).id ?? "";
  if (!UUID.test(id)) throw notFound(what);
  return id;
}

/** The page of a list (`?page=`): a whole number from 1 to `max`, 1 when absent or wrong. */
export function pageParam(q: Record<string, string | undefined>, max = 100_000): number {
  return Math.max(1, Math.min(Number.parseInt(q.page ?? "1", 10) || 1, max));
}

/**
 * A filter typed into a list page's search form (`?name=`): what was typed, trimmed (the form
 * shows it again), the value when it matches `pattern`, and whether something was typed that
 * does not (the field's error; the list is then not filtered).
 */
export function filterParam(
  q: Record<string, string | undefined>,
  name: string,
  pattern: RegExp,
): { typed: string; value: string | undefined; invalid: boolean } {
  const typed = (q[name] ?? "").trim();
  const value = pattern.test(typed) ? typed : undefined;
  return { typed, value, invalid: typed !== "" && !value };
}
