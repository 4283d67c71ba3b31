import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "./config.ts";
import type { Clock } from "./platform/clock.ts";
import type { Keyring } from "./platform/crypto/index.ts";
import type { Database } from "./platform/db/database.ts";
import { AppError } from "./platform/errors.ts";
import { sendError } from "./platform/http/error-handler.ts";
import { assertStrictSchema } from "./platform/http/strict-schemas.ts";
import type { Logger } from "./platform/logger.ts";
import { homePage } from "./web/pages/home.ts";

export const API_PREFIX = "/api/v1";
export const VERSION = "0.1.0";

/** What every module gets: configuration, the database, the keyring, the clock and the logger. */
export interface AppContext {
  config: Config;
  database: Database;
  keyring: Keyring;
  clock: Clock;
  logger: Logger;
}

/**
 * Builds the HTTP application. `main.ts serve` listens with it; tests call `app.inject()`.
 * Modules register their routes below, each under the API prefix.
 */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export async function buildApp(ctx: AppContext): Promise<App> {
  const { config } = ctx;
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    // Only proxies named in TRUST_PROXY may set the client address (X-Forwarded-For).
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  // JSON only, unless a route's module adds a parser (text/csv for imports): anything else is 415.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    sendError(new AppError("not_found", "There is nothing at this address."), request, reply),
  );

  app.addHook("onRoute", (route) => {
    const where = `${route.method} ${route.url}`;
    assertStrictSchema(route.schema?.body, `${where} body`);
    assertStrictSchema(route.schema?.querystring, `${where} query`);
  });

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  app.addHook("onSend", async (request, reply, payload) => {
    // Nothing we serve may sit in a shared or browser cache: it may hold personal data.
    if (!request.url.startsWith("/static/")) reply.header("cache-control", "no-store");
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
    hsts: config.isProduction ? { maxAge: 31536000, includeSubDomains: true } : false,
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
          '`{"error": {"code", "message", "details"}}`. Unknown body fields are refused (400).',
      },
      servers: [{ url: "/" }],
      components: {
        securitySchemes: {
          apiKey: { type: "http", scheme: "bearer", description: "An organisation's API key" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(fastifyStatic, {
    root: fileURLToPath(new URL("./web/static/", import.meta.url)),
    prefix: "/static/",
    maxAge: "1h",
  });

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
      try {
        await ctx.database.query("SELECT 1");
        return { status: "ok" as const };
      } catch (err) {
        request.log.error({ err }, "health check: database unreachable");
        return reply.code(503).send({ status: "unavailable" as const });
      }
    },
  );

  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());

  app.get("/", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(homePage()),
  );

  return app;
}
