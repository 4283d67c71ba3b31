/**
 * What the block letter says (003 §6 punt 5: "Bij besluit blokkade … wordt Betrokkene hierover
 * geïnformeerd"): which house-seeker registration was blocked, from when to when per part,
 * and what that means for the person. The rights and the objection route are the shared
 * elements (elements/objection.ts), not repeated here.
 */
import { defineCatalogue } from "../../../platform/i18n.ts";
import type { Scope } from "../../../protocol/profile.ts";

export const blockTexts = defineCatalogue(
  "letters.block",
  {
    details: {
      heading: "Welke inschrijving is geblokkeerd",
      matched: (source: string, decidedOn: string, n: string, reg: string) =>
        `${source} heeft op ${decidedOn} vastgesteld dat de inschrijving als woningzoekende met inschrijfnummer ${n} van u is: van dezelfde persoon als in ${reg} staat opgenomen, met de identificatiegegevens die hierboven staan. Daarom is deze inschrijving geblokkeerd.`,
      seekerNumber: "Inschrijfnummer",
      partsIntro: "De blokkade loopt:",
      part: (start: string, end: string, where: string) => `van ${start} tot ${end}: ${where}`,
      /** Where a part of the block applies, by scope. */
      where: {
        organisation: (source: string, _reg: string) => `voor de woningen van ${source}`,
        region: (_source: string, reg: string) => `voor de woningen van alle deelnemers aan ${reg}`,
        national: (_source: string, reg: string) =>
          `voor de woningen van alle verhuurders die zijn aangesloten bij ${reg}`,
      } satisfies Record<Scope, (source: string, reg: string) => string>,
      ends: "Op de einddatum vervalt de blokkade vanzelf. Zij vervalt eerder als uw registratie eerder eindigt, bijvoorbeeld omdat uw bezwaar gegrond is of omdat u een nieuwe kans krijgt.",
      notYou:
        "Is deze inschrijving niet van u, of klopt er iets anders niet? Laat het ons dan weten, op dezelfde manier als een bezwaar (zie hieronder). Wij zoeken het uit en heffen een onterechte blokkade op.",
      none: "Er is geen blokkade vastgelegd.",
    },
    consequence: {
      heading: "Wat de blokkade voor u betekent",
      /** What a part of the block means, by scope. */
      scope: {
        organisation: (source: string, end: string, _reg: string) =>
          `Tot ${end} kunt u niet reageren op woningen van ${source}. Op woningen van andere deelnemers kunt u wel reageren; zij kunnen u, eventueel onder voorwaarden, een woning verhuren.`,
        region: (_source: string, end: string, reg: string) =>
          `Tot ${end} kunt u niet reageren op woningen van de deelnemers aan ${reg}.`,
        national: (_source: string, end: string, reg: string) =>
          `Tot ${end} kunt u niet reageren op woningen van de verhuurders die zijn aangesloten bij ${reg}.`,
      } satisfies Record<Scope, (source: string, end: string, reg: string) => string>,
      keepRegistration:
        "U blijft wel ingeschreven als woningzoekende en u bouwt gewoon inschrijftijd op. Na afloop van de blokkade kunt u weer op alle woningen reageren.",
    },
  },
  {
    details: {
      heading: "Which registration is blocked",
      matched: (source: string, decidedOn: string, n: string, reg: string) =>
        `On ${decidedOn} ${source} established that the house-seeker registration with number ${n} is yours: of the same person as is registered in ${reg}, with the identification details shown above. That registration has therefore been blocked.`,
      seekerNumber: "Registration number",
      partsIntro: "The block runs:",
      part: (start: string, end: string, where: string) => `from ${start} until ${end}: ${where}`,
      where: {
        organisation: (source: string, _reg: string) => `for the dwellings of ${source}`,
        region: (_source: string, reg: string) =>
          `for the dwellings of every participant of ${reg}`,
        national: (_source: string, reg: string) =>
          `for the dwellings of every landlord affiliated with ${reg}`,
      },
      ends: "On its end date the block ends by itself. It ends earlier if your registration ends earlier, for instance because your objection is upheld or you are given a new chance.",
      notYou:
        "Is this registration not yours, or is something else wrong? Please tell us, in the same way as an objection (see below). We will look into it and lift a block that is not justified.",
      none: "No block is recorded.",
    },
    consequence: {
      heading: "What the block means for you",
      scope: {
        organisation: (source: string, end: string, _reg: string) =>
          `Until ${end} you cannot respond to dwellings of ${source}. You can still respond to dwellings of other participants; they may let a dwelling to you, possibly under conditions.`,
        region: (_source: string, end: string, reg: string) =>
          `Until ${end} you cannot respond to dwellings of the participants of ${reg}.`,
        national: (_source: string, end: string, reg: string) =>
          `Until ${end} you cannot respond to dwellings of the landlords affiliated with ${reg}.`,
      },
      keepRegistration:
        "You stay registered as a house seeker and keep building up registration time. Once the block has ended you can respond to every dwelling again.",
    },
  },
);
