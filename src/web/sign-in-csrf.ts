import { randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { CSRF_FIELD } from "../platform/auth/access.ts";
import { safeEqual } from "../platform/auth/index.ts";

/**
 * F12 (security review 2026-12): the sign-in form is posted before there is a session, so it
 * cannot carry the session's CSRF token. It carries a pre-session token instead (double
 * submit, D-687): the sign-in page sets it in a cookie (`__Host-`, HttpOnly, SameSite=Strict)
 * and in the form's hidden `_csrf` field; the post is accepted only when both are present
 * and equal. Another site can make a browser post the form but can neither read nor set the
 * cookie, so a forged sign-in (replacing the victim's session) is refused.
 */
export const SIGN_IN_CSRF_COOKIE = "__Host-woonsignaal-aanmelden";

/** The form's token: the one in the browser's cookie, or a new one set on the answer. */
export function signInCsrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[SIGN_IN_CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomBytes(32).toString("base64url");
  reply.setCookie(SIGN_IN_CSRF_COOKIE, token, {
    path: "/",
    httpOnly: true,
    secure: true,
    sameSite: "strict",
  });
  return token;
}

/** Whether the sign-in post carries the same token in its form as in its cookie. */
export function signInCsrfMatches(request: FastifyRequest): boolean {
  const cookie = request.cookies[SIGN_IN_CSRF_COOKIE];
  const body = request.body as Record<string, unknown> | null | undefined;
  const sent = body && typeof body === "object" ? body[CSRF_FIELD] : undefined;
  return typeof cookie === "string" && typeof sent === "string" && safeEqual(sent, cookie);
}
