import type { Config } from "../../config.ts";
import type { Clock } from "../../platform/clock.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Db } from "../../platform/db/database.ts";
import type { Logger } from "../../platform/logger.ts";
import type { CaseStatistics } from "../cases/ports.ts";
import type { IdentityForOversight } from "../identity/ports.ts";
import type { LetterStatistics } from "../letters/ports.ts";
import type { OrganisationsForOversight } from "../organisations/ports.ts";
import type { ScreeningRecords } from "../screenings/ports.ts";
import type { SeekerSubjects } from "../seekers/ports.ts";

export type OversightContext = Pick<AppContext, "database" | "clock" | "logger"> & {
  config?: Config | undefined;
};

/** The modules oversight reads from. */
export interface OversightDeps {
  organisations: OrganisationsForOversight;
  identity: IdentityForOversight;
  /** Created after oversight; read lazily. */
  later?: () => {
    screenings: ScreeningRecords;
    seekers: SeekerSubjects;
    cases: CaseStatistics;
    letters: LetterStatistics;
  };
}

/** What the oversight use cases and read views work with. */
export interface OversightEnv {
  ctx: OversightContext;
  db: Db;
  clock: Clock;
  logger: Logger;
  deps: OversightDeps;
}

export function oversightEnv(ctx: OversightContext, deps: OversightDeps): OversightEnv {
  return { ctx, db: ctx.database.db, clock: ctx.clock, logger: ctx.logger, deps };
}

/** The services created after oversight (screenings, seekers, cases, letters). */
export function later(env: OversightEnv) {
  if (!env.deps.later)
    throw new Error("oversight reports need the screenings, seekers, cases and letters services");
  return env.deps.later();
}
