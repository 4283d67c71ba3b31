import type { RequestMeta } from "../../platform/audit/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Db } from "../../platform/db/database.ts";
import type { OrganisationHooks } from "./types.ts";

/** What the organisations use cases work with: the context pieces and the other modules' hooks. */
export interface OrganisationsEnv {
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger">;
  db: Db;
  clock: Clock;
  hooks: OrganisationHooks;
}

export function organisationsEnv(
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger">,
  hooks: OrganisationHooks,
): OrganisationsEnv {
  return { ctx, db: ctx.database.db, clock: ctx.clock, hooks };
}

/** The request metadata of what the system does on its own (set-up commands, the daily job). */
export const SYSTEM_META: RequestMeta = { requestId: null, clientAddress: null };
