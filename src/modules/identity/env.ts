import type { RequestMeta } from "../../platform/audit/audit.ts";
import type { Principal } from "../../platform/auth/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Db } from "../../platform/db/database.ts";
import type { Profile } from "../../protocol/profile.ts";
import type { AccountMail } from "../letters/ports.ts";
import type { OrganisationAccess } from "../organisations/ports.ts";
import type { OrganisationInput } from "../organisations/schemas.ts";

/** What the identity module needs of other modules (wired in modules/index.ts). */
export interface IdentityDeps {
  organisations: {
    accessOf(id: string): Promise<OrganisationAccess | undefined>;
    profile(): Promise<Profile>;
    /** F16: makes the organisation of an approved auditor request. */
    createOrganisation(
      principal: Principal,
      meta: RequestMeta,
      input: OrganisationInput,
      approval: { approvedRequest: string },
    ): Promise<{ id: string; name: string }>;
  };
  /** E-mail to an account's owner (letters creates the mailer; it is wired after identity). */
  mail: () => AccountMail;
}

/** The environment every identity use case takes. */
export interface IdentityEnv {
  db: Db;
  clock: AppContext["clock"];
  keyring: AppContext["keyring"];
  deps: IdentityDeps;
}

export function createIdentityEnv(
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger">,
  deps: IdentityDeps,
): IdentityEnv {
  return { db: ctx.database.db, clock: ctx.clock, keyring: ctx.keyring, deps };
}
