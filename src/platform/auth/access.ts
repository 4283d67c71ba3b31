import type { FastifyReply, FastifyRequest } from "fastify";
import type { RequestMeta } from "../audit/audit.ts";
import { AppError } from "../errors.ts";
import type { OrganisationKind, Role } from "./roles.ts";
import { safeEqual } from "./tokens.ts";

/** Who is asking: a signed-in user or a system with an API key, always of one organisation. */
export interface Principal {
  kind: "user" | "api_key";
  id: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  roles: readonly Role[];
  /** Users of roles the profile names must have accepted the current declaration. */
  declarationRequired: boolean;
  mustChangePassword: boolean;
  /** An officer API key's named officer (a user id): the person who decides with it (D-840). */
  personId?: string;
}

/** The person acting: the account itself, or the named officer of an officer key (D-840). */
export function actingPerson(principal: Principal): string | undefined {
  return principal.kind === "user" ? principal.id : principal.personId;
}

/** A browser session as the request sees it (never the token itself). */
export interface SessionView {
  tokenHash: string;
  userId: string;
  mfaPassed: boolean;
  csrfToken: string;
}

/**
 * Every API route declares who may call it; routes without a declaration are refused at
 * start-up, and the authorisation-matrix test is generated from these declarations.
 *  - `public`: anyone, no sign-in (public pages, sign-in itself).
 *  - `signing_in`: a browser session that has given its password but not yet its second factor.
 *  - `{ roles, scope }`: a fully authenticated principal with one of these roles. `scope`
 *    says how the route limits itself: "own" (the caller's organisation's resources only;
 *    others answer 404), "any" (consortium-wide), "self" (the caller's own account).
 */
export type Access =
  | "public"
  | "signing_in"
  | {
      roles: readonly Role[];
      scope: "own" | "any" | "self";
      /** Allowed before the declaration is accepted / password changed (the account pages). */
      beforeDeclaration?: boolean;
    };

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
    session: SessionView | null;
  }
  interface FastifyContextConfig {
    access?: Access;
    /**
     * A file-upload page (multipart/form-data, streamed): its `_csrf` field is the first part
     * of the stream, checked by the preHandler that src/web/upload.ts attaches to every such
     * route before the handler runs (D-300). Only web routes registered there may set it.
     */
    csrfInMultipart?: boolean;
  }
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { requestId: request.id, clientAddress: request.ip ?? null };
}

export function hasRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}

/** The principal of a route whose access requires one (set by the authentication hook). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError("unauthenticated", "Sign in first.");
  return request.principal;
}

/**
 * The route adapter: who calls and the request's audit metadata, in the order services take
 * them, so a handler reads `service.doThing(...callerOf(request), request.body)`.
 */
export function callerOf(request: FastifyRequest): readonly [Principal, RequestMeta] {
  return [principalOf(request), requestMeta(request)];
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Runs before validation on every route (preValidation): no principal → 401, role → 403,
 * CSRF for cookie-authenticated state changes → 403, password/declaration first → 403.
 */
export async function enforceAccess(request: FastifyRequest, _reply: FastifyReply) {
  const access = request.routeOptions.config.access;
  if (access === undefined || access === "public") return;
  if (access === "signing_in") {
    if (!request.session || request.session.mfaPassed) {
      throw new AppError("unauthenticated", "Start by signing in with your e-mail and password.", {
        code: "sign_in_required",
      });
    }
    checkCsrf(request);
    return;
  }
  const principal = request.principal;
  if (!principal) {
    throw new AppError("unauthenticated", "Sign in, or send a valid API key.");
  }
  checkCsrf(request);
  if (!hasRole(principal, access.roles)) {
    throw new AppError("forbidden", "Your role does not allow this.", {
      details: { allowedRoles: access.roles },
    });
  }
  if (!access.beforeDeclaration) {
    if (principal.mustChangePassword) {
      throw new AppError("forbidden", "Choose a new password first.", {
        code: "password_change_required",
      });
    }
    if (principal.declarationRequired) {
      throw new AppError(
        "forbidden",
        "Accept the declaration of compliance and confidentiality first (003 §19; 001 §3.2).",
        { code: "declaration_required" },
      );
    }
  }
}

/** The form field that carries the CSRF token in HTML forms (pages work without JavaScript). */
export const CSRF_FIELD = "_csrf";

/**
 * The token a request sent: the `x-csrf-token` header (API clients, htmx), or — only for an
 * HTML form post (`application/x-www-form-urlencoded`) — the hidden `_csrf` field. JSON bodies
 * never carry it: their schemas refuse unknown fields anyway.
 */
export function sentCsrfToken(request: FastifyRequest): string | undefined {
  const header = request.headers["x-csrf-token"];
  if (typeof header === "string") return header;
  const type = String(request.headers["content-type"] ?? "").toLowerCase();
  if (!type.startsWith("application/x-www-form-urlencoded")) return undefined;
  const body = request.body as Record<string, unknown> | null | undefined;
  const field = body && typeof body === "object" ? body[CSRF_FIELD] : undefined;
  return typeof field === "string" ? field : undefined;
}

/** Whether the request carries this session's CSRF token (constant-time comparison). */
export function csrfMatches(request: FastifyRequest, session: SessionView): boolean {
  const sent = sentCsrfToken(request);
  return sent !== undefined && csrfTokenMatches(sent, session);
}

/** Whether a token read elsewhere (a streamed upload's first field) is this session's. */
export function csrfTokenMatches(sent: string, session: SessionView): boolean {
  return safeEqual(sent, session.csrfToken);
}

function isMultipart(request: FastifyRequest): boolean {
  return String(request.headers["content-type"] ?? "")
    .toLowerCase()
    .startsWith("multipart/form-data");
}

function checkCsrf(request: FastifyRequest) {
  // Browsers never send API keys by themselves, so only cookie sessions need the token.
  if (!request.session || SAFE_METHODS.has(request.method)) return;
  // A streamed upload's token is checked from the stream before its handler (D-300).
  if (request.routeOptions.config.csrfInMultipart && isMultipart(request)) return;
  if (!csrfMatches(request, request.session)) {
    throw new AppError("forbidden", "The form has expired; reload the page and try again.", {
      code: "csrf_failed",
    });
  }
}

/**
 * The refusal of auditor access asked by one consortium admin alone (F16): an auditor
 * organisation, key or account is asked as an auditor request, which a second one approves.
 */
export function fourEyesRequired(): AppError {
  return new AppError(
    "forbidden",
    "Auditor access needs a second consortium admin: ask for it at /api/v1/auditor-requests; another consortium admin approves it.",
    { code: "four_eyes_required" },
  );
}
