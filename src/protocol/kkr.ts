import type { Profile } from "./profile.ts";

/**
 * Klachten- en Kansenregister (seed 000), a national register run by the same organisation
 * as seed 001. Where seed 000 is silent, the profile follows the closest rule of 001/003 and
 * says so.
 */
export const kkr: Profile = {
  id: "kkr",
  title: "Klachten- en Kansenregister",
  version: "000 (brochure NMOH)",
  seed: "000",
  participantKinds: {
    value: ["private_landlord", "housing_corporation"],
    source: "000: aangesloten verhuurders; het register is landelijk",
  },
  maxOfficersPerParticipant: {
    value: 2,
    source:
      "000 zwijgt; gevolgd wordt 001 begrippen (maximaal twee functionarissen), de strengste regel",
  },
  declaration: {
    roles: ["officer", "querier"],
    text:
      "Ik gebruik het Klachten- en Kansenregister uitsluitend voor het beoordelen van " +
      "huurkandidaten binnen de regels van het register en houd alle gegevens geheim.",
    source: "000 zwijgt; gevolgd wordt 001 §3.2 en §3.6",
  },
};
