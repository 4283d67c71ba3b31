import type { App, AppContext } from "../app.ts";
import { registerIdentityRoutes } from "./identity/routes.ts";
import { createIdentityService, type IdentityService } from "./identity/service.ts";
import { registerOrganisationRoutes } from "./organisations/routes.ts";
import { createOrganisationsService, type OrganisationsService } from "./organisations/service.ts";

/** The services of every module, wired together once (the composition root). */
export interface Services {
  organisations: OrganisationsService;
  identity: IdentityService;
}

export function createServices(
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger">,
): Services {
  // Organisations and identity need each other (access status ↔ access revocation); the
  // hooks below are called only after both exist.
  const services = {} as Services;
  services.organisations = createOrganisationsService(ctx, {
    onTermination: [(db, id) => services.identity.revokeOrganisationAccess(db, id)],
    onSuspension: [(db, id) => services.identity.endOrganisationSessions(db, id)],
  });
  services.identity = createIdentityService(ctx, { organisations: services.organisations });
  return services;
}

export function registerModuleRoutes(app: App, services: Services) {
  registerOrganisationRoutes(app, services.organisations);
  registerIdentityRoutes(app, services.identity);
}
