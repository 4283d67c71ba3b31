/**
 * Errors with stable codes. `message` is what a person reads (it never contains personal
 * data or internals); `internalMessage` is for the log only. The HTTP error handler turns
 * every error into the contract's shape `{ error: { code, message, details? } }`.
 */
export const ERROR_STATUS = {
  invalid_input: 400,
  unknown_field: 400,
  invalid_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  protocol_rule: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorKind = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export class AppError extends Error {
  /** Stable, machine-readable; for protocol rules the rule's own code (e.g. `term_exceeds_maximum`). */
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  readonly internalMessage: string | undefined;

  constructor(
    kind: ErrorKind,
    message: string,
    options: { code?: string; details?: unknown; internalMessage?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = options.code ?? kind;
    this.status = ERROR_STATUS[kind];
    this.details = options.details;
    this.internalMessage = options.internalMessage;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const notFound = (what = "resource") =>
  new AppError("not_found", `The ${what} does not exist or you may not see it.`);

/** A protocol rule refuses the request (HTTP 422); `rule` names it, `source` cites the article. */
export const protocolRule = (rule: string, message: string, source: string, extra?: object) =>
  new AppError("protocol_rule", message, { code: rule, details: { rule, source, ...extra } });
