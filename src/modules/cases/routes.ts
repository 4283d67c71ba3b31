import type { FastifyRequest } from "fastify";
import { z } from "zod";
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
  accessConfirmationBody,
  accessConfirmationsView,
  accessReport,
  candidateRejectionBody,
  caseBody,
  caseCandidatesView,
  caseDetail,
  caseListQuery,
  caseRequesterView,
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
  /**
   * A step on one case, POST /api/v1/cases/{id}/{step}: the case must be visible to the caller
   * before its body counts (visibleFirst); `act` takes the caller, the case id and the body, and
   * the route answers the case.
   */
  const caseStep = <B extends z.ZodType>(
    step: string,
    text: Omit<RouteText, "tags">,
    body: B,
    act: (
      caller: ReturnType<typeof callerOf>,
      id: string,
      body: z.infer<B>,
    ) => Promise<z.infer<typeof caseSummary>>,
  ) =>
    app.post(
      `/api/v1/cases/:id/${step}`,
      { preValidation: visibleFirst, ...actionById(access, { tags, ...text }, body, caseSummary) },
      async (request) =>
        act(callerOf(request), (request.params as { id: string }).id, request.body as z.infer<B>),
    );

  app.post(
    "/api/v1/public/requests",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "A person's own request (every request type of the profile) to a participant",
        description:
          "No sign-in. Records a case for the named participant (a hardship request: for the " +
          "disputes committee) with the requester's details and explanation (encrypted): the " +
          "organisation verifies identity before anything is disclosed. On receipt the " +
          "requester is matched against the region's registrations; an objection, rectification " +
          "or restriction restricts a candidate at once, provisionally. Answers only the " +
          "reference and the due dates — never whether the person is registered. A receipt " +
          "e-mail goes to person.email when given. At most 5 requests per client address per " +
          "hour (429 rate_limited).",
        body: publicRequestBody,
        response: { 201: publicRequestReceipt },
      },
    },
    async (request, reply) => {
      const receipt = await cases.createPublicRequest(requestMeta(request), request.body);
      return reply.code(201).send({
        ...receipt,
        message:
          "Received. The organisation verifies your identity and answers by the dates in dueDates.",
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

  caseStep(
    "decision",
    {
      summary: "Decide, with reasons; an upheld decision is carried out on the registration",
    },
    decisionBody,
    (caller, id, body) => cases.decide(...caller, id, body),
  );

  caseStep(
    "identity",
    { summary: "Record how the requester's identity was verified" },
    identityBody,
    (caller, id, body) => cases.verifyIdentity(...caller, id, body),
  );

  caseStep(
    "registration",
    {
      summary: "Link a case received without a registration (a public request) to it",
      description:
        "Only once: the handling organisation's own registration, or a candidate found on " +
        "receipt by its primary source (the case then moves to it). An objection or " +
        "rectification then restricts the registration; the other candidates' provisional " +
        "restrictions end.",
    },
    linkRegistrationBody,
    (caller, id, body) => cases.linkRegistration(...caller, id, body.registrationId),
  );

  caseStep(
    "candidate-rejections",
    {
      summary: "A registration matched on receipt is about someone else (niet deze persoon)",
      description:
        "By the registration's primary source (the committee for its hardship request): ends " +
        "the provisional restriction and takes the case off that participant's desk.",
    },
    candidateRejectionBody,
    (caller, id, body) => cases.rejectCandidate(...caller, id, body.registrationId),
  );

  app.get(
    "/api/v1/cases/:id/candidates",
    oneById(
      access,
      {
        tags,
        summary:
          "The registrations a request was matched to on receipt (the caller's own; all for the committee's hardship request), with the comparison (audited)",
      },
      caseCandidatesView,
    ),
    async (request) => cases.caseCandidates(...callerOf(request), request.params.id),
  );

  app.get(
    "/api/v1/cases/:id/requester",
    oneById(
      access,
      {
        tags,
        summary:
          "Who asked, in their own words: for the handling officer and the committee (each view audited)",
      },
      caseRequesterView,
    ),
    async (request) => cases.caseRequester(...callerOf(request), request.params.id),
  );

  caseStep(
    "acknowledgement",
    { summary: "Acknowledge receipt (the letter goes to the person)" },
    noFields,
    (caller, id) => cases.acknowledge(...caller, id),
  );

  caseStep(
    "hearing",
    { summary: "Record a hearing and its report" },
    hearingBody,
    (caller, id, body) => cases.recordHearing(...caller, id, body),
  );

  caseStep(
    "challenge",
    { summary: "Record a challenge (wraking) or recusal of a committee member" },
    challengeBody,
    (caller, id, body) => cases.recordChallenge(...caller, id, body),
  );

  caseStep(
    "execution",
    { summary: "Carry out an upheld decision: the registration removed or corrected" },
    executionBody,
    (caller, id, body) => cases.execute(...caller, id, body.action),
  );

  caseStep(
    "withdrawal",
    { summary: "The person withdrew the request, objection or consent" },
    noFields,
    (caller, id) => cases.withdraw(...caller, id),
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

  caseStep(
    "access-candidates",
    {
      summary:
        "Confirm or reject a region-wide candidate of an access request (the answer waits for every one)",
    },
    accessCandidateBody,
    (caller, id, body) => cases.decideAccessCandidate(...caller, id, body),
  );

  // The primary source's checks of access requests elsewhere (D-1040): its officers only.
  const checker = { roles: ["officer"], scope: "own" } as const;
  app.get(
    "/api/v1/access-confirmations",
    {
      config: { access: checker },
      schema: {
        tags,
        summary:
          "Access requests at other participants that may be about one of your registrations: confirm or reject that it is the same person (audited)",
        response: { 200: accessConfirmationsView },
      },
    },
    async (request) => cases.accessConfirmations(...callerOf(request)),
  );
  app.post(
    "/api/v1/access-confirmations/:id",
    actionById(
      checker,
      {
        tags,
        summary:
          "The primary source confirms or rejects that the requester of an access request elsewhere is the person of its registration",
      },
      accessConfirmationBody,
      accessConfirmationBody.extend({ caseId: z.string() }).strict(),
    ),
    async (request) =>
      cases.decideAccessConfirmation(...callerOf(request), request.params.id, request.body),
  );

  caseStep(
    "probation/extension",
    { summary: "Extend a support-team probation once by six months" },
    noFields,
    (caller, id) => cases.extendProbation(...caller, id),
  );

  caseStep(
    "probation/end",
    { summary: "End a probation: removal, or continuation with its letter" },
    probationEndBody,
    (caller, id, body) => cases.endProbation(...caller, id, body.result),
  );
}
