import { defineCatalogue } from "../../platform/i18n.ts";

/**
 * Texts of the officer's desk (issue 21): finding a person (search.ts) and the one worklist
 * (worklist.ts, worklist-rows.ts) — parts 6 and 7; hit-letter duties (hit-duty-cells.ts), the
 * screening's echo and history (screening-history.ts) and the deliberate match confirmation
 * (match-decision.ts) — parts 8 to 10. Assembled in src/web/i18n.ts.
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
      check: "Mogelijke treffers en inzagecontroles",
      draft: "Registraties die op bevestiging wachten",
      arrears: "Vroegsignalering",
      ending: "Registraties die binnenkort eindigen",
    } as Record<string, string>,
    registrationOf: (ref: string) => `registratie ${ref}`,
    screeningCheck:
      "Een andere deelnemer toetste iemand die op deze persoon lijkt: is het dezelfde persoon?",
    accessCheck:
      "Een inzageverzoek bij een andere deelnemer lijkt over deze persoon te gaan: is het dezelfde persoon?",
    judgeCheck: "Beoordelen",
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
  hitDuties: {
    about: "Betreft",
    born: (date: string) => `geboren ${date}`,
    unknownPerson: "persoon onbekend",
    screenings: (n: number) => (n === 1 ? "1 toetsing" : `${n} toetsingen, één brief`),
    noAddress:
      "Geen adres bekend: leg de brief vast zonder adres. Zodra een adres bekend wordt, maakt het systeem de brief opnieuw.",
    letter: "Brief bekijken (PDF)",
    post: "De brief staat klaar om per post te versturen.",
    toLetters: "Naar de brieven",
  },
  screeningDesk: {
    echoHeading: "U toetste",
    name: "Naam",
    birthName: "Geboortenaam",
    birthDate: "Geboortedatum",
    seekerNumber: "Inschrijfnummer",
    purpose: "Doel",
    /** The querier (bevrager) cannot send letters: the officers of the organisation do. */
    dutyQuerier: (weeks: string, source: string) =>
      `Uw organisatie moet betrokkene binnen ${weeks} schriftelijk informeren over deze treffer (${source}). Dat doet een functionaris van uw organisatie: de brief staat op diens werklijst. U hoeft zelf niets te versturen.`,
    dutyOfficer: (weeks: string, source: string) =>
      `Uw organisatie moet betrokkene binnen ${weeks} schriftelijk informeren over deze treffer (${source}). Toetst uw organisatie deze persoon binnen die termijn opnieuw, dan blijft het één brief die alle toetsingen noemt.`,
    toDuties: "Naar de openstaande brieven",
    history: "Mijn toetsingen",
    historyTitle: "Mijn toetsingen",
    historyIntro:
      "De toetsingen die u zelf deed, de nieuwste eerst: wanneer, waarvoor en de uitkomst. Wie u toetste, staat hier niet: die gegevens bewaart het systeem niet.",
    historyEmpty: "U heeft nog niet getoetst.",
    historyCaption: (n: number) => `${n} ${n === 1 ? "toetsing" : "toetsingen"}`,
    when: "Wanneer",
    result: "Uitkomst",
    hit: "treffer",
    noHit: "geen treffer",
    reference: "Kenmerk",
  },
  matchDecision: {
    compare: "Naast elkaar",
    compareCaption:
      "De geregistreerde persoon en de woningzoekende naast elkaar; wat verschilt is gemarkeerd",
    field: "Gegeven",
    differs: "verschilt",
    oneSideMissing: "ontbreekt aan één kant",
    same: "gelijk",
    scoreHeading: "Wat de score betekent",
    scoreWords: (score: string, threshold: string, margin: string) =>
      `De score (${score}) telt op hoe sterk elk gegeven overeenkomt: gelijke gegevens tellen op, verschillende tellen af (de gewichten staan hieronder). Vanaf ${threshold} stelt de matching een paar voor. Deze score ligt ${margin} boven die drempel. Een hoge score is geen bewijs: u beslist of het dezelfde persoon is.`,
    scoreBelow: (score: string, threshold: string) =>
      `De score (${score}) ligt onder de drempel van ${threshold}: de gegevens wijken sterk af. Bij twijfel afwijzen.`,
    confirmTitle: "Blokkade bevestigen",
    confirmQuestion: (seeker: string, until: string) =>
      `U blokkeert hiermee woningzoekende ${seeker} tot en met ${until}. Zolang de blokkade loopt, kan deze persoon niet reageren op woningen, en krijgt de persoon een brief over de blokkade.`,
    confirmQuestionNoEnd: (seeker: string) =>
      `U blokkeert hiermee woningzoekende ${seeker} tot het einde van de registratie. Zolang de blokkade loopt, kan deze persoon niet reageren op woningen, en krijgt de persoon een brief over de blokkade.`,
    confirmUndoHint:
      "Vergist? U kunt uw bevestiging zelf ongedaan maken zolang de brief over de blokkade niet is verstuurd, binnen de termijn van die brief.",
    confirmYes: "Ja, blokkeren",
    confirmBack: "Nee, terug naar de vergelijking",
    undoHeading: "Bevestiging ongedaan maken",
    undoText: (until: string) =>
      `U bevestigde deze match zelf. Zolang de brief over de blokkade niet is verstuurd, kunt u dat tot en met ${until} ongedaan maken: de blokkade vervalt, de brief wordt ingetrokken en de match staat weer open. Beide stappen blijven in het auditlog.`,
    undoButton: "Bevestiging ongedaan maken",
    undone:
      "De bevestiging is ongedaan gemaakt. De blokkade is opgeheven en de brief ingetrokken; de match staat weer open.",
    refusals: {
      match_not_confirmed: "Deze match is niet (meer) bevestigd.",
      block_letter_sent:
        "De brief over de blokkade is al verstuurd. De bevestiging kan niet meer ongedaan worden gemaakt; maak zo nodig een verwijdering of correctie.",
      undo_by_other_officer:
        "Alleen de functionaris die de match bevestigde, kan de bevestiging ongedaan maken.",
      undo_term_passed:
        "De termijn om de bevestiging ongedaan te maken is voorbij (de termijn van de brief over de blokkade).",
    } as Record<string, string>,
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
      check: "Possible hits and access checks",
      draft: "Registrations awaiting confirmation",
      arrears: "Early warning",
      ending: "Registrations ending soon",
    } as Record<string, string>,
    registrationOf: (ref: string) => `registration ${ref}`,
    screeningCheck:
      "Another participant screened someone who resembles this person: is it the same person?",
    accessCheck:
      "An access request at another participant seems to be about this person: is it the same person?",
    judgeCheck: "Judge",
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
  hitDuties: {
    about: "About",
    born: (date) => `born ${date}`,
    unknownPerson: "person unknown",
    screenings: (n) => (n === 1 ? "1 screening" : `${n} screenings, one letter`),
    noAddress:
      "No address known: record the letter without an address. Once an address becomes known, the system makes the letter again.",
    letter: "View letter (PDF)",
    post: "The letter is ready to go by post.",
    toLetters: "To the letters",
  },
  screeningDesk: {
    echoHeading: "You screened",
    name: "Name",
    birthName: "Birth name",
    birthDate: "Date of birth",
    seekerNumber: "Registration number",
    purpose: "Purpose",
    dutyQuerier: (weeks, source) =>
      `Your organisation must inform the person in writing within ${weeks} of this hit (${source}). An officer of your organisation does so: the letter is on their worklist. You need not send anything yourself.`,
    dutyOfficer: (weeks, source) =>
      `Your organisation must inform the person in writing within ${weeks} of this hit (${source}). If your organisation screens this person again within that term, it stays one letter that lists every screening.`,
    toDuties: "To the letters owed",
    history: "My screenings",
    historyTitle: "My screenings",
    historyIntro:
      "The screenings you made yourself, newest first: when, what for and the outcome. Whom you screened is not shown: the system does not keep it.",
    historyEmpty: "You have not screened anyone yet.",
    historyCaption: (n) => `${n} ${n === 1 ? "screening" : "screenings"}`,
    when: "When",
    result: "Outcome",
    hit: "hit",
    noHit: "no hit",
    reference: "Reference",
  },
  matchDecision: {
    compare: "Side by side",
    compareCaption:
      "The registered person and the house seeker side by side; what differs is marked",
    field: "Field",
    differs: "differs",
    oneSideMissing: "missing on one side",
    same: "same",
    scoreHeading: "What the score means",
    scoreWords: (score, threshold, margin) =>
      `The score (${score}) adds up how strongly each field agrees: agreeing fields add, differing ones subtract (the weights are below). From ${threshold} on, matching proposes a pair. This score is ${margin} above that threshold. A high score is no proof: you decide whether it is the same person.`,
    scoreBelow: (score, threshold) =>
      `The score (${score}) is below the threshold of ${threshold}: the data differ a lot. When in doubt, reject.`,
    confirmTitle: "Confirm the block",
    confirmQuestion: (seeker, until) =>
      `You are blocking house seeker ${seeker} up to and including ${until}. While the block runs, this person cannot respond to dwellings, and the person receives a letter about the block.`,
    confirmQuestionNoEnd: (seeker) =>
      `You are blocking house seeker ${seeker} until the registration ends. While the block runs, this person cannot respond to dwellings, and the person receives a letter about the block.`,
    confirmUndoHint:
      "Made a mistake? You can undo your own confirmation while the letter about the block has not been sent, within that letter's term.",
    confirmYes: "Yes, block",
    confirmBack: "No, back to the comparison",
    undoHeading: "Undo the confirmation",
    undoText: (until) =>
      `You confirmed this match yourself. While the letter about the block has not been sent, you can undo that up to and including ${until}: the block ends, the letter is withdrawn and the match is open again. Both steps stay in the audit log.`,
    undoButton: "Undo the confirmation",
    undone:
      "The confirmation is undone. The block has ended and the letter is withdrawn; the match is open again.",
    refusals: {
      match_not_confirmed: "This match is not (or no longer) confirmed.",
      block_letter_sent:
        "The letter about the block has been sent. The confirmation can no longer be undone; erase or correct if needed.",
      undo_by_other_officer: "Only the officer who confirmed the match can undo the confirmation.",
      undo_term_passed:
        "The term to undo the confirmation has passed (the term of the block letter).",
    },
  },
};

export const deskMessages = defineCatalogue("web.desk", nl, en);
