import type { Services } from "../../../modules/index.ts";
import type { App } from "../../../platform/context.ts";
import type { Kit } from "../../kit.ts";
import { registerAuditorRequestPages } from "./auditor-requests.ts";
import { registerCategorySwitchPages } from "./category-switches.ts";
import { registerParticipantPages } from "./participants.ts";
import { registerProtocolPage } from "./protocol.ts";
import { registerSettingsPages } from "./settings.ts";
import { registerUserAndKeyPages } from "./users-and-keys.ts";

/**
 * The consortium admin's pages (issue #10), one file per resource: participants (accession,
 * suspension, withdrawal, exclusion), users and API keys, region settings (SMTP included) and
 * the protocol profile as readable rules. Every change goes through the same service
 * function as the API.
 */
export function registerAdminPages(app: App, services: Services, kit: Kit) {
  registerParticipantPages(app, services, kit);
  registerUserAndKeyPages(app, services, kit);
  registerSettingsPages(app, services, kit);
  registerProtocolPage(app, services, kit);
  registerAuditorRequestPages(app, services, kit);
  registerCategorySwitchPages(app, services, kit);
}
