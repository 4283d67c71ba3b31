import { z } from "zod";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { actionById, noFields, oneById, pagedListRoute } from "../../platform/http/route-parts.ts";
import {
  blockQuery,
  blockView,
  decisionBody,
  matchDetail,
  matchItem,
  matchQuery,
  seekerBody,
  seekerParam,
  seekerSaved,
} from "./schemas.ts";
import type { SeekersService } from "./service.ts";

const tags = ["House seekers and matching"];
const MAINTAINERS = { roles: ["allocation_system", "consortium_admin"], scope: "any" } as const;
/** The primary source's officers: the only ones who see and decide its matches. */
const PRIMARY_SOURCE = { roles: ["officer"], scope: "own" } as const;

export function registerSeekerRoutes(app: App, seekers: SeekersService) {
  app.put(
    "/api/v1/seekers/:seekerNumber",
    {
      config: { access: MAINTAINERS },
      schema: {
        tags,
        summary: "Add or change a house seeker in the index (allocation system)",
        description:
          "The person is matched at once against the registrations in effect; a proposal goes " +
          "to the primary source only. The answer says nothing about matches or blocks.",
        params: seekerParam,
        body: seekerBody,
        response: { 200: seekerSaved, 201: seekerSaved },
      },
    },
    async (request, reply) => {
      const saved = await seekers.putSeeker(
        ...callerOf(request),
        request.params.seekerNumber,
        request.body.person,
      );
      return reply.code(saved.status === "created" ? 201 : 200).send(saved);
    },
  );

  app.delete(
    "/api/v1/seekers/:seekerNumber",
    {
      config: { access: MAINTAINERS },
      schema: {
        tags,
        summary: "Remove a house seeker from the index, with its matches and blocks",
        params: seekerParam,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await seekers.deleteSeeker(...callerOf(request), request.params.seekerNumber);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/seekers/:seekerNumber/block",
    {
      config: {
        access: {
          roles: ["allocation_system", "officer", "querier", "consortium_admin"],
          scope: "any",
        },
      },
      schema: {
        tags,
        summary: "Is this seeker blocked? Only what the profile lets the caller's role see",
        description:
          "The allocation system gets `{ blocked, parts }`: per part its end date and scope, " +
          "and for an organisation-scoped part the organisations whose dwellings it bars. A " +
          "participant gets `{ blocked, appliesToCaller }` and only the fields its role's " +
          "grant shows (another participant: the primary source to contact, never dates or " +
          "the reason); it must give `purpose` as for a screening. Every look is logged.",
        params: seekerParam,
        querystring: blockQuery,
        response: { 200: blockView },
      },
    },
    async (request) =>
      seekers.getBlock(...callerOf(request), request.params.seekerNumber, request.query),
  );

  app.get(
    "/api/v1/matches",
    pagedListRoute(
      PRIMARY_SOURCE,
      {
        tags,
        summary: "Proposed matches on your organisation's registrations (primary source only)",
      },
      matchQuery,
      matchItem,
    ),
    async (request) => seekers.listMatches(principalOf(request), request.query),
  );

  app.get(
    "/api/v1/matches/:id",
    oneById(
      PRIMARY_SOURCE,
      { tags, summary: "One proposed match with both persons and the reasons, to judge it" },
      matchDetail,
    ),
    async (request) => seekers.getMatch(...callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/matches/:id/decision",
    actionById(
      PRIMARY_SOURCE,
      { tags, summary: "Confirm (creates the block) or reject a proposed match" },
      decisionBody,
      matchItem,
    ),
    async (request) =>
      seekers.decide(...callerOf(request), request.params.id, request.body.decision),
  );

  app.post(
    "/api/v1/matches/:id/undo",
    actionById(
      PRIMARY_SOURCE,
      {
        tags,
        summary: "Undo your own confirmation while the block letter is unsent (D-991)",
        description:
          "Only the officer who confirmed, within the profile's block-letter term from the " +
          "confirmation, and only while the block letter has not been sent: the block ends, its " +
          "letter is withdrawn and the match is pending again. Both steps stay in the audit " +
          "log. Refused: 409 match_not_confirmed, 409 block_letter_sent, 422 " +
          "undo_by_other_officer, 422 undo_term_passed.",
      },
      noFields,
      matchItem,
    ),
    async (request) => seekers.undoConfirmation(...callerOf(request), request.params.id),
  );
}
