/** The e-mail to a recipient's functionaris (AVG art. 19): no personal data, a pointer to the worklist. */
import { defineCatalogue } from "../../../platform/i18n.ts";

export const recipientNoticeTexts = defineCatalogue(
  "letters.recipientNotice",
  {
    changes: {
      corrected: "gecorrigeerd",
      restricted: "afgeschermd (de verwerking is beperkt)",
      erased: "verwijderd",
    },
    subject: "Woonsignaal: gegevens die u ontving zijn gewijzigd",
    body: (organisation: string, primarySource: string, change: string, date: string) =>
      `Beste functionaris van ${organisation},\n\n` +
      `${primarySource} heeft op ${date} gegevens over een persoon ${change}. Uw organisatie heeft ` +
      "die gegevens in de afgelopen 24 maanden uit het register ontvangen, bij een toetsing of " +
      "omdat zij een blokkade zag. Volgens artikel 19 van de Algemene verordening " +
      "gegevensbescherming laten wij u dat weten.\n\n" +
      "Om wie het gaat, leest u na inloggen in Woonsignaal op de werklijst (Openstaande brieven). " +
      "Verwerk de wijziging in uw eigen administratie, bijvoorbeeld in het dossier van de " +
      "woningzoekende, en meld de melding daarna als verwerkt.\n\n" +
      "In deze e-mail staan bewust geen persoonsgegevens.\n",
  },
  {
    changes: {
      corrected: "corrected",
      restricted: "restricted (processing is limited)",
      erased: "erased",
    },
    subject: "Woonsignaal: data you received have changed",
    body: (organisation: string, primarySource: string, change: string, date: string) =>
      `Dear data protection officer of ${organisation},\n\n` +
      `On ${date} ${primarySource} ${change} data about a person. Your organisation received those ` +
      "data from the register in the last 24 months, at a screening or by seeing a block. Under " +
      "Article 19 of the General Data Protection Regulation we let you know.\n\n" +
      "Whom it concerns is on your worklist in Woonsignaal (sign in). Process the change in your " +
      "own records, for example the house seeker's file, and then mark the notice as processed.\n\n" +
      "This e-mail deliberately contains no personal data.\n",
  },
);
