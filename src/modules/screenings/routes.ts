import { callerOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
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
}
