import { defineCatalogue } from "../../platform/i18n.ts";

/** Texts of the primary source's checks of access requests elsewhere (access-checks.ts, D-1040). */
export const accessCheckMessages = defineCatalogue(
  "web.accessChecks",
  {
    nav: "Controles inzageverzoeken",
    title: "Controles van inzageverzoeken",
    intro:
      "Iemand vroeg bij een andere deelnemer om inzage. Zijn of haar gegevens lijken op een registratie van uw organisatie, maar zijn niet precies gelijk. Beoordeel of het dezelfde persoon is. Pas als u dat bevestigt, ziet de andere deelnemer deze registratie en noemt hij haar in het antwoord. Wijst u af, dan ziet de andere deelnemer er niets van.",
    empty: "Er wacht geen controle op u.",
    task: (n: number) => `Controle ${n}`,
    due: (date: string) => `Beoordelen uiterlijk ${date}.`,
    openRegistration: "Uw registratie openen",
    field: "Gegeven",
    requester: "Opgegeven door de verzoeker",
    registered: "In uw registratie",
    same: "Gelijk",
    confirm: "Bevestigen: dezelfde persoon",
    reject: "Afwijzen: een andere persoon",
    confirmed: "Bevestigd. De andere deelnemer ziet de registratie nu.",
    rejected: "Afgewezen. De andere deelnemer ziet er niets van.",
  },
  {
    nav: "Access request checks",
    title: "Checks of access requests",
    intro:
      "Someone asked another participant for access. Their data resemble a registration of your organisation but are not exactly the same. Judge whether it is the same person. Only once you confirm does the other participant see this registration and name it in the answer. If you reject it, the other participant sees nothing of it.",
    empty: "No check is waiting for you.",
    task: (n: number) => `Check ${n}`,
    due: (date: string) => `Decide by ${date}.`,
    openRegistration: "Open your registration",
    field: "Data",
    requester: "Given by the requester",
    registered: "In your registration",
    same: "Same",
    confirm: "Confirm: the same person",
    reject: "Reject: another person",
    confirmed: "Confirmed. The other participant now sees the registration.",
    rejected: "Rejected. The other participant sees nothing of it.",
  },
);
