import { z } from "zod";

/**
 * Pieces the modules' API route declarations share: one access rule several modules use, the
 * response of a paged list, and the body of an action without fields.
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
