import { AEDES_CRITERIA } from "./aedes-2021-criteria.ts";
import { AEDES_DEADLINES } from "./aedes-2021-deadlines.ts";
import {
  ALLOCATION_SYSTEM,
  CONSORTIUM,
  OTHER_PARTICIPANT,
  OWN_OFFICER,
  OWN_QUERIER,
} from "./aedes-2021-disclosure.ts";
import { DAMAGE_BRACKETS, DAMAGE_BRACKETS_NOTE } from "./damage-brackets.ts";
import {
  type ClaimRule,
  PERSON_FIELD_NAMES,
  type PlacementRule,
  type Profile,
  type RemovalRule,
} from "./profile.ts";

// The profile's pieces used more than once. Its disclosure grants and deadlines are in
// aedes-2021-disclosure.ts and aedes-2021-deadlines.ts (kkr follows 003 where its own seed is
// silent, and imports them from there).

const NO_CLAIM: ClaimRule = {
  mode: "not_applicable",
  source: "003 §12.1 (geen bedrag onder de vast te leggen gegevens)",
};

const EVICTION_PLACEMENT: PlacementRule = {
  moment: "Ontruiming of vrijwillige oplevering van de woonruimte",
  futureAllowedForCriteria: [],
  source: "003 §5 (Moment van plaatsing)",
};

const D_ONLY_REMOVAL: readonly RemovalRule[] = [
  {
    trigger: "claim_paid_in_full",
    text: "Het D-deel vervalt zodra 100 procent van de vordering is voldaan; is D de enige categorie, dan wordt de signalering verwijderd.",
    onlyWhenSoleGroup: "D",
    source: "003 §12.4 (categorie D, punt 1 en voetnoot *)",
  },
  {
    trigger: "claim_settled",
    text: "Het D-deel vervalt zodra een schikking is getroffen, al dan niet met een betalingsregeling; is D de enige categorie, dan wordt de signalering verwijderd.",
    onlyWhenSoleGroup: "D",
    source: "003 §12.4 (categorie D, punt 1 en voetnoot *)",
  },
];

/** Everything a registration holds: what its own primary source's officer sees. */
export const aedes2021: Profile = {
  id: "aedes-2021",
  title: "Protocol Signaleringslijst ongewenst huurdersgedrag",
  version: "1.4 (13 december 2021)",
  edition: "versie 1.4 van 13 december 2021",
  revision: {
    number: 2,
    date: "2026-12-07",
    changes:
      "Eén deel per categoriegroep, elk met zijn eigen termijn, reikwijdte en einddatum; " +
      "een voldane vordering beëindigt alleen het D-deel (003 §7, §12.4 D; D-800). Revisie 1: " +
      "de regels daarvoor (D-760).",
    source:
      "003 hoofdstuk 23 (wijzigingen van het protocol gaan in zodra zij openbaar zijn gemaakt)",
  },
  seed: "003",
  participantKinds: {
    value: ["housing_corporation"],
    source:
      "003 §17: alleen woningcorporaties (toegelaten instellingen) met sociaal huurbezit in de regio",
  },
  personFields: {
    value: PERSON_FIELD_NAMES,
    source:
      "003 §12.1 (naam: voornaam, voorletters, achternaam; geboortedatum; geslacht; e-mailadres; " +
      "indien bekend het inschrijfnummer) en Definities 'Identificatiegegevens' (geboortenaam, " +
      "tussenvoegsel)",
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

  categories: [
    {
      code: "A.I",
      group: "A",
      groupTitle: "Overlast",
      title: "Overlast",
      description:
        "Overlast in of nabij de woonruimte door de (mede)huurder of derden voor wie hij verantwoordelijk is.",
      source: "003 §5 A.I",
      term: { maxMonths: 24, kind: "maximum", source: "003 §7 A (maximaal 2 jaar)" },
      scope: { value: "organisation", source: "003 §7 A (uitsluiting corporatie)" },
      claim: NO_CLAIM,
      placement: EVICTION_PLACEMENT,
      removal: [],
    },
    {
      code: "B.II",
      group: "B",
      groupTitle: "Gevaarzetting en agressie",
      title: "Gevaarzetting",
      description:
        "Gevaarzetting, moedwillige brandstichting en/of vervuiling in of nabij de woonruimte.",
      source: "003 §5 B.II",
      term: { maxMonths: 24, kind: "maximum", source: "003 §7 B (maximaal 2 jaar)" },
      scope: { value: "region", source: "003 §7 B (uitsluiting regio)" },
      claim: NO_CLAIM,
      placement: EVICTION_PLACEMENT,
      removal: [],
    },
    {
      code: "B.III",
      group: "B",
      groupTitle: "Gevaarzetting en agressie",
      title: "Bedreiging en agressie",
      description:
        "Bedreiging, (dreigend) fysiek of verbaal geweld, intimidatie of agressie jegens omwonenden, leveranciers of medewerkers van de verhuurder.",
      source: "003 §5 B.III",
      term: {
        maxMonths: 24,
        kind: "maximum",
        source: "003 §7 B (maximaal 2 jaar)",
        note:
          "Bij lichamelijk geweld of ernstige bedreiging van medewerkers mag de eigen verhuurder " +
          "langer weigeren, maar buiten de signaleringslijst: na de termijn gaat de signalering " +
          "eraf (§7 en voetnoot 13).",
      },
      scope: { value: "region", source: "003 §7 B (uitsluiting regio)" },
      claim: NO_CLAIM,
      placement: EVICTION_PLACEMENT,
      removal: [],
    },
    {
      code: "C.IV",
      group: "C",
      groupTitle: "Oneigenlijk gebruik",
      title: "Woonfraude",
      description:
        "Geen hoofdverblijf, onderverhuur of in gebruik geven van (een deel van) het gehuurde aan derden.",
      source: "003 §5 C.IV",
      term: { maxMonths: 24, kind: "maximum", source: "003 §7 C (maximaal 2 jaar)" },
      scope: { value: "region", source: "003 §7 C (uitsluiting regio)" },
      claim: NO_CLAIM,
      placement: EVICTION_PLACEMENT,
      removal: [],
    },
    {
      code: "C.V",
      group: "C",
      groupTitle: "Oneigenlijk gebruik",
      title: "Wijziging van de bestemming",
      description:
        "Bedrijfsmatig, commercieel of crimineel gebruik van de woonruimte (zoals prostitutie, opslag, productie of handel van gevaarlijke stoffen) dat gevaar oplevert.",
      source: "003 §5 C.V",
      term: { maxMonths: 24, kind: "maximum", source: "003 §7 C (maximaal 2 jaar)" },
      scope: { value: "region", source: "003 §7 C (uitsluiting regio)" },
      claim: NO_CLAIM,
      placement: EVICTION_PLACEMENT,
      removal: [],
    },
    {
      code: "C.VI",
      group: "C",
      groupTitle: "Oneigenlijk gebruik",
      title: "Opiumwet",
      description: "Handelen in strijd met de Opiumwet in of nabij de woonruimte.",
      source: "003 §5 C.VI",
      term: { maxMonths: 24, kind: "maximum", source: "003 §7 C (maximaal 2 jaar)" },
      scope: { value: "region", source: "003 §7 C (uitsluiting regio)" },
      claim: NO_CLAIM,
      placement: EVICTION_PLACEMENT,
      removal: [],
    },
    {
      code: "D.VII",
      group: "D",
      groupTitle: "Openstaande vordering",
      title: "Huurachterstand",
      description:
        "Stelselmatig te laat betalen, een huurachterstand van minimaal 3 maanden of een opeisbare schuld aan de verhuurder.",
      source: "003 §5 D.VII",
      term: {
        maxMonths: 60,
        kind: "maximum",
        source: "003 §7 D (maximaal 5 jaar, of zoveel eerder als er een passende oplossing is)",
        note: "Eerder einde bij WSNP of akkoord (voetnoot 14) en bij betaling of schikking (§12.4).",
      },
      scope: { value: "organisation", source: "003 §7 D (uitsluiting corporatie)" },
      claim: {
        mode: "not_applicable",
        source: "003 §5 D.VII (drempel in maanden, niet in euro's), §12.1",
        note:
          "De drempel van D.VII is 3 maanden achterstand, geen bedrag, en de termijn hangt niet af " +
          "van een bedrag. Een bedrag vastleggen zou meer zijn dan §12.1 toestaat " +
          "(dataminimalisatie); betaling of schikking blijkt uit de vordering bij de primaire bron.",
      },
      placement: EVICTION_PLACEMENT,
      removal: D_ONLY_REMOVAL,
    },
    {
      code: "D.VIII",
      group: "D",
      groupTitle: "Openstaande vordering",
      title: "Schade bij vertrek",
      description: "Schade aan de woonruimte bij vertrek of oplevering van € 500 of meer.",
      source: "003 §5 D.VIII",
      term: {
        maxMonths: 60,
        kind: "maximum",
        damageBrackets: DAMAGE_BRACKETS,
        source: "003 §7 D (schadeschijven)",
        note: DAMAGE_BRACKETS_NOTE,
      },
      scope: { value: "organisation", source: "003 §7 D (uitsluiting corporatie)" },
      claim: {
        mode: "required",
        minimumCents: 50_000,
        source: "003 §5 D.VIII en criterium d (ten minste € 500), §7 D (schadeschijven)",
        note: "Het schadebedrag is nodig: de termijn volgt uit de schijf.",
      },
      placement: EVICTION_PLACEMENT,
      removal: D_ONLY_REMOVAL,
    },
    {
      code: "E.IX",
      group: "E",
      groupTitle: "Fraude",
      title: "Fraude",
      description:
        "Onjuiste, misleidende of onvolledige informatie of fraude bij inschrijving, aanvraag of reactie op een aanbod.",
      source: "003 §5 E.IX",
      term: { maxMonths: 24, kind: "maximum", source: "003 §7 E (maximaal 2 jaar)" },
      scope: { value: "region", source: "003 §7 E (uitsluiting regio)" },
      claim: NO_CLAIM,
      placement: {
        moment:
          "Ontruiming of vrijwillige oplevering; bij criterium e.i het moment van uitsluiting of " +
          "wijziging van de inschrijftijd",
        futureAllowedForCriteria: ["e.i"],
        source: "003 §5 (Moment van plaatsing: 'in de situatie van i. het moment van uitsluiting')",
        note:
          "Bij e.i is er geen ontruiming: het moment is het besluit tot uitsluiting of wijziging " +
          "van de inschrijftijd, dat met een latere ingangsdatum kan worden vastgelegd. Alleen als " +
          "elke grond voor E.IX e.i is, mag de plaatsingsdatum na vandaag liggen; de termijn loopt " +
          "dan vanaf die datum.",
      },
      removal: [],
    },
  ],

  criteria: AEDES_CRITERIA,

  registrationRules: {
    closedCategories: {
      source: "003 §5 Uitwerking (gedrag dat in ten minste één van de categorieën valt)",
    },
    formalCriteria: {
      source: "003 §5 Formele criteria voor opname; §8 (bij twijfel van invoer afzien)",
      note:
        "Elke gekozen categorie heeft een criterium nodig dat haar kan dragen, en elk opgegeven " +
        "criterium moet een gekozen categorie dragen: een los criterium wijst op een vergissing.",
    },
    term: {
      minimumMonths: 1,
      defaultTo: "maximum",
      source: "003 §7 ('maximaal'; ernst en gevolgen bepalen de duur), §6 punt 1",
      note: "Zonder opgave geldt het maximum (contract §3); korter mag, in hele maanden.",
    },
    multipleCategories: {
      parts: "one_per_group",
      source: "003 §5 ('ten minste in één van de categorieën'), §7, §12.4 D",
      note:
        "003 geeft elke categorie haar eigen maximale termijn en reikwijdte en laat geen " +
        "categorie haar termijn of reikwijdte aan een andere lenen. Een signalering met " +
        "categorieën uit meer groepen bestaat daarom uit delen, één per groep (A tot en met E), " +
        "elk met de langste maximale termijn van die groep, de reikwijdte van die groep en een " +
        "eigen einddatum: B.III + D.VII is twee jaar regio en vijf jaar corporatie, nooit vijf " +
        "jaar regio. Een deel vervalt op zijn einddatum of, voor D, als de vordering is voldaan " +
        "(§12.4 D); de andere delen lopen door. Een termijn die de functionaris kiest, geldt " +
        "als bovengrens voor elk deel. Vervalt het laatste deel, dan wordt de signalering " +
        "verwijderd.",
    },
    placementDate: {
      source: "003 §5 (Moment van plaatsing), §12.1 (datum uitzetting)",
      note:
        "De plaatsing volgt op een voltrokken feit (ontruiming, oplevering): een datum na vandaag " +
        "wordt geweigerd, behalve bij E.IX op criterium e.i.",
    },
    endDate: {
      inclusive: false,
      source: "003 §7, §12.4 punt 2 (verwijdering na het verstrijken van de uitsluitingstermijn)",
      note:
        "Einddatum = plaatsingsdatum + termijn in maanden (bestaat die dag niet, dan de laatste dag " +
        "van de maand). Op de einddatum geldt de signalering niet meer en wordt zij gewist: de " +
        "lezing waarbij zij het vroegst eindigt, gunstig voor betrokkene. Een signalering met een " +
        "einddatum van vandaag of eerder wordt geweigerd.",
    },
    earlyRemovalWithSeveralCategories: {
      source: "003 §12.4 (voetnoot *: alleen als D de enige categorie is)",
      note:
        "Een vroege verwijderingsgrond van één categoriegroep (de voldane of geschikte vordering " +
        "van D) beëindigt het deel van die groep; de andere delen lopen door met hun eigen " +
        "termijn, en de signalering wordt pas verwijderd als D het enige deel was. De algemene " +
        "gronden (gegrond bezwaar, nieuwe kans, uittreding) gelden voor de hele signalering.",
    },
  },

  twoStepPlacement: {
    value: false,
    source: "003 §6 punt 2, §10 (Informatie aan betrokkene bij plaatsing)",
    note:
      "Betrokkene wordt ná de opvoer geïnformeerd; de signalering werkt meteen, maar blijft " +
      "onzichtbaar voor anderen tot een bevestigde match (§6 punt 3).",
  },

  generalRemoval: [
    {
      trigger: "term_expired",
      text: "Na het verstrijken van de uitsluitingstermijn, automatisch.",
      source: "003 §12.4 punt 2, §6 punt 7",
    },
    {
      trigger: "objection_upheld",
      text:
        "Na gegrondverklaring van een bezwaar of klacht (primaire bron, geschillencommissie of " +
        "rechter), of zodra blijkt dat de signalering door feitelijke onjuistheden niet " +
        "gerechtvaardigd was.",
      source: "003 §12.4 (aanhef en punt 1b), §16.3, §16.4",
    },
    {
      trigger: "new_chance",
      text: "Direct zodra op aanvraag van betrokkene een nieuwe kans is geboden en aanvaard.",
      source: "003 §4.4, §12.4 punt 1a",
      note:
        "§12.4 noemt de nieuwe kans bij A, B, C en E; §4.4, de definitie 'Nieuwe kans' en " +
        "'te allen tijde een aanvraag' in §12.4 beperken niet tot categorieën. Gekozen: ook bij D " +
        "(gunstigste lezing).",
    },
    {
      trigger: "participant_left",
      text: "Bij uittreding of definitieve uitsluiting van de primaire bron.",
      source: "003 §12.4 (slot), §17 (Uittreding), §20",
    },
  ],

  disclosure: {
    hit: {
      primary_source: {
        officer: OWN_OFFICER,
        querier: OWN_QUERIER,
        consortium_admin: CONSORTIUM,
        allocation_system: ALLOCATION_SYSTEM,
      },
      other_participant: {
        officer: OTHER_PARTICIPANT,
        querier: OTHER_PARTICIPANT,
        consortium_admin: CONSORTIUM,
        allocation_system: ALLOCATION_SYSTEM,
      },
    },
    consent: {
      allowed: false,
      fields: [],
      source:
        "003 §13.5 (gegevens over de aanleiding worden nooit aan andere deelnemers verstrekt)",
    },
  },

  deadlines: AEDES_DEADLINES,

  ambiguities: [
    {
      topic: "De Huurcommissie als laatste stap (§16.4) wordt niet gevolgd",
      choice:
        "Geen brief of pagina verwijst naar de Huurcommissie. De route is: bezwaar bij de directie van de primaire bron; bij een woningcorporatie haar klachtencommissie (art. 55b Woningwet); de geschillencommissie van het samenwerkingsverband (met postadres); de burgerlijke rechter (AVG art. 79, UAVG art. 35); en op elk moment de Autoriteit Persoonsgegevens (AVG art. 77).",
      reason:
        "De Huurcommissie beslist over huurprijs, servicekosten en onderhoudsgebreken en is niet bevoegd over een signalering; wie ernaar verwezen wordt, krijgt een onbevoegdverklaring. §4.5 noemt zelf directie, klachtencommissie en de civiele rechter; de AVG vraagt de rechter en de AP te noemen (art. 12 lid 4). Review G-1, 003-69; D-640.",
      source: "003 §16.4, §4.5; AVG art. 12 lid 4, 77, 79; UAVG art. 35",
    },
    {
      topic: "Grensbedragen van de schadeschijven (D.VIII)",
      choice:
        "Een grensbedrag valt in de lagere schijf: € 1.000 → 12, € 2.000 → 24, € 5.000 → 36, € 10.000 → 48 maanden.",
      reason:
        "'Tussen € X en € Y' en '€ 10.000 of meer' laten elk grensbedrag in twee schijven vallen; de kortere termijn is het gunstigst voor betrokkene.",
      source: "003 §7 D",
    },
    {
      topic: "Schijf als maximum",
      choice: "De schijf geeft de maximale termijn; de functionaris mag korter kiezen.",
      reason: "§7 spreekt van 'maximaal' en laat ernst en gevolgen de duur bepalen.",
      source: "003 §7",
    },
    {
      topic: "Meer categorieën in één signalering",
      choice:
        "Termijn: de langste maximale termijn; reikwijdte: de ruimste (corporatie < regio < landelijk).",
      reason:
        "003 regelt het samengaan niet; elke categorie draagt haar eigen maximum en uitsluiting, een smallere reikwijdte zou een uitsluiting negeren.",
      source: "003 §5, §7",
    },
    {
      topic: "Einddatum inclusief of exclusief",
      choice:
        "Exclusief: op de einddatum (plaatsingsdatum + termijn) geldt de signalering niet meer.",
      reason: "De signalering eindigt zo het vroegst, gunstig voor betrokkene.",
      source: "003 §7, §12.4 punt 2",
    },
    {
      topic: "Plaatsingsdatum in de toekomst",
      choice: "Geweigerd, behalve bij E.IX als elke grond ervoor criterium e.i is.",
      reason:
        "Het moment van plaatsing is een voltrokken ontruiming of oplevering; alleen bij e.i is het een besluit tot uitsluiting dat een latere ingangsdatum kan hebben.",
      source: "003 §5 (Moment van plaatsing)",
    },
    {
      topic: "Termijn van de brief bij plaatsing, blokkade, hit en verwijdering",
      choice: "4 weken.",
      reason:
        "003 noemt geen termijn; 001 §9.1 noemt 4 weken en AVG art. 14 lid 3 onder a uiterlijk een maand.",
      source: "003 §6 punt 5, §10, §13.4",
    },
    {
      topic: "Klachttermijn §16.1 onder b ('binnen weken')",
      choice: "6 weken na ontvangst van (of het uitblijven van) de beslissing.",
      reason:
        "Het getal ontbreekt; 6 weken is de langste termijn die de seeds een betrokkene geven (001 §11).",
      source: "003 §16.1",
    },
    {
      topic: "Termijnen van ontvangstbevestiging en geschillencommissie",
      choice:
        "Ontvangstbevestiging 2 weken; uitspraak geschillencommissie 6 weken na de ontvangstbevestiging.",
      reason:
        "003 verwijst naar een reglement (bijlage E) dat niet in de seed staat; 001 §11 heeft de enige termijnen in de seeds.",
      source: "003 §16.2, §16.4",
    },
    {
      topic: "Nieuwe kans bij categorie D",
      choice: "Een aanvaarde nieuwe kans beëindigt ook een signalering in categorie D.",
      reason:
        "§4.4 en de definitie 'Nieuwe kans' beperken niet tot categorieën; gunstigste lezing.",
      source: "003 §4.4, §12.4",
    },
    {
      topic: "Bedrag bij D.VII",
      choice: "Geen bedrag bij D.VII (claim_not_applicable).",
      reason:
        "De drempel is 3 maanden achterstand en de termijn hangt niet van een bedrag af; §12.1 noemt geen bedrag (dataminimalisatie).",
      source: "003 §5 D.VII, §12.1",
    },
    {
      topic: "Wat andere deelnemers bij een hit zien",
      choice:
        "Na een bevestigde match: begin- en einddatum, reikwijdte en de naam van de primaire bron; nooit de categorie.",
      reason:
        "§6 punt 6 ('alleen dat er sprake is van blokkade') en §13.5; de naam van de primaire bron staat in §12.1 en de contract-respons vraagt haar.",
      source: "003 §6, §12.1, §13.5",
    },
  ],
};
