import { defineCatalogue, type Language } from "../platform/i18n.ts";

/**
 * The web application's common texts: the layout and navigation, words every page uses, the
 * names of roles, statuses and letter duties, field errors, the protocol's rule texts and the
 * error pages. Dutch first, English second (issue #10); texts that come from the protocol
 * profile stay Dutch in both languages. Each group of pages has its own catalogue beside it;
 * src/web/i18n.ts assembles them into `messages(lang)`.
 */
const nl = {
  /** The catalogue's language (for the date formatter, src/web/format.ts). */
  lang: "nl" as Language,
  /** Read before a field's error by screen readers (visually hidden). */
  errorPrefix: "Fout:",
  appName: "Woonsignaal",
  skipLink: "Naar de inhoud",
  footer: "Woonsignaal — signaleringslijst en vroegsignalering voor verhuurders in de regio.",
  switchTo: "English",
  switchLang: "en" as Language,
  switchLabel: "Switch to English",
  mainNav: "Hoofdmenu",
  nav: {
    worklist: "Werklijst",
    register: "Persoon registreren",
    registrations: "Registraties",
    screening: "Toetsen",
    matches: "Matches",
    account: "Mijn account",
    signOut: "Afmelden",
    signIn: "Aanmelden",
  },
  signedInAs: (name: string, org: string) => `Aangemeld als ${name}, ${org}`,
  errorSummary: "Er is iets niet goed ingevuld",
  required: "verplicht",
  optional: "niet verplicht",
  back: "Vorige stap",
  next: "Volgende stap",
  save: "Opslaan",
  cancel: "Annuleren",
  yes: "ja",
  no: "nee",
  none: "—",
  /** Between euros and cents in an amount typed into a form. */
  decimalSeparator: ",",
  pagination: "Paginering",
  previousPage: "Vorige pagina",
  nextPage: "Volgende pagina",
  pageOf: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
  roles: {
    officer: "geautoriseerd functionaris",
    querier: "bevrager",
    consortium_admin: "beheerder samenwerkingsverband",
    auditor: "auditor",
    support: "ondersteuning leverancier",
    committee: "geschillencommissie",
    allocation_system: "woonruimteverdeelsysteem",
  } as Record<string, string>,
  // worklist
  worklist: {
    title: "Werklijst",
    intro: "Wat u moet doen, het dringendste eerst: wat over de termijn is staat bovenaan.",
    counts: "Aantallen",
    duties: "Brieven te versturen",
    dutiesEmpty: "Er zijn geen brieven te versturen.",
    matches: "Matches te beoordelen",
    matchesEmpty: "Er zijn geen matches te beoordelen.",
    ending: "Registraties die binnenkort eindigen",
    endingIntro: (days: number) => `Registraties die binnen ${days} dagen eindigen.`,
    endingEmpty: "Er eindigen binnenkort geen registraties.",
    overdue: "te laat",
    due: "Uiterlijk",
    kind: "Soort",
    registration: "Registratie",
    status: "Status",
    open: "Bekijken",
    score: "Score",
    proposed: "Voorgesteld op",
    endDate: "Einddatum",
    categories: "Categorieën",
    more: (n: number) => `En nog ${n} meer.`,
    drafts: "Registraties die op bevestiging wachten",
    draftsIntro:
      "Een concept werkt pas als een functionaris het bevestigt: geen treffer, geen match, geen brief en geen termijn. Ingelezen registraties bevestigt de functionaris die ze inlas; bij vier ogen bevestigt een tweede functionaris.",
    draftsEmpty: "Er wachten geen registraties op bevestiging.",
    awaiting: {
      confirmation: "uw bevestiging",
      second_officer: "een tweede functionaris",
    } as Record<string, string>,
    waitsFor: "Wacht op",
    lengthening: (end: string) => `verlenging tot ${end}`,
    declaration:
      "Ik verklaar dat de criteria zijn vastgesteld en bewezen, en dat er geen twijfel is.",
    confirm: "Bevestigen",
    confirmImport: (count: number) => `Alle ${count} ingelezen concepten bevestigen`,
    confirmed:
      "De registraties zijn bevestigd. Betrokkenen krijgen een brief; die staat op uw werklijst.",
    declarationMissing: "Vink de verklaring aan om te bevestigen.",
    notConfirmed:
      "Niet alle registraties zijn bevestigd: voor een deel staan de regels het nu niet meer toe (bijvoorbeeld omdat de einddatum al voorbij is). Die staan hieronder nog als concept; bekijk ze en verwijder of wijzig ze.",
  },
  dutyKinds: {
    placement: "Brief over plaatsing",
    continuation: "Brief over verlenging",
    removal: "Brief over verwijdering",
    hit: "Brief na een treffer bij toetsing",
    acknowledgement: "Ontvangstbevestiging",
    decision: "Brief met beslissing",
    access_answer: "Antwoord op inzageverzoek",
    recipient_notice: "Melding: ontvangen gegevens gecorrigeerd, beperkt of verwijderd",
    block: "Brief over blokkade van de inschrijving",
    correction: "Brief over wijziging van de registratie",
    part_ended: "Brief over het einde van een deel van de registratie",
  } as Record<string, string>,
  dutyStatuses: {
    open: "open",
    documented: "vastgelegd",
    fulfilled: "verstuurd",
    skipped: "niet nodig",
    cancelled: "vervallen",
  } as Record<string, string>,
  letterStatuses: {
    draft: "klaar om te versturen",
    sent: "verstuurd",
    documented: "vastgelegd",
    skipped: "niet verstuurd",
  } as Record<string, string>,
  fieldErrors: {
    required: "Vul dit in.",
    invalid: "Dit is niet goed ingevuld.",
    initials: "Vul voorletters in, bijvoorbeeld J.P.",
    name: "Gebruik alleen letters, spaties, punten, koppeltekens en apostroffen.",
    /** Why a name is refused, per rule of matching/written-names.ts (issue #24). */
    nameRules: {
      control_character:
        "Een naam mag geen onzichtbare tekens bevatten, zoals een tab of een nieuwe regel.",
      digits: "Een naam bevat geen cijfers.",
      too_long: "Een naam is hoogstens 100 tekens lang.",
      not_a_name:
        "Gebruik alleen letters, spaties, punten, komma's, schuine strepen, koppeltekens en apostroffen.",
      no_letters: "Een naam bevat minstens één letter.",
    } as Record<string, string>,
    date: "Vul een bestaande datum in als JJJJ-MM-DD.",
    email: "Vul een geldig e-mailadres in.",
    houseNumber: "Vul een huisnummer in (alleen cijfers).",
    postcode: "Vul een postcode in.",
    amount: "Vul een bedrag in euro in, bijvoorbeeld 1250,00.",
    whole: "Vul een heel getal in.",
    addressIncomplete: "Vul het adres helemaal in, of laat het helemaal leeg.",
  },
  ruleTexts: {
    control_character:
      "Een veld bevat een onzichtbaar stuurteken (bijvoorbeeld een NUL-teken). Haal het weg en probeer het opnieuw.",
    category_required: "Kies minstens één categorie.",
    unknown_category: "Deze categorie bestaat niet in het protocol van de regio.",
    duplicate_category: "Een categorie is twee keer gekozen.",
    criterion_required:
      "Vink het formele criterium aan dat is vastgesteld. Bij twijfel niet invoeren.",
    unknown_criterion: "Dit criterium bestaat niet in het protocol van de regio.",
    duplicate_criterion: "Een criterium is twee keer gekozen.",
    criterion_does_not_fit: "Een aangevinkt criterium hoort bij geen van de gekozen categorieën.",
    criterion_missing_for_category:
      "Voor een gekozen categorie is geen formeel criterium aangevinkt.",
    evidence_missing:
      "Vul voor elk criterium het bewijs in waarop het rust, met de datum; bij sommige criteria zijn meer stukken verplicht.",
    evidence_kind_not_allowed: "Dit soort bewijs hoort niet bij dit criterium.",
    evidence_date_in_future: "De datum van een bewijsstuk mag niet na vandaag liggen.",
    evidence_criterion_not_given:
      "Er is bewijs ingevuld voor een criterium dat niet is aangevinkt.",
    tenancy_relation_not_allowed:
      "Een woningzoekende kan alleen worden geregistreerd bij fraude bij de inschrijving (criterium e.i); anders gaat het om een huurder of medehuurder.",
    dwelling_address_missing:
      "Vul het adres van de gehuurde woning in: deze criteria gaan over een huurwoning.",
    second_officer_required:
      "U vroeg dit zelf aan of besliste er zelf over; een andere functionaris van uw organisatie moet het bevestigen.",
    importing_officer_confirms:
      "Alleen de functionaris die deze registraties inlas, kan ze bevestigen.",
    nothing_to_confirm:
      "Er wacht niets meer op bevestiging; misschien heeft een collega het al bevestigd.",
    change_awaiting_second_look:
      "Een eerdere verlenging van deze registratie wacht nog op een tweede functionaris. Laat die eerst bevestigen.",
    placement_date_invalid: "De datum van plaatsing is geen bestaande datum (JJJJ-MM-DD).",
    placement_in_future: "De datum van plaatsing mag niet na vandaag liggen.",
    claim_required: "Voor deze categorie is het bedrag van de vordering of schade nodig.",
    claim_not_applicable: "Voor deze categorie wordt geen bedrag vastgelegd.",
    claim_invalid: "Het bedrag is niet geldig.",
    claim_below_minimum: "Het bedrag is lager dan het minimum voor deze categorie.",
    damage_bracket: "Het bedrag valt in geen enkele schijf van deze categorie.",
    term_invalid: "De termijn moet een heel aantal maanden zijn.",
    term_exceeds_maximum: "De termijn is langer dan deze categorie toestaat.",
    term_fixed: "Deze categorie heeft een vaste termijn.",
    end_date_passed: "De einddatum ligt al in het verleden: deze registratie kan niet meer.",
    registration_not_in_effect:
      "De registratie is niet van kracht (beperkt, nog niet begonnen of geëindigd).",
    match_already_decided: "Over deze match is al besloten.",
    primary_source_not_participant: "Uw organisatie is geen deelnemer met toegang.",
    role_not_allowed_for_organisation:
      "Een organisatie van deze soort kan deze rol niet hebben (003 §14.1).",
    officer_cap_reached:
      "Deze organisatie heeft al het grootste aantal geautoriseerde functionarissen dat het protocol toestaat.",
    participant_kind_not_allowed:
      "Onder het protocol van de regio kan een organisatie van deze soort geen deelnemer zijn.",
    committee_address_required:
      "Vul het postadres van de geschillencommissie in: elke beslissing vermeldt waar men haar kan schrijven.",
    smtp_password_without_username:
      "Een wachtwoord hoort bij een gebruikersnaam: vul een gebruikersnaam in, of wis het wachtwoord.",
  } as Record<string, string>,
  ruleNamed: (rule: string, source: string) => `regel ${rule}, ${source}`,
  scopes: {
    organisation: "uitsluiting corporatie (alleen de primaire bron)",
    region: "uitsluiting regio (alle deelnemers)",
    national: "landelijk",
  } as Record<string, string>,
  statuses: {
    pending_notice: "wacht op kennisgeving",
    active: "actief",
    restricted: "beperkt",
    expired: "verlopen",
  } as Record<string, string>,
  restrictionReasons: {
    accuracy_contested: "juistheid betwist",
    objection_pending: "bezwaar in behandeling",
    rights_request: "verzoek van betrokkene",
  } as Record<string, string>,
  errors: {
    forbiddenTitle: "Geen toegang",
    forbidden: "Uw rol geeft geen toegang tot deze pagina.",
    notFoundTitle: "Niet gevonden",
    notFound: "Deze pagina of dit gegeven bestaat niet, of u mag het niet zien.",
    csrf: "Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.",
    conflictTitle: "Dat kan niet",
    serverTitle: "Er ging iets mis",
    server: (id: string) =>
      `Er ging iets mis aan onze kant. Probeer het later opnieuw. Noem bij vragen dit kenmerk: ${id}`,
    toStart: "Naar de startpagina",
    rateLimited: "Te veel verzoeken. Wacht even en probeer het opnieuw.",
  },
};

const en: typeof nl = {
  lang: "en",
  errorPrefix: "Error:",
  appName: "Woonsignaal",
  skipLink: "Skip to content",
  footer:
    "Woonsignaal — the signaleringslijst and early arrears signals for landlords in the region.",
  switchTo: "Nederlands",
  switchLang: "nl",
  switchLabel: "Naar Nederlands",
  mainNav: "Main menu",
  nav: {
    worklist: "Worklist",
    register: "Register a person",
    registrations: "Registrations",
    screening: "Screen",
    matches: "Matches",
    account: "My account",
    signOut: "Sign out",
    signIn: "Sign in",
  },
  signedInAs: (name, org) => `Signed in as ${name}, ${org}`,
  errorSummary: "Something is not filled in correctly",
  required: "required",
  optional: "optional",
  back: "Previous step",
  next: "Next step",
  save: "Save",
  cancel: "Cancel",
  yes: "yes",
  no: "no",
  none: "—",
  decimalSeparator: ".",
  pagination: "Pagination",
  previousPage: "Previous page",
  nextPage: "Next page",
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  roles: {
    officer: "authorised officer",
    querier: "querier",
    consortium_admin: "consortium administrator",
    auditor: "auditor",
    support: "supplier support",
    committee: "disputes committee",
    allocation_system: "allocation system",
  },
  worklist: {
    title: "Worklist",
    intro: "What you need to do, most urgent first: overdue items are at the top.",
    counts: "Counts",
    duties: "Letters to send",
    dutiesEmpty: "There are no letters to send.",
    matches: "Matches to judge",
    matchesEmpty: "There are no matches to judge.",
    ending: "Registrations ending soon",
    endingIntro: (days) => `Registrations that end within ${days} days.`,
    endingEmpty: "No registrations end soon.",
    overdue: "overdue",
    due: "Due",
    kind: "Kind",
    registration: "Registration",
    status: "Status",
    open: "View",
    score: "Score",
    proposed: "Proposed on",
    endDate: "End date",
    categories: "Categories",
    more: (n) => `And ${n} more.`,
    drafts: "Registrations awaiting confirmation",
    draftsIntro:
      "A draft has no effect until an officer confirms it: no hit, no match, no letter and no term. The officer who imported registrations confirms them; under four eyes a second officer confirms.",
    draftsEmpty: "No registrations await confirmation.",
    awaiting: { confirmation: "your confirmation", second_officer: "a second officer" },
    waitsFor: "Waits for",
    lengthening: (end) => `lengthening to ${end}`,
    declaration:
      "I declare that the criteria are established and proven, and that there is no doubt.",
    confirm: "Confirm",
    confirmImport: (count) => `Confirm all ${count} imported drafts`,
    confirmed:
      "The registrations were confirmed. The persons get a letter; it is on your worklist.",
    declarationMissing: "Tick the declaration to confirm.",
    notConfirmed:
      "Not all registrations were confirmed: for some the rules no longer allow it (for example because the end date has passed). They are still listed below as drafts; look at them and erase or change them.",
  },
  dutyKinds: {
    placement: "Placement letter",
    continuation: "Continuation letter",
    removal: "Removal letter",
    hit: "Letter after a screening hit",
    acknowledgement: "Acknowledgement",
    decision: "Decision letter",
    access_answer: "Answer to an access request",
    recipient_notice: "Notice: data received were corrected, restricted or erased",
    block: "Letter about a blocked house-seeker registration",
    correction: "Letter about a change to the registration",
    part_ended: "Letter about the end of a part of the registration",
  },
  dutyStatuses: {
    open: "open",
    documented: "documented",
    fulfilled: "sent",
    skipped: "not needed",
    cancelled: "cancelled",
  },
  letterStatuses: {
    draft: "ready to send",
    sent: "sent",
    documented: "documented",
    skipped: "not sent",
  },
  fieldErrors: {
    required: "Fill this in.",
    invalid: "This is not filled in correctly.",
    initials: "Enter initials, for example J.P.",
    name: "Use letters, spaces, dots, hyphens and apostrophes only.",
    nameRules: {
      control_character:
        "A name may not contain invisible characters such as a tab or a line break.",
      digits: "A name has no digits.",
      too_long: "A name is at most 100 characters long.",
      not_a_name: "Use letters, spaces, dots, commas, slashes, hyphens and apostrophes only.",
      no_letters: "A name has at least one letter.",
    },
    date: "Enter an existing date as YYYY-MM-DD.",
    email: "Enter a valid e-mail address.",
    houseNumber: "Enter a house number (digits only).",
    postcode: "Enter a postcode.",
    amount: "Enter an amount in euro, for example 1250.00.",
    whole: "Enter a whole number.",
    addressIncomplete: "Fill in the whole address, or leave it all empty.",
  },
  ruleTexts: {
    control_character:
      "A field contains an invisible control character (such as a NUL byte). Remove it and try again.",
    category_required: "Choose at least one category.",
    unknown_category: "This category does not exist in the region's protocol.",
    duplicate_category: "A category was chosen twice.",
    criterion_required:
      "Tick the formal criterion that was established. When in doubt, do not register.",
    unknown_criterion: "This criterion does not exist in the region's protocol.",
    duplicate_criterion: "A criterion was chosen twice.",
    criterion_does_not_fit: "A ticked criterion belongs to none of the chosen categories.",
    criterion_missing_for_category: "A chosen category has no formal criterion ticked.",
    evidence_missing:
      "Fill in the evidence each criterion rests on, with its date; some criteria need more than one document.",
    evidence_kind_not_allowed: "This kind of evidence does not belong to this criterion.",
    evidence_date_in_future: "The date of a document may not lie after today.",
    evidence_criterion_not_given: "Evidence was given for a criterion that is not ticked.",
    tenancy_relation_not_allowed:
      "A house seeker can only be registered for fraud at registration (criterion e.i); otherwise it is a tenant or co-tenant.",
    dwelling_address_missing:
      "Fill in the address of the rented dwelling: these criteria are about a rented dwelling.",
    second_officer_required:
      "You asked for this or decided it yourself; another officer of your organisation must confirm it.",
    importing_officer_confirms:
      "Only the officer who imported these registrations can confirm them.",
    nothing_to_confirm:
      "Nothing waits for confirmation any more; perhaps a colleague confirmed it already.",
    change_awaiting_second_look:
      "An earlier lengthening of this registration still waits for a second officer. Have that confirmed first.",
    placement_date_invalid: "The placement date is not an existing date (YYYY-MM-DD).",
    placement_in_future: "The placement date may not lie after today.",
    claim_required: "This category needs the amount of the claim or damage.",
    claim_not_applicable: "This category takes no amount.",
    claim_invalid: "The amount is not valid.",
    claim_below_minimum: "The amount is below this category's minimum.",
    damage_bracket: "The amount falls in none of this category's brackets.",
    term_invalid: "The term must be a whole number of months.",
    term_exceeds_maximum: "The term is longer than this category allows.",
    term_fixed: "This category has a fixed term.",
    end_date_passed: "The end date has already passed: this registration is no longer possible.",
    registration_not_in_effect:
      "The registration is not in effect (restricted, not yet started or ended).",
    match_already_decided: "This match was already decided.",
    primary_source_not_participant: "Your organisation is not a participant with access.",
    role_not_allowed_for_organisation:
      "An organisation of this kind cannot hold this role (003 §14.1).",
    officer_cap_reached:
      "This organisation already has the most authorised officers the protocol allows.",
    participant_kind_not_allowed:
      "Under the region's protocol an organisation of this kind cannot be a participant.",
    committee_address_required:
      "Enter the disputes committee's postal address: every decision says where to write to it.",
    smtp_password_without_username:
      "A password belongs with a user name: enter a user name, or clear the password.",
  },
  ruleNamed: (rule, source) => `rule ${rule}, ${source}`,
  scopes: {
    organisation: "exclusion by the corporation (primary source only)",
    region: "regional exclusion (all participants)",
    national: "national",
  },
  statuses: {
    pending_notice: "awaiting notice",
    active: "active",
    restricted: "restricted",
    expired: "expired",
  },
  restrictionReasons: {
    accuracy_contested: "accuracy contested",
    objection_pending: "objection pending",
    rights_request: "request of the person",
  },
  errors: {
    forbiddenTitle: "No access",
    forbidden: "Your role gives no access to this page.",
    notFoundTitle: "Not found",
    notFound: "This page or item does not exist, or you may not see it.",
    csrf: "The form has expired. Reload the page and try again.",
    conflictTitle: "That is not possible",
    serverTitle: "Something went wrong",
    server: (id) =>
      `Something went wrong on our side. Try again later. Quote this reference: ${id}`,
    toStart: "To the start page",
    rateLimited: "Too many requests. Wait a moment and try again.",
  },
};

export const webMessages = defineCatalogue("web", nl, en);
