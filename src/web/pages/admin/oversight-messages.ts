import { defineCatalogue } from "../../../platform/i18n.ts";

/**
 * Texts of the oversight pages: the audit log, its verification, the access review, the
 * abuse signals and the annual report (`m.admin.audit` …); assembled in src/web/i18n.ts.
 */
const nl = {
  admin: {
    audit: {
      title: "Auditlog",
      intro:
        "Elke handeling in Woonsignaal, in volgorde. Ook uw zoekopdracht en elke export worden vastgelegd.",
      filter: "Zoeken in het auditlog",
      from: "Vanaf",
      to: "Tot en met",
      dateHint: "JJJJ-MM-DD, of datum en tijd met tijdzone",
      organisation: "Organisatie",
      anyOrganisation: "Alle organisaties",
      actor: "Actor (id)",
      actorHint: "Id van een gebruiker of sleutel",
      action: "Handeling",
      actionHint: "Bijvoorbeeld registration.viewed of registration.*",
      outcome: "Uitkomst",
      anyOutcome: "Alle uitkomsten",
      search: "Zoeken",
      csv: "Exporteren als CSV (alle resultaten)",
      caption: (n: number) => `${n} gebeurtenissen`,
      empty: "Geen gebeurtenissen gevonden.",
      seq: "Nr.",
      time: "Tijd (UTC)",
      object: "Object",
      rangeError: "De einddatum ligt vóór de begindatum.",
    },
    verify: {
      title: "Controle van het auditlog",
      intro:
        "Controleert de hele hashketen, de ondertekende controleposten en de kopie buiten de database — zoals `woonsignaal audit verify`.",
      run: "Controle uitvoeren",
      intact: "Het auditlog is intact.",
      intactDetail: (events: number, last: number, checkpoints: number) =>
        `${events} gebeurtenissen gecontroleerd tot en met nummer ${last}; ${checkpoints} controleposten.`,
      broken: "Het auditlog is NIET intact.",
      firstBroken: (seq: number | null) =>
        seq === null
          ? "Geen enkele gebeurtenis aan te wijzen."
          : `Eerste gebroken gebeurtenis: nummer ${seq}.`,
      warnings: "Waarschuwingen",
    },
    access: {
      title: "Toegangsreview",
      intro: (days: number) =>
        `Alle accounts en API-sleutels per organisatie. Gemarkeerd: actief maar ${days} dagen of langer niet gebruikt.`,
      unused: "ongebruikt",
      noAccounts: "Geen accounts of sleutels.",
      kind: "Soort",
      key: "API-sleutel",
      account: "Account",
      lastUse: "Laatst gebruikt",
    },
    signals: {
      title: "Misbruiksignalen",
      intro:
        "Opvallende toetsingen: veel toetsingen in korte tijd, toetsingen buiten kantooruren, zoeken op gelijkende namen en toetsingen zonder toewijzing.",
      show: "Tonen",
      screenings: (n: number) => `${n} toetsingen in deze periode.`,
      empty: "Geen signalen in deze periode.",
      kind: "Signaal",
      rule: "Regel",
      count: "Aantal",
      first: "Eerste",
      last: "Laatste",
      kinds: {
        screening_burst: "veel toetsingen in een uur",
        outside_office_hours: "buiten kantooruren",
        fishing_similar_names: "zoeken op gelijkende namen",
        screening_without_allocation: "toetsing zonder toewijzing",
        sequential_number_sweep: "opeenvolgende inschrijfnummers opgevraagd",
      } as Record<string, string>,
    },
    grounds: {
      title: "Waarop een registratie rust",
      intro:
        "Het besluit, het bewijs per criterium en de functionarissen die het invoerden en besloten. Zonder de persoon of een adres; ook deze inzage wordt vastgelegd in het auditlog.",
      open: "Bekijken",
      decision: "Besluit",
      primarySource: "Primaire bron",
      status: "Status",
      protocolVersion: "Vastgelegd volgens",
      tenancyRelation: "Relatie tot de huur",
      notRecorded: "niet vastgelegd",
      evidence: "Bewijs per criterium",
      evidenceEmpty:
        "Geen bewijs vastgelegd. Dat kan alleen bij een registratie van vóór de verplichting om bewijs vast te leggen.",
      criterion: "Criterium",
      kind: "Soort stuk",
      date: "Datum",
      reference: "Zaaknummer of ECLI",
      people: "Functionarissen",
      enteredBy: "Ingevoerd door",
      decidedBy: "Besloten door",
      decidedOn: "Besloten op",
      secondLookBy: "Tweede functionaris",
      notYet: "nog niemand",
      unnamed: "een sleutel zonder naam",
      pendingChange: (endDate: string) =>
        `Een verlenging tot ${endDate} wacht op de bevestiging van een tweede functionaris; tot dan geldt het besluit hierboven.`,
      awaiting: {
        confirmation: "Concept: wacht op de bevestiging van de functionaris die het inlas.",
        second_officer: "Concept: wacht op de bevestiging van een tweede functionaris.",
      } as Record<string, string>,
    },
    annual: {
      title: "Jaarverslag",
      intro: "Alleen aantallen, geen persoonsgegevens (001 §6.1; 003 §22).",
      year: "Jaar",
      yearError: "Vul een jaar in, bijvoorbeeld 2026.",
      show: "Tonen",
      pdf: "Downloaden als PDF",
      /** The PDF's file name, before its year. */
      fileName: "jaarverslag",
    },
  },
};

const en: typeof nl = {
  admin: {
    audit: {
      title: "Audit log",
      intro:
        "Every action in Woonsignaal, in order. Your search and every export are recorded too.",
      filter: "Search the audit log",
      from: "From",
      to: "Up to and including",
      dateHint: "YYYY-MM-DD, or a date and time with offset",
      organisation: "Organisation",
      anyOrganisation: "All organisations",
      actor: "Actor (id)",
      actorHint: "Id of a user or key",
      action: "Action",
      actionHint: "For example registration.viewed or registration.*",
      outcome: "Outcome",
      anyOutcome: "All outcomes",
      search: "Search",
      csv: "Export as CSV (all results)",
      caption: (n) => `${n} events`,
      empty: "No events found.",
      seq: "No.",
      time: "Time (UTC)",
      object: "Object",
      rangeError: "The end date lies before the start date.",
    },
    verify: {
      title: "Verify the audit log",
      intro:
        "Checks the whole hash chain, the signed checkpoints and the copy outside the database — as `woonsignaal audit verify` does.",
      run: "Run the check",
      intact: "The audit log is intact.",
      intactDetail: (events, last, checkpoints) =>
        `${events} events checked up to number ${last}; ${checkpoints} checkpoints.`,
      broken: "The audit log is NOT intact.",
      firstBroken: (seq) =>
        seq === null ? "No single event to blame." : `First broken event: number ${seq}.`,
      warnings: "Warnings",
    },
    access: {
      title: "Access review",
      intro: (days) =>
        `Every account and API key per organisation. Marked: active but unused for ${days} days or more.`,
      unused: "unused",
      noAccounts: "No accounts or keys.",
      kind: "Kind",
      key: "API key",
      account: "Account",
      lastUse: "Last used",
    },
    signals: {
      title: "Misuse signals",
      intro:
        "Notable screenings: many in a short time, outside office hours, on similar names, and without an allocation.",
      show: "Show",
      screenings: (n) => `${n} screenings in this period.`,
      empty: "No signals in this period.",
      kind: "Signal",
      rule: "Rule",
      count: "Count",
      first: "First",
      last: "Last",
      kinds: {
        screening_burst: "many screenings within an hour",
        outside_office_hours: "outside office hours",
        fishing_similar_names: "searching on similar names",
        screening_without_allocation: "screening without allocation",
        sequential_number_sweep: "consecutive seeker numbers looked up",
      },
    },
    grounds: {
      title: "What a registration rests on",
      intro:
        "The decision, the evidence per criterion and the officers who entered and decided it. Without the person or any address; this look is recorded in the audit log too.",
      open: "View",
      decision: "Decision",
      primarySource: "Primary source",
      status: "Status",
      protocolVersion: "Recorded under",
      tenancyRelation: "Relation to the tenancy",
      notRecorded: "not recorded",
      evidence: "Evidence per criterion",
      evidenceEmpty:
        "No evidence recorded. That can only be so for a registration from before evidence was required.",
      criterion: "Criterion",
      kind: "Kind of document",
      date: "Date",
      reference: "Case number or ECLI",
      people: "Officers",
      enteredBy: "Entered by",
      decidedBy: "Decided by",
      decidedOn: "Decided on",
      secondLookBy: "Second officer",
      notYet: "nobody yet",
      unnamed: "a key naming no one",
      pendingChange: (endDate) =>
        `A lengthening to ${endDate} waits for a second officer's confirmation; until then the decision above applies.`,
      awaiting: {
        confirmation: "Draft: waits for the confirmation of the officer who imported it.",
        second_officer: "Draft: waits for a second officer's confirmation.",
      },
    },
    annual: {
      title: "Annual report",
      intro: "Counts only, no personal data (001 §6.1; 003 §22).",
      year: "Year",
      yearError: "Enter a year, for example 2026.",
      show: "Show",
      pdf: "Download as PDF",
      fileName: "annual-report",
    },
  },
};

export const adminOversightMessages = defineCatalogue("web.admin.oversight", nl, en);
