import type { FastifyRequest } from "fastify";
import { notFound } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";

/** The consortium admin's pages: every route declares this access. */
export const ADMIN = { roles: ["consortium_admin"], scope: "any" } as const;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `:id` of an admin page's address; a malformed one is "not found" (`what`). */
export function idOf(request: FastifyRequest, what: string): string {
  const id = (request.params as { id?: string }).id ?? "";
  if (!UUID.test(id)) throw notFound(what);
  return id;
}

export function notice(text: string): SafeHtml {
  return html`<div class="notice notice--ok" role="status"><p>${text}</p></div>`;
}
