import { type DestinationStream, type Logger, pino } from "pino";

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

export function createLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { service: "woonsignaal" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (obj) => redactPersonalData(obj) as Record<string, unknown> },
      serializers: {
        // Never the query string (screening input must not reach a URL or a log line anyway),
        // never headers: method, path and the request id are enough to trace a request.
        req: (req: { method?: string; url?: string; id?: string }) => ({
          method: req.method,
          path: typeof req.url === "string" ? req.url.split("?")[0] : undefined,
          id: req.id,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    // Logs go to stderr so that `--json` commands keep stdout for their one document.
    options.destination ?? pino.destination(2),
  );
}

export type { Logger };
