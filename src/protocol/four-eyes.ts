/**
 * Four eyes per category (issue 20 part 3, D-842). No seed requires a second person for a
 * placement: one authorised functionaris decides (003 §12.1 "Vastleggende partij", §12.2;
 * 001 §2 "Geautoriseerde Functionaris"; 000 is silent). A region may still ask for a second,
 * different officer of the same participant before a registration of a category takes effect
 * (AVG art. 24 and 25: measures fitting the risk). These are the defaults each profile starts
 * with; the consortium admin switches each category on or off for the region, audited.
 */
import type { ProfileId } from "./profile.ts";

export interface FourEyesDefault {
  /** The categories under four eyes unless the region switches them off. */
  categories: readonly string[];
  /** Why these, with the articles the choice rests on. */
  reason: string;
  source: string;
}

export const FOUR_EYES_DEFAULTS: Readonly<Record<ProfileId, FourEyesDefault>> = {
  "aedes-2021": {
    categories: ["B.III", "C.V", "C.VI"],
    reason:
      "Bedreiging en agressie, wijziging van de bestemming en Opiumwet rusten op strafrechtelijke " +
      "gegevens (AVG art. 10) en geven een uitsluiting regio of een lange termijn; een tweede " +
      "functionaris kijkt mee voordat de signalering werkt (review protocol-2026-12, vier ogen).",
    source: "003 §12.1 (Vastleggende partij), §7 B en C, §8; AVG art. 10, 24, 25",
  },
  "keurmerk-2013": {
    categories: ["W3"],
    reason:
      "W3 (ernstig onrechtmatig of hinderlijk gedrag) rust op een oordeel over gedrag, niet op " +
      "een vonnis over geld; 001 staat per deelnemer twee functionarissen toe, zodat een tweede " +
      "blik binnen de deelnemer mogelijk is.",
    source: "001 §2 (maximaal twee functionarissen), §3.2 (W3); AVG art. 24, 25",
  },
  kkr: {
    categories: ["PSY"],
    reason:
      "Psychische overlast rust op gegevens over gezondheid (AVG art. 9): een tweede functionaris " +
      "kijkt mee. Criminaliteit (AVG art. 10) kan de regio er zelf onder zetten.",
    source: "000 (zwijgt over wie beslist); AVG art. 9, 24, 25",
  },
};
