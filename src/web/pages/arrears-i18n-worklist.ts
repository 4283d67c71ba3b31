/**
 * Texts of the vroegsignalering pages, part of the catalogue "web.arrears" (arrears-i18n.ts):
 * the worklist (werklijst) and the list of tenancies.
 */
export const worklistNl = {
  worklist: {
    title: "Werklijst vroegsignalering",
    intro:
      "Wat nu moet gebeuren: ontbrekende voorwaarden voor een melding, incassopauzes en vroeg beëindigde schuldenrust, niet nagekomen regelingen en terugmeldingen van gemeenten. Wat te laat is staat bovenaan.",
    counts: "Aantallen per soort",
    all: "Alle soorten",
    empty: "Er is nu niets te doen voor vroegsignalering.",
    emptyKind: "Er is nu niets van deze soort.",
    caption: (n: number) => `${n} ${n === 1 ? "taak" : "taken"}`,
    task: "Taak",
    details: "Wat",
    overdueHint:
      "Te laat: de achterstand is al een maandelijkse melding voorbij de drempel van de gemeente.",
  },
  tasks: {
    hold_ended_early: "Schuldenrust vroeg beëindigd",
    arrangement_broken: "Betalingsregeling niet nagekomen",
    preconditions_missing: "Voorwaarden voor melding ontbreken",
    tenant_refused: "Huurder weigert doorgeven gegevens",
    agreement_needed: "Geen getekende afspraak met gemeente",
    signal_due: "Klaar voor de maandelijkse melding",
    feedback_received: "Terugmelding van de gemeente",
    collection_hold: "Schuldenrust loopt",
    collection_paused: "Incasso gepauzeerd (pauzeknop)",
  } as Record<string, string>,
  taskDetails: {
    missing: (names: string) => `Ontbreekt: ${names}.`,
    daysLate: (n: number) => `${n} dagen te laat.`,
    until: (d: string) => `Tot en met ${d}.`,
    endedOn: (d: string) =>
      `Beëindigd op ${d}: nieuwe huur niet betaald. Gewone incasso gaat door.`,
    outcome: (o: string, d: string) => `${o} (${d}). Gewone incasso gaat door.`,
    missed: (n: number) => `${n} ${n === 1 ? "termijn" : "termijnen"} niet betaald.`,
    agreement: (s: string) => `Afspraak: ${s}.`,
    noAgreement: "Er is nog geen afspraak vastgelegd.",
    repeated: "Herhaalde melding: de achterstand is gegroeid.",
    refused: "Geen melding; bespreek andere hulp.",
    /** A task the pages have no words for: its code on English pages, nothing on Dutch ones. */
    unknown: (_task: string) => "",
  },
  tenancies: {
    title: "Huurders in vroegsignalering",
    intro:
      "Huurcontracten uit de maandelijkse stand van de achterstanden. De lijst toont alleen referenties en bedragen; namen staan in het dossier.",
    search: "Zoek op huurcontract",
    searchHint: "Een deel van de referentie is genoeg.",
    filter: "Toon",
    filters: {
      all: "alle huurcontracten",
      in_arrears: "met achterstand",
      hold: "met incassopauze",
      arrangement: "met betalingsregeling",
    } as Record<string, string>,
    apply: "Zoeken",
    caption: (n: number) => `${n} ${n === 1 ? "huurcontract" : "huurcontracten"}`,
    empty: "Er staan nog geen huurcontracten op de lijst. Importeer eerst een maandelijkse stand.",
    emptyFiltered: "Geen huurcontracten gevonden met deze zoekopdracht.",
    hold: "Pauze",
    arrangement: "Regeling",
  },
};

export const worklistEn: typeof worklistNl = {
  worklist: {
    title: "Early signalling worklist",
    intro:
      "What to do now: missing preconditions for a signal, collection holds and schuldenrust ended early, broken arrangements and feedback from municipalities. Overdue items come first.",
    counts: "Counts per kind",
    all: "All kinds",
    empty: "There is nothing to do for early signalling now.",
    emptyKind: "There is nothing of this kind now.",
    caption: (n) => `${n} ${n === 1 ? "task" : "tasks"}`,
    task: "Task",
    details: "What",
    overdueHint:
      "Overdue: the arrears are already a monthly signal past the municipality's threshold.",
  },
  tasks: {
    hold_ended_early: "Schuldenrust ended early",
    arrangement_broken: "Payment arrangement broken",
    preconditions_missing: "Preconditions for a signal missing",
    tenant_refused: "Tenant refuses passing on the details",
    agreement_needed: "No signed agreement with the municipality",
    signal_due: "Ready for the monthly signal",
    feedback_received: "Feedback from the municipality",
    collection_hold: "Schuldenrust running",
    collection_paused: "Collection paused (pause button)",
  },
  taskDetails: {
    missing: (names) => `Missing: ${names}.`,
    daysLate: (n) => `${n} days late.`,
    until: (d) => `Up to and including ${d}.`,
    endedOn: (d) => `Ended on ${d}: new rent unpaid. Regular collection continues.`,
    outcome: (o, d) => `${o} (${d}). Regular collection continues.`,
    missed: (n) => `${n} ${n === 1 ? "instalment" : "instalments"} unpaid.`,
    agreement: (s) => `Agreement: ${s}.`,
    noAgreement: "No agreement has been recorded yet.",
    repeated: "Repeated signal: the arrears have grown.",
    refused: "No signal; discuss other help.",
    unknown: (task) => task,
  },
  tenancies: {
    title: "Tenants in early signalling",
    intro:
      "Tenancies from the monthly arrears position. The list shows references and amounts only; names are in the file.",
    search: "Search by tenancy",
    searchHint: "Part of the reference is enough.",
    filter: "Show",
    filters: {
      all: "all tenancies",
      in_arrears: "in arrears",
      hold: "with collection on hold",
      arrangement: "with a payment arrangement",
    },
    apply: "Search",
    caption: (n) => `${n} ${n === 1 ? "tenancy" : "tenancies"}`,
    empty: "There are no tenancies on the list yet. Import a monthly position first.",
    emptyFiltered: "No tenancies found for this search.",
    hold: "Hold",
    arrangement: "Arrangement",
  },
};
