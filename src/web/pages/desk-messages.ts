import { defineCatalogue } from "../../platform/i18n.ts";

/**
 * Texts of the officer's desk (issue 21 parts 6 and 7): finding a person (search.ts) and the one
 * worklist (worklist.ts, worklist-rows.ts); assembled in src/web/i18n.ts.
 */
const nl = {
  personSearch: {
    nav: "Persoon zoeken",
    title: "Persoon zoeken",
    intro:
      "Zoek een persoon in de registraties van uw eigen organisatie, bijvoorbeeld als er een brief of telefoontje komt. Kleine verschillen in spelling vindt het zoeken ook. Elke zoekvraag wordt met het doel vastgelegd.",
    purpose: "Waarom zoekt u?",
    purposeMissing: "Kies waarom u zoekt.",
    purposes: {
      person_contact: "De persoon neemt contact op (brief, telefoon of balie)",
      rights_request: "Een verzoek, bezwaar of klacht van de persoon behandelen",
      data_maintenance: "De gegevens van een registratie bijwerken of herstellen",
      before_registration:
        "Nagaan of de persoon al geregistreerd staat, vóór een nieuwe registratie",
    } as Record<string, string>,
    submit: "Zoeken",
    resultTitle: "Gevonden registraties",
    resultIntro: (n: number) =>
      n === 1
        ? "Eén registratie lijkt op deze persoon."
        : `${n} registraties lijken op deze persoon, de meest waarschijnlijke eerst.`,
    none: "Geen registratie van uw organisatie lijkt op deze persoon.",
    name: "Naam",
    birthDate: "Geboortedatum",
    categories: "Categorieën",
    status: "Status",
    endDate: "Einddatum",
    likeness: "Overeenkomst",
    likely: "Waarschijnlijk dezelfde persoon",
    possible: "Mogelijk dezelfde persoon",
    cases: "Zaken",
    noCases: "geen",
    open: "Registratie bekijken",
    newCase: "Nieuwe zaak over deze registratie",
    again: "Opnieuw zoeken",
    caseRegistrationHint:
      "Over welke registratie gaat de zaak? Zoek de persoon op naam en geboortedatum en kies daar “Nieuwe zaak over deze registratie”. Laat leeg als de zaak (nog) niet over een registratie gaat.",
    caseRegistrationNone: "Nog geen registratie gekozen.",
    caseRegistrationSearch: "Registratie zoeken op naam",
    caseRegistrationOther: "Een andere registratie zoeken",
  },
  desk: {
    title: "Alles wat u moet doen",
    caption: (n: number) => `Alles wat u moet doen (${n})`,
    empty: "U hoeft nu niets te doen.",
    due: "Uiterlijk",
    what: "Wat",
    who: "Over wie",
    action: "Actie",
    noDate: "geen termijn",
    kinds: {
      case: "Zaken met een termijn",
      duty: "Brieven te versturen",
      match: "Matches te beoordelen",
      draft: "Registraties die op bevestiging wachten",
      arrears: "Vroegsignalering",
      ending: "Registraties die binnenkort eindigen",
    } as Record<string, string>,
    registrationOf: (ref: string) => `registratie ${ref}`,
    unlinkedRequest: (ref: string) => `verzoek ${ref}, nog niet gekoppeld aan een registratie`,
    tenancy: (ref: string) => `huurovereenkomst ${ref}`,
    seeker: (n: string) => `inschrijving ${n}`,
    openCase: "Zaak openen",
    openDuty: "Brief maken",
    openRegistration: "Registratie bekijken",
    judgeMatch: "Match beoordelen",
    openFile: "Dossier openen",
    decideEnding: "Verlengen of laten eindigen",
    matchWith: (seeker: string) => `Match met ${seeker}`,
    endingOn: "Registratie eindigt",
    noPerson: "persoon onbekend",
  },
};

const en: typeof nl = {
  personSearch: {
    nav: "Find a person",
    title: "Find a person",
    intro:
      "Find a person in your own organisation's registrations, for instance when a letter or a phone call comes in. Small spelling differences are found too. Every search is recorded with its purpose.",
    purpose: "Why are you searching?",
    purposeMissing: "Choose why you are searching.",
    purposes: {
      person_contact: "The person gets in touch (letter, phone or desk)",
      rights_request: "Handling a request, objection or complaint of the person",
      data_maintenance: "Updating or correcting a registration's data",
      before_registration:
        "Checking whether the person is already registered, before a new registration",
    } as Record<string, string>,
    submit: "Search",
    resultTitle: "Registrations found",
    resultIntro: (n: number) =>
      n === 1
        ? "One registration resembles this person."
        : `${n} registrations resemble this person, the most likely first.`,
    none: "No registration of your organisation resembles this person.",
    name: "Name",
    birthDate: "Date of birth",
    categories: "Categories",
    status: "Status",
    endDate: "End date",
    likeness: "Likeness",
    likely: "Probably the same person",
    possible: "Possibly the same person",
    cases: "Cases",
    noCases: "none",
    open: "View registration",
    newCase: "New case about this registration",
    again: "Search again",
    caseRegistrationHint:
      "Which registration is the case about? Find the person by name and date of birth and choose “New case about this registration” there. Leave it empty if the case is not (yet) about a registration.",
    caseRegistrationNone: "No registration chosen yet.",
    caseRegistrationSearch: "Find the registration by name",
    caseRegistrationOther: "Find another registration",
  },
  desk: {
    title: "Everything you need to do",
    caption: (n: number) => `Everything you need to do (${n})`,
    empty: "There is nothing you need to do now.",
    due: "Due",
    what: "What",
    who: "About whom",
    action: "Action",
    noDate: "no deadline",
    kinds: {
      case: "Cases with a deadline",
      duty: "Letters to send",
      match: "Matches to judge",
      draft: "Registrations awaiting confirmation",
      arrears: "Early warning",
      ending: "Registrations ending soon",
    } as Record<string, string>,
    registrationOf: (ref: string) => `registration ${ref}`,
    unlinkedRequest: (ref: string) => `request ${ref}, not yet linked to a registration`,
    tenancy: (ref: string) => `tenancy ${ref}`,
    seeker: (n: string) => `house seeker ${n}`,
    openCase: "Open case",
    openDuty: "Make letter",
    openRegistration: "View registration",
    judgeMatch: "Judge match",
    openFile: "Open file",
    decideEnding: "Extend or let it end",
    matchWith: (seeker: string) => `Match with ${seeker}`,
    endingOn: "Registration ends",
    noPerson: "person unknown",
  },
};

export const deskMessages = defineCatalogue("web.desk", nl, en);
