import type { AuditActor } from "../../platform/audit/audit.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Db } from "../../platform/db/database.ts";
import type { Profile } from "../../protocol/profile.ts";
import type { NamedPeople } from "../identity/ports.ts";
import type { PreparedRemoval, RegistrationLetters, RemovalGround } from "../letters/ports.ts";
import type { NormalisedPerson } from "../matching/normalise.ts";
import type { ScoringConfig } from "../matching/score.ts";
import type { OrganisationAccess } from "../organisations/ports.ts";
import type { RegistrationRow } from "./repository.ts";
import type { Person } from "./schemas.ts";

/** What the registrations module needs of other modules (wired in modules/index.ts). */
export interface RegistrationsDeps {
  organisations: {
    profile(): Promise<Profile>;
    accessOf(id: string): Promise<OrganisationAccess | undefined>;
    consortiumId(): Promise<string | undefined>;
    /** The opt-in categories the region switched on (000 PSY; D-766). */
    categoriesSwitchedOn(): Promise<string[]>;
    /** The categories the region puts under four eyes (D-842). */
    fourEyesCategories(): Promise<string[]>;
  };
  letters: RegistrationLetters;
  /** The named person behind who entered and who decided (identity; D-843). */
  people: NamedPeople;
  /**
   * Called after a registration was created or changed in a way matching cares about
   * (person data, dates, status), once its transaction has committed: the seekers module
   * matches it against the house seekers (issue 5). Errors are logged, never thrown at the
   * caller whose change has already been saved.
   */
  afterChange?: ((registrationId: string) => Promise<void>)[];
  /**
   * How the region scores a pair (its match threshold and surname counts; the seekers module
   * owns them): the officer's search ranks with the scoring screenings use (issue 21 part 6).
   * Written out, and asked for lazily, because seekers depends on registrations.
   */
  scoring?: () => {
    scoringFor(
      persons: readonly NormalisedPerson[],
    ): Promise<Pick<ScoringConfig, "thresholds"> & Partial<ScoringConfig>>;
  };
  /** The erasure journal (retention/journal.ts): erasures are recorded once committed. */
  journal?: { record(kind: "registration", ids: readonly string[]): void };
}

/** The environment every registrations use case takes: context pieces, deps and state. */
export interface RegistrationsEnv {
  db: Db;
  clock: AppContext["clock"];
  keyring: AppContext["keyring"];
  logger: AppContext["logger"];
  deps: RegistrationsDeps;
  /** Change notifications started outside a request (kkr activation), until they settle. */
  background: Set<Promise<void>>;
  /** Removal letters prepared for a departing participant, between prepare and delivery. */
  terminationLetters: Map<string, Map<string, PreparedRemoval | null>>;
}

export function createRegistrationsEnv(
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger">,
  deps: RegistrationsDeps,
): RegistrationsEnv {
  return {
    db: ctx.database.db,
    clock: ctx.clock,
    keyring: ctx.keyring,
    logger: ctx.logger,
    deps,
    background: new Set(),
    terminationLetters: new Map(),
  };
}

/** Why a registration is erased: the audit receipt's rule, actor and ground. */
export interface ErasureReason {
  type: "manual" | "withdrawal" | "exclusion" | "case" | "retention" | "replay";
  by: AuditActor | null;
  caseId?: string;
  /** Why, for the annual report's "ended by reason" (001 §6.1; 003 §22). */
  ground?: RemovalGround;
}

/** A registration that may produce a hit, match or block, with its person decrypted. */
export interface Candidate {
  row: RegistrationRow;
  person: Person;
}
