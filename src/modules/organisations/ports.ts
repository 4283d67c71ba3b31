/**
 * What other modules may use of organisations: the types they exchange with it, and the
 * calls they make (Picks of the service). Other modules import types from here.
 */
import type { OrganisationsService } from "./service.ts";

export type {
  Letterhead,
  OrganisationAccess,
  OrganisationHooks,
  RegionSmtp,
  TerminationHandler,
} from "./types.ts";

/** Identity: may people of this organisation act today? */
export type OrganisationAccessCheck = Pick<OrganisationsService, "accessOf">;

/** Letters: letterheads, names, the region's settings and SMTP server. */
export type OrganisationDirectory = Pick<
  OrganisationsService,
  | "region"
  | "profile"
  | "settings"
  | "mailServer"
  | "letterhead"
  | "letterheadOfKind"
  | "consortiumId"
  | "getName"
  | "registryFacts"
>;

/** Oversight: the participants, the region and its settings (audit views, annual report). */
export type OrganisationsForOversight = Pick<
  OrganisationsService,
  "listOrganisations" | "region" | "settings"
>;

/** Retention: the region's retention settings and the terminations that fall due. */
export type OrganisationsForRetention = Pick<
  OrganisationsService,
  "applyDueTerminations" | "settings"
>;
