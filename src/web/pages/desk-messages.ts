import { defineCatalogue } from "../../platform/i18n.ts";

/**
 * Texts of the officer's desk for issue 21 parts 8–10: hit-letter duties (hit-duty-cells.ts),
 * the screening's echo and history (screening-history.ts), the deliberate match confirmation
 * (match-decision.ts). Assembled in src/web/i18n.ts.
 */
const nl = {
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
