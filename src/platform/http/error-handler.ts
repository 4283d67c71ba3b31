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
      problem: v.keyword,
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
  }
  if (error instanceof SyntaxError && fe.statusCode === 400) {
    return app("invalid_json", "The request body is not valid JSON.");
  }
  const status = typeof fe.statusCode === "number" ? fe.statusCode : 500;
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
  options: { details?: unknown; status?: number } = {},
): { status: number; body: ErrorBody } {
  const err = new AppError(kind, message, { details: options.details });
  return { status: options.status ?? err.status, body: err.toBody() };
}

export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = toErrorResponse(error, request);
  return reply.code(status).header("cache-control", "no-store").send(body);
}
