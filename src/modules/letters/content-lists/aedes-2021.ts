/** The letters of aedes-2021 (seed 003) and what each must say. */

import { AEDES_BLOCK } from "./block.ts";
import {
  AVG_13,
  correctionOf,
  date,
  dpo,
  HIT_SKIPPABLE,
  naw,
  objection,
  partEndedOf,
  rights,
} from "./shared.ts";
import type { LetterContent, LetterKind } from "./types.ts";

const S10 = "003 hoofdstuk 10 (Informatie aan betrokkene bij plaatsing)";

export const AEDES: Partial<Record<LetterKind, LetterContent>> = {
  placement: {
    deadlineKey: "placement_letter",
    lateAddressDeadlineKey: "placement_letter_late_address",
    skippable: ["informed_in_person", "earlier_letter_same_content"],
    skipSource:
      "003 hoofdstuk 10 (slot: achterwege indien betrokkene reeds op de hoogte is; bij twijfel informeren)",
    source: S10,
    items: [
      date(S10),
      ...naw(S10),
      {
        key: "categories",
        requirement:
          "De reden(en) voor registratie (categorieën ongewenst huurdersgedrag) met hun betekenis",
        source: S10,
      },
      {
        key: "purpose_legal_basis",
        requirement: "Verwerkingsdoeleinde(n) en grondslag van deze verwerking",
        source: `${S10}; 003 §15.6 (gerechtvaardigd belang, AVG art. 6 lid 1 onder f)`,
      },
      { key: "term", requirement: "De termijn van opname in het register", source: S10 },
      {
        key: "consequence",
        requirement: "De consequentie van de registratie",
        source: "003 §13.4 (betrokkene wordt geïnformeerd over de registratie en de consequentie)",
      },
      {
        key: "participants_web_address",
        requirement: "Een (web)adres waar de deelnemers te raadplegen zijn",
        source: S10,
      },
      {
        key: "primary_source",
        requirement: "Gegevens van de primaire bron die de registratie heeft ingevoerd",
        source: S10,
      },
      ...objection(S10),
      rights(`${S10}; 003 hoofdstuk 15`),
      dpo(S10),
    ],
  },
  removal: {
    deadlineKey: "removal_letter",
    skippable: [],
    source: "003 §12.4, hoofdstuk 15 (profiel: removal_letter)",
    items: [
      date("003 hoofdstuk 10 (analoog)"),
      ...naw("003 hoofdstuk 10 (analoog)"),
      {
        key: "removal_details",
        requirement: "Dat en wanneer de signalering is verwijderd, en waarom",
        source: "003 §12.4",
      },
      {
        key: "removal_consequence",
        requirement: "Gevolg van de verwijdering (weer contracteren zonder voorbehoud)",
        source: "003 §12.4",
      },
      {
        key: "primary_source",
        requirement: "Gegevens van de primaire bron",
        source: "003 hoofdstuk 10 (analoog)",
      },
      rights("003 hoofdstuk 15"),
      dpo(AVG_13),
    ],
  },
  hit: {
    deadlineKey: "hit_letter",
    skippable: HIT_SKIPPABLE,
    skipSource: "003 hoofdstuk 10 (slot), §13.3; profiel hit_letter",
    source: "003 §13.4; 001 §9.1 D (profiel hit_letter)",
    items: [
      date("003 §13.4"),
      ...naw("003 §13.4"),
      {
        key: "hit_details",
        requirement: "Dat een toetsing een hit opleverde: wie toetste, wanneer en wat dat betekent",
        source: "003 §13.3, §13.4",
      },
      {
        key: "primary_source",
        requirement: "De primaire bron die de registratie heeft ingevoerd",
        source: "003 §12.1 (naam van de primaire bron)",
      },
      {
        key: "participants_web_address",
        requirement: "Een (web)adres waar de deelnemers te raadplegen zijn",
        source: S10,
      },
      ...objection("003 §13.4, §15.7, §16"),
      rights("003 §13.4, hoofdstuk 15"),
      dpo(AVG_13),
    ],
  },
  acknowledgement: {
    deadlineKey: "objection_acknowledgement",
    skippable: [],
    source: "003 §16.2",
    items: [
      date("003 §16.2"),
      {
        key: "recipient_address",
        requirement: "Naam en adres van betrokkene",
        source: "003 §16.2",
      },
      {
        key: "case_received",
        requirement: "Bevestiging van ontvangst: wat is ontvangen en wanneer",
        source: "003 §16.2",
      },
      {
        key: "decision_due",
        requirement: "Wanneer betrokkene de beslissing uiterlijk ontvangt",
        source: "003 §15 (binnen vier weken), §16.4",
      },
      dpo(AVG_13),
    ],
  },
  decision: {
    deadlineKey: "objection_decision",
    skippable: [],
    source: "003 §15, §16.3, §16.4",
    items: [
      date("003 §16.3"),
      ...naw("003 §16.3"),
      {
        key: "case_received",
        requirement:
          "De datum van de beslissing of het verzoek waarop dit antwoord betrekking heeft",
        source: "003 §16.3",
      },
      {
        key: "categories",
        requirement: "De reden voor opvoer van de signalering (categorie)",
        source: "003 §16.3",
      },
      { key: "entry_date", requirement: "De invoerdatum van de signalering", source: "003 §16.3" },
      { key: "term", requirement: "De termijn van opname", source: "003 §16.3" },
      {
        key: "dwelling_address",
        requirement: "Het adres van de woning die door betrokkene werd gehuurd",
        source: "003 §16.3",
      },
      {
        key: "decision_outcome",
        requirement: "Het gegrond of ongegrond verklaren (of toe- of afwijzen)",
        source: "003 §15, §16.3",
      },
      {
        key: "decision_reasons",
        requirement: "Bij een (gedeeltelijke) afwijzing: de redenen",
        source: "003 §15 (een afwijzing wordt gemotiveerd), §16.3",
        when: "if_refused",
      },
      {
        key: "recipients_told",
        requirement:
          "Bij correctie, beperking of verwijdering: dat de ontvangers het horen, en dat betrokkene mag vragen wie dat zijn",
        source: "003 hoofdstuk 15 (ontvangers informeren); AVG art. 19",
      },
      {
        key: "appeal_route",
        requirement:
          "Het recht om zich tot de klachtencommissie en de geschillencommissie te wenden, de procedure en de gegevens van het samenwerkingsverband; de rechter en de Autoriteit Persoonsgegevens",
        source: "003 §4.5, §16.3, §16.4; AVG art. 12 lid 4, 77, 79; UAVG art. 35",
      },
      {
        key: "committee_address",
        requirement:
          "De gegevens van het samenwerkingsverband: het postadres van de geschillencommissie (de Huurcommissie van §16.4 niet: D-640)",
        source: "003 §16.3, §16.4",
      },
      dpo(AVG_13),
    ],
  },
  access_answer: {
    deadlineKey: "access_request_decision",
    skippable: [],
    source: "003 §15.2 (AVG art. 15)",
    items: [
      date("003 §15.2"),
      ...naw("003 §15.2"),
      {
        key: "stored_data",
        requirement: "Alle vastgelegde persoonsgegevens (003 §12.1)",
        source: "003 §15.2, §12.1",
      },
      {
        key: "purpose_legal_basis",
        requirement: "Voor welke doeleinden de gegevens worden gebruikt",
        source: "003 §15.2; AVG art. 15 lid 1 onder a",
      },
      {
        key: "recipients",
        requirement: "Met wie de gegevens worden gedeeld",
        source: "003 §15.2, §13; AVG art. 15 lid 1 onder c",
      },
      {
        key: "data_source",
        requirement: "De herkomst van de gegevens",
        source: "003 §12.2; AVG art. 15 lid 1 onder g",
      },
      {
        key: "retention",
        requirement: "Hoe lang de gegevens worden bewaard",
        source: "003 §12.4; AVG art. 15 lid 1 onder d",
      },
      rights("003 hoofdstuk 15; AVG art. 15 lid 1 onder e en f"),
      dpo(AVG_13),
    ],
  },
  block: AEDES_BLOCK,
};
// 003 §12.3: the primary source keeps the data right; a changed decision is told like the
// placement (ch. 10), with what changed and why (D-844).
AEDES.correction = correctionOf(AEDES.placement!, "003 §12.3, hoofdstuk 10 (analoog)");
// 003 §7, §12.4, §13.4: a part ends while others run on; the person hears what ended and what
// still binds them (D-950).
AEDES.part_ended = partEndedOf(
  {
    ended: "003 §7 (elke categorie een eigen termijn), §12.4",
    term: "003 §7, §6 punt 1",
    consequence: "003 §13.4 (betrokkene wordt geïnformeerd over de registratie en de consequentie)",
  },
  [
    {
      key: "primary_source",
      requirement: "Gegevens van de primaire bron",
      source: "003 hoofdstuk 10 (analoog)",
    },
    ...objection("003 §13.4, §15.7, §16"),
    rights("003 hoofdstuk 15"),
    dpo(AVG_13),
  ],
  [date("003 hoofdstuk 10 (analoog)"), ...naw("003 hoofdstuk 10 (analoog)")],
);
