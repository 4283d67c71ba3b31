import fs from "node:fs";
import { createRequire } from "node:module";
import formbody from "@fastify/formbody";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Services } from "../modules/index.ts";
import type { Clock } from "../platform/clock.ts";
import type { App } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";
import { sendError } from "../platform/http/error-handler.ts";
import { createKit } from "./kit.ts";
import { registerAccessCheckPages } from "./pages/access-checks.ts";
import { registerAdminPages } from "./pages/admin/index.ts";
import { registerArrearsPages } from "./pages/arrears.ts";
import { registerAuditPages } from "./pages/audit.ts";
import { registerAuditRegistrationPage } from "./pages/audit-registration.ts";
import { registerAuthPages } from "./pages/auth.ts";
import { registerCasePages } from "./pages/cases/index.ts";
import { registerDraftActions } from "./pages/drafts.ts";
import { homePage } from "./pages/home.ts";
import { registerLetterPages } from "./pages/letters.ts";
import { registerNoticePages } from "./pages/letters-notice.ts";
import { registerMatchPages } from "./pages/matches.ts";
import { registerPublicPages } from "./pages/public.ts";
import { registerRegisterPages } from "./pages/register.ts";
import { registerRegistrationChangePage } from "./pages/registration-change.ts";
import { registerRegistrationPages } from "./pages/registrations.ts";
import { registerScreeningPages } from "./pages/screening.ts";
import { registerScreeningConfirmationPages } from "./pages/screening-confirmations.ts";
import { registerScreeningHistoryPages } from "./pages/screening-history.ts";
import { registerSearchPages } from "./pages/search.ts";
import { registerWorklistPage } from "./pages/worklist.ts";

const require = createRequire(import.meta.url);

/** Third-party browser files served from node_modules (no CDN: design.md, CSP 'self'). */
const VENDOR: Record<string, { module: string; type: string }> = {
  "htmx.min.js": { module: "htmx.org/dist/htmx.min.js", type: "text/javascript; charset=utf-8" },
  "utrecht-html.css": {
    module: "@utrecht/component-library-css/dist/html.css",
    type: "text/css; charset=utf-8",
  },
  "utrecht-theme.css": {
    module: "@utrecht/design-tokens/dist/theme.css",
    type: "text/css; charset=utf-8",
  },
};

/**
 * The web application (issue #10): server-rendered pages on the same services as the API.
 * Registered as one encapsulated plugin so that form bodies are parsed only here (the API
 * still answers 415 to them), errors become pages instead of JSON, and every page route
 * must declare `config.access` — a page without one cannot even be registered.
 */
export async function registerWeb(app: App, services: Services, clock: Clock) {
  const kit = createKit(services);
  // Unknown addresses outside the API get a page when a browser asks (the API keeps JSON).
  app.setNotFoundHandler((request, reply) => {
    const wantsHtml = String(request.headers.accept ?? "").includes("text/html");
    if (!request.url.startsWith("/api/") && wantsHtml) {
      return kit.handleError({ statusCode: 404 }, request, reply);
    }
    return sendError(
      new AppError("not_found", "There is nothing at this address."),
      request,
      reply,
    );
  });
  const vendorFiles = new Map(
    Object.entries(VENDOR).map(([name, v]) => [
      name,
      { body: fs.readFileSync(require.resolve(v.module)), type: v.type },
    ]),
  );

  await app.register(async (plugin) => {
    const web = plugin.withTypeProvider<ZodTypeProvider>() as unknown as App;
    await web.register(formbody, { bodyLimit: 64 * 1024 });
    web.addHook("onRoute", (route) => {
      if (!route.config?.access) {
        throw new Error(`${String(route.method)} ${route.url}: declare config.access (web page)`);
      }
    });
    web.setErrorHandler((error, request, reply) => kit.handleError(error, request, reply));

    web.get("/static/vendor/:file", { config: { access: "public" } }, async (request, reply) => {
      const file = vendorFiles.get((request.params as { file: string }).file);
      if (!file) return kit.handleError({ statusCode: 404 }, request, reply);
      return reply.type(file.type).header("cache-control", "public, max-age=3600").send(file.body);
    });

    web.get("/", { config: { access: "public" } }, async (request, reply) =>
      homePage(await kit.contextOf(request, reply)),
    );

    registerAuthPages(web, services, kit);
    registerWorklistPage(web, services, kit, clock);
    registerDraftActions(web, services, kit);
    registerRegisterPages(web, services, kit, clock);
    registerRegistrationPages(web, services, kit);
    registerRegistrationChangePage(web, services, kit, clock);
    registerScreeningPages(web, services, kit);
    registerSearchPages(web, services, kit);
    registerScreeningHistoryPages(web, services, kit);
    registerMatchPages(web, services, kit);
    registerScreeningConfirmationPages(web, services, kit);
    registerAccessCheckPages(web, services, kit);
    registerCasePages(web, services, kit, clock);
    registerLetterPages(web, services, kit, clock);
    registerNoticePages(web, services, kit);
    registerPublicPages(web, services, kit);
    registerAdminPages(web, services, kit);
    registerAuditPages(web, services, kit, clock);
    registerAuditRegistrationPage(web, services, kit);
    registerArrearsPages(web, services, kit, clock);
  });
}
