import type { AppContext } from "../../platform/context.ts";
import type { Db } from "../../platform/db/database.ts";
import type { Profile } from "../../protocol/profile.ts";
import type { LetterDuties } from "../letters/ports.ts";
import type { Letterhead } from "../organisations/ports.ts";
import type { RegistrationsForCases } from "../registrations/ports.ts";
import type { ScreeningsOfPerson } from "../screenings/ports.ts";
import type { SeekersForCases } from "../seekers/ports.ts";

/** What the cases module needs of other modules (the composition root passes their services). */
export interface CasesDeps {
  organisations: {
    profile(): Promise<Profile>;
    getName(id: string): Promise<string | undefined>;
    letterhead(id: string): Promise<Letterhead | undefined>;
    letterheadOfKind(kind: "consortium" | "committee"): Promise<{ id: string } | undefined>;
    consortiumId(): Promise<string | undefined>;
    listPublicParticipants(): Promise<{ id: string }[]>;
  };
  registrations: RegistrationsForCases;
  letters: LetterDuties;
  screenings: () => ScreeningsOfPerson;
  /** The region's scoring and who saw a block (the access answer; the art. 19 notice). */
  seekers: () => SeekersForCases;
}

/** The environment every cases use case and read model takes as its first argument. */
export interface CasesEnv {
  db: Db;
  clock: AppContext["clock"];
  keyring: AppContext["keyring"];
  deps: CasesDeps;
  /** Client address → times of its recent public requests (the rate limit). */
  publicRequests: Map<string, number[]>;
}

export function createCasesEnv(
  ctx: Pick<AppContext, "database" | "clock" | "keyring">,
  deps: CasesDeps,
): CasesEnv {
  return {
    db: ctx.database.db,
    clock: ctx.clock,
    keyring: ctx.keyring,
    deps,
    publicRequests: new Map<string, number[]>(),
  };
}
