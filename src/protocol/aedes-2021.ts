import type { Profile } from "./profile.ts";

/** Protocol Signaleringslijst ongewenst huurdersgedrag v1.4 (seed 003, Aedes model). */
export const aedes2021: Profile = {
  id: "aedes-2021",
  title: "Protocol Signaleringslijst ongewenst huurdersgedrag",
  version: "1.4 (13 december 2021)",
  seed: "003",
  participantKinds: {
    value: ["housing_corporation"],
    source:
      "003 §17: alleen woningcorporaties (toegelaten instellingen) met sociaal huurbezit in de regio",
  },
  maxOfficersPerParticipant: {
    value: null,
    source: "003 §14.1 stelt geen maximum aan het aantal geautoriseerde functionarissen",
  },
  declaration: {
    roles: ["officer", "querier"],
    text:
      "Ik gebruik de signaleringslijst uitsluitend binnen de regels van het protocol, " +
      "voer alleen signaleringen in die aan de formele criteria voldoen (bij twijfel niet " +
      "invoeren), raadpleeg de lijst alleen voor de doelen van het protocol en behandel alle " +
      "gegevens strikt vertrouwelijk.",
    source: "003 §8, §14, §19",
  },
};
