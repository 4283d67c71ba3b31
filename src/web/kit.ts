import type { FastifyReply, FastifyRequest } from "fastify";
import { clearSessionCookie } from "../modules/identity/routes.ts";
import { SESSION_COOKIE } from "../modules/identity/service.ts";
import type { Services } from "../modules/index.ts";
import { type Access, principalOf } from "../platform/auth/access.ts";
import type { App } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";
import { html, type SafeHtml } from "../platform/html.ts";
import type { Language } from "../platform/i18n.ts";
import { errorText } from "./forms.ts";
import { langOf, type Messages, messages } from "./i18n.ts";
import { page, type Viewer } from "./layout.ts";

/** The pages of an officer, on the records of the officer's own organisation. */
export const OFFICER = { roles: ["officer"], scope: "own" } as const;

/** What every page handler needs: the language, its messages, and a way to answer. */
export interface PageContext {
  lang: Language;
  m: Messages;
  viewer: Viewer | null;
  path: string;
  send(title: string, main: SafeHtml, status?: number): FastifyReply;
}

/** Pages must not be framed, cached or indexed; the app-wide hooks set the headers. */
export function sendHtml(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).type("text/html; charset=utf-8").send(body);
}

export function createKit(services: Services) {
  async function viewerOf(request: FastifyRequest): Promise<Viewer | null> {
    if (!request.principal || !request.session || request.principal.kind !== "user") return null;
    const principal = principalOf(request);
    const me = await services.identity.me(principal);
    const letterhead = await services.organisations.letterhead(principal.organisationId);
    return {
      name: me.displayName ?? me.email ?? "",
      organisationName: me.organisation.name,
      logo: letterhead?.logo ?? null,
      roles: principal.roles,
      csrfToken: request.session.csrfToken,
      restricted: principal.mustChangePassword || principal.declarationRequired,
    };
  }

  async function contextOf(request: FastifyRequest, reply: FastifyReply): Promise<PageContext> {
    const lang = langOf(request, reply);
    const viewer = await viewerOf(request).catch(() => null);
    const path = request.url.split("?")[0] ?? "/";
    return {
      lang,
      m: messages(lang),
      viewer,
      path,
      send: (title, main, status = 200) =>
        sendHtml(reply, page({ title, lang, main, viewer, path }), status),
    };
  }

  /**
   * Errors on pages become pages (or redirects), never JSON: no session → sign in (saying so
   * when a session expired), a step still owed → that step, no right → a 403 page.
   */
  async function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
    const ctx = await contextOf(request, reply);
    const { m } = ctx;
    const appError = error instanceof AppError ? error : undefined;
    const status = appError?.status ?? ((error as { statusCode?: number }).statusCode || 500);
    const code = appError?.code;
    if (status === 401) {
      const hadCookie = Boolean(request.cookies[SESSION_COOKIE]);
      if (hadCookie && !request.session) clearSessionCookie(reply);
      const reason =
        hadCookie && !request.session ? "verlopen" : code === "sign_in_required" ? "opnieuw" : "";
      return reply.redirect(reason ? `/aanmelden?reden=${reason}` : "/aanmelden", 303);
    }
    if (code === "password_change_required") return reply.redirect("/account/wachtwoord", 303);
    if (code === "declaration_required") return reply.redirect("/verklaring", 303);
    if (status === 403) {
      const text = code === "csrf_failed" ? m.errors.csrf : m.errors.forbidden;
      return ctx.send(
        m.errors.forbiddenTitle,
        html`<h1>${m.errors.forbiddenTitle}</h1><p>${text}</p><p><a href="/">${m.errors.toStart}</a></p>`,
        403,
      );
    }
    if (status === 404) {
      return ctx.send(
        m.errors.notFoundTitle,
        html`<h1>${m.errors.notFoundTitle}</h1><p>${m.errors.notFound}</p><p><a href="/">${m.errors.toStart}</a></p>`,
        404,
      );
    }
    if (status === 429) {
      return ctx.send(
        m.errors.conflictTitle,
        html`<h1>${m.errors.conflictTitle}</h1><p>${m.errors.rateLimited}</p>`,
        429,
      );
    }
    if (status === 409 || status === 422 || status === 400) {
      const text = errorText(m, code, appError?.message);
      return ctx.send(
        m.errors.conflictTitle,
        html`<h1>${m.errors.conflictTitle}</h1><p>${text}${code ? html` <span class="rule">(${code})</span>` : ""}</p><p><a href="/">${m.errors.toStart}</a></p>`,
        status,
      );
    }
    request.log.error({ err: error }, "page failed");
    return ctx.send(
      m.errors.serverTitle,
      html`<h1>${m.errors.serverTitle}</h1><p>${m.errors.server(request.id)}</p>`,
      500,
    );
  }

  return { contextOf, viewerOf, handleError };
}

export type Kit = ReturnType<typeof createKit>;

/** What a page route does in the page context of its request (see getPage and postPage). */
type PageHandler = (
  ctx: PageContext,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<unknown>;

function pageRoute(method: "GET" | "POST") {
  return (app: App, kit: Kit, path: string, access: Access, handle: PageHandler) => {
    app.route({
      method,
      url: path,
      config: { access },
      handler: async (request, reply) =>
        handle(await kit.contextOf(request, reply), request, reply),
    });
  };
}

/**
 * A page people GET at `path` (for those `access` admits): `build` makes it in its page context,
 * usually ending in `ctx.send(title, main)`, which sends it in the titled layout.
 */
export const getPage = pageRoute("GET");

/**
 * A form people POST to `path` (for those `access` admits): the handler works in the page
 * context of the request, like `getPage`'s build — it redirects after a step or sends the form
 * again.
 */
export const postPage = pageRoute("POST");

/** The confirmation a page shows after a step succeeded. */
export function notice(text: string): SafeHtml {
  return html`<div class="notice notice--ok" role="status"><p>${text}</p></div>`;
}

/** Where a signed-in person starts: officers at the worklist, queriers at screening. */
export function startPageOf(roles: readonly string[]): string {
  if (roles.includes("officer")) return "/werklijst";
  if (roles.includes("querier")) return "/toetsen";
  if (roles.includes("committee")) return "/commissie";
  return "/account";
}
