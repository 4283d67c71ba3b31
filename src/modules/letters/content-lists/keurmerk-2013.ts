/** The letters of keurmerk-2013 (seed 001) and what each must say. */

import { blockItems } from "./block.ts";
import {
  AVG_13,
  correctionOf,
  date,
  dpo,
  HIT_SKIPPABLE,
  naw,
  partEndedOf,
  rights,
} from "./shared.ts";
import type { ContentItem, LetterContent, LetterKind } from "./types.ts";

const INVOER = "001 §3.4 (Invoerklacht)";
const S91 = "001 §9.1";
const EACH_NOTICE = "001 §9.1 (elke mededeling omvat de bezwaar- en beroepsmogelijkheden)";
const REACTIE = "001 §11 (Reactie op bezwaarschrift)";

const keurmerkObjection = (source: string): ContentItem[] => [
  {
    key: "right_to_object",
    requirement: "Het recht om bezwaar te maken tegen de opname in het Meldpunt",
    source,
  },
  {
    key: "objection_procedure",
    requirement: "Uitleg over de procedure en het toesturen van het bezwaarschrift",
    source,
  },
  {
    key: "objection_address",
    requirement: "Het adres van de primaire bron waar het bezwaarschrift aan gericht mag worden",
    source,
  },
];

const rating = (source: string): ContentItem[] => [
  {
    key: "categories",
    requirement: "De waardering van de klacht met de betekenis van de waarderingen",
    source,
  },
  {
    key: "rating_number",
    requirement: "Het cijfer van de waardering met de betekenis van het cijfer",
    source,
  },
];

/** How the participant's continuation and removal notices end (001 §9.1 B and C). */
const participantNoticeEnd = (): ContentItem[] => [
  {
    key: "primary_source",
    requirement: "Gegevens van de deelnemer",
    source: `${S91} (mededelingen A–C door de deelnemer)`,
  },
  ...keurmerkObjection(EACH_NOTICE),
  rights(`001 §9; ${AVG_13}`),
  dpo(AVG_13),
];

export const KEURMERK: Partial<Record<LetterKind, LetterContent>> = {
  placement: {
    deadlineKey: "placement_letter",
    skippable: ["informed_in_person", "earlier_letter_same_content"],
    skipSource: "001 §9.1 (tenzij hij daarvan al op de hoogte is), §3.3",
    source: `${INVOER}, ${S91} A`,
    items: [
      date(INVOER, "Datum waarop de brief is verzonden"),
      { key: "recipient_address", requirement: "Naam en postadres (aanhef)", source: INVOER },
      { key: "person_identity", requirement: "Identiteitsgegevens van betrokkene", source: INVOER },
      { key: "postal_address", requirement: "Postadres gegevens betrokkene", source: INVOER },
      ...rating(INVOER),
      { key: "term", requirement: "De termijn van opname in het register", source: INVOER },
      {
        key: "dwelling_address",
        requirement: "Adres van de woning(en) waar woonfraude voorkwam",
        source: INVOER,
      },
      {
        key: "primary_source",
        requirement: "Gegevens van de primaire bron die de klacht heeft ingevoerd",
        source: INVOER,
      },
      ...keurmerkObjection(INVOER).slice(0, 1),
      {
        key: "consent_disclosure",
        requirement:
          "Toelichting op de mogelijkheid om andere deelnemers inzage te verschaffen in de gegevens",
        source: `${INVOER}; 001 §5.5`,
      },
      ...keurmerkObjection(INVOER).slice(1),
      {
        key: "support_team_pointer",
        requirement:
          "Betrokkene wordt gewezen op de mogelijkheid om te laten toetsen of hij voor " +
          "woonbegeleiding in aanmerking komt (het begeleidingsteam), en op het beroep daartegen",
        source: "001 Bijlage 1, Toelichting punt 2",
        when: "if_support_team",
      },
      {
        key: "register_address",
        requirement: "Het postadres van het Meldpunt Keurmerk Verhuurdersbelangen",
        source: INVOER,
      },
      {
        key: "purpose_legal_basis",
        requirement: "Doel en grondslag van de verwerking",
        source: `001 §4.1, §1.8; ${AVG_13}`,
      },
      rights(`001 §9; ${AVG_13}`),
      dpo(AVG_13),
    ],
  },
  continuation: {
    deadlineKey: "continuation_letter",
    skippable: ["informed_in_person", "earlier_letter_same_content"],
    skipSource: "001 §9.1 (tenzij hij daarvan al op de hoogte is)",
    source: `${S91} B`,
    items: [
      date(`${S91} B`),
      ...naw(`${S91} B`),
      {
        key: "continuation_details",
        requirement: "Dat de opname wordt gecontinueerd, en waarom",
        source: `${S91} B`,
      },
      ...rating(`${S91} B; ${INVOER} (analoog)`),
      { key: "term", requirement: "De termijn van opname", source: `${S91} B` },
      ...participantNoticeEnd(),
    ],
  },
  removal: {
    deadlineKey: "removal_letter",
    skippable: ["informed_in_person", "earlier_letter_same_content"],
    skipSource: "001 §9.1 (tenzij hij daarvan al op de hoogte is)",
    source: `${S91} C`,
    items: [
      date(`${S91} C`),
      ...naw(`${S91} C`),
      {
        key: "removal_details",
        requirement: "De verwijdering van zijn gegevens uit het Meldpunt, wanneer en waarom",
        source: `${S91} C`,
      },
      {
        key: "removal_consequence",
        requirement: "Gevolg van de verwijdering",
        source: "001 §4.4.2, Bijlage 1",
      },
      ...participantNoticeEnd(),
    ],
  },
  hit: {
    deadlineKey: "hit_letter",
    skippable: HIT_SKIPPABLE,
    skipSource: "001 §3.3 (achterwege indien reeds op de hoogte; bij twijfel informeren), §9.1",
    source: `${S91} D, 001 §3.3`,
    items: [
      date(`${S91} D`),
      ...naw(`${S91} D`),
      {
        key: "hit_details",
        requirement:
          "Het feit dat een toets van zijn gegevens een hit opleverde (door de raadplegende deelnemer)",
        source: `${S91} D, 001 §3.3`,
      },
      {
        key: "primary_source",
        requirement: "De deelnemer die de opname heeft ingevoerd (primaire bron)",
        source: "001 §5.2 (door welke deelnemer)",
      },
      ...keurmerkObjection(EACH_NOTICE),
      {
        key: "consent_disclosure",
        requirement: "Toelichting op inzage door andere deelnemers met toestemming",
        source: "001 §5.5",
      },
      rights(`001 §3.3 (rechten en plichten), §9; ${AVG_13}`),
      dpo(AVG_13),
    ],
  },
  acknowledgement: {
    deadlineKey: "objection_acknowledgement",
    skippable: [],
    source: "001 §11 (Ingekomen bezwaarschrift)",
    items: [
      date("001 §11"),
      {
        key: "recipient_address",
        requirement: "Naam en adres van betrokkene",
        source: "001 §11",
      },
      {
        key: "case_received",
        requirement: "Ontvangstbevestiging: wat is ontvangen en wanneer",
        source: "001 §11 (binnen twee weken een ontvangstbevestiging)",
      },
      {
        key: "decision_due",
        requirement: "Wanneer de schriftelijke reactie uiterlijk volgt",
        source: "001 §11 (Reactie op bezwaarschrift)",
      },
      dpo(AVG_13),
    ],
  },
  decision: {
    deadlineKey: "objection_decision",
    skippable: [],
    source: REACTIE,
    items: [
      date(REACTIE),
      {
        key: "placement_letter_date",
        requirement:
          "Datum waarop de brief is verzonden waarin gemeld werd dat betrokkene geregistreerd staat",
        source: REACTIE,
      },
      { key: "recipient_address", requirement: "Naam en postadres (aanhef)", source: REACTIE },
      {
        key: "person_identity",
        requirement: "Identiteitsgegevens van betrokkene",
        source: REACTIE,
      },
      { key: "postal_address", requirement: "Postadres gegevens betrokkene", source: REACTIE },
      {
        key: "case_received",
        requirement: "Het bezwaarschrift of verzoek waarop wordt beslist",
        source: REACTIE,
      },
      ...rating(REACTIE),
      { key: "term", requirement: "De termijn van opname in het register", source: REACTIE },
      {
        key: "dwelling_address",
        requirement: "Adres van de woningen waar woonfraude voorkwam",
        source: REACTIE,
      },
      {
        key: "primary_source",
        requirement:
          "Gegevens van de primaire bron die de klacht heeft ingevoerd; het adres van de primaire bron",
        source: REACTIE,
      },
      {
        key: "decision_outcome",
        requirement: "Het gegrond of ongegrond verklaren van het bezwaarschrift",
        source: REACTIE,
      },
      {
        key: "decision_reasons",
        requirement: "Bij een (gedeeltelijke) afwijzing: de redenen",
        source: "001 §9.4 (een weigering is met redenen omkleed), §11",
        when: "if_refused",
      },
      {
        key: "recipients_told",
        requirement:
          "Bij correctie, beperking of verwijdering: dat de ontvangers het horen, en dat betrokkene mag vragen wie dat zijn",
        source: "001 §9 (verbetering en verwijdering); AVG art. 19",
      },
      {
        key: "appeal_route",
        requirement:
          "Bij een ongegrondverklaring: het recht om in beroep te gaan en de procedure daaromtrent",
        source: `${REACTIE}; 001 §11 (Beroep op bezwaarschrift)`,
      },
      {
        key: "register_address",
        requirement: "Het postadres van het Meldpunt Keurmerk Verhuurdersbelangen",
        source: REACTIE,
      },
      {
        key: "committee_address",
        requirement: "Het postadres van de Geschillencommissie",
        source: REACTIE,
      },
      dpo(AVG_13),
    ],
  },
  access_answer: {
    deadlineKey: "access_request_decision",
    skippable: [],
    source: "001 §9.3, §9.2 (AVG art. 15)",
    items: [
      date("001 §9.3"),
      ...naw("001 §9.3 punt 1 en 3"),
      {
        key: "primary_source",
        requirement: "De naam van de deelnemer",
        source: "001 §9.3 punt 2",
      },
      ...rating("001 §9.3 punt 4"),
      {
        key: "stored_data",
        requirement:
          "Alle vastgelegde gegevens: ingangsdatum (datum van ontruiming), datum en uitkomst van het begeleidingsteam",
        source: "001 §9.3 punten 5 en 6, §9.2, §4.2",
      },
      {
        key: "purpose_legal_basis",
        requirement: "Het doel of de doeleinden van de verwerking",
        source: "001 §9.3 (slot)",
      },
      {
        key: "recipients",
        requirement: "De ontvangers of categorieën van ontvangers",
        source: "001 §9.3 (slot)",
      },
      {
        key: "data_source",
        requirement: "De beschikbare informatie over de herkomst van de gegevens",
        source: "001 §9.3 (slot)",
      },
      {
        key: "retention",
        requirement: "Hoe lang de gegevens worden bewaard",
        source: "001 Bijlage 1; AVG art. 15 lid 1 onder d",
      },
      {
        key: "objection_procedure",
        requirement: "Hoe bezwaar te maken tegen de opname en/of de waardering",
        source: "001 §9.3 punt 7",
      },
      {
        key: "objection_address",
        requirement: "Waar het bezwaarschrift heen kan",
        source: "001 §9.3 punt 7, §11",
      },
      rights(`001 §9; ${AVG_13}`),
      dpo(AVG_13),
    ],
  },
  // 001 knows no block; the protective reading follows 003 §6 punt 5 (profile block_letter).
  block: {
    deadlineKey: "block_letter",
    skippable: [],
    source: `001 kent geen blokkade; gevolgd wordt 003 §6 punt 5, met ${S91} (elke mededeling)`,
    items: [
      date(`${S91} (analoog)`),
      ...naw(`${S91} (analoog)`),
      ...blockItems("001 kent geen blokkade; gevolgd wordt "),
      {
        key: "primary_source",
        requirement: "Gegevens van de deelnemer die tot de blokkade besloot",
        source: `${S91} (mededelingen door de deelnemer)`,
      },
      ...keurmerkObjection(EACH_NOTICE),
      rights(`001 §9; ${AVG_13}`),
      dpo(AVG_13),
    ],
  },
};
// 001 §3.4, §9.1 with 003 §12.3 (analoog): a changed decision is told like the placement (D-844).
KEURMERK.correction = correctionOf(KEURMERK.placement!, "001 §3.4, §9.1 (analoog); 003 §12.3");
// 001 §9.1 C (analoog) with 003 §7, §12.4: a W part ends while another runs on (D-950).
KEURMERK.part_ended = partEndedOf(
  {
    ended: `${S91} C (analoog); 003 §7, §12.4`,
    term: `${INVOER} (de termijn van opname)`,
    consequence: "001 §5.2 (wat de opname voor de toetsing betekent); 003 §13.4",
  },
  participantNoticeEnd(),
  [date(`${S91} C`), ...naw(`${S91} C`)],
);
