import { defineCatalogue } from "../../platform/i18n.ts";

/**
 * Texts of a possible hit (issue 24 part 4): the querier's notice and later answer
 * (screening-answer.ts, /toetsen/{id}) and the primary source's check
 * (screening-confirmations.ts, /mogelijke-treffers); assembled in src/web/i18n.ts.
 */
const nl = {
  screeningConfirmation: {
    nav: "Mogelijke treffers",
    pendingTitle: "Mogelijke treffer — wordt gecontroleerd",
    pending: (date: string) =>
      `De gegevens lijken op die van een persoon op de signaleringslijst, maar zijn niet precies gelijk. De organisatie die die persoon registreerde, controleert${date ? ` uiterlijk ${date}` : ""} of het om dezelfde persoon gaat. Tot dan hoort u hier niets over: neem op grond van deze melding geen beslissing over betrokkene.`,
    readAgain: "Bekijk later de definitieve uitkomst van deze toetsing",
    resultTitle: "Uitkomst van de toetsing",
    reference: "Kenmerk van de toetsing",
    listTitle: "Mogelijke treffers controleren",
    intro:
      "Een andere deelnemer toetste een persoon die lijkt op iemand die uw organisatie registreerde. Die deelnemer hoort pas iets over de registratie als u bevestigt dat het dezelfde persoon is. Een onterechte treffer benadeelt iemand: bij twijfel afwijzen.",
    empty: "Er zijn geen mogelijke treffers te controleren.",
    due: "Uiterlijk beoordelen op",
    found: "Gevonden op",
    status: "Status",
    statuses: {
      pending: "te controleren",
      confirmed: "bevestigd",
      rejected: "afgewezen",
    } as Record<string, string>,
    judge: "Controleren",
    detailTitle: "Mogelijke treffer controleren",
    explanation: "Wat overeenkomt en wat verschilt",
    screened: "Getoetste persoon (zoals ingevoerd)",
    registered: "Geregistreerde persoon",
    registration: "Registratie",
    openRegistration: "Registratie bekijken",
    decided: "Over deze mogelijke treffer is beslist; de ingevoerde gegevens zijn gewist.",
    confirm: "Bevestigen: dit is dezelfde persoon",
    reject: "Afwijzen: dit is niet dezelfde persoon",
    confirmed:
      "Bevestigd. De toetsende organisatie ziet nu de treffer, zoals het protocol toestaat, en informeert betrokkene.",
    rejected: "Afgewezen. De toetsende organisatie hoort niets over deze registratie.",
    back: "Terug naar de mogelijke treffers",
  },
};

const en: typeof nl = {
  screeningConfirmation: {
    nav: "Possible hits",
    pendingTitle: "Possible hit — being checked",
    pending: (date) =>
      `The details resemble those of a person on the register, but are not exactly the same. The organisation that registered that person checks${date ? ` by ${date}` : ""} whether it is the same person. Until then you learn nothing about it: take no decision about the person on the strength of this notice.`,
    readAgain: "See the definite result of this screening later",
    resultTitle: "Result of the screening",
    reference: "Reference of the screening",
    listTitle: "Check possible hits",
    intro:
      "Another participant screened a person who resembles someone your organisation registered. That participant learns nothing about the registration until you confirm it is the same person. A false hit harms a person: when in doubt, reject.",
    empty: "There are no possible hits to check.",
    due: "Judge by",
    found: "Found on",
    status: "Status",
    statuses: { pending: "to check", confirmed: "confirmed", rejected: "rejected" },
    judge: "Check",
    detailTitle: "Check a possible hit",
    explanation: "What agrees and what differs",
    screened: "Screened person (as entered)",
    registered: "Registered person",
    registration: "Registration",
    openRegistration: "View the registration",
    decided: "This possible hit has been decided; the entered details were erased.",
    confirm: "Confirm: this is the same person",
    reject: "Reject: this is not the same person",
    confirmed:
      "Confirmed. The screening organisation now sees the hit, as the protocol allows, and informs the person.",
    rejected: "Rejected. The screening organisation learns nothing about this registration.",
    back: "Back to the possible hits",
  },
};

export const screeningConfirmationMessages = defineCatalogue("web.screeningConfirmation", nl, en);
