import { z } from "zod";
import type { Access } from "../auth/access.ts";

/**
 * Pieces the modules' API route declarations share: one access rule several modules use, the
 * response of a paged list, the body of an action without fields, and builders for the route
 * options that recur (one resource by id, a read by query, a paged list, an action on one resource
 * by id).
 */

/** The consortium's administrators, for any organisation (region-wide administration). */
export const CONSORTIUM_ADMIN = { roles: ["consortium_admin"], scope: "any" } as const;

/** The response of a paged list: one page of items, and how many there are in all. */
export function pagedList<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number(),
    pageSize: z.number(),
    total: z.number(),
  });
}

/** The body of an action that takes no fields: none, or an empty object. */
export const noFields = z.strictObject({}).optional();

/** The `:id` path parameter of one resource. */
export const idParam = z.strictObject({ id: z.uuid({ message: "must be an id (UUID)" }) });

/** How a route shows in the OpenAPI document: its tags, summary and optional description. */
export interface RouteText {
  tags: string[];
  summary: string;
  description?: string;
}

/** One resource by its id (`:id`, a UUID), answering its view. */
export function oneById<R extends z.ZodType>(access: Access, text: RouteText, view: R) {
  return {
    config: { access },
    schema: { ...text, params: idParam, response: { 200: view } },
  };
}

/** A read filtered by its query (`querystring`), answering `response`. */
export function queryRoute<Q extends z.ZodType, R extends z.ZodType>(
  access: Access,
  text: RouteText,
  querystring: Q,
  response: R,
) {
  return {
    config: { access },
    schema: { ...text, querystring, response: { 200: response } },
  };
}

/** A paged list, filtered by its query, answering one page of items. */
export function pagedListRoute<Q extends z.ZodType, I extends z.ZodType>(
  access: Access,
  text: RouteText,
  querystring: Q,
  item: I,
) {
  return queryRoute(access, text, querystring, pagedList(item));
}

/** An action on one resource by its id (`:id`, a UUID) with a body, answering a view. */
export function actionById<B extends z.ZodType, R extends z.ZodType>(
  access: Access,
  text: RouteText,
  body: B,
  view: R,
) {
  return {
    config: { access },
    schema: { ...text, params: idParam, body, response: { 200: view } },
  };
}
