import { CRITERION_C_EVIDENCE } from "./aedes-2021-criteria.ts";
import { AEDES_DEADLINES } from "./aedes-2021-deadlines.ts";
import { ALL_FIELDS } from "./aedes-2021-disclosure.ts";
import { tenants } from "./evidence-kinds.ts";
import {
  type ClaimRule,
  type DeadlineRule,
  type DisclosureGrant,
  PERSON_FIELD_NAMES,
  type PlacementRule,
  type Profile,
  type Scope,
  type Sourced,
} from "./profile.ts";

/**
 * Klachten- en Kansenregister (seed 000), a national register. Seed 000 is a brochure: it names
 * the three categories and their sub-kinds, says the register is national and that wrongly
 * registered people are removed, and nothing more. Every other rule follows the closest rule of
 * 003, always the most protective reading, and says so ("000 zwijgt; gevolgd wordt 003 …").
 */

const SILENT = "000 zwijgt; gevolgd wordt";

const NATIONAL: Sourced<Scope> = {
  value: "national",
  source: "000 ('dit nationale register'; 'actieve, nationale aanpak van woonfraude')",
};

const NO_CLAIM: ClaimRule = {
  mode: "not_applicable",
  source: `${SILENT} 003 §12.1 (geen bedrag onder de vast te leggen gegevens)`,
};

const EVICTION_PLACEMENT: PlacementRule = {
  moment: "Ontruiming of vrijwillige oplevering van de woonruimte",
  futureAllowedForCriteria: [],
  source: `${SILENT} 003 §5 (Moment van plaatsing)`,
};

const BLOCK_ONLY: DisclosureGrant = {
  fields: ["appliesToCaller", "primarySource"],
  requiresConfirmedMatch: true,
  source: `${SILENT} 003 §6 punt 6 (alleen zien dat er sprake is van blokkade), §13.5`,
  note:
    "000 zegt dat de ingevoerde informatie beschikbaar is voor de andere aangesloten " +
    "organisaties, maar niet hoeveel. Gekozen: als 003 alleen na een bevestigde match, en dan " +
    "alleen dát er een blokkade is, dat zij (landelijk) ook voor de bevrager geldt en wie de " +
    "primaire bron is. Geen categorie: PSY ('psychische overlast') raakt aan gezondheid, en een " +
    "landelijk register weegt zwaar. Geen data: 'voorzichtigheid' vraagt er niet om.",
};

const OWN_OFFICER: DisclosureGrant = {
  fields: ALL_FIELDS,
  requiresConfirmedMatch: false,
  source: `${SILENT} 003 §6 punt 3, §14.1`,
};

const CONSORTIUM: DisclosureGrant = {
  fields: ALL_FIELDS,
  requiresConfirmedMatch: false,
  source: `${SILENT} 003 §14.1 (het samenwerkingsverband handelt voor alle deelnemers)`,
};

const ALLOCATION_SYSTEM: DisclosureGrant = {
  fields: ["until", "scope"],
  requiresConfirmedMatch: true,
  source: `${SILENT} 003 §6 punten 5 en 6, §13.3`,
};

/** 000 names no deadline: every one follows 003 (with 003's own choices where 003 is silent). */
const KKR_DEADLINES: Readonly<Record<string, DeadlineRule>> = Object.fromEntries(
  Object.entries(AEDES_DEADLINES).map(([key, rule]) => [
    key,
    { ...rule, source: `${SILENT} ${rule.source}` },
  ]),
);

export const kkr: Profile = {
  id: "kkr",
  title: "Klachten- en Kansenregister",
  version: "000 (brochure NMOH)",
  edition: "brochure van het Nationaal Meldpunt Ongewenst Huurdersgedrag",
  revision: {
    number: 3,
    date: "2026-12-07",
    changes:
      "Eén deel per categorie met een eigen termijn en einddatum (D-800). Revisie 2: ook " +
      "gemeenten als deelnemer, geen inschrijfnummer, PSY uit tot de regio haar aanzet; " +
      "revisie 1: de regels daarvoor (D-760).",
    source: "000 zwijgt; gevolgd wordt 003 hoofdstuk 23 (wijzigingen van het protocol)",
  },
  seed: "000",
  participantKinds: {
    value: ["private_landlord", "housing_corporation", "municipality"],
    source:
      "000 'Hoe werkt het Klachten- en Kansenregister?': 'Alleen gemeenten, corporaties en " +
      "professionele verhuurders kunnen zich bij het K&KR aansluiten'",
    note:
      "Of een particuliere verhuurder 'professioneel' is, beoordeelt het samenwerkingsverband " +
      "bij de aansluiting; het systeem kent daar geen kenmerk voor.",
  },
  personFields: {
    value: PERSON_FIELD_NAMES.filter((f) => f !== "seekerNumber"),
    source:
      "000 ('Behalve de naam geeft u ook het type overlast op'); verder zwijgt 000 en wordt " +
      "003 §12.1 gevolgd",
    note:
      "000 noemt alleen de naam. Zonder geboortedatum is niemand te herkennen, en de melding " +
      "vooraf (tweestapsplaatsing) vraagt een e-mail- of postadres; daarom de lijst van 003 " +
      "§12.1, zonder het inschrijfnummer: het register is landelijk en kent geen " +
      "woonruimteverdeling.",
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

  categories: [
    {
      code: "FIN",
      group: "FIN",
      groupTitle: "Financieel",
      title: "Financiële woonfraude",
      description: "Huurachterstand, onderverhuur, doorverhuur, schade of verloedering.",
      kinds: ["huurachterstanden", "onderverhuur", "doorverhuur", "schade", "verloedering"],
      source: "000 (Het K&KR registreert: financiële woonfraude)",
      term: {
        maxMonths: 24,
        kind: "maximum",
        source: `${SILENT} 003 §7 C (maximaal 2 jaar)`,
        note:
          "000 noemt geen termijn. FIN mengt wat 003 als C.IV (woonfraude, 2 jaar) en D " +
          "(vordering, tot 5 jaar) kent; gekozen is de kortere, 2 jaar: 000 geeft geen grond " +
          "voor langer, en een landelijke uitsluiting weegt zwaar.",
      },
      scope: NATIONAL,
      claim: {
        ...NO_CLAIM,
        note:
          "De termijn hangt niet van een bedrag af. De drempel van € 500 in FIN.2 is, zoals elk " +
          "formeel criterium, door de functionaris vastgesteld; geen bedrag opslaan (dataminimalisatie).",
      },
      placement: EVICTION_PLACEMENT,
      removal: [
        {
          trigger: "claim_paid_in_full",
          text: "Verwijdering zodra de hele vordering is voldaan.",
          onlyWhenSoleGroup: "FIN",
          source: `${SILENT} 003 §12.4 (categorie D)`,
          note: "Geldt waar de registratie op een vordering berust (huurachterstand, schade); gunstig voor betrokkene.",
        },
        {
          trigger: "claim_settled",
          text: "Verwijdering zodra een schikking is getroffen, al dan niet met een betalingsregeling.",
          onlyWhenSoleGroup: "FIN",
          source: `${SILENT} 003 §12.4 (categorie D)`,
        },
      ],
    },
    {
      code: "CRIM",
      group: "CRIM",
      groupTitle: "Criminaliteit",
      title: "Criminaliteit",
      description:
        "Crimineel gedrag in of vanuit de woning: wietplantage, prostitutie, bedreiging of drugshandel.",
      kinds: ["wietplantages", "prostitutie", "bedreigingen", "drugshandel"],
      source: "000 (Het K&KR registreert: criminaliteit)",
      term: {
        maxMonths: 24,
        kind: "maximum",
        source: `${SILENT} 003 §7 B en C (maximaal 2 jaar)`,
      },
      scope: NATIONAL,
      claim: NO_CLAIM,
      placement: EVICTION_PLACEMENT,
      removal: [],
    },
    {
      code: "PSY",
      group: "PSY",
      groupTitle: "Psychische overlast",
      title: "Psychische overlast",
      description: "Ernstige overlast: vervuiling, verwaarlozing of geluidsoverlast.",
      kinds: ["vervuiling", "verwaarlozing", "geluidsoverlast"],
      source: "000 (Het K&KR registreert: psychische overlast)",
      term: {
        maxMonths: 24,
        kind: "maximum",
        source: `${SILENT} 003 §7 A (maximaal 2 jaar)`,
      },
      scope: NATIONAL,
      claim: NO_CLAIM,
      placement: EVICTION_PLACEMENT,
      removal: [],
      regionOptIn: {
        reason:
          "Deze categorie typeert iemand naar zijn geestelijke gesteldheid: dat zijn gegevens " +
          "over gezondheid (AVG art. 9), die alleen met een uitzondering van art. 9 lid 2 AVG " +
          "(en de UAVG) verwerkt mogen worden.",
        source: "000 (Psychische overlast: vervuiling, verwaarlozing, geluidsoverlast); AVG art. 9",
        note:
          "Het profiel blijft trouw aan 000, maar de categorie staat uit tot de beheerder van de " +
          "regio haar aanzet met de vastgelegde rechtsgrond (review 000-08, H-7; D-766).",
      },
    },
  ],

  criteria: [
    {
      code: "FIN.1",
      text:
        "Rechterlijke uitspraak die de ontruiming toewijst of de huurovereenkomst ontbindt wegens " +
        "huurachterstand (van minimaal 3 maanden), onderverhuur of doorverhuur, én de woonruimte " +
        "is ontruimd of na aanmaning vrijwillig verlaten.",
      categories: ["FIN"],
      evidence: {
        kinds: ["vonnis", "proces_verbaal_ontruiming"],
        required: ["vonnis"],
        source: `${SILENT} 003 §5 criterium a ('uitspraak van de rechter'), §8`,
      },
      relations: tenants(`${SILENT} 003 hoofdstuk 5 Hoofdregel (de (mede)huurder)`),
      source: `${SILENT} 003 §5 criterium a (categorieën IV en VII)`,
    },
    {
      code: "FIN.2",
      text:
        "Bij het einde van de huur of bij ontruiming niet voldane schade of verloedering van het " +
        "gehuurde van ten minste € 500.",
      categories: ["FIN"],
      evidence: {
        kinds: ["schaderapport", "fotos_schade", "vonnis"],
        source: `${SILENT} 003 §5 criterium d, §8`,
      },
      relations: tenants(`${SILENT} 003 hoofdstuk 5 Hoofdregel (de (mede)huurder)`),
      source: `${SILENT} 003 §5 criterium d`,
    },
    {
      code: "CRIM.1",
      text:
        "Rechterlijke uitspraak die de ontruiming toewijst of de huurovereenkomst ontbindt wegens " +
        "wietplantage, prostitutie, bedreiging of drugshandel, én de woonruimte is ontruimd of verlaten.",
      categories: ["CRIM"],
      evidence: {
        kinds: ["vonnis", "proces_verbaal_ontruiming"],
        required: ["vonnis"],
        source: `${SILENT} 003 §5 criterium a ('uitspraak van de rechter'), §8`,
      },
      relations: tenants(`${SILENT} 003 hoofdstuk 5 Hoofdregel (de (mede)huurder)`),
      source: `${SILENT} 003 §5 criterium a (categorieën III, V en VI)`,
    },
    {
      code: "CRIM.2",
      text:
        "Aantoonbare overtreding van de Opiumwet (wietplantage, drugshandel) blijkend uit een " +
        "rapportage van gemeente of politie of uit erkenning, met sluiting van de woonruimte " +
        "en/of ontbinding van de huurovereenkomst, én de woonruimte is ontruimd of verlaten.",
      categories: ["CRIM"],
      evidence: {
        kinds: CRITERION_C_EVIDENCE,
        source: `${SILENT} 003 §5 criterium c ('rapportage van de gemeente, politie of een erkenning'), §8`,
      },
      relations: tenants(`${SILENT} 003 hoofdstuk 5 Hoofdregel (de (mede)huurder)`),
      source: `${SILENT} 003 §5 criterium c`,
    },
    {
      code: "PSY.1",
      text:
        "Rechterlijke uitspraak die de ontruiming toewijst of de huurovereenkomst ontbindt wegens " +
        "ernstige overlast (vervuiling, verwaarlozing, geluidsoverlast), én de woonruimte is " +
        "ontruimd of verlaten.",
      categories: ["PSY"],
      evidence: {
        kinds: ["vonnis", "proces_verbaal_ontruiming"],
        required: ["vonnis"],
        source: `${SILENT} 003 §5 criterium a ('uitspraak van de rechter'), §8`,
      },
      relations: tenants(`${SILENT} 003 hoofdstuk 5 Hoofdregel (de (mede)huurder)`),
      source: `${SILENT} 003 §5 criterium a (categorieën I en II)`,
    },
    {
      code: "PSY.2",
      text:
        "Ernstige overlast waarvoor de verhuurder al een dagvaarding had betekend, waarna de " +
        "huurder vóór de uitspraak vrijwillig vertrok; de tekortkoming is bewezen of erkend.",
      categories: ["PSY"],
      evidence: {
        kinds: ["dagvaarding_betekend", "verklaringen", "proces_verbaal", "bekentenis"],
        required: ["dagvaarding_betekend"],
        source: `${SILENT} 003 §5 criterium b ('al een dagvaarding heeft betekend'), §8`,
      },
      relations: tenants(`${SILENT} 003 hoofdstuk 5 Hoofdregel (de (mede)huurder)`),
      source: `${SILENT} 003 §5 criterium b`,
    },
  ],

  registrationRules: {
    closedCategories: {
      source:
        "000 (Het K&KR registreert: financiële woonfraude, criminaliteit, psychische overlast)",
    },
    formalCriteria: {
      source: `${SILENT} 003 §5 (formele criteria voor opname), §8 (bij twijfel niet invoeren)`,
      note:
        "000 noemt geen criteria; de codes FIN.1 … PSY.2 zijn de criteria van 003 §5 a–d, per " +
        "K&KR-categorie. Zonder rechterlijke uitspraak of vergelijkbaar bewijs geen opname.",
    },
    term: {
      minimumMonths: 1,
      defaultTo: "maximum",
      source: `${SILENT} 003 §7 ('maximaal')`,
    },
    multipleCategories: {
      parts: "one_per_group",
      source: `${SILENT} 003 §5, §7`,
      note:
        "Zoals 003: één deel per categorie (FIN, CRIM, PSY), elk met zijn eigen maximale " +
        "termijn en einddatum; de reikwijdte is altijd landelijk.",
    },
    placementDate: {
      source: `${SILENT} 003 §5 (Moment van plaatsing)`,
      note: "Een datum na vandaag wordt altijd geweigerd (000 kent geen uitzondering zoals 003 E.IX e.i).",
    },
    endDate: {
      inclusive: false,
      source: `${SILENT} 003 §7, §12.4 punt 2`,
      note:
        "Einddatum = plaatsingsdatum + termijn; op de einddatum geldt de registratie niet meer " +
        "(het vroegste einde, gunstig voor betrokkene).",
    },
    earlyRemovalWithSeveralCategories: {
      source: `${SILENT} 003 §12.4 (voetnoot *)`,
      note: "Een vroege grond van één categorie beëindigt het deel van die categorie; de andere delen lopen door, en de registratie wordt verwijderd als er geen deel meer over is.",
    },
  },

  twoStepPlacement: {
    value: true,
    source: `${SILENT} 003 §10 (die informeert pas na plaatsing)`,
    note:
      "000 zegt niets over informeren. Een K&KR-vermelding is landelijk zichtbaar; gekozen is de " +
      "beschermende lezing: betrokkene wordt eerst geïnformeerd en de registratie werkt pas als " +
      "die kennisgeving is verstuurd (status 'pending_notice').",
  },

  generalRemoval: [
    {
      trigger: "term_expired",
      text: "Na het verstrijken van de termijn, automatisch.",
      source: `${SILENT} 003 §12.4 punt 2`,
    },
    {
      trigger: "objection_upheld",
      text: "Zo snel mogelijk zodra blijkt dat iemand ten onrechte vermeld staat of een bezwaar of beroep gegrond is.",
      source:
        "000 ('Staat iemand ten onrechte vermeld? Dan ... zo snel mogelijk verwijderen'); 003 §12.4, §16.3",
    },
    {
      trigger: "new_chance",
      text: "Direct zodra betrokkene een nieuwe kans is geboden en die heeft aanvaard.",
      source: "000 ('Nadruk op kansen'); 003 §4.4, §12.4 punt 1a",
    },
    {
      trigger: "participant_left",
      text: "Bij uittreding of uitsluiting van de aangesloten organisatie die registreerde.",
      source: `${SILENT} 003 §17, §20`,
    },
  ],

  disclosure: {
    hit: {
      primary_source: {
        officer: OWN_OFFICER,
        querier: {
          fields: ["appliesToCaller", "since", "until", "scope", "primarySource"],
          requiresConfirmedMatch: false,
          source: `${SILENT} 003 §13.3`,
        },
        consortium_admin: CONSORTIUM,
        allocation_system: ALLOCATION_SYSTEM,
      },
      other_participant: {
        officer: BLOCK_ONLY,
        querier: BLOCK_ONLY,
        consortium_admin: CONSORTIUM,
        allocation_system: ALLOCATION_SYSTEM,
      },
    },
    consent: {
      allowed: false,
      fields: [],
      source: `${SILENT} 003 §13.5 (nooit aan andere deelnemers)`,
    },
  },

  deadlines: KKR_DEADLINES,

  ambiguities: [
    {
      topic: "Wat andere aangesloten organisaties zien",
      choice:
        "Alleen na een door de registrerende organisatie bevestigde match: dát er een blokkade " +
        "is, dat zij ook voor de bevrager geldt, en wie de registrerende organisatie is. Geen " +
        "categorie, geen begin- of einddatum.",
      reason:
        "000 zegt alleen dat leden 'putten uit gegevens die door andere leden ingevoerd zijn' om " +
        "te zien of een woonverleden 'om een zekere voorzichtigheid vraagt'; daarvoor volstaat " +
        "dát er een vermelding is. De beschermende lezing volgt 003 §6 punt 6 en §13.5: de " +
        "categorie (PSY raakt aan gezondheid) en de data blijven bij de bron.",
      source: `${SILENT} 003 §6 punt 6, §13.5`,
    },
    {
      topic: "Termijnen",
      choice: "FIN, CRIM en PSY: maximaal 24 maanden.",
      reason:
        "000 noemt geen termijn; 003 §7 geeft 2 jaar voor A, B, C en E; voor FIN (mengsel van 003 C.IV en D) de kortere.",
      source: "003 §7",
    },
    {
      topic: "Formele criteria",
      choice: "FIN.1, FIN.2, CRIM.1, CRIM.2, PSY.1, PSY.2, naar 003 §5 a–d.",
      reason: "000 noemt geen criteria; zonder bewezen grond zou elke vermelding willekeurig zijn.",
      source: "003 §5",
    },
    {
      topic: "Bedrag",
      choice: "Geen bedrag bij FIN.",
      reason: "De termijn hangt niet van een bedrag af; dataminimalisatie (003 §12.1).",
      source: "003 §12.1",
    },
    {
      topic: "Informeren vóór de registratie werkt",
      choice: "Ja (twoStepPlacement true): eerst de kennisgeving, dan werkt de registratie.",
      reason:
        "000 zwijgt; een landelijke vermelding weegt zwaar, de beschermende lezing gaat voor.",
      source: "003 §10",
    },
    {
      topic: "Wat andere organisaties bij een hit zien",
      choice:
        "Na een bevestigde match: begin- en einddatum, reikwijdte en de registrerende organisatie; geen categorie.",
      reason:
        "000 zegt niet hoeveel; PSY raakt aan gezondheid; 003 §6 en §13.5 zijn de beschermende regel.",
      source: "003 §6, §13.5",
    },
    {
      topic: "Termijnen van brieven, verzoeken, bezwaar en beroep",
      choice: "Die van 003 (met de keuzes van het profiel aedes-2021 waar ook 003 zwijgt).",
      reason:
        "000 noemt alleen 'een uitgebreide beroepsprocedure'; 003 is de dichtstbijzijnde regel.",
      source: "003 §10, §15, §16",
    },
  ],
};
