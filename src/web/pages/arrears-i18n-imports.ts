/**
 * Texts of the vroegsignalering pages, part of the catalogue "web.arrears" (arrears-i18n.ts):
 * the import page: the monthly position and a municipality's feedback.
 */
export const importsNl = {
  imports: {
    title: "Importeren",
    intro:
      "Lees de maandelijkse stand van de huurachterstanden in, of de terugmeldingen van een gemeente. Elke regel wordt apart gecontroleerd: een foute regel wordt gemeld met het regelnummer en niet ingelezen; de goede regels worden samen ingelezen.",
    positions: "Maandelijkse stand van de achterstanden",
    positionsIntro:
      "Een CSV-bestand met de kolommen uit de handleiding vroegsignalering (docs/vroegsignalering.md).",
    asOf: "Stand per",
    mode: "Wat wilt u doen?",
    modePreview: "Alleen controleren (er wordt niets opgeslagen)",
    modeImport: "Inlezen",
    file: "CSV-bestand",
    fileHint: (mb: number) => `Ten hoogste ${mb} MB.`,
    submitPositions: "Stand verwerken",
    feedback: "Terugmeldingen van een gemeente",
    feedbackIntro:
      "Een CSV-bestand met de kolommen tenancyRef, outcome en date. ‘help_accepted’ (hulp aanvaard) start 30 dagen schuldenrust.",
    municipality: "Van welke gemeente?",
    municipalityHint: "Alleen gemeenten waarmee een afspraak is vastgelegd.",
    noAgreements: "Leg eerst een afspraak met een gemeente vast voordat u terugmeldingen inleest.",
    submitFeedback: "Terugmeldingen inlezen",
    resultTitle: "Resultaat van de import",
    previewTitle: "Resultaat van de controle",
    previewNote:
      "Dit was alleen een controle: er is niets opgeslagen. Lees het bestand opnieuw in om het op te slaan.",
    imported: (n: number) => `${n} ${n === 1 ? "regel" : "regels"} ingelezen.`,
    wouldImport: (n: number) => `${n} ${n === 1 ? "regel zou" : "regels zouden"} worden ingelezen.`,
    recorded: (n: number, d: number) =>
      `${n} ${n === 1 ? "terugmelding" : "terugmeldingen"} vastgelegd${d > 0 ? `; ${d} al eerder ontvangen` : ""}.`,
    rejected: (n: number) =>
      n === 0
        ? "Geen enkele regel afgekeurd."
        : `${n} ${n === 1 ? "regel" : "regels"} afgekeurd en niet ingelezen:`,
    errorsCaption: "Afgekeurde regels",
    countsCaption: (n: number) => `${n} ${n === 1 ? "fout" : "fouten"}, per soort`,
    kind: "Soort fout",
    number: "Aantal",
    otherError: "Een andere fout in de regel.",
    firstErrors: (shown: number, total: number) =>
      `Hieronder staan de eerste ${shown} van de ${total} fouten. Verbeter ze en lees het bestand opnieuw in om de volgende te zien.`,
    line: "Regel",
    code: "Code",
    why: "Waarom",
    again: "Nog een bestand inlezen",
    fileRefused: "Het bestand is niet ingelezen.",
    lineCodes: {
      invalid_input: "Een veld ontbreekt of klopt niet.",
      unknown_field: "Onbekend veld.",
      wrong_column_count: "Deze regel heeft een ander aantal kolommen dan de kopregel.",
      duplicate_tenancy_ref: "Dit huurcontract staat al eerder in het bestand.",
      oldest_unpaid_due_date_required: "Bij een achterstand hoort de oudste onbetaalde vervaldag.",
      due_date_after_position: "De vervaldag ligt na de datum van de stand.",
      event_after_position: "Een voorwaarde is gedateerd na de datum van de stand.",
      municipality_unknown:
        "Geen gemeentecode, en de postcode staat niet in de tabel van gemeenten.",
      position_older_than_current: "Er staat al een nieuwere stand voor dit huurcontract.",
      unknown_tenancy: "Geen huurcontract met deze referentie.",
      not_signalled: "Dit huurcontract is niet aan deze gemeente gemeld.",
      feedback_before_signal: "De datum ligt vóór de melding.",
      date_in_future: "De datum ligt in de toekomst.",
    } as Record<string, string>,
    fileCodes: {
      invalid_csv: "Het bestand is geen geldig CSV-bestand.",
      unknown_column: "Het bestand heeft kolommen die we niet kennen.",
      missing_column: "Het bestand mist verplichte kolommen.",
      too_many_lines: "Het bestand heeft te veel regels.",
      as_of_in_future: "De datum van de stand ligt in de toekomst.",
      file_too_large: "Het bestand is te groot.",
    } as Record<string, string>,
    fileMissing: "Kies een CSV-bestand.",
    asOfInvalid: "Vul de datum van de stand in als JJJJ-MM-DD.",
    municipalityMissing: "Kies de gemeente.",
    modeMissing: "Kies of u wilt controleren of inlezen.",
  },
};

export const importsEn: typeof importsNl = {
  imports: {
    title: "Import",
    intro:
      "Import the monthly arrears position, or a municipality's feedback. Every line is checked on its own: a bad line is reported with its line number and not imported; the good lines are imported together.",
    positions: "Monthly arrears position",
    positionsIntro:
      "A CSV file with the columns from the early-signalling manual (docs/vroegsignalering.md).",
    asOf: "Position of",
    mode: "What do you want to do?",
    modePreview: "Check only (nothing is saved)",
    modeImport: "Import",
    file: "CSV file",
    fileHint: (mb) => `At most ${mb} MB.`,
    submitPositions: "Process the position",
    feedback: "Feedback from a municipality",
    feedbackIntro:
      "A CSV file with the columns tenancyRef, outcome and date. ‘help_accepted’ starts 30 days of schuldenrust.",
    municipality: "From which municipality?",
    municipalityHint: "Only municipalities with a recorded agreement.",
    noAgreements: "Record an agreement with a municipality before importing feedback.",
    submitFeedback: "Import the feedback",
    resultTitle: "Result of the import",
    previewTitle: "Result of the check",
    previewNote: "This was a check only: nothing was saved. Import the file again to save it.",
    imported: (n) => `${n} ${n === 1 ? "line" : "lines"} imported.`,
    wouldImport: (n) => `${n} ${n === 1 ? "line" : "lines"} would be imported.`,
    recorded: (n, d) =>
      `${n} feedback ${n === 1 ? "item" : "items"} recorded${d > 0 ? `; ${d} received before` : ""}.`,
    rejected: (n) =>
      n === 0
        ? "No line was rejected."
        : `${n} ${n === 1 ? "line" : "lines"} rejected and not imported:`,
    errorsCaption: "Rejected lines",
    countsCaption: (n) => `${n} ${n === 1 ? "error" : "errors"}, by kind`,
    kind: "Kind of error",
    number: "Number",
    otherError: "Another error in the line.",
    firstErrors: (shown, total) =>
      `Below are the first ${shown} of the ${total} errors. Correct them and import the file again to see the next ones.`,
    line: "Line",
    code: "Code",
    why: "Why",
    again: "Import another file",
    fileRefused: "The file was not imported.",
    lineCodes: {
      invalid_input: "A field is missing or wrong.",
      unknown_field: "Unknown field.",
      wrong_column_count: "This line has a different number of columns than the header.",
      duplicate_tenancy_ref: "This tenancy is already earlier in the file.",
      oldest_unpaid_due_date_required: "Arrears need the oldest unpaid due date.",
      due_date_after_position: "The due date lies after the position date.",
      event_after_position: "A precondition is dated after the position date.",
      municipality_unknown:
        "No municipality code, and the postcode is not in the table of municipalities.",
      position_older_than_current: "A newer position is already on file for this tenancy.",
      unknown_tenancy: "No tenancy with this reference.",
      not_signalled: "This tenancy was not signalled to this municipality.",
      feedback_before_signal: "The date lies before the signal.",
      date_in_future: "The date lies in the future.",
    },
    fileCodes: {
      invalid_csv: "The file is not a valid CSV file.",
      unknown_column: "The file has columns we do not know.",
      missing_column: "The file lacks required columns.",
      too_many_lines: "The file has too many lines.",
      as_of_in_future: "The position date lies in the future.",
      file_too_large: "The file is too large.",
    },
    fileMissing: "Choose a CSV file.",
    asOfInvalid: "Enter the position date as YYYY-MM-DD.",
    municipalityMissing: "Choose the municipality.",
    modeMissing: "Choose whether to check or to import.",
  },
};
