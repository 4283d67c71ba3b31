/**
 * The block letter (003 §6 punt 5: "Bij besluit blokkade … wordt Betrokkene hierover
 * geïnformeerd"): what each profile's block letter must say. 003 gives no list of its own for
 * it; the items follow ch. 10 (the placement letter) where they concern the person, the
 * objection route and the rights, and §6 punt 5 for the block itself.
 */
import { AVG_13, date, dpo, naw, objection, rights } from "./shared.ts";
import type { ContentItem, LetterContent } from "./types.ts";

const S6 = "003 §6 punt 5 (bij besluit blokkade wordt betrokkene geïnformeerd)";

/** The items about the block itself, with the articles they come from (`prefix` for kkr/001). */
export const blockItems = (prefix = ""): ContentItem[] => [
  {
    key: "block_details",
    requirement:
      "Welke inschrijving als woningzoekende is geblokkeerd (inschrijfnummer), en van wanneer tot wanneer de blokkade loopt, per onderdeel",
    source: `${prefix}003 §6 punt 5 (begin- en einddatum van de blokkade), punt 7`,
  },
  {
    key: "block_consequence",
    requirement:
      "Het gevolg: niet kunnen reageren op woningen van de deelnemers (uitsluiting regio) of alleen van die corporatie (uitsluiting corporatie); inschrijftijd blijft opbouwen",
    source: `${prefix}003 §13.3, §12.1 (Inschrijving tijdens signalering), §7, §4.3`,
  },
];

export const AEDES_BLOCK: LetterContent = {
  deadlineKey: "block_letter",
  // 003 §6 punt 5 names no exception: the person is always told (D-621).
  skippable: [],
  source: S6,
  items: [
    date(S6),
    ...naw(S6),
    ...blockItems(),
    {
      key: "primary_source",
      requirement: "Gegevens van de primaire bron die tot de blokkade besloot",
      source: S6,
    },
    ...objection("003 §6 punt 5; hoofdstuk 10 (analoog), §16"),
    rights("003 hoofdstuk 15"),
    dpo(AVG_13),
  ],
};
