import multipart, { type Multipart, type MultipartFile } from "@fastify/multipart";
import type { FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import { CSRF_FIELD, csrfTokenMatches } from "../platform/auth/access.ts";
import type { App } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";

/** The largest file a page takes (a monthly position of a large landlord is a few MB). */
export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

declare module "fastify" {
  interface FastifyRequest {
    /** The rest of a multipart stream after its checked `_csrf` field (verifyUploadCsrf). */
    uploadParts?: AsyncIterableIterator<Multipart>;
  }
}

function csrfFailed() {
  return new AppError("forbidden", "The form has expired; reload the page and try again.", {
    code: "csrf_failed",
  });
}

/**
 * A streamed upload's CSRF check (D-300): the form puts `_csrf` first, so it is the stream's
 * first part; it is read and compared before the handler runs and before any file byte is
 * read. A non-multipart body was checked by enforceAccess already (platform/auth/access.ts).
 */
const verifyUploadCsrf: preHandlerAsyncHookHandler = async (request) => {
  if (!request.isMultipart() || !request.session) return;
  const parts = request.parts();
  const first = await parts.next();
  const part = first.done ? undefined : first.value;
  if (
    part?.type !== "field" ||
    part.fieldname !== CSRF_FIELD ||
    typeof part.value !== "string" ||
    !csrfTokenMatches(part.value, request.session)
  ) {
    throw csrfFailed();
  }
  request.uploadParts = parts;
};

/**
 * Registers pages that take a file upload in a scope of their own: @fastify/multipart is
 * parsed only here (with limits), and every POST route of the scope gets the streamed CSRF
 * check as its first preHandler — a route cannot forget it.
 */
export function registerUploadPages(web: App, register: (scope: App) => void) {
  web.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: UPLOAD_LIMIT_BYTES,
        files: 1,
        fields: 10,
        fieldSize: 1024,
        parts: 12,
      },
    });
    scope.addHook("onRoute", (route) => {
      if (route.method !== "POST") return;
      route.config = { ...(route.config ?? {}), csrfInMultipart: true };
      const own = route.preHandler
        ? Array.isArray(route.preHandler)
          ? route.preHandler
          : [route.preHandler]
        : [];
      route.preHandler = [verifyUploadCsrf, ...own];
    });
    register(scope as unknown as App);
  });
}

export function fileTooLarge() {
  return new AppError("invalid_input", "The file is too large.", { code: "file_too_large" });
}

/** How an upload went: the form's other fields, and what the file handler made of the file. */
export interface Upload<T> {
  fields: Record<string, string>;
  /** Undefined when no file was chosen. */
  result?: T;
}

/**
 * Reads an upload form in order: fields first (they come before the file in the form), then
 * the file, which `onFile` reads as a stream (never buffered whole). Parts after the file are
 * drained. A second file or an empty file field counts as no file.
 */
export async function readUpload<T>(
  request: FastifyRequest,
  onFile: (fields: Record<string, string>, file: MultipartFile) => Promise<T>,
): Promise<Upload<T>> {
  const fields: Record<string, string> = {};
  const parts = request.uploadParts ?? (request.isMultipart() ? request.parts() : undefined);
  if (!parts) {
    // A plain form post (no file possible): its fields are the body.
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(body)) if (typeof v === "string") fields[k] = v;
    return { fields };
  }
  const upload: Upload<T> = { fields };
  try {
    for await (const part of { [Symbol.asyncIterator]: () => parts }) {
      await onPart(part);
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "FST_REQ_FILE_TOO_LARGE") throw err;
    // The file handler has seen the cut-off file and said so already; else it is said here.
    if (!("result" in upload)) throw fileTooLarge();
  }
  return upload;

  async function onPart(part: Multipart) {
    if (part.type === "field") {
      if (typeof part.value === "string" && !(part.fieldname in fields)) {
        fields[part.fieldname] = part.value;
      }
      return;
    }
    if ("result" in upload || !part.filename) {
      part.file.resume();
      return;
    }
    try {
      upload.result = await onFile(fields, part);
    } catch (err) {
      if (part.file.truncated || (err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
        throw fileTooLarge();
      }
      throw err;
    }
    if (!part.file.destroyed) part.file.resume();
  }
}
