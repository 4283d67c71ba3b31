import type { Readable } from "node:stream";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RequestMeta } from "../../platform/audit/audit.ts";
import { callerOf, type Principal, principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { sendDownload } from "../../platform/http/download.ts";
import { parsePositionItems, readFeedbackCsv, readPositionsCsv } from "./import.ts";
import {
  agreementBody,
  arrangementBody,
  arrangementParam,
  deliveriesQuery,
  eventBody,
  feedbackBody,
  feedbackQuery,
  landlordQuery,
  measureBody,
  municipalityParam,
  pauseBody,
  paymentBody,
  positionsEnvelope,
  positionsQuery,
  tenancyParam,
} from "./schemas.ts";
import type { ArrearsService } from "./service.ts";

const tags = ["Arrears (vroegsignalering)"];
/** Contract §3: officers and the consortium admin of the landlord. */
const ACCESS = { roles: ["officer", "consortium_admin"], scope: "own" } as const;
const params = (q: { onBehalfOf?: string | undefined }) => ({ onBehalfOf: q.onBehalfOf });

/** A route on one resource of the landlord the caller acts for (`onBehalfOf` in the query). */
function landlordRoute<P extends z.ZodType>(summary: string, path: P) {
  return {
    config: { access: ACCESS },
    schema: { tags, summary, params: path, querystring: landlordQuery },
  };
}

/** An action with a body on one resource of the landlord the caller acts for. */
function landlordAction<P extends z.ZodType, B extends z.ZodType>(
  summary: string,
  path: P,
  body: B,
) {
  return {
    config: { access: ACCESS },
    schema: { tags, summary, params: path, querystring: landlordQuery, body },
  };
}

/**
 * A record on one tenancy of the landlord the caller acts for: POST with a body, answering 201
 * with what was recorded.
 */
function recordOnTenancy<B extends z.ZodType>(
  app: App,
  url: string,
  summary: string,
  body: B,
  record: (
    principal: Principal,
    meta: RequestMeta,
    tenancyRef: string,
    input: z.infer<B>,
    options: { onBehalfOf?: string | undefined },
  ) => Promise<unknown>,
) {
  app.post(url, landlordAction(summary, tenancyParam, body), async (request, reply) =>
    reply.code(201).send(
      await record(
        ...callerOf(request),
        request.params.tenancyRef,
        // The schema checked the body; the type provider cannot name a generic schema's type.
        request.body as z.infer<B>,
        params(request.query),
      ),
    ),
  );
}

/** A read of the landlord the caller acts for (`onBehalfOf` in the query): GET, answering it. */
function landlordRead(
  app: App,
  url: string,
  summary: string,
  read: (principal: Principal, options: { onBehalfOf?: string | undefined }) => Promise<unknown>,
) {
  app.get(
    url,
    { config: { access: ACCESS }, schema: { tags, summary, querystring: landlordQuery } },
    async (request) => read(principalOf(request), params(request.query)),
  );
}

/**
 * A JSON body of a route that also takes CSV (so it is checked here, not by the route schema):
 * the same 400 answer the schema check gives, with every issue's path.
 */
function jsonBody<T>(schema: z.ZodType<T>, body: unknown, message: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const unknown = result.error.issues.some((i) => i.code === "unrecognized_keys");
  throw new AppError(unknown ? "unknown_field" : "invalid_input", message, {
    details: result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  });
}

/**
 * The body of a route that takes CSV or JSON, as a stream when it is CSV (the plugin's own
 * parser hands it over unread) with the query parameter a CSV upload must carry: without it,
 * the upload is drained and refused with 400 `code`. Undefined for a JSON body.
 */
function csvUpload(
  request: { headers: Record<string, unknown>; body: unknown },
  param: string | undefined,
  refusal: { message: string; code: string },
): { stream: Readable; param: string } | undefined {
  if (!String(request.headers["content-type"] ?? "").startsWith("text/csv")) return undefined;
  const stream = request.body as Readable;
  if (!param) {
    stream.resume();
    throw new AppError("invalid_input", refusal.message, { code: refusal.code });
  }
  return { stream, param };
}

export function registerArrearsRoutes(app: App, arrears: ArrearsService) {
  app.put(
    "/api/v1/arrears/agreements/:municipalityCode",
    landlordAction(
      "The agreement (modelovereenkomst) with a municipality; signals go only when signed",
      municipalityParam,
      agreementBody,
    ),
    async (request) =>
      arrears.putAgreement(
        ...callerOf(request),
        request.params.municipalityCode,
        request.body,
        params(request.query),
      ),
  );

  landlordRead(
    app,
    "/api/v1/arrears/agreements",
    "The landlord's agreements with municipalities",
    arrears.listAgreements,
  );

  recordOnTenancy(
    app,
    "/api/v1/arrears/tenancies/:tenancyRef/events",
    "Record a legal precondition of a signal (contact attempt, referral, reminder, refusal)",
    eventBody,
    arrears.recordEvent,
  );

  app.get(
    "/api/v1/arrears/tenancies/:tenancyRef",
    landlordRoute(
      "The tenancy's file: position, preconditions, signals, feedback, holds, measures (audited)",
      tenancyParam,
    ),
    async (request) =>
      arrears.getTenancy(...callerOf(request), request.params.tenancyRef, params(request.query)),
  );

  app.get(
    "/api/v1/arrears/tenancies/:tenancyRef/collection-hold",
    {
      config: { access: ACCESS },
      schema: {
        tags,
        summary: "May collection act now? { onHold, until?, reason? } (schuldenrust, pause button)",
        params: tenancyParam,
        querystring: landlordQuery,
        response: {
          200: z.object({
            onHold: z.boolean(),
            until: z.string().optional(),
            reason: z.string().optional(),
          }),
        },
      },
    },
    async (request) =>
      arrears.collectionHold(
        principalOf(request),
        request.params.tenancyRef,
        params(request.query),
      ),
  );

  recordOnTenancy(
    app,
    "/api/v1/arrears/tenancies/:tenancyRef/pause",
    "The pause button (004): collection paused for a chosen period, with a reason code",
    pauseBody,
    arrears.pauseCollection,
  );

  app.delete(
    "/api/v1/arrears/tenancies/:tenancyRef/pause",
    landlordRoute("End the pause today", tenancyParam),
    async (request, reply) => {
      await arrears.endPause(
        ...callerOf(request),
        request.params.tenancyRef,
        params(request.query),
      );
      return reply.code(204).send();
    },
  );

  recordOnTenancy(
    app,
    "/api/v1/arrears/tenancies/:tenancyRef/measures",
    "Record a prevention measure (004): reminder, debit date, reduction, forgiveness, coaching",
    measureBody,
    arrears.recordMeasure,
  );

  recordOnTenancy(
    app,
    "/api/v1/arrears/tenancies/:tenancyRef/arrangements",
    "A payment arrangement (004): instalments; kept/broken follows automatically",
    arrangementBody,
    arrears.createArrangement,
  );

  app.post(
    "/api/v1/arrears/arrangements/:id/payments",
    landlordAction(
      "A payment on an arrangement (oldest open instalments first)",
      arrangementParam,
      paymentBody,
    ),
    async (request) =>
      arrears.recordPayment(
        ...callerOf(request),
        request.params.id,
        request.body,
        params(request.query),
      ),
  );

  app.get(
    "/api/v1/arrears/deliveries",
    {
      config: { access: ACCESS },
      schema: {
        tags,
        summary:
          "Deliveries (one per municipality and month) with their signals, without personal data",
        querystring: deliveriesQuery,
      },
    },
    async (request) =>
      arrears.listDeliveries(principalOf(request), {
        month: request.query.month,
        onBehalfOf: request.query.onBehalfOf,
      }),
  );

  app.get(
    "/api/v1/arrears/deliveries/:id",
    landlordRoute(
      "The delivery's signal file as JSON, with the personal data (audited)",
      arrangementParam,
    ),
    async (request) =>
      (
        await arrears.getDeliveryDocument(
          ...callerOf(request),
          request.params.id,
          params(request.query),
        )
      ).document,
  );

  app.get(
    "/api/v1/arrears/deliveries/:id/csv",
    landlordRoute(
      "The delivery's signal file as CSV for the reporting point (audited)",
      arrangementParam,
    ),
    async (request, reply) => {
      const { fileName, csv } = await arrears.getDeliveryCsv(
        ...callerOf(request),
        request.params.id,
        params(request.query),
      );
      return sendDownload(reply, "text/csv; charset=utf-8", fileName, csv);
    },
  );

  landlordRead(
    app,
    "/api/v1/arrears/worklist",
    "What to do now: missing preconditions, holds, broken arrangements, feedback",
    arrears.worklist,
  );

  landlordRead(
    app,
    "/api/v1/arrears/early-warnings",
    "Tenants whose payments drift, with the rule behind each alert (004)",
    arrears.earlyWarnings,
  );

  landlordRead(app, "/api/v1/arrears/dashboard", "Counts and trends, no names", arrears.dashboard);

  // The position and feedback imports take CSV (streamed) or JSON. The CSV parser is scoped to this plugin,
  // and hands the body over as a stream; JSON items are validated one by one in the service.
  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser("text/csv", (_request, payload, done) => done(null, payload));
    scope.post(
      "/api/v1/arrears/positions",
      {
        bodyLimit: 100 * 1024 * 1024,
        config: { access: ACCESS },
        schema: {
          tags,
          summary:
            "The monthly arrears position (text/csv or JSON); bad lines reported, never half-imported",
          description:
            "JSON: `{ asOf, items: [ { tenancyRef, person, address, phone?, municipalityCode?, monthlyRentCents, arrearsCents, oldestUnpaidDueDate, lastPaymentDate?, events? } ] }`. " +
            "CSV: columns in docs/vroegsignalering.md, `?asOf=YYYY-MM-DD`. Answers `{ imported, rejected, errors: [ { line, code, message } ], lines, errorCount, errorsByCode }`: " +
            "`errors` lists the first 100 errors by line, `errorCount` and `errorsByCode` count them all.",
          querystring: positionsQuery,
          consumes: ["application/json", "text/csv"],
        },
      },
      async (request) => {
        const [principal, meta] = callerOf(request);
        const csv = csvUpload(request, request.query.asOf, {
          message: "asOf: give the position date as ?asOf=YYYY-MM-DD.",
          code: "as_of_required",
        });
        if (csv) {
          const parsed = await readPositionsCsv(csv.stream, csv.param);
          return arrears.importPositions(principal, meta, csv.param, parsed, params(request.query));
        }
        const envelope = jsonBody(positionsEnvelope, request.body, "The body is not a position.");
        const parsed = await parsePositionItems(envelope.asOf, envelope.items);
        return arrears.importPositions(
          principal,
          meta,
          envelope.asOf,
          parsed,
          params(request.query),
        );
      },
    );

    scope.post(
      "/api/v1/arrears/feedback",
      {
        bodyLimit: 20 * 1024 * 1024,
        config: { access: ACCESS },
        schema: {
          tags,
          summary:
            "The municipality's outcomes (text/csv or JSON); help_accepted starts 30 days of schuldenrust",
          description:
            "JSON: `{ municipalityCode, items: [ { tenancyRef, outcome, date } ] }`. " +
            "CSV: columns `tenancyRef,outcome,date` (docs/vroegsignalering.md), `?municipalityCode=NNNN`. " +
            "Answers `{ recorded, duplicates, rejected, errors: [ { line, code, message } ], lines, errorCount, errorsByCode }` " +
            "(the first 100 errors listed, all counted); a bad line is never half-written.",
          querystring: feedbackQuery,
          consumes: ["application/json", "text/csv"],
        },
      },
      async (request) => {
        const [principal, meta] = callerOf(request);
        const csv = csvUpload(request, request.query.municipalityCode, {
          message: "municipalityCode: name the municipality as ?municipalityCode=NNNN.",
          code: "municipality_code_required",
        });
        if (csv) {
          const parsed = await readFeedbackCsv(csv.stream);
          return arrears.importFeedback(principal, meta, csv.param, parsed, params(request.query));
        }
        if (request.query.municipalityCode) {
          throw new AppError(
            "invalid_input",
            "municipalityCode: a JSON body names the municipality in the body.",
            { code: "municipality_code_in_query" },
          );
        }
        const body = jsonBody(feedbackBody, request.body, "The body is not a feedback document.");
        return arrears.recordFeedback(principal, meta, body, params(request.query));
      },
    );
  });
}
