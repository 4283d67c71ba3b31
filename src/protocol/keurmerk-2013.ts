import { ALL_FIELDS } from "./aedes-2021-disclosure.ts";
import { DAMAGE_BRACKETS, DAMAGE_BRACKETS_NOTE } from "./damage-brackets.ts";
import { KEURMERK_CRITERIA } from "./keurmerk-2013-criteria.ts";
import { KEURMERK_DEADLINES } from "./keurmerk-2013-deadlines.ts";
import type {
  ClaimRule,
  DisclosureField,
  DisclosureGrant,
  PlacementRule,
  Profile,
  Scope,
  Sourced,
} from "./profile.ts";

const NO_CLAIM: ClaimRule = {
  mode: "not_applicable",
  source: "001 §4.2 (geen bedrag onder de vast te leggen gegevens)",
};

const EVICTION_PLACEMENT: PlacementRule = {
  moment: "Datum van ontruiming of van vertrek uit het gehuurde",
  futureAllowedForCriteria: [],
  source: "001 §4.2 punt 5 (de ingangsdatum van de termijn, zijnde de datum van ontruiming)",
};

const REGISTER_SCOPE: Sourced<Scope> = {
  value: "region",
  source: "001 §5.1 (gegevens beschikbaar voor de andere deelnemers), §5.4",
  note:
    "001 kent geen regio's: 'region' betekent hier alle deelnemers van het Meldpunt. Niet " +
    "landelijk: de inleiding spreekt van stedelijke samenwerking.",
};

const W3_KINDS = [
  "hennepkwekerij in het gehuurde",
  "gehele onderverhuur of ingebruikgeving zonder eigen hoofdverblijf",
  "in of vanuit het gehuurde drugs verhandelen of gelegenheid geven tot drugsgebruik",
  "(poging tot) bedreiging of mishandeling van een medewerker van een deelnemer of ingeschakeld bedrijf",
  "brandstichting in het gehuurde of de directe omgeving",
] as const;

/**
 * 001 §5.2: since when, by whom, which W-category, whether a begeleiding procedure took place;
 * and whether it applies to the caller (under 001 always: one scope for all participants).
 */
const TOETSING_FIELDS: readonly DisclosureField[] = [
  "appliesToCaller",
  "since",
  "scope",
  "primarySource",
  "categories",
  "supportTeamProcedure",
];

/** The Meldpunt (consortium) sees every registration in full, its own or not. */
const MELDPUNT: DisclosureGrant = {
  fields: [...ALL_FIELDS, "supportTeamProcedure"],
  requiresConfirmedMatch: false,
  source:
    "001 §5.1, §5.3 (het Meldpunt mag wijzigen, verwijderen en toetsen voor zijn toezicht, art. 11 en 12)",
};

const ALLOCATION_SYSTEM: DisclosureGrant = {
  fields: ["scope"],
  requiresConfirmedMatch: true,
  source: "001 §5.2",
  note:
    "001 kent geen woonruimteverdeelsysteem of blokkade; het systeem krijgt minder dan een " +
    "toetsing: alleen dát er een blokkade is en voor welke verhuurders (de reikwijdte), geen " +
    "W-categorie, geen datum (de einddatum verraadt bij W2 de schadeschijf), alleen na een " +
    "bevestigde match.",
};

const TOETSING: DisclosureGrant = {
  fields: TOETSING_FIELDS,
  requiresConfirmedMatch: false,
  source:
    "001 §5.2 (sinds wanneer, door welke deelnemer, welke W-categorie, of er een begeleidingsprocedure was), §5.5",
  note:
    "Geen einddatum: §5.2 noemt haar niet, en bij W2 zou zij de schadeschijf (de aanleiding) " +
    "verraden, die §5.2 slot uitsluit. De reikwijdte wel (en dus of de opname voor de bevrager " +
    "geldt: altijd): die is voor elke W-categorie gelijk en zegt niets over de aanleiding. 001 kent geen match- of blokkadestap: de toetsing zelf stelt " +
    "vast of betrokkene is opgenomen; de screeningsmodule meldt alleen een zekere match als hit " +
    "(design.md §2.7).",
};

export const keurmerk2013: Profile = {
  id: "keurmerk-2013",
  title: "Protocol Meldpunt Keurmerk Verhuurdersbelangen",
  version: "10 februari 2013",
  edition: "versie van 10 februari 2013",
  revision: {
    number: 3,
    date: "2026-12-07",
    changes:
      "Eén deel per W-categorie met een eigen termijn en einddatum (Bijlage 1; D-800). " +
      "Revisie 2: alleen particuliere verhuurders, de persoonsgegevens van 001 §4.2 en de " +
      "W1-verwijzing naar het begeleidingsteam; revisie 1: de regels daarvoor (D-760).",
    source: "001 §13 (Wijzigingen Protocol)",
  },
  seed: "001",
  participantKinds: {
    value: ["private_landlord"],
    source:
      "001 §2 Deelnemer ('particuliere woningverhuurders in de vrije sector, niet zijnde " +
      "woningcorporaties'), §7.1",
  },
  participantAgent: {
    label: "Keurmerk-makelaar",
    source:
      "001 §2 Deelnemer, §7.1 ('Een deelnemer kan uitsluitend toetreden wanneer hij de " +
      "verhuurbemiddeling via een bij het Keurmerk aangesloten (verhuur)makelaar heeft laten " +
      "uitvoeren')",
    note:
      "Vastgelegd wordt de naam van de makelaar; of die bij het Keurmerk is aangesloten, " +
      "beoordeelt Keurmerk Verhuurdersbelangen B.V. bij de toetreding (§7.1), niet het systeem.",
  },
  personFields: {
    value: ["initials", "prefix", "surname", "birthName", "birthDate"],
    source:
      "001 §4.2 punt 1 ('worden slechts vastgelegd: Identificatiegegevens') en Begrippen " +
      "'Identificatiegegevens' (voorletter(s), geboortenaam, tussenvoegsel, achternaam en " +
      "geboortedatum)",
    note:
      "Het adres (§4.2 punt 3) is geen persoonsveld maar het adres van de signalering. Zonder " +
      "e-mailadres gaan de brieven per post (§9.1: 'schriftelijk').",
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

  categories: [
    {
      code: "W1",
      group: "W1",
      groupTitle: "Overlast",
      title: "Ernstige overlast",
      description:
        "Ernstige overlast door leefstijl, zoals geluidsoverlast, vervuiling of psychische of verslavingsproblematiek; de maatregelen beogen primair een herkansing.",
      source: "001 Bijlage 1 Cat. W1",
      term: {
        maxMonths: 60,
        kind: "maximum",
        source: "001 §5.4, Bijlage 1 W1 (verwijdering na 5 jaar)",
        note:
          "Maximum: korter mag na de afweging per geval en het proportionaliteitsbeginsel van " +
          "§4.4.1 c; anders dan bij W3 spreekt 001 hier niet van een vaste termijn.",
      },
      scope: REGISTER_SCOPE,
      claim: NO_CLAIM,
      placement: EVICTION_PLACEMENT,
      removal: [
        {
          trigger: "support_team_rehousing",
          text:
            "Vóór het einde van de 5 jaar: zodra de deelnemer met de begeleidende instantie op " +
            "aanvraag van betrokkene beslist dat herhuisvesting mogelijk is, én cumulatief: " +
            "begeleiding aanvaard en na maximaal 1 jaar (eenmaal 6 maanden verlengbaar) nagekomen, " +
            "of een huurovereenkomst onder voorwaarden gesloten; en achterstand of schade betaald " +
            "of een betalingsregeling getroffen.",
          params: { reviewAfterMonths: 12, reviewExtensionMonths: 6, maxSupportTeamRequests: 2 },
          source: "001 Bijlage 1 W1 (verwijdering punt 1), Toelichting punten 2 en 3",
        },
      ],
    },
    {
      code: "W2",
      group: "W2",
      groupTitle: "Financiële schade",
      title: "Huurachterstand en/of mutatieschade",
      description: "Materiële schade in de vorm van huurachterstand en/of mutatieschade.",
      source: "001 Bijlage 1 Cat. W2",
      term: {
        maxMonths: 60,
        kind: "maximum",
        damageBrackets: DAMAGE_BRACKETS,
        source:
          "001 Bijlage 1 W2 punten 3–8 (dezelfde schijven als 003 §7 D), verwijdering punt 3 (na 5 jaar), §5.4",
        note: `${DAMAGE_BRACKETS_NOTE} De schijven gelden voor de hele vordering (huurachterstand en/of mutatieschade).`,
      },
      scope: REGISTER_SCOPE,
      claim: {
        mode: "required",
        minimumCents: 50_000,
        source: "001 Bijlage 1 W2 (criterium 2: ten minste EUR 500; termijnen punt 4)",
        note:
          "Criterium W2.1 (vonnis) noemt geen minimum, maar de termijntabel begint bij € 500: onder " +
          "€ 500 is er geen termijn en dus geen opname (gunstigste lezing).",
        amountKept: {
          value: false,
          source:
            "001 §4.2 (het bedrag staat niet onder de gegevens die 'slechts' worden vastgelegd)",
          note:
            "Het bedrag bepaalt bij de beslissing de schadeschijf en daarmee de termijn; daarna " +
            "wordt het niet bewaard (review 001-04, D-761). Wie de beslissing wijzigt, geeft het " +
            "bedrag opnieuw op.",
        },
      },
      placement: EVICTION_PLACEMENT,
      removal: [
        {
          trigger: "claim_paid_in_full",
          text: "Verwijdering zodra de gehele vordering inclusief (gerechtelijke) kosten is voldaan.",
          source: "001 Bijlage 1 W2 (verwijdering punt 1)",
        },
        {
          trigger: "claim_half_paid_with_arrangement",
          text:
            "Verwijdering als binnen de helft van de opnametermijn ten minste de helft van de " +
            "vordering is voldaan en voor de rest een betalingsregeling is getroffen die wordt nagekomen.",
          params: { paidFractionAtLeast: 0.5, withinFractionOfTerm: 0.5 },
          source: "001 Bijlage 1 W2 (verwijdering punt 2)",
        },
      ],
    },
    {
      code: "W3",
      group: "W3",
      groupTitle: "Ernstig onrechtmatig of hinderlijk gedrag",
      title: "Ernstig onrechtmatig of hinderlijk gedrag",
      description:
        "Gedrag dat naar aard of omvang zo ernstig is dat gedurende een vaste termijn van 5 jaar niet wordt gecontracteerd.",
      kinds: W3_KINDS,
      source: "001 Bijlage 1 Cat. W3",
      term: {
        maxMonths: 60,
        kind: "fixed",
        source: "001 Bijlage 1 W3 ('vaste termijn van 5 jaar'; 'uitsluitend na 5 jaar'), §5.4",
        note:
          "Vast: een kortere termijn wordt geweigerd. Afwijken ten gunste van betrokkene kan via de " +
          "hardheidsclausule (001 §10) of door plaatsing in W1 (Toelichting punt 4).",
      },
      scope: REGISTER_SCOPE,
      claim: NO_CLAIM,
      placement: EVICTION_PLACEMENT,
      removal: [],
    },
  ],

  criteria: KEURMERK_CRITERIA,

  registrationRules: {
    closedCategories: {
      source: "001 §4.4.1 a (andere gedragingen kunnen niet tot opname leiden), §4.4.3",
    },
    formalCriteria: {
      source:
        "001 §4.4.1 a, Bijlage 1 (formele criteria voor opname), §3.2 (bij twijfel afzien van invoer)",
      note:
        "Elke gekozen W-categorie heeft een criterium nodig dat haar kan dragen, en elk opgegeven " +
        "criterium moet een gekozen categorie dragen.",
    },
    term: {
      minimumMonths: 1,
      defaultTo: "maximum",
      source: "001 §5.4, Bijlage 1; §4.4.1 c (afweging per geval, proportionaliteit)",
      note: "Zonder opgave het maximum; korter mag, behalve bij W3 (vaste termijn).",
    },
    multipleCategories: {
      parts: "one_per_group",
      source: "001 §4.4.1 a ('plaatsing in één of meerdere W-categorieën'), Bijlage 1",
      note:
        "001 zegt niet hoe W-categorieën samengaan. Elke W-categorie heeft haar eigen termijn " +
        "(Bijlage 1) en wordt een eigen deel met een eigen einddatum; vervalt het laatste deel, " +
        "dan wordt de opname verwijderd. Alle W-categorieën hebben dezelfde reikwijdte.",
    },
    placementDate: {
      source: "001 §4.2 punt 5 (ingangsdatum = datum van ontruiming)",
      note: "Een ontruiming of vertrek ligt in het verleden of vandaag; een datum na vandaag wordt geweigerd.",
    },
    endDate: {
      inclusive: false,
      source:
        "001 Bijlage 1 (verwijdering na het verstrijken van de termijn), §3.7 (maximaal opgeslagen gedurende de termijn)",
      note:
        "Einddatum = ingangsdatum + termijn in maanden (bestaat die dag niet, dan de laatste dag " +
        "van de maand). Op de einddatum geldt de opname niet meer: de lezing waarbij zij het " +
        "vroegst eindigt, gunstig voor betrokkene.",
    },
    earlyRemovalWithSeveralCategories: {
      source: "001 §4.4.2, Bijlage 1 (verwijderingscriteria per W-categorie)",
      note:
        "Een vroege verwijderingsgrond van één W-categorie beëindigt het deel van die " +
        "categorie; de andere delen lopen door, en de opname wordt verwijderd als er geen deel " +
        "meer over is. De algemene gronden gelden voor de hele opname.",
    },
  },

  twoStepPlacement: {
    value: false,
    source:
      "001 §3.4 (Invoerklacht: nádat de klacht is ingevoerd volgt de brief), §9.1 (mededeling binnen vier weken na de opname)",
    note: "De opname gaat aan de mededeling vooraf; 001 kent geen aankondiging vooraf.",
  },

  generalRemoval: [
    {
      trigger: "term_expired",
      text: "Na het verstrijken van de registratietermijn.",
      source: "001 §4.4.2, Bijlage 1 (verwijderingscriteria)",
    },
    {
      trigger: "objection_upheld",
      text:
        "Binnen 5 werkdagen na gegrondverklaring van een bezwaar- of beroepschrift, of zodra " +
        "blijkt dat de opname door feitelijke onjuistheden niet gerechtvaardigd was.",
      source: "001 §3.4 (Verwijdering van klacht), §4.4.2",
    },
    {
      trigger: "participant_left",
      text: "Bij uittreding of uitsluiting van de deelnemer (betrokkene wordt daarover ingelicht).",
      source: "001 §4.4.2, §7.2, §7.3",
    },
  ],

  disclosure: {
    hit: {
      primary_source: {
        officer: {
          fields: [...ALL_FIELDS, "supportTeamProcedure"],
          requiresConfirmedMatch: false,
          source:
            "001 §3.2 (alleen de geautoriseerde functionaris van de deelnemer wijzigt en verwijdert), §4.2",
          note: "De primaire bron ziet haar eigen opnamen volledig.",
        },
        querier: TOETSING,
        consortium_admin: MELDPUNT,
        allocation_system: ALLOCATION_SYSTEM,
      },
      other_participant: {
        officer: TOETSING,
        querier: TOETSING,
        consortium_admin: MELDPUNT,
        allocation_system: ALLOCATION_SYSTEM,
      },
    },
    consent: {
      allowed: true,
      fields: ["until", "criteria"],
      reflectionDeadline: "consent_reflection",
      source:
        "001 §5.5 (inzage in de reden van opname alleen met schriftelijke toestemming, 3 werkdagen bedenktijd)",
      note:
        "Er is geen vrije tekst over de aanleiding opgeslagen; 'de reden tot opname' is hier het " +
        "formele criterium en de einddatum. De toestemming telt pas na de bedenktijd, gerekend " +
        "vanaf het schriftelijke verzoek, en geldt alleen voor het doel en de deelnemer die het " +
        "verzoek noemt.",
    },
  },

  deadlines: KEURMERK_DEADLINES,

  ambiguities: [
    {
      topic: "Bezwaar per post of ook per e-mail",
      choice:
        "De brieven vragen het bezwaar per post te sturen en nodigen niet uit tot e-mail; een deelnemer mag een bezwaar per e-mail aannemen, maar hoeft het niet.",
      reason:
        "Bijlage 2 art. 5 lid 3 schrijft de post voor. Zolang niet vaststaat dat alle deelnemers e-mail aanvaarden, zou een uitnodiging tot e-mail iemand een bezwaar laten sturen dat een deelnemer die het protocol strikt toepast, kan weigeren. Review G-12, 001-14; D-642.",
      source: "001 Bijlage 2 art. 5 lid 3; 001 §11",
    },
    {
      topic: "Blokkade na een bevestigde match: wordt betrokkene geïnformeerd?",
      choice:
        "Ja: de deelnemer die de match bevestigt, stuurt binnen 4 weken een brief over de blokkade.",
      reason:
        "001 kent geen blokkade, maar het woonruimteverdeelsysteem ziet na een bevestigde match dat betrokkene geblokkeerd is (001 §5.2). Betrokkene wordt geïnformeerd zoals bij elke mededeling van 001 §9.1 en zoals 003 §6 punt 5 vraagt; dat is het gunstigst voor betrokkene.",
      source: "001 §9.1, §5.2; 003 §6 punt 5",
    },
    {
      topic: "Termijn voor de reactie op een bezwaar (3 of 6 weken)",
      choice: "3 weken na ontvangst.",
      reason:
        "§11 noemt voor dezelfde reactie zowel 6 als 3 weken; de kortere is gunstiger: betrokkene weet eerder waar hij staat en kan eerder in beroep.",
      source: "001 §11",
    },
    {
      topic: "Grensbedragen van de schadeschijven (W2)",
      choice:
        "Een grensbedrag valt in de lagere schijf: € 1.000 → 12, € 2.000 → 24, € 5.000 → 36, € 10.000 → 48 maanden.",
      reason: "Dezelfde woorden als 003 §7; de kortere termijn is het gunstigst voor betrokkene.",
      source: "001 Bijlage 1 W2 punten 4–8",
    },
    {
      topic: "Minimum bij W2.1 (vonnis)",
      choice: "Ook bij W2.1 is een vordering van ten minste € 500 nodig.",
      reason: "De termijntabel begint bij € 500; onder dat bedrag bestaat geen termijn.",
      source: "001 Bijlage 1 W2",
    },
    {
      topic: "W3-feiten in W1 (Toelichting punt 4)",
      choice: "W3.1 en W3.2 kunnen ook W1 dragen.",
      reason:
        "De toelichting staat plaatsing in W1 in plaats van W3 toe bij verslaving; W1 is voor betrokkene nooit ongunstiger.",
      source: "001 Bijlage 1 Toelichting punt 4",
    },
    {
      topic: "Termijn W1 en W2: vast of maximum",
      choice: "Maximum (korter mag); alleen W3 is vast (60 maanden).",
      reason:
        "Alleen bij W3 spreekt 001 van een 'vaste termijn'; §4.4.1 c vraagt een afweging per geval.",
      source: "001 §4.4.1 c, Bijlage 1",
    },
    {
      topic: "Inzage: 3 weken (§9.3) of 4 weken (§9.2)",
      choice:
        "Antwoord op een inzageverzoek binnen 3 weken; kopieën via het Meldpunt uiterlijk binnen 4 weken.",
      reason: "Beide artikelen gaan over inzage; de kortere termijn is gunstiger.",
      source: "001 §9.2, §9.3",
    },
    {
      topic: "Einddatum inclusief of exclusief",
      choice: "Exclusief: op de einddatum geldt de opname niet meer.",
      reason: "De opname eindigt zo het vroegst, gunstig voor betrokkene.",
      source: "001 Bijlage 1",
    },
    {
      topic: "Wat een toetsing laat zien",
      choice:
        "Sinds wanneer, door wie, W-categorie, begeleidingsprocedure en reikwijdte; geen einddatum.",
      reason: "§5.2 somt dit op; de einddatum zou bij W2 de schadeschijf (de aanleiding) verraden.",
      source: "001 §5.2",
    },
    {
      topic: "Reikwijdte",
      choice: "'region': alle deelnemers van het Meldpunt.",
      reason:
        "001 kent geen regio's; de gegevens zijn voor alle deelnemers (§5.1), de inleiding spreekt van stedelijke samenwerking.",
      source: "001 §5.1, §5.4",
    },
    {
      topic: "Bedenktijd bij toestemming",
      choice: "Toestemming geldt pas 3 werkdagen na het schriftelijke verzoek.",
      reason: "§5.5 geeft 3 werkdagen bedenktijd; eerder gebruiken zou die bedenktijd wegnemen.",
      source: "001 §5.5",
    },
    {
      topic: "Uitvoering van een correctie",
      choice: "Binnen 5 weken na ontvangst van het verzoek.",
      reason:
        "'Twee weken na afloop van de termijn van drie weken'; zonder de Atw-verlenging van de eerste termijn op te stapelen.",
      source: "001 §9.4",
    },
  ],
};
