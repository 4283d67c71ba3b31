import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { callerOf, principalOf, requestMeta } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import {
  actionById,
  noFields,
  oneById,
  pagedListRoute,
  type RouteText,
} from "../../platform/http/route-parts.ts";
import {
  accessCandidateBody,
  accessCandidatesView,
  accessReport,
  caseBody,
  caseDetail,
  caseListQuery,
  caseSummary,
  challengeBody,
  decisionBody,
  executionBody,
  hearingBody,
  identityBody,
  linkRegistrationBody,
  probationEndBody,
  publicRequestBody,
  publicRequestReceipt,
} from "./schemas.ts";
import type { CasesService } from "./service.ts";

const tags = ["Cases"];
/** The primary source's officers, the disputes committee, and the consortium. */
const HANDLERS = ["officer", "committee", "consortium_admin"] as const;
const access = { roles: HANDLERS, scope: "own" } as const;

export function registerCaseRoutes(app: App, cases: CasesService) {
  // F15: another organisation's case answers 404 before its body is validated, whatever the
  // body: ownership first, then validation, as the review asks (D-688).
  const visibleFirst = async (request: FastifyRequest) => {
    await cases.ensureCaseVisible(principalOf(request), (request.params as { id?: string }).id);
  };
  /** A step on one case (`:id`): visible to the caller before its body counts; answers the case. */
  const caseStep = <B extends z.ZodType>(text: Omit<RouteText, "tags">, body: B) => ({
    preValidation: visibleFirst,
    ...actionById(access, { tags, ...text }, body, caseSummary),
  });

  app.post(
    "/api/v1/public/requests",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary:
          "A person's own request (access, rectification, erasure, objection) to a participant",
        description:
          "No sign-in. Records a case for the named participant with the requester's details " +
          "(encrypted) and no registration: the organisation verifies identity before anything " +
          "is disclosed. Answers only the reference — never whether the person is registered. " +
          "At most 5 requests per client address per hour (429 rate_limited).",
        body: publicRequestBody,
        response: { 202: publicRequestReceipt },
      },
    },
    async (request, reply) => {
      const receipt = await cases.createPublicRequest(requestMeta(request), request.body);
      return reply.code(202).send({
        ...receipt,
        message:
          "Received. The organisation verifies your identity and answers within the protocol's term.",
      });
    },
  );

  app.post(
    "/api/v1/cases",
    {
      config: { access },
      schema: {
        tags,
        summary: "Register a received request, objection, complaint, appeal, hardship request …",
        description:
          "Deadlines come from the region's profile. An objection, complaint or restriction " +
          "request restricts the registration at once (no hits while it is pending).",
        body: caseBody,
        response: { 201: caseSummary },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await cases.createCase(...callerOf(request), request.body)),
  );

  app.get(
    "/api/v1/cases",
    pagedListRoute(
      access,
      { tags, summary: "Cases (overdue=true: the worklist of cases with a deadline passed)" },
      caseListQuery,
      caseSummary,
    ),
    async (request) => cases.listCases(principalOf(request), request.query),
  );

  app.get(
    "/api/v1/cases/:id",
    oneById(
      access,
      { tags, summary: "A case with its deadlines and timeline (reading it is logged)" },
      caseDetail,
    ),
    async (request) => cases.getCase(...callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/cases/:id/decision",
    caseStep(
      {
        summary: "Decide, with reasons; an upheld decision is carried out on the registration",
      },
      decisionBody,
    ),
    async (request) => cases.decide(...callerOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/cases/:id/identity",
    caseStep({ summary: "Record how the requester's identity was verified" }, identityBody),
    async (request) => cases.verifyIdentity(...callerOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/cases/:id/registration",
    caseStep(
      {
        summary: "Link a case received without a registration (a public request) to it",
        description:
          "Only the primary source's own registration, only once. An objection or rectification " +
          "then restricts the registration at once.",
      },
      linkRegistrationBody,
    ),
    async (request) =>
      cases.linkRegistration(...callerOf(request), request.params.id, request.body.registrationId),
  );

  app.post(
    "/api/v1/cases/:id/acknowledgement",
    caseStep({ summary: "Acknowledge receipt (the letter goes to the person)" }, noFields),
    async (request) => cases.acknowledge(...callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/cases/:id/hearing",
    caseStep({ summary: "Record a hearing and its report" }, hearingBody),
    async (request) => cases.recordHearing(...callerOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/cases/:id/challenge",
    caseStep(
      { summary: "Record a challenge (wraking) or recusal of a committee member" },
      challengeBody,
    ),
    async (request) => cases.recordChallenge(...callerOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/cases/:id/execution",
    caseStep(
      { summary: "Carry out an upheld decision: the registration removed or corrected" },
      executionBody,
    ),
    async (request) => cases.execute(...callerOf(request), request.params.id, request.body.action),
  );

  app.post(
    "/api/v1/cases/:id/withdrawal",
    caseStep({ summary: "The person withdrew the request, objection or consent" }, noFields),
    async (request) => cases.withdraw(...callerOf(request), request.params.id),
  );

  app.get(
    "/api/v1/cases/:id/access-report",
    oneById(
      access,
      {
        tags,
        summary: "What an access request discloses: data, purposes, recipients, source, screenings",
      },
      accessReport,
    ),
    async (request) => cases.accessReport(...callerOf(request), request.params.id),
  );

  app.get(
    "/api/v1/cases/:id/access-candidates",
    oneById(
      access,
      {
        tags,
        summary:
          "An access request's region-wide candidates: registrations the matching engine scores as the requester, with the comparison and the primary source (audited)",
      },
      accessCandidatesView,
    ),
    async (request) => cases.accessCandidates(...callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/cases/:id/access-candidates",
    caseStep(
      {
        summary:
          "Confirm or reject a region-wide candidate of an access request (the answer waits for every one)",
      },
      accessCandidateBody,
    ),
    async (request) =>
      cases.decideAccessCandidate(...callerOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/cases/:id/probation/extension",
    caseStep({ summary: "Extend a support-team probation once by six months" }, noFields),
    async (request) => cases.extendProbation(...callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/cases/:id/probation/end",
    caseStep(
      { summary: "End a probation: removal, or continuation with its letter" },
      probationEndBody,
    ),
    async (request) =>
      cases.endProbation(...callerOf(request), request.params.id, request.body.result),
  );
}
