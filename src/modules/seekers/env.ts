/**
 * The environment the seekers' use cases and read models take: the context pieces they use,
 * the other modules they call, and the service's one piece of state (the cached seeker count).
 */
import type { AppContext } from "../../platform/context.ts";
import type { Db } from "../../platform/db/database.ts";
import type { Profile } from "../../protocol/profile.ts";
import type { BlockLetters } from "../letters/ports.ts";
import type { RegionSettings } from "../organisations/schemas.ts";
import type { RegistrationsForSeekers } from "../registrations/ports.ts";

/**
 * What seekers needs of the registrations module: candidates in effect, and the facts of a
 * block's registration (status, start, end, scope) — never its tables.
 */
export type SeekerRegistrations = RegistrationsForSeekers;

export interface SeekersDeps {
  organisations: {
    profile(): Promise<Profile>;
    settings(): Promise<RegionSettings>;
    getName(id: string): Promise<string | undefined>;
    consortiumId(): Promise<string | undefined>;
  };
  registrations: SeekerRegistrations;
  /** The block letter's duty when the primary source confirms a match (003 §6 punt 5). */
  letters: BlockLetters;
  /** The erasure journal: a seeker by the keyed reference of its number (F11). */
  journal?: { record(kind: "seeker_ref", ids: readonly string[]): void };
  /** When the region's own surname counts are used (default REGIONAL_FREQUENCY_RULES). */
  regionalFrequencyRules?: { minSeekers: number; minBearers: number };
}

export interface SeekersEnv {
  db: Db;
  clock: AppContext["clock"];
  keyring: AppContext["keyring"];
  deps: SeekersDeps;
  /** How many seekers the region has and when that was counted (scoring.ts seekerTotal). */
  seekerCount: { n: number; at: number } | undefined;
}
