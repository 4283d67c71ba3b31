import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import {
  actionById,
  oneById,
  pagedListRoute,
  queryRoute,
} from "../../platform/http/route-parts.ts";
import {
  screeningCandidateDecision,
  screeningCandidateDetail,
  screeningCandidateItem,
  screeningCandidateList,
  screeningCandidateQuery,
} from "./candidate-schemas.ts";
import { screeningHistoryItem, screeningHistoryQuery } from "./history-schemas.ts";
import { screeningAnswer, screeningBody } from "./schemas.ts";
import type { ScreeningsService } from "./service.ts";

const tags = ["Screenings"];
const SCREENERS = { roles: ["querier", "officer", "consortium_admin"], scope: "own" } as const;
/** The primary source's officers decide whether a screened person is their registered person. */
const PRIMARY_SOURCE = { roles: ["officer"], scope: "own" } as const;

export function registerScreeningRoutes(app: App, screenings: ScreeningsService) {
  app.post(
    "/api/v1/screenings",
    {
      config: { access: SCREENERS },
      schema: {
        tags,
        summary: "Screen a person against the register (bevraging / toetsing)",
        description:
          "The person goes in this body only, never in a URL. The answer never holds the " +
          "person's data; what a hit shows is set by the profile per role. Every screening is " +
          "logged before the answer leaves, and a hit owes the person a letter from you. A " +
          "registration of another participant shows only when the person is exactly the " +
          "registered person or its primary source confirmed it; a near match answers " +
          "`pending: true` with `confirmationDue`, and the definite answer is at " +
          "GET /screenings/{id}.",
        body: screeningBody,
        response: { 200: screeningAnswer },
      },
    },
    async (request) => screenings.screen(...callerOf(request), request.body),
  );

  app.get(
    "/api/v1/screenings/:id",
    oneById(
      SCREENERS,
      {
        tags,
        summary: "A screening's answer, read again: definite once the primary source decided",
      },
      screeningAnswer,
    ),
    async (request) => screenings.screeningResult(...callerOf(request), request.params.id),
  );

  app.get(
    "/api/v1/screening-confirmations",
    queryRoute(
      PRIMARY_SOURCE,
      {
        tags,
        summary:
          "Possible hits of other participants' screenings on your registrations, to confirm or reject",
      },
      screeningCandidateQuery,
      screeningCandidateList,
    ),
    async (request) => screenings.screeningCandidates(principalOf(request), request.query),
  );

  app.get(
    "/api/v1/screening-confirmations/:id",
    oneById(
      PRIMARY_SOURCE,
      { tags, summary: "One possible hit with both persons and the comparison in words" },
      screeningCandidateDetail,
    ),
    async (request) => screenings.screeningCandidate(...callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/screening-confirmations/:id/decision",
    actionById(
      PRIMARY_SOURCE,
      {
        tags,
        summary:
          "Confirm (the querier learns of the hit) or reject (it learns nothing) a possible hit",
      },
      screeningCandidateDecision,
      screeningCandidateItem,
    ),
    async (request) =>
      screenings.decideScreeningCandidate(
        ...callerOf(request),
        request.params.id,
        request.body.decision,
      ),
  );

  app.get(
    "/api/v1/screenings",
    pagedListRoute(
      { roles: ["querier", "officer", "consortium_admin"], scope: "own" },
      {
        tags,
        summary: "Your own screenings, newest first (purpose, when, hit or not)",
        description:
          "Only the caller's own look-ups, never a colleague's, and never the person: what was " +
          "typed is not stored.",
      },
      screeningHistoryQuery,
      screeningHistoryItem,
    ),
    async (request) => screenings.ownScreenings(principalOf(request), request.query),
  );
}
