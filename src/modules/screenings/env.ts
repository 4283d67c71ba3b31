/**
 * The environment the screenings' use cases and read models take: the context pieces they use
 * and the other modules they call.
 */
import type { AppContext } from "../../platform/context.ts";
import type { DisclosureField, Profile } from "../../protocol/profile.ts";
import type { ScreeningLetters } from "../letters/ports.ts";
import type { RegionSettings } from "../organisations/schemas.ts";
import type { RegistrationsForScreenings } from "../registrations/ports.ts";
import type { SeekerScreening } from "../seekers/ports.ts";

export interface ScreeningsDeps {
  organisations: {
    profile(): Promise<Profile>;
    settings(): Promise<RegionSettings>;
    getName(id: string): Promise<string | undefined>;
  };
  registrations: RegistrationsForScreenings;
  seekers: SeekerScreening;
  letters: ScreeningLetters;
  /** Written consent (001 §5.5) adds fields for other participants once its reflection ended. */
  /** Cases' CaseConsents port, written out: cases depends on screenings, not the reverse. */
  cases: () => {
    consentFields(registrationId: string, profile: Profile): Promise<readonly DisclosureField[]>;
  };
}

export interface ScreeningsEnv {
  db: AppContext["database"]["db"];
  clock: AppContext["clock"];
  keyring: AppContext["keyring"];
  deps: ScreeningsDeps;
}
