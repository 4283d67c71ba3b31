/**
 * What a letter says about a case (a request, objection or complaint and its decision) and
 * about a screening's hit.
 */
import { defineCatalogue } from "../../../platform/i18n.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import type { CaseFacts, HitFacts } from "../letter-input.ts";

export const caseTexts = defineCatalogue(
  "letters.cases",
  {
    hit: {
      heading: "Uitkomst van de toetsing",
      checked: (date: string, sender: string, purpose: string, reg: string) =>
        `Op ${date} heeft ${sender} voor ${purpose} nagegaan of u in ${reg} staat. Dat bleek zo te zijn (een "hit").`,
      /** Several screenings in one letter term: one letter lists them all (D-990). */
      checkedMany: (count: number, sender: string, reg: string) =>
        `${sender} heeft ${count} keer nagegaan of u in ${reg} staat. Elke keer bleek dat zo te zijn (een "hit"). U krijgt daarover deze ene brief. De toetsingen:`,
      occasion: (date: string, purpose: string, times: number) =>
        `${date}: voor ${purpose}${times > 1 ? ` (${times} keer)` : ""}`,
      since: "Geregistreerd sinds",
      until: "Tot",
      /** The categories of the part the hit rests on (D-953). */
      part: "Deel van uw registratie",
      partNamed:
        "Dit is het deel van uw registratie waarop de toetsing uitkwam. Heeft uw registratie nog andere delen, dan heeft elk deel zijn eigen einddatum. Meer weten of het er niet mee eens? Wend u tot de organisatie die u heeft geregistreerd; die staat hieronder.",
      termNotDisclosed:
        "Hoe lang de registratie loopt, is aan ons niet bekendgemaakt. Meer weten of het er niet mee eens? Wend u tot de organisatie die u heeft geregistreerd; die staat hieronder.",
      conditions: "De deelnemer kan aanvullende voorwaarden stellen.",
      appliesToSender: (sender: string) =>
        `De registratie geldt ook bij ${sender}: zolang zij loopt, komt u daar niet in aanmerking voor een huurwoning. ${sender} kan u wel onder aanvullende voorwaarden een woning aanbieden.`,
      notForSender: (sender: string) =>
        `De registratie geldt niet bij ${sender}. ${sender} kan wel aanvullende voorwaarden stellen, zoals begeleiding.`,
      reasonNotDisclosed:
        "De reden van de registratie is aan ons niet bekendgemaakt. Meer weten of het er niet mee eens? Wend u tot de organisatie die u heeft geregistreerd; die staat hieronder.",
      reasonAndTermNotDisclosed:
        "De reden van de registratie en hoe lang zij loopt, zijn aan ons niet bekendgemaakt. Meer weten of het er niet mee eens? Wend u tot de organisatie die u heeft geregistreerd; die staat hieronder.",
      /** Where requests about the registration go: its primary source, not the sender. */
      requestTo: (primarySource: string, sender: string, answerWithin: string) =>
        `Een verzoek over de registratie (inzage, correctie, verwijdering of bezwaar) doet u schriftelijk, ook per e-mail, bij ${primarySource}, de organisatie die u heeft geregistreerd${answerWithin}. Alleen die organisatie kan de registratie inzien, verbeteren of verwijderen. Een vraag over deze toetsing zelf stelt u aan ${sender}. Een afwijzing wordt gemotiveerd. U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).`,
      /** What the screening was for. */
      purposes: {
        allocation: "de toewijzing van een woning",
        urgency: "de toekenning van een urgentie",
        direct_mediation: "directe bemiddeling",
        subject_request: "uw eigen verzoek",
      } satisfies Record<HitFacts["purpose"], string>,
    },
    received: {
      heading: "Uw verzoek of bezwaar",
      text: (type: string, date: string, reference: string) =>
        `Wij ontvingen uw ${type} op ${date} (kenmerk ${reference}).`,
      /** The decision being contested (003 §16.3: "datum van de beslissing waartegen …"). */
      againstPlacement: (type: string, organisation: string, date: string, reg: string) =>
        `Uw ${type} richt zich tegen de beslissing van ${organisation} van ${date} om u op te nemen in ${reg}.`,
      againstDecision: (type: string, date: string) =>
        `Uw ${type} richt zich tegen de beslissing van ${date}.`,
      /** The case kinds as the letter names them. */
      types: {
        access: "verzoek om inzage",
        rectification: "verzoek om correctie",
        erasure: "verzoek om verwijdering",
        restriction: "verzoek om beperking van de verwerking",
        objection: "bezwaar",
        complaint: "klacht",
        appeal: "beroep",
        hardship: "verzoek om toepassing van de hardheidsclausule",
        new_chance: "aanvraag voor een nieuwe kans",
        support_team: "verzoek om inschakeling van het begeleidingsteam",
        consent: "toestemming",
      } satisfies Record<CaseKind, string>,
    },
    decisionDue: {
      heading: "Wanneer u antwoord krijgt",
      byDate: (date: string, term: string, cite: string) =>
        `U ontvangt uiterlijk op ${date} een schriftelijke beslissing (${term} na ontvangst; ${cite}).`,
      soon: "U ontvangt zo spoedig mogelijk een schriftelijke beslissing.",
    },
    placementLetter: {
      heading: "Mededeling van opname",
      sentOn: (date: string) =>
        `De brief waarin u werd gemeld dat u geregistreerd staat, is verzonden op ${date}.`,
      notSent: "Een brief over uw opname is (nog) niet verzonden.",
    },
    entryDate: {
      heading: "Invoerdatum van de signalering",
      notApplicable: "Niet van toepassing.",
    },
    decision: {
      heading: "Beslissing",
      /** An objection, complaint or appeal is declared (on)gegrond (G-11). */
      contested: {
        upheld: (type: string) => `Wij verklaren uw ${type} gegrond.`,
        partly_upheld: (type: string) => `Wij verklaren uw ${type} gedeeltelijk gegrond.`,
        rejected: (type: string) => `Wij verklaren uw ${type} ongegrond.`,
      } satisfies Record<NonNullable<CaseFacts["outcome"]>, (type: string) => string>,
      /** A request is granted or refused, never "ongegrond". */
      request: {
        upheld: (type: string) => `Wij willigen uw ${type} in.`,
        partly_upheld: (type: string) => `Wij willigen uw ${type} gedeeltelijk in.`,
        rejected: (type: string) => `Wij wijzen uw ${type} af.`,
      } satisfies Record<NonNullable<CaseFacts["outcome"]>, (type: string) => string>,
      removeWithin: (term: string, cite: string) =>
        `Wij verwijderen of corrigeren de registratie binnen ${term} (${cite}) en laten u dat weten.`,
      noRegistration:
        "Wij hebben uw gegevens vergeleken met alle registraties van alle deelnemers in de regio. Wij hebben geen registratie over u gevonden. U staat dus niet op de signaleringslijst, en er is niets om in te zien, te verbeteren, af te schermen of te verwijderen.",
    },
    reasons: {
      heading: "Redenen",
      none: "(geen redenen opgegeven)",
    },
    recipientsTold: {
      heading: "Wie dit ook te horen krijgt",
      text: "Hebben andere deelnemers in de afgelopen 24 maanden gegevens over u ontvangen, bij een toetsing of omdat zij uw blokkade zagen? Dan laten wij hun weten dat de gegevens zijn gecorrigeerd, afgeschermd of verwijderd (artikel 19 van de Algemene verordening gegevensbescherming). Wilt u weten wie dat zijn? Vraag het ons; wij noemen ze u.",
    },
  },
  {
    hit: {
      heading: "Outcome of the screening",
      checked: (date: string, sender: string, purpose: string, reg: string) =>
        `On ${date} ${sender} checked, for ${purpose}, whether you are in ${reg}. You are (a "hit").`,
      checkedMany: (count: number, sender: string, reg: string) =>
        `${sender} checked ${count} times whether you are in ${reg}. Each time you were (a "hit"). You receive this one letter about it. The screenings:`,
      occasion: (date: string, purpose: string, times: number) =>
        `${date}: for ${purpose}${times > 1 ? ` (${times} times)` : ""}`,
      since: "Registered since",
      until: "Until",
      part: "Part of your registration",
      partNamed:
        "This is the part of your registration the screening found. If your registration has other parts, each has its own end date. Want to know more, or disagree? Contact the organisation that registered you; it is named below.",
      termNotDisclosed:
        "How long the registration runs has not been disclosed to us. Want to know more, or disagree? Contact the organisation that registered you; it is named below.",
      conditions: "The participant may set additional conditions.",
      appliesToSender: (sender: string) =>
        `The registration also applies at ${sender}: while it runs, you are not eligible for a rented home there. ${sender} may still offer you a home under additional conditions.`,
      notForSender: (sender: string) =>
        `The registration does not apply at ${sender}. ${sender} may set additional conditions, such as support.`,
      reasonNotDisclosed:
        "The reason for the registration has not been disclosed to us. Want to know more, or disagree? Contact the organisation that registered you; it is named below.",
      reasonAndTermNotDisclosed:
        "The reason for the registration and how long it runs have not been disclosed to us. Want to know more, or disagree? Contact the organisation that registered you; it is named below.",
      requestTo: (primarySource: string, sender: string, answerWithin: string) =>
        `You make a request about the registration (access, rectification, erasure or objection) in writing, e-mail included, to ${primarySource}, the organisation that registered you${answerWithin}. Only that organisation can show, correct or erase the registration. A question about this screening itself goes to ${sender}. A refusal states its reasons. You may also complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens, autoriteitpersoonsgegevens.nl).`,
      purposes: {
        allocation: "the allocation of a dwelling",
        urgency: "granting an urgency status",
        direct_mediation: "direct mediation",
        subject_request: "your own request",
      },
    },
    received: {
      heading: "Your request or objection",
      text: (type: string, date: string, reference: string) =>
        `We received your ${type} on ${date} (reference ${reference}).`,
      againstPlacement: (type: string, organisation: string, date: string, reg: string) =>
        `Your ${type} is directed against the decision of ${organisation} of ${date} to register you in ${reg}.`,
      againstDecision: (type: string, date: string) =>
        `Your ${type} is directed against the decision of ${date}.`,
      types: {
        access: "request for access",
        rectification: "request for rectification",
        erasure: "request for erasure",
        restriction: "request for restriction",
        objection: "objection",
        complaint: "complaint",
        appeal: "appeal",
        hardship: "hardship request",
        new_chance: "application for a new chance",
        support_team: "request to involve the support team",
        consent: "consent",
      },
    },
    decisionDue: {
      heading: "When you will have an answer",
      byDate: (date: string, term: string, cite: string) =>
        `You will receive a written decision no later than ${date} (${term} after receipt; ${cite}).`,
      soon: "You will receive a written decision as soon as possible.",
    },
    placementLetter: {
      heading: "Notice of registration",
      sentOn: (date: string) =>
        `The letter telling you that you are registered was sent on ${date}.`,
      notSent: "No letter about your registration has been sent (yet).",
    },
    entryDate: {
      heading: "Date the registration was entered",
      notApplicable: "Not applicable.",
    },
    decision: {
      heading: "Decision",
      contested: {
        upheld: (type: string) => `We uphold your ${type}.`,
        partly_upheld: (type: string) => `We partly uphold your ${type}.`,
        rejected: (type: string) => `We reject your ${type} as unfounded.`,
      },
      request: {
        upheld: (type: string) => `We grant your ${type}.`,
        partly_upheld: (type: string) => `We partly grant your ${type}.`,
        rejected: (type: string) => `We refuse your ${type}.`,
      },
      removeWithin: (term: string, cite: string) =>
        `We will remove or correct the registration within ${term} (${cite}) and let you know.`,
      noRegistration:
        "We compared your details with every registration of every participant in the region. We found no registration about you. You are therefore not on the register, and there is nothing to access, correct, restrict or erase.",
    },
    reasons: {
      heading: "Reasons",
      none: "(no reasons given)",
    },
    recipientsTold: {
      heading: "Who else is told",
      text: "Have other participants received data about you in the last 24 months, at a screening or by seeing your block? Then we let them know that the data were corrected, restricted or erased (Article 19 of the General Data Protection Regulation). Would you like to know who they are? Ask us; we will name them.",
    },
  },
);
