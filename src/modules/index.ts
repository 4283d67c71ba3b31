import type { App, AppContext } from "../app.ts";
import type { EncryptedColumn } from "../platform/crypto/index.ts";
import { registerIdentityRoutes } from "./identity/routes.ts";
import {
  createIdentityService,
  IDENTITY_ENCRYPTED_COLUMNS,
  type IdentityService,
} from "./identity/service.ts";
import { createLettersService, type LettersService } from "./letters/service.ts";
import { registerOrganisationRoutes } from "./organisations/routes.ts";
import { createOrganisationsService, type OrganisationsService } from "./organisations/service.ts";
import { registerRegistrationRoutes } from "./registrations/routes.ts";
import {
  createRegistrationsService,
  REGISTRATION_ENCRYPTED_COLUMNS,
  type RegistrationsService,
} from "./registrations/service.ts";

/**
 * Every column holding values encrypted with an organisation's data key. Key rotation
 * re-encrypts exactly these, and a retired key is destroyed only when none of them still uses
 * it: a module that adds an encrypted column MUST list it here, or its data would become
 * unreadable after a rotation (docs/keys.md).
 */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  IDENTITY_ENCRYPTED_COLUMNS,
  REGISTRATION_ENCRYPTED_COLUMNS,
];

/** The services of every module, wired together once (the composition root). */
export interface Services {
  organisations: OrganisationsService;
  identity: IdentityService;
  letters: LettersService;
  registrations: RegistrationsService;
}

export function createServices(
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger">,
): Services {
  // Organisations and identity need each other (access status ↔ access revocation); the
  // hooks below are called only after both exist.
  const services = {} as Services;
  services.organisations = createOrganisationsService(ctx, {
    onTermination: [
      (db, id, reason) => services.registrations.eraseAllOfOrganisation(db, id, reason),
      (db, id) => services.identity.revokeOrganisationAccess(db, id),
    ],
    onSuspension: [(db, id) => services.identity.endOrganisationSessions(db, id)],
  });
  services.identity = createIdentityService(ctx, { organisations: services.organisations });
  services.letters = createLettersService(ctx);
  services.registrations = createRegistrationsService(ctx, {
    organisations: services.organisations,
    letters: services.letters,
  });
  return services;
}

export function registerModuleRoutes(app: App, services: Services) {
  registerOrganisationRoutes(app, services.organisations);
  registerIdentityRoutes(app, services.identity);
  registerRegistrationRoutes(app, services.registrations);
}
