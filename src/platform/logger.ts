import { type DestinationStream, type Logger, pino } from "pino";
import { type IdentifierRef, pseudonymisePath } from "./logger-identifiers.ts";

/**
 * Keys whose values are personal data (identification, contact, address) or secrets.
 * Whatever object a log call carries, these never reach the log: the formatter below walks
 * the whole object, so nesting (`{ body: { person: { surname } } }`) does not slip through.
 */
const REDACTED_KEYS = new Set(
  [
    "person",
    "address",
    "initials",
    "firstNames",
    "prefix",
    "surname",
    "birthName",
    "birthDate",
    "gender",
    "email",
    "phone",
    "street",
    "houseNumber",
    "houseNumberAddition",
    "postcode",
    "city",
    "password",
    "newPassword",
    "totp",
    "secret",
    "token",
    "apiKey",
    "authorization",
    "cookie",
    "set-cookie",
    "masterKey",
    "otp",
  ].map((k) => k.toLowerCase()),
);

export const REDACTED = "[redacted]";

export function redactPersonalData(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactPersonalData(v, depth + 1));
  // Class instances (errors, Fastify's request and reply) have serializers of their own.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = REDACTED_KEYS.has(k.toLowerCase()) ? REDACTED : redactPersonalData(v, depth + 1);
  }
  return out;
}

/**
 * Keys of a database error that carry the values of the failing statement (issue 22, F11):
 * drizzle's and PGlite's `params`, PostgreSQL's `detail` ("Key (email)=(…) already exists",
 * "Failing row contains (…)"), `where` ("unnamed portal parameter $1 = '…'"), `internalQuery`.
 */
const STATEMENT_VALUE_KEYS = new Set(
  ["params", "parameters", "detail", "where", "internalQuery", "hint", "queryOptions"].map((k) =>
    k.toLowerCase(),
  ),
);

/** PostgreSQL messages that repeat the offending input: the value goes, the message stays. */
const VALUE_ECHO = /((?:invalid input syntax for type|invalid input value for enum) [^:]+): .*$/gm;

function messageWithoutValues(message: string): string {
  // drizzle: "Failed query: <SQL with $1 placeholders>\nparams: <the values>".
  const cut = message.indexOf("\nparams: ");
  return (cut >= 0 ? message.slice(0, cut) : message).replace(VALUE_ECHO, `$1: ${REDACTED}`);
}

function isErrorLike(value: unknown): value is Error & Record<string, unknown> {
  return (
    value instanceof Error ||
    (typeof value === "object" && value !== null && "message" in value && "stack" in value)
  );
}

/**
 * An error as it may be logged: type, message, stack frames, code and the other plain fields,
 * and its causes the same way — without the values of a failing SQL statement, in the message,
 * the stack's first line or a field of their own (F11; the SQL text itself has placeholders).
 */
export function errorWithoutValues(err: unknown, depth = 0): unknown {
  if (!isErrorLike(err)) return err;
  const type = typeof err.constructor === "function" ? err.constructor.name : err.name;
  const message = messageWithoutValues(String(err.message));
  const frames =
    typeof err.stack === "string" ? err.stack.split("\n").filter((l) => /^\s+at /.test(l)) : [];
  const out: Record<string, unknown> = {
    type,
    message,
    stack: [`${type}: ${message}`, ...frames].join("\n"),
  };
  for (const key of Object.keys(err)) {
    if (key === "cause" || key === "message" || key === "stack") continue;
    if (STATEMENT_VALUE_KEYS.has(key.toLowerCase()) || REDACTED_KEYS.has(key.toLowerCase())) {
      continue;
    }
    const value = err[key];
    out[key] = isErrorLike(value)
      ? depth < 4
        ? errorWithoutValues(value, depth + 1)
        : undefined
      : redactPersonalData(value);
  }
  if (err.cause !== undefined && depth < 4) out.cause = errorWithoutValues(err.cause, depth + 1);
  return out;
}

/** Per logger made here: the reference function for identifiers in paths, once known. */
const pathReferences = new WeakMap<object, { ref?: IdentifierRef }>();

/**
 * From now on, a person's identifier in a logged path is written as its keyed reference
 * (logger-identifiers.ts). Until this is called it is written as `~` alone. Loggers not made
 * by createLogger are left as they are.
 */
export function usePathReferences(logger: object, ref: IdentifierRef): void {
  const holder = pathReferences.get(logger);
  if (holder) holder.ref = ref;
}

export function createLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  const references: { ref?: IdentifierRef } = {};
  const logger = pino(
    {
      level: options.level ?? "info",
      base: { service: "woonsignaal" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (obj) => redactPersonalData(obj) as Record<string, unknown> },
      serializers: {
        // Never the query string (screening input must not reach a URL or a log line anyway),
        // never headers: method, path and the request id are enough to trace a request. A
        // seeker number or tenancy reference in the path is replaced by its keyed reference.
        req: (req: { method?: string; url?: string; id?: string }) => ({
          method: req.method,
          path: typeof req.url === "string" ? pseudonymisePath(req.url, references.ref) : undefined,
          id: req.id,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: (err: unknown) => errorWithoutValues(err),
      },
    },
    // Logs go to stderr so that `--json` commands keep stdout for their one document.
    options.destination ?? pino.destination(2),
  );
  pathReferences.set(logger, references);
  return logger;
}

export type { Logger };
