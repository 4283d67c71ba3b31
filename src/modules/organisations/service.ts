/**
 * Organisations: the region, its participants and their lifecycle (003 §14, §17, §20). The
 * service wires the use cases (use-cases/), read views (read-models/) and access decisions
 * (policy.ts) to one environment; other modules use what ports.ts names.
 */
import type { RequestMeta } from "../../platform/audit/audit.ts";
import type { Principal } from "../../platform/auth/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { bindUseCases } from "../../platform/use-cases.ts";
import { organisationsEnv } from "./env.ts";
import { categoriesSwitchedOn, categorySwitches } from "./read-models/category-switches.ts";
import { fourEyesCategories, fourEyesSettings } from "./read-models/four-eyes.ts";
import {
  accessOf,
  consortiumId,
  getName,
  getOrganisation,
  letterhead,
  letterheadOfKind,
  listOrganisations,
  listPublicParticipants,
  registryFacts,
} from "./read-models/organisations.ts";
import { protocolView } from "./read-models/protocol-view.ts";
import { mailServer, profile, region, settings, settingsView } from "./read-models/region.ts";
import type { OrganisationHooks } from "./types.ts";
import { applyDueTerminations } from "./use-cases/apply-due-terminations.ts";
import { bootstrapOrganisation } from "./use-cases/bootstrap-organisation.ts";
import { createOrganisation } from "./use-cases/create-organisation.ts";
import { createRegion } from "./use-cases/create-region.ts";
import { recordTermination } from "./use-cases/record-termination.ts";
import { reinstateOrganisation } from "./use-cases/reinstate-organisation.ts";
import { setFourEyes } from "./use-cases/set-four-eyes.ts";
import { suspendOrganisation } from "./use-cases/suspend-organisation.ts";
import { switchCategory } from "./use-cases/switch-category.ts";
import { updateOrganisation } from "./use-cases/update-organisation.ts";
import { updateSettings } from "./use-cases/update-settings.ts";

export { REGION_MAIL_ENCRYPTED_COLUMNS } from "./region-mail.ts";

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;

export function createOrganisationsService(
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger">,
  hooks: OrganisationHooks,
) {
  const env = organisationsEnv(ctx, hooks);
  return {
    ...bindUseCases(env, {
      region,
      profile,
      createRegion,
      settings,
      settingsView,
      mailServer,
      updateSettings,
      bootstrapOrganisation,
      accessOf,
      listPublicParticipants,
      listOrganisations,
      getOrganisation,
      letterhead,
      letterheadOfKind,
      consortiumId,
      getName,
      registryFacts,
      createOrganisation,
      updateOrganisation,
      recordTermination,
      suspend: suspendOrganisation,
      reinstate: reinstateOrganisation,
      applyDueTerminations,
      categorySwitches,
      categoriesSwitchedOn,
      protocolView,
      switchCategory,
      fourEyesSettings,
      fourEyesCategories,
      setFourEyes,
    }),
    /** Withdrawal (uittreding, 003 §17; 001 §7.2) on `date`: see use-cases/record-termination.ts. */
    recordWithdrawal: (principal: Principal, meta: RequestMeta, id: string, date: string) =>
      recordTermination(env, principal, meta, id, date, "withdrawn"),
    /** Definitive exclusion (003 §20; 001 §7.3): authorisations revoked, registrations erased. */
    recordExclusion: (principal: Principal, meta: RequestMeta, id: string, date: string) =>
      recordTermination(env, principal, meta, id, date, "excluded"),
  };
}
