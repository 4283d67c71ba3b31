import { z } from "zod";

/**
 * Data minimisation (design.md §2.2): a body field we do not know is refused, not ignored.
 * Every route's body and query schemas must therefore be strict objects all the way down;
 * `assertStrictSchema` runs for each route at registration, so a lax schema fails at boot
 * (and in every test), not in production.
 */
export function assertStrictSchema(schema: unknown, where: string): void {
  walk(schema, where, new Set());
}

function walk(schema: unknown, where: string, seen: Set<unknown>): void {
  if (!(schema instanceof z.ZodType) || seen.has(schema)) return;
  seen.add(schema);
  if (schema instanceof z.ZodObject) {
    const catchall = schema.def.catchall;
    if (!(catchall instanceof z.ZodNever)) {
      throw new Error(
        `${where}: use z.strictObject (unknown fields must be refused, design.md §2.2)`,
      );
    }
    for (const [key, value] of Object.entries(schema.shape)) walk(value, `${where}.${key}`, seen);
    return;
  }
  if (schema instanceof z.ZodArray) {
    walk(schema.element, `${where}[]`, seen);
    return;
  }
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault
  ) {
    walk(schema.def.innerType, where, seen);
    return;
  }
  if (schema instanceof z.ZodUnion) {
    for (const option of schema.options) walk(option, where, seen);
    return;
  }
  if (schema instanceof z.ZodPipe) {
    walk(schema.def.in, where, seen);
  }
}
