import { defineCatalogue } from "../../platform/i18n.ts";

/**
 * Texts of the letter pages (src/web/pages/letters.ts); assembled in src/web/i18n.ts.
 */
const nl = {
  letterPages: {
    title: "Brieven",
    intro:
      "De brieven van uw organisatie, de nieuwste eerst. Brieven per post zet u op verstuurd zodra ze op de post zijn.",
    tabLetters: "Brieven",
    tabDuties: "Openstaande brieven",
    dutiesTitle: "Openstaande brieven",
    dutiesIntro:
      "Brieven die de persoon nog moet krijgen, de vroegste termijn eerst. Overslaan kan alleen met een vaste reden.",
    empty: "Er zijn nog geen brieven.",
    dutiesEmpty: "Er staan geen brieven open.",
    caption: (n: number) => `${n} ${n === 1 ? "brief" : "brieven"}`,
    dutiesCaption: (n: number) => `${n} openstaand`,
    date: "Datum",
    kind: "Soort",
    status: "Status",
    delivery: "Verzending",
    pdf: "PDF bekijken",
    action: "Actie",
    channels: { email: "e-mail", post: "post", none: "geen adres bekend" } as Record<
      string,
      string
    >,
    emailSent: "per e-mail verstuurd",
    emailFailed: "e-mail kon niet worden verstuurd; verstuur per post",
    sentOn: "Verstuurd op",
    markSent: "Op de post gedaan",
    markDocumented: "Vastleggen zonder adres",
    due: "Uiterlijk",
    registration: "Registratie",
    case: "Zaak",
    skipReason: "Reden om over te slaan",
    skip: "Overslaan",
    open: "Bekijken",
    contentErased: "inhoud gewist",
    markedSent: "De brief staat op verstuurd.",
    markedDocumented: "De brief is vastgelegd.",
    skipped: "De brief wordt niet verstuurd; de reden is vastgelegd.",
  },
};

const en: typeof nl = {
  letterPages: {
    title: "Letters",
    intro:
      "Your organisation's letters, newest first. Mark letters sent by post as sent once they are posted.",
    tabLetters: "Letters",
    tabDuties: "Letters owed",
    dutiesTitle: "Letters owed",
    dutiesIntro:
      "Letters the person is still owed, earliest deadline first. Skipping needs one of the fixed reasons.",
    empty: "There are no letters yet.",
    dutiesEmpty: "No letters are owed.",
    caption: (n) => `${n} ${n === 1 ? "letter" : "letters"}`,
    dutiesCaption: (n) => `${n} owed`,
    date: "Date",
    kind: "Kind",
    status: "Status",
    delivery: "Delivery",
    pdf: "View PDF",
    action: "Action",
    channels: { email: "e-mail", post: "post", none: "no address known" },
    emailSent: "sent by e-mail",
    emailFailed: "e-mail could not be sent; send by post",
    sentOn: "Posted on",
    markSent: "Posted",
    markDocumented: "Document without address",
    due: "Due",
    registration: "Registration",
    case: "Case",
    skipReason: "Reason to skip",
    skip: "Skip",
    open: "View",
    contentErased: "content erased",
    markedSent: "The letter is marked as sent.",
    markedDocumented: "The letter is documented.",
    skipped: "The letter will not be sent; the reason is recorded.",
  },
};

export const letterMessages = defineCatalogue("web.letters", nl, en);
