/**
 * The environment the seekers' use cases and read models take: the context pieces they use,
 * and the other modules they call. It holds no state: what the index knows is in the database,
 * so every app instance answers alike (issue 24 part 7).
 */
import type { Actor } from "../../platform/audit/actor.ts";
import type { RequestMeta } from "../../platform/audit/audit.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Db } from "../../platform/db/database.ts";
import type { Profile, Scope } from "../../protocol/profile.ts";
import type { BlockLetters } from "../letters/ports.ts";
import type { RegionSettings } from "../organisations/schemas.ts";
import type { RegistrationsForSeekers } from "../registrations/ports.ts";
import type { Address, Person } from "../registrations/schemas.ts";
import type { ScreeningPurpose } from "./schemas.ts";

/**
 * What seekers needs of the registrations module: candidates in effect, and the facts of a
 * block's registration (status, start, end, scope) — never its tables.
 */
export type SeekerRegistrations = RegistrationsForSeekers;

/** One hit as the caller saw it: the letter about it tells the person no more (003 §13.5). */
export interface HitSeen {
  /** The registration hit: its keyed reference groups the letter duty (D-990); never shown. */
  registrationId: string;
  appliesToCaller?: boolean | undefined;
  /** The categories of the part the hit rests on, where the letter's readers may know them (D-953). */
  categories?: readonly string[] | undefined;
  since?: string | undefined;
  until?: string | undefined;
  scope?: Scope | undefined;
  primarySourceId: string;
}

/** What owes a hit letter: who looked, about whom, why, on what day, and what they saw. */
export interface HitDutyInput {
  profile: Profile;
  organisationId: string;
  person: Person;
  address: Address | null;
  purpose: ScreeningPurpose;
  today: string;
  hits: HitSeen[];
}

/** Hit duties sealed and ready: recorded in the caller's transaction, produced after it. */
export interface PreparedHitDuties {
  record(tx: Db): Promise<void>;
  produce(actor: Actor, meta: RequestMeta): Promise<void>;
}

/**
 * Screenings' duty to inform a person of a hit (001 §9.1 D, 003 §13.4), which a block look-up
 * owes as well (issue 22, F7). Written out here because screenings depends on seekers.
 */
export interface HitDuties {
  prepareHitDuties(input: HitDutyInput): Promise<PreparedHitDuties>;
}

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
  /** The hit letter's duty of a block look-up that finds a block (F7). */
  hitDuties?: () => HitDuties;
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
}
