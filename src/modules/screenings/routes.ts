import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { pagedListRoute } from "../../platform/http/route-parts.ts";
import { screeningHistoryItem, screeningHistoryQuery } from "./history-schemas.ts";
import { screeningAnswer, screeningBody } from "./schemas.ts";
import type { ScreeningsService } from "./service.ts";

const tags = ["Screenings"];

export function registerScreeningRoutes(app: App, screenings: ScreeningsService) {
  app.post(
    "/api/v1/screenings",
    {
      config: { access: { roles: ["querier", "officer", "consortium_admin"], scope: "own" } },
      schema: {
        tags,
        summary: "Screen a person against the register (bevraging / toetsing)",
        description:
          "The person goes in this body only, never in a URL. The answer never holds the " +
          "person's data; what a hit shows is set by the profile per role. Every screening is " +
          "logged before the answer leaves, and a hit owes the person a letter from you.",
        body: screeningBody,
        response: { 200: screeningAnswer },
      },
    },
    async (request) => screenings.screen(...callerOf(request), request.body),
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
