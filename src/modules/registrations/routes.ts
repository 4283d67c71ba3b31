import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { actionById, idParam, oneById, pagedListRoute } from "../../platform/http/route-parts.ts";
import { isoDate } from "../organisations/schemas.ts";
import { readRegistrationsCsv } from "./csv-import.ts";
import { GROUNDS_READERS, REGISTER_READERS } from "./policy.ts";
import {
  confirmationBody,
  createQuery,
  listQuery,
  registrationBody,
  registrationGrounds,
  registrationPatch,
  registrationSummary,
  registrationView,
  restrictionBody,
  searchAnswer,
  searchBody,
} from "./schemas.ts";
import type { RegistrationsService } from "./service.ts";

const tags = ["Registrations"];
const WRITE = { roles: ["officer", "consortium_admin"], scope: "own" } as const;
/** 003 §13.3, review 003-46: not the querier, who sees screening answers only (policy.ts). */
const READ = { roles: REGISTER_READERS, scope: "own" } as const;
/** The auditor, for every participant (issue 20 parts 2 and 3; D-960). */
const AUDIT = { roles: GROUNDS_READERS, scope: "any" } as const;

export function registerRegistrationRoutes(app: App, registrations: RegistrationsService) {
  app.post(
    "/api/v1/registrations",
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: "Place a person on the list (the caller's organisation is the primary source)",
        description:
          "Only the fields below: no free text, reasons or documents (data minimisation). " +
          "A refused protocol rule answers 422 with the rule's code and article. " +
          "A named officer decides with their `weighing` (003 §12.1): interests weighed, the standard or a shorter term and a shorter term's reason code; without it 422 `weighing_required` (D-1060).",
        querystring: createQuery,
        body: registrationBody,
        response: { 201: registrationSummary },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await registrations.createRegistration(...callerOf(request), request.body, {
          onBehalfOf: request.query.onBehalfOf,
        }),
      ),
  );

  app.get(
    "/api/v1/registrations",
    pagedListRoute(
      READ,
      { tags, summary: "The caller's organisation's registrations, ordered by end date" },
      listQuery,
      registrationSummary,
    ),
    async (request) => registrations.listRegistrations(principalOf(request), request.query),
  );

  app.post(
    "/api/v1/registrations/search",
    {
      config: { access: READ },
      schema: {
        tags,
        summary:
          "Find a person in the caller's own register by initials, surname and birth date (issue 21; never personal data in a URL)",
        description:
          "Ranked candidates among the caller organisation's registrations in any status, found through the blind index and scored by the matching engine with the region's threshold (`likely`: at or above it), each with the comparison in plain Dutch. " +
          "`purpose` is one of a closed list; every search is audited with it (003 §13.3, §13.5). At most 20 results.",
        body: searchBody,
        response: { 200: searchAnswer },
      },
    },
    async (request) => registrations.searchRegistrations(...callerOf(request), request.body),
  );

  app.get(
    "/api/v1/registrations/:id",
    oneById(
      READ,
      { tags, summary: "One registration, with the person's data (primary source only)" },
      registrationView,
    ),
    async (request) => registrations.getRegistration(...callerOf(request), request.params.id),
  );

  app.get(
    "/api/v1/registrations/:id/grounds",
    oneById(
      AUDIT,
      {
        tags,
        summary:
          "What a registration rests on, for the auditor: the decision, its evidence per criterion and the named officers who entered and decided it (003 §8, §12.1, ch. 21)",
        description:
          "Without the person or any address. The officers' names show to the auditor and the primary source only; the look is logged (`registration.grounds_viewed`).",
      },
      registrationGrounds,
    ),
    async (request) =>
      registrations.getRegistrationGrounds(...callerOf(request), request.params.id),
  );

  app.patch(
    "/api/v1/registrations/:id",
    actionById(
      WRITE,
      {
        tags,
        summary: "Change a registration (the same rules apply to the result)",
        description:
          "A change of placementDate, termMonths, categories, criteria or claimCents is a new decision (003 §12.3): it needs `reason` (a code), is recorded with who decided, withdraws unsent letters about the old values and owes a correction letter. " +
          "A change of termMonths or categories also needs the officer's new `weighing` (003 §12.1; 422 `weighing_required`, D-1060). " +
          "A lengthening (a later end date) under four eyes waits, without effect, for a second officer's `POST /registrations/{id}/confirmation`.",
      },
      registrationPatch,
      registrationSummary,
    ),
    async (request) =>
      registrations.updateRegistration(...callerOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/registrations/:id/confirmation",
    actionById(
      WRITE,
      {
        tags,
        summary:
          "A named officer of the primary source confirms a draft (a CSV import's, or a category under four eyes) or a lengthening, with the declaration that the criteria are established and there is no doubt (003 §8, §12.1, §12.2)",
        description:
          "A draft without a weighing (an import's, or a consortium system key's) needs the confirming officer's `weighing` (422 `weighing_required`, 003 §12.1). An import's draft is confirmed by its importing officer; under four eyes a second, different officer of the same participant confirms (422 `second_officer_required`). " +
          "Only then does the registration take effect: its term starts today (or at its placement date, if later) and its placement letter is owed. " +
          "A refused confirmation changes nothing. 409 `nothing_to_confirm` when nothing waits.",
      },
      confirmationBody,
      registrationSummary,
    ),
    async (request) =>
      registrations.confirmRegistration(...callerOf(request), request.params.id, {
        weighing: request.body.weighing,
      }),
  );

  app.delete(
    "/api/v1/registrations/:id",
    {
      config: { access: WRITE },
      schema: { tags, summary: "Erase a registration and its personal data", params: idParam },
    },
    async (request, reply) => {
      await registrations.eraseRegistration(...callerOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    "/api/v1/registrations/:id/claim-settlement",
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary:
          "The claim was paid or settled: its part ends, the other parts run on; the last part ending erases the registration (003 §12.4 D; 001 W2)",
        params: idParam,
        body: z.strictObject({
          kind: z.enum(["paid_in_full", "settled", "half_paid_with_arrangement"]),
          date: isoDate,
          paidFraction: z.number().min(0).max(1).optional(),
          arrangementKept: z.boolean().optional(),
        }),
        response: {
          200: z.object({
            id: z.string(),
            /** True when the ended part was the last: the registration is erased (003 §12.4). */
            erased: z.boolean(),
            ground: z.string(),
            /** The categories of the part(s) that ended; the other parts run on (issue #20). */
            endedCategories: z.array(z.string()),
          }),
        },
      },
    },
    async (request) =>
      registrations.settleClaim(...callerOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/registrations/:id/restriction",
    actionById(
      WRITE,
      { tags, summary: "Restrict processing (AVG art. 18): kept, but no hit, match or block" },
      restrictionBody,
      registrationSummary,
    ),
    async (request) =>
      registrations.restrict(...callerOf(request), request.params.id, request.body.reason),
  );

  app.delete(
    "/api/v1/registrations/:id/restriction",
    oneById(WRITE, { tags, summary: "Lift a restriction" }, registrationSummary),
    async (request) => registrations.liftRestriction(...callerOf(request), request.params.id),
  );

  // The CSV import has its own content type; the parser is scoped to this plugin only, so
  // every other route still answers 415 to CSV.
  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser("text/csv", { parseAs: "string" }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      "/api/v1/registrations/import",
      {
        bodyLimit: 20 * 1024 * 1024,
        config: { access: WRITE },
        schema: {
          tags,
          summary: "Initial load of an existing list from CSV (001 §4.3); all rows or none",
          description:
            "Columns in docs/registrations-import.md. `dryRun=true` reports every row's outcome and writes nothing. " +
            "Written rows enter as drafts of one import (`importId`), without any effect, until the importing officer confirms them (`POST /registrations/{id}/confirmation`, or all at once on the worklist; 003 §12.2). " +
            "The rows carry the first 100 errors; `errorCount` and `errorsByCode` count them all.",
          querystring: z.strictObject({
            dryRun: z.enum(["true", "false"]).default("true"),
            onBehalfOf: z.uuid().optional(),
          }),
          consumes: ["text/csv"],
        },
      },
      async (request) => {
        const rows = await readRegistrationsCsv(String(request.body ?? ""));
        return registrations.importRegistrations(...callerOf(request), rows, {
          dryRun: request.query.dryRun === "true",
          onBehalfOf: request.query.onBehalfOf,
        });
      },
    );
  });
}
