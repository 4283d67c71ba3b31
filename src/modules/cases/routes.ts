import { callerOf, principalOf, requestMeta } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { noFields, pagedList } from "../../platform/http/route-parts.ts";
import { uuidParam } from "../organisations/schemas.ts";
import {
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
    {
      config: { access },
      schema: {
        tags,
        summary: "Cases (overdue=true: the worklist of cases with a deadline passed)",
        querystring: caseListQuery,
        response: { 200: pagedList(caseSummary) },
      },
    },
    async (request) => cases.listCases(principalOf(request), request.query),
  );

  app.get(
    "/api/v1/cases/:id",
    {
      config: { access },
      schema: {
        tags,
        summary: "A case with its deadlines and timeline (reading it is logged)",
        params: uuidParam,
        response: { 200: caseDetail },
      },
    },
    async (request) => cases.getCase(...callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/cases/:id/decision",
    {
      config: { access },
      schema: {
        tags,
        summary: "Decide, with reasons; an upheld decision is carried out on the registration",
        params: uuidParam,
        body: decisionBody,
        response: { 200: caseSummary },
      },
    },
    async (request) => cases.decide(...callerOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/cases/:id/identity",
    {
      config: { access },
      schema: {
        tags,
        summary: "Record how the requester's identity was verified",
        params: uuidParam,
        body: identityBody,
        response: { 200: caseSummary },
      },
    },
    async (request) => cases.verifyIdentity(...callerOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/cases/:id/registration",
    {
      config: { access },
      schema: {
        tags,
        summary: "Link a case received without a registration (a public request) to it",
        description:
          "Only the primary source's own registration, only once. An objection or rectification " +
          "then restricts the registration at once.",
        params: uuidParam,
        body: linkRegistrationBody,
        response: { 200: caseSummary },
      },
    },
    async (request) =>
      cases.linkRegistration(...callerOf(request), request.params.id, request.body.registrationId),
  );

  app.post(
    "/api/v1/cases/:id/acknowledgement",
    {
      config: { access },
      schema: {
        tags,
        summary: "Acknowledge receipt (the letter goes to the person)",
        params: uuidParam,
        body: noFields,
        response: { 200: caseSummary },
      },
    },
    async (request) => cases.acknowledge(...callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/cases/:id/hearing",
    {
      config: { access },
      schema: {
        tags,
        summary: "Record a hearing and its report",
        params: uuidParam,
        body: hearingBody,
        response: { 200: caseSummary },
      },
    },
    async (request) => cases.recordHearing(...callerOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/cases/:id/challenge",
    {
      config: { access },
      schema: {
        tags,
        summary: "Record a challenge (wraking) or recusal of a committee member",
        params: uuidParam,
        body: challengeBody,
        response: { 200: caseSummary },
      },
    },
    async (request) => cases.recordChallenge(...callerOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/cases/:id/execution",
    {
      config: { access },
      schema: {
        tags,
        summary: "Carry out an upheld decision: the registration removed or corrected",
        params: uuidParam,
        body: executionBody,
        response: { 200: caseSummary },
      },
    },
    async (request) => cases.execute(...callerOf(request), request.params.id, request.body.action),
  );

  app.post(
    "/api/v1/cases/:id/withdrawal",
    {
      config: { access },
      schema: {
        tags,
        summary: "The person withdrew the request, objection or consent",
        params: uuidParam,
        body: noFields,
        response: { 200: caseSummary },
      },
    },
    async (request) => cases.withdraw(...callerOf(request), request.params.id),
  );

  app.get(
    "/api/v1/cases/:id/access-report",
    {
      config: { access },
      schema: {
        tags,
        summary: "What an access request discloses: data, purposes, recipients, source, screenings",
        params: uuidParam,
        response: { 200: accessReport },
      },
    },
    async (request) => cases.accessReport(...callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/cases/:id/probation/extension",
    {
      config: { access },
      schema: {
        tags,
        summary: "Extend a support-team probation once by six months",
        params: uuidParam,
        body: noFields,
        response: { 200: caseSummary },
      },
    },
    async (request) => cases.extendProbation(...callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/cases/:id/probation/end",
    {
      config: { access },
      schema: {
        tags,
        summary: "End a probation: removal, or continuation with its letter",
        params: uuidParam,
        body: probationEndBody,
        response: { 200: caseSummary },
      },
    },
    async (request) =>
      cases.endProbation(...callerOf(request), request.params.id, request.body.result),
  );
}
