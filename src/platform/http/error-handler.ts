import type { Duplex } from "node:stream";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorBody, type ErrorKind } from "../errors.ts";

/**
 * Every failure leaves as `{ error: { code, message, details? } }` (contract §3). People read
 * `message`; machines read `code`. Internals (stack, SQL, paths) go to the log with the
 * request id, never to the client.
 */
export function toErrorResponse(
  error: unknown,
  request: FastifyRequest,
): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    if (error.internalMessage) request.log.info({ code: error.code }, error.internalMessage);
    return { status: error.status, body: error.toBody() };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, "").replaceAll("/", ".") || undefined,
      in: error.validationContext,
      // A rule of our own (a refinement's `params.rule`, e.g. a name's "digits") is the problem.
      problem: (v.params as { params?: { rule?: string } }).params?.rule ?? v.keyword,
      message: v.message,
      ...(v.keyword === "unrecognized_keys"
        ? { fields: (v.params as { keys?: string[] }).keys }
        : {}),
    }));
    const unknown = issues.flatMap((i) => i.fields ?? []);
    if (unknown.length > 0) {
      return app("unknown_field", `These fields are not allowed here: ${unknown.join(", ")}.`, {
        details: issues,
      });
    }
    return app("invalid_input", "Some fields are missing or not valid.", { details: issues });
  }
  const fe = error as Partial<FastifyError>;
  switch (fe.code) {
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_TYPE":
      return app(
        "unsupported_media_type",
        "This content type is not accepted here; send application/json.",
      );
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return app("payload_too_large", "The request body is larger than this server accepts.");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return app("invalid_json", "The request says it is JSON but has no body.");
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return app("invalid_json", "The request body is not valid JSON.");
    // The router's own refusals (reported through Fastify's frameworkErrors, app.ts): a
    // malformed %-escape in the path, or a path parameter longer than the router takes.
    // Found by the fuzzer in test/security (D-731); the path itself is not echoed.
    case "FST_ERR_BAD_URL":
      return app("invalid_input", "The address is not valid: it has a malformed %-escape.", {
        code: "invalid_url",
      });
    case "FST_ERR_MAX_PARAM_LENGTH":
      return app("invalid_input", "A part of the address is longer than this server accepts.", {
        code: "path_parameter_too_long",
        status: 414,
      });
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return app("invalid_input", "The request's Content-Length does not match its body.", {
        code: "invalid_content_length",
      });
  }
  if (error instanceof SyntaxError && fe.statusCode === 400) {
    return app("invalid_json", "The request body is not valid JSON.");
  }
  const status = typeof fe.statusCode === "number" ? fe.statusCode : 500;
  // A static file that is not there, or a path that leaves the static folder (`..`: the file
  // server says 403): nothing at this address, in the contract's words (F15).
  if (status === 404 || (status === 403 && request.url.startsWith("/static/"))) {
    return app("not_found", "There is nothing at this address.");
  }
  if (status === 429) {
    return app("rate_limited", "Too many requests; wait a moment and try again.");
  }
  if (status >= 400 && status < 500) {
    // A framework-level client error we have no better words for.
    request.log.info({ err: error }, "client error");
    return app("invalid_input", "The request could not be understood.", { status });
  }
  request.log.error({ err: error }, "unhandled error");
  return app(
    "internal_error",
    `Something went wrong on our side. Quote this reference if you contact support: ${request.id}.`,
  );
}

function app(
  kind: ErrorKind,
  message: string,
  options: { details?: unknown; status?: number; code?: string } = {},
): { status: number; body: ErrorBody } {
  const err = new AppError(kind, message, { details: options.details, code: options.code });
  return { status: options.status ?? err.status, body: err.toBody() };
}

export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = toErrorResponse(error, request);
  // A refusal that says how long to wait says it in the header too (RFC 9110 §10.2.3, F8).
  const wait = (body.error.details as { retryAfterSeconds?: unknown } | undefined)
    ?.retryAfterSeconds;
  if (status === 429 && typeof wait === "number") reply.header("retry-after", String(wait));
  return reply.code(status).header("cache-control", "no-store").send(body);
}

/**
 * Errors the HTTP parser finds before there is a request (a Content-Length that does not
 * match, a malformed request line, headers too large) are answered on the raw socket, in the
 * contract's shape too (F15), instead of the framework's `{ error, message, statusCode }`.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, reason, code, message] =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? [408, "Request Timeout", "request_timeout", "The request took too long to arrive."]
      : error.code === "HPE_HEADER_OVERFLOW"
        ? [
            431,
            "Request Header Fields Too Large",
            "headers_too_large",
            "The request's headers are too large.",
          ]
        : [
            400,
            "Bad Request",
            "invalid_request",
            "The request could not be read (malformed HTTP).",
          ];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
