import type { Profile } from "./profile.ts";

/** Protocol Meldpunt Keurmerk Verhuurdersbelangen, 10 februari 2013 (seed 001). */
export const keurmerk2013: Profile = {
  id: "keurmerk-2013",
  title: "Protocol Meldpunt Keurmerk Verhuurdersbelangen",
  version: "10 februari 2013",
  seed: "001",
  participantKinds: {
    value: ["private_landlord", "housing_corporation"],
    source: "001 §7.1: verhuurders die via een bij het Keurmerk aangesloten makelaar bemiddelen",
  },
  maxOfficersPerParticipant: {
    value: 2,
    source:
      "001 begrippen 'Geautoriseerde Functionaris': maximaal twee functionarissen per deelnemer",
  },
  declaration: {
    roles: ["officer", "querier"],
    text:
      "Ik verklaar het Protocol Meldpunt Keurmerk Verhuurdersbelangen na te leven: ik gebruik " +
      "het Meldpunt uitsluitend binnen de regels van het Protocol, zie bij twijfel af van " +
      "invoer, en houd alle gegevens geheim.",
    source: "001 §3.2 (verklaring tot naleving), §3.6 (geheimhouding)",
  },
};
