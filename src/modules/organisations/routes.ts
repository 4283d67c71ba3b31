import { z } from "zod";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import { ROLES } from "../../platform/auth/roles.ts";
import type { App } from "../../platform/context.ts";
import { actionById, CONSORTIUM_ADMIN, idParam, oneById } from "../../platform/http/route-parts.ts";
import {
  categorySwitchBody,
  categorySwitchView,
  fourEyesBody,
  fourEyesView,
  lifecycleDate,
  organisationInput,
  organisationPatch,
  organisationView,
  protocolView,
  publicParticipant,
  regionSettingsPatch,
  regionSettingsView,
} from "./schemas.ts";
import type { OrganisationsService } from "./service.ts";

const tags = ["Organisations"];

export function registerOrganisationRoutes(app: App, organisations: OrganisationsService) {
  app.get(
    "/api/v1/public/participants",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The participants of the register, for anyone (003 ch. 10)",
        response: {
          200: z.object({
            region: z.object({ name: z.string(), profile: z.string() }),
            items: z.array(publicParticipant),
          }),
        },
      },
    },
    async () => {
      const region = await organisations.region();
      return {
        region: { name: region.name, profile: region.profile },
        items: await organisations.listPublicParticipants(),
      };
    },
  );

  app.get(
    "/api/v1/organisations",
    {
      config: { access: { roles: ROLES, scope: "own" } },
      schema: {
        tags,
        summary: "Organisations: all for consortium staff, otherwise your own",
        response: { 200: z.object({ items: z.array(organisationView) }) },
      },
    },
    async (request) => ({ items: await organisations.listOrganisations(principalOf(request)) }),
  );

  app.get(
    "/api/v1/organisations/:id",
    {
      config: { access: { roles: ROLES, scope: "own" } },
      schema: {
        tags,
        summary: "One organisation",
        params: idParam,
        response: { 200: organisationView },
      },
    },
    async (request) => organisations.getOrganisation(principalOf(request), request.params.id),
  );

  app.post(
    "/api/v1/organisations",
    {
      config: { access: CONSORTIUM_ADMIN },
      schema: {
        tags,
        summary: "Add an organisation (accession: record protocolSignedOn before access)",
        body: organisationInput,
        response: { 201: organisationView },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await organisations.createOrganisation(...callerOf(request), request.body)),
  );

  app.get(
    "/api/v1/region/settings",
    {
      config: { access: { roles: ["consortium_admin", "auditor"], scope: "any" } },
      schema: {
        tags,
        summary:
          "The region's settings (matching threshold, screening burst signal, case retention, SMTP server; never its password)",
        response: { 200: regionSettingsView },
      },
    },
    async () => organisations.settingsView(),
  );

  app.patch(
    "/api/v1/region/settings",
    {
      config: { access: CONSORTIUM_ADMIN },
      schema: {
        tags,
        summary:
          "Change the region's settings (audited with old and new values). `smtp.password` is write-only: leave it out to keep it, null to clear it; `smtp: null` returns e-mail to SMTP_URL",
        body: regionSettingsPatch,
        response: { 200: regionSettingsView },
      },
    },
    async (request) => organisations.updateSettings(...callerOf(request), request.body),
  );

  app.get(
    "/api/v1/protocol",
    {
      config: { access: { roles: ROLES, scope: "any" } },
      schema: {
        tags,
        summary:
          "The region's protocol profile as data: the categories it uses, criteria, the person fields a registration may store, who may take part, deadlines, and the protocol version decisions record today",
        response: { 200: protocolView },
      },
    },
    async () => organisations.protocolView(),
  );

  app.get(
    "/api/v1/region/categories",
    {
      config: { access: { roles: ["consortium_admin", "auditor"], scope: "any" } },
      schema: {
        tags,
        summary:
          "The profile's categories that the region must switch on before use (kkr PSY, AVG art. 9): on or off, the legal basis, who switched and when",
        response: { 200: z.object({ items: z.array(categorySwitchView) }) },
      },
    },
    async () => ({ items: await organisations.categorySwitches() }),
  );

  app.put(
    "/api/v1/region/categories/:code",
    {
      config: { access: CONSORTIUM_ADMIN },
      schema: {
        tags,
        summary:
          "Switch such a category on (with its legal basis) or off; audited. Off refuses new registrations of it (422 category_not_switched_on)",
        params: z.strictObject({ code: z.string().trim().min(1).max(20) }),
        body: categorySwitchBody,
        response: { 200: categorySwitchView },
      },
    },
    async (request) =>
      organisations.switchCategory(...callerOf(request), request.params.code, request.body),
  );

  app.get(
    "/api/v1/region/four-eyes",
    {
      config: { access: { roles: ["consortium_admin", "auditor", "officer"], scope: "any" } },
      schema: {
        tags,
        summary:
          "Which categories need a second, different officer of the same participant before a registration takes effect (four eyes), the profile's default and who chose",
        response: { 200: z.object({ items: z.array(fourEyesView) }) },
      },
    },
    async () => ({ items: await organisations.fourEyesSettings() }),
  );

  app.put(
    "/api/v1/region/four-eyes/:code",
    {
      config: { access: CONSORTIUM_ADMIN },
      schema: {
        tags,
        summary: "Put a category under four eyes, or take it out; audited",
        params: z.strictObject({ code: z.string().trim().min(1).max(20) }),
        body: fourEyesBody,
        response: { 200: fourEyesView },
      },
    },
    async (request) =>
      organisations.setFourEyes(...callerOf(request), request.params.code, request.body),
  );

  app.patch(
    "/api/v1/organisations/:id",
    actionById(
      CONSORTIUM_ADMIN,
      { tags, summary: "Change an organisation's details" },
      organisationPatch,
      organisationView,
    ),
    async (request) =>
      organisations.updateOrganisation(...callerOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/organisations/:id/withdrawal",
    actionById(
      CONSORTIUM_ADMIN,
      {
        tags,
        summary:
          "Record a withdrawal (003 §17; 001 §7.2): access ends and data is erased on that date",
      },
      lifecycleDate,
      organisationView,
    ),
    async (request) =>
      organisations.recordWithdrawal(...callerOf(request), request.params.id, request.body.date),
  );

  app.post(
    "/api/v1/organisations/:id/suspension",
    actionById(
      CONSORTIUM_ADMIN,
      { tags, summary: "Temporary exclusion (003 §20): all authorisations suspended at once" },
      lifecycleDate,
      organisationView,
    ),
    async (request) =>
      organisations.suspend(...callerOf(request), request.params.id, request.body.date),
  );

  app.post(
    "/api/v1/organisations/:id/reinstatement",
    oneById(CONSORTIUM_ADMIN, { tags, summary: "End a temporary exclusion" }, organisationView),
    async (request) => organisations.reinstate(...callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/organisations/:id/exclusion",
    actionById(
      CONSORTIUM_ADMIN,
      {
        tags,
        summary:
          "Definitive exclusion (003 §20; 001 §7.3): authorisations revoked, registrations erased",
      },
      lifecycleDate,
      organisationView,
    ),
    async (request) =>
      organisations.recordExclusion(...callerOf(request), request.params.id, request.body.date),
  );
}
