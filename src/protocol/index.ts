import { aedes2021 } from "./aedes-2021.ts";
import { keurmerk2013 } from "./keurmerk-2013.ts";
import { kkr } from "./kkr.ts";
import { PROFILE_IDS, type Profile, type ProfileId } from "./profile.ts";

export {
  describeProfile,
  type Evaluation,
  evaluateRegistration,
  type ProfileDescription,
  type RegistrationProposal,
  type RuleViolation,
} from "./engine.ts";
export * from "./profile.ts";
export {
  categoriesInUse,
  claimKept,
  optInCategories,
  optInViolations,
  personFieldsRefused,
} from "./profile-limits.ts";
export { protocolVersionOf, protocolVersionText } from "./version.ts";

const PROFILES: Record<ProfileId, Profile> = {
  "aedes-2021": aedes2021,
  "keurmerk-2013": keurmerk2013,
  kkr,
};

export function isProfileId(id: string): id is ProfileId {
  return (PROFILE_IDS as readonly string[]).includes(id);
}

export function getProfile(id: ProfileId): Profile {
  return PROFILES[id];
}
