import type { FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";

/**
 * F9 (security review 2026-12): one rule for every text that reaches us. A control character
 * (U+0000–U+001F, U+007F, U+0080–U+009F) is never part of a name, an address, a reason or a
 * search term; PostgreSQL refuses U+0000 outright, which used to surface as a 500. So every
 * string in the query, the path parameters and the parsed body (JSON, form, CSV text) is
 * checked before validation, and a control character is refused with 400 `control_character`
 * naming where it was (D-685).
 *
 * Tab, line feed and carriage return are allowed in bodies only: multi-line fields (reasons,
 * hearing reports, letters' free text, CSV imports) need them. Fields that must be one line
 * (organisation name, address, …) refuse them in their own schema (`singleLineText`, F14).
 * Query strings and path parameters are one line by nature: there they are refused too.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export async function refuseControlCharacters(request: FastifyRequest): Promise<void> {
  const inParams = firstControl(request.params, "", ANY_CONTROL, 0);
  if (inParams !== undefined) throw refusal(inParams, "params");
  const inQuery = firstControl(request.query, "", ANY_CONTROL, 0);
  if (inQuery !== undefined) throw refusal(inQuery, "querystring");
  const inBody = firstControl(request.body, "", CONTROL_EXCEPT_LINES, 0);
  if (inBody !== undefined) throw refusal(inBody, "body");
}

interface Found {
  path: string;
}

function firstControl(
  value: unknown,
  path: string,
  pattern: RegExp,
  depth: number,
): Found | undefined {
  if (typeof value === "string") return pattern.test(value) ? { path } : undefined;
  if (value === null || typeof value !== "object" || depth > 32) return undefined;
  // Streams and buffers (uploads) are read by their own parsers.
  if (Buffer.isBuffer(value) || typeof (value as { pipe?: unknown }).pipe === "function") {
    return undefined;
  }
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  for (const [key, v] of entries) {
    const at = path ? `${path}.${key}` : key;
    if (pattern.test(key)) return { path: at };
    const found = firstControl(v, at, pattern, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function refusal(found: Found, where: string): AppError {
  const name = found.path || where;
  return new AppError(
    "invalid_input",
    `"${name}" contains a control character (such as a NUL byte), which is not allowed; remove it and try again.`,
    {
      code: "control_character",
      details: [{ path: found.path || undefined, in: where, problem: "control_character" }],
    },
  );
}
