/**
 * What each letter must say, per profile, as data (design.md §2.1: the protocol is data).
 * Each content list is the seed's own list ("In deze e-mail/brief staan de volgende gegevens
 * vermeld", 003 ch. 10; "In deze brief staan de volgende gegevens vermeld", 001 §3.4), item by
 * item, with its article; items we add for the AVG (art. 13/14) say so. templates.ts renders
 * each item; the tests render every list and find every item in the PDF's text.
 *
 * The profiles (src/protocol) hold the deadlines; this file holds the letters' contents and
 * the few letter rules the profiles do not (yet) carry: which letters a profile knows, and when
 * a letter may be skipped because the person demonstrably knows already.
 */
import type { ProfileId } from "../../protocol/profile.ts";

export const LETTER_KINDS = [
  "placement",
  "continuation",
  "removal",
  "hit",
  "acknowledgement",
  "decision",
  "access_answer",
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The one language type (platform/i18n.ts), re-exported for the letters' importers. */
export type { Language } from "../../platform/i18n.ts";

/** The elements a letter can be built from; templates.ts renders each. */
export const ELEMENT_KEYS = [
  "letter_date",
  "recipient_address",
  "person_identity",
  "postal_address",
  "categories",
  "rating_number",
  "purpose_legal_basis",
  "term",
  "consequence",
  "participants_web_address",
  "primary_source",
  "dwelling_address",
  "right_to_object",
  "objection_procedure",
  "objection_address",
  "consent_disclosure",
  "register_address",
  "rights",
  "dpo",
  "continuation_details",
  "removal_details",
  "removal_consequence",
  "hit_details",
  "case_received",
  "decision_due",
  "placement_letter_date",
  "entry_date",
  "decision_outcome",
  "decision_reasons",
  "appeal_route",
  "huurcommissie",
  "committee_address",
  "stored_data",
  "recipients",
  "data_source",
  "retention",
] as const;
export type ElementKey = (typeof ELEMENT_KEYS)[number];

export interface ContentItem {
  key: ElementKey;
  /** The item as the seed words it (Dutch). */
  requirement: string;
  source: string;
  /**
   * "if_dpo": only when the organisation has a data protection officer ("indien van
   * toepassing", 003 ch. 10); "if_refused": only when a request or objection was not (fully)
   * upheld (003 §15: "een afwijzing wordt gemotiveerd").
   */
  when?: "if_dpo" | "if_refused";
}

/** Fixed reasons for skipping a letter: the person demonstrably knows already. Never free text. */
export const SKIP_REASONS = {
  informed_in_person: {
    nl: "Betrokkene is aantoonbaar persoonlijk (mondeling of schriftelijk buiten het systeem) over precies deze informatie en zijn rechten geïnformeerd.",
    en: "The person was demonstrably informed of exactly this information and their rights in person (orally or in writing outside the system).",
  },
  earlier_letter_same_content: {
    nl: "Betrokkene ontving eerder een brief met dezelfde informatie, die nog juist is.",
    en: "The person earlier received a letter with the same information, which is still correct.",
  },
  screening_at_persons_request: {
    nl: "De toetsing gebeurde op verzoek van betrokkene zelf (003 §13.3); de uitkomst is hem meegedeeld.",
    en: "The screening was done at the person's own request (003 §13.3); they were told its outcome.",
  },
} as const;
export type SkipReason = keyof typeof SKIP_REASONS;

export interface LetterContent {
  /** The profile's deadline key for the duty (profile.deadlines); the cases module may pass another. */
  deadlineKey: string;
  /** When a documented duty reopens because an address became known: the key counted from then. */
  lateAddressDeadlineKey?: string;
  /** Reasons for which the letter may be skipped (empty: never). */
  skippable: readonly SkipReason[];
  skipSource?: string;
  items: readonly ContentItem[];
  source: string;
}

// ---------------------------------------------------------------------------
// Shared items
// ---------------------------------------------------------------------------

const AVG_13 = "AVG art. 13/14 (aanvulling: de AVG vraagt dit in elke mededeling)";

const date = (source: string, requirement = "Datum van de brief"): ContentItem => ({
  key: "letter_date",
  requirement,
  source,
});
const naw = (source: string): ContentItem[] => [
  { key: "recipient_address", requirement: "NAW-gegevens van betrokkene (aanhef)", source },
  { key: "person_identity", requirement: "Identificatiegegevens van betrokkene", source },
  { key: "postal_address", requirement: "Adresgegevens van betrokkene", source },
];
const rights = (source: string): ContentItem => ({
  key: "rights",
  requirement: "Uitleg over de rechten van betrokkene",
  source,
});
const dpo = (source: string): ContentItem => ({
  key: "dpo",
  requirement: "(indien van toepassing) de gegevens van de Functionaris Gegevensbescherming (FG)",
  source,
  when: "if_dpo",
});
const objection = (source: string): ContentItem[] => [
  {
    key: "right_to_object",
    requirement: "Het recht om bezwaar te maken tegen de opname",
    source,
  },
  { key: "objection_procedure", requirement: "Uitleg over de bezwaarprocedure", source },
  {
    key: "objection_address",
    requirement: "Het adres van de primaire bron waar het bezwaarschrift aan gericht mag worden",
    source,
  },
];

// ---------------------------------------------------------------------------
// aedes-2021 (seed 003)
// ---------------------------------------------------------------------------

const S10 = "003 hoofdstuk 10 (Informatie aan betrokkene bij plaatsing)";

const AEDES: Partial<Record<LetterKind, LetterContent>> = {
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
    skippable: [
      "informed_in_person",
      "earlier_letter_same_content",
      "screening_at_persons_request",
    ],
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
        key: "appeal_route",
        requirement:
          "Het recht om zich tot de geschillencommissie te wenden, de procedure en de gegevens van het samenwerkingsverband",
        source: "003 §16.3, §16.4",
      },
      {
        key: "huurcommissie",
        requirement: "Ten slotte de Huurcommissie, met haar adresgegevens",
        source: "003 §16.4 (Huurcommissie)",
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
};

// ---------------------------------------------------------------------------
// keurmerk-2013 (seed 001)
// ---------------------------------------------------------------------------

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

const KEURMERK: Partial<Record<LetterKind, LetterContent>> = {
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
      {
        key: "primary_source",
        requirement: "Gegevens van de deelnemer",
        source: `${S91} (mededelingen A–C door de deelnemer)`,
      },
      ...keurmerkObjection(EACH_NOTICE),
      rights(`001 §9; ${AVG_13}`),
      dpo(AVG_13),
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
      {
        key: "primary_source",
        requirement: "Gegevens van de deelnemer",
        source: `${S91} (mededelingen A–C door de deelnemer)`,
      },
      ...keurmerkObjection(EACH_NOTICE),
      rights(`001 §9; ${AVG_13}`),
      dpo(AVG_13),
    ],
  },
  hit: {
    deadlineKey: "hit_letter",
    skippable: [
      "informed_in_person",
      "earlier_letter_same_content",
      "screening_at_persons_request",
    ],
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
};

// ---------------------------------------------------------------------------
// kkr (seed 000): 000 is silent on letters; 003 is followed throughout.
// ---------------------------------------------------------------------------

const SILENT = "000 zwijgt; gevolgd wordt";

function following003(content: LetterContent): LetterContent {
  return {
    ...content,
    source: `${SILENT} ${content.source}`,
    ...(content.skipSource ? { skipSource: `${SILENT} ${content.skipSource}` } : {}),
    items: content.items.map((i) => ({ ...i, source: `${SILENT} ${i.source}` })),
  };
}

const KKR: Partial<Record<LetterKind, LetterContent>> = Object.fromEntries(
  Object.entries(AEDES).map(([kind, content]) => [kind, following003(content)]),
);

export const LETTER_CONTENTS: Readonly<
  Record<ProfileId, Readonly<Partial<Record<LetterKind, LetterContent>>>>
> = {
  "aedes-2021": AEDES,
  "keurmerk-2013": KEURMERK,
  kkr: KKR,
};

/** The content list of a letter kind under a profile, or undefined when the profile has no such letter. */
export function letterContent(profileId: ProfileId, kind: LetterKind): LetterContent | undefined {
  return LETTER_CONTENTS[profileId][kind];
}

/** The Huurcommissie (003 §16.4), printed in decision letters under 003. */
export const HUURCOMMISSIE = {
  name: "Huurcommissie",
  postalAddress: ["Postbus 16495", "2500 BL Den Haag"],
  phone: "0800 – 4887243",
  website: "www.huurcommissie.nl",
  source: "003 §16.4",
} as const;

/** Why a registration was removed: fixed codes (the removal letter explains each). */
export const REMOVAL_GROUNDS = [
  "term_expired",
  "objection_upheld",
  "new_chance",
  "participant_left",
  "claim_paid_in_full",
  "claim_settled",
  "claim_half_paid_with_arrangement",
  "support_team_rehousing",
  "erased_by_primary_source",
] as const;
export type RemovalGround = (typeof REMOVAL_GROUNDS)[number];

/** Why a registration continues (001 §9.1 B). */
export const CONTINUATION_GROUNDS = [
  "support_team_refused_rehousing",
  "conditions_not_met",
] as const;
export type ContinuationGround = (typeof CONTINUATION_GROUNDS)[number];
