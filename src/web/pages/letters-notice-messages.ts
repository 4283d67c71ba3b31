import { defineCatalogue } from "../../platform/i18n.ts";

type Change = "corrected" | "restricted" | "erased";

/**
 * Texts of the recipient notice page (src/web/pages/letters-notice.ts; AVG art. 19): the
 * organisation that received data about a person reads what changed and what it must now do.
 */
export const noticeMessages = defineCatalogue(
  "web.recipientNotice",
  {
    title: "Melding: gegevens die u ontving zijn gewijzigd",
    intro:
      "Uw organisatie heeft uit het register gegevens over een persoon ontvangen. De deelnemer die de persoon registreerde, heeft die gegevens daarna gewijzigd na een verzoek van de persoon. Volgens artikel 19 van de Algemene verordening gegevensbescherming laten wij u dat weten.",
    read: "Melding lezen",
    readFor: (date: string) => `melding van ${date}`,
    expiredBadge: "verlopen, niet verwerkt",
    what: "Wat is er gebeurd",
    change: {
      corrected: "De gegevens zijn gecorrigeerd.",
      restricted: "De gegevens zijn afgeschermd: ze mogen voorlopig niet worden gebruikt.",
      erased: "De gegevens zijn verwijderd.",
    } as Record<Change, string>,
    when: "Op",
    by: "Door",
    whom: "Over",
    born: (date: string) => `geboren op ${date}`,
    received: "Uw organisatie ontving gegevens over deze persoon",
    how: {
      screening: (date: string) => `op ${date}, bij een toetsing: de persoon bleek geregistreerd`,
      block: (date: string) => `op ${date}: uw organisatie zag de blokkade`,
    },
    todo: "Wat u nu moet doen",
    todoChange: {
      corrected: (source: string) =>
        `Pas aan wat u na de toetsing over deze persoon heeft vastgelegd, bijvoorbeeld in het toewijzingsdossier van de woningzoekende. Weet u niet wat er is gecorrigeerd, vraag het dan aan ${source}.`,
      restricted: (source: string) =>
        `Gebruik wat u na de toetsing over deze persoon heeft vastgelegd niet meer voor een besluit, bijvoorbeeld over een toewijzing, en scherm het af in uw eigen administratie, zoals het toewijzingsdossier. Dat geldt zolang de beperking duurt. Vraag bij twijfel aan ${source} of zij nog geldt.`,
      erased: (source: string) =>
        `Verwijder wat u na de toetsing of over de blokkade over deze persoon heeft vastgelegd, bijvoorbeeld in het toewijzingsdossier van de woningzoekende. De registratie van ${source} geldt niet meer en mag niet meer meewegen.`,
    } as Record<Change, (source: string) => string>,
    processedHint:
      "Heeft u de wijziging verwerkt? Klik dan op Verwerkt. De melding verdwijnt van uw werklijst en de gegevens over de persoon worden uit de melding gewist.",
    processed: "Verwerkt",
    done: "De melding is verwerkt. De gegevens over de persoon zijn uit de melding gewist.",
    alreadyDone: "Deze melding is al verwerkt.",
    expiredTitle: "Deze melding is verlopen",
    expired: (months: number, date: string, change: string) =>
      `Op ${date} is gemeld: ${change} Deze melding is niet binnen ${months} maanden als verwerkt gemeld. Daarom zijn de gegevens over de persoon en de deelnemer uit de melding gewist. Om wie het ging, staat niet meer in Woonsignaal.`,
    expiredTodo:
      "Ga na hoe uw organisatie meldingen zoals deze voortaan op tijd verwerkt. Sluit de melding daarna af.",
    close: "Afsluiten",
    back: "Terug naar de openstaande brieven",
  },
  {
    title: "Notice: data you received have changed",
    intro:
      "Your organisation received data about a person from the register. The participant that registered the person has since changed those data at the person's request. Under Article 19 of the General Data Protection Regulation we let you know.",
    read: "Read notice",
    readFor: (date: string) => `notice of ${date}`,
    expiredBadge: "expired, not processed",
    what: "What happened",
    change: {
      corrected: "The data were corrected.",
      restricted: "The data were restricted: they may not be used for now.",
      erased: "The data were erased.",
    },
    when: "On",
    by: "By",
    whom: "About",
    born: (date: string) => `born on ${date}`,
    received: "Your organisation received data about this person",
    how: {
      screening: (date: string) =>
        `on ${date}, at a screening: the person turned out to be registered`,
      block: (date: string) => `on ${date}: your organisation saw the block`,
    },
    todo: "What you must do now",
    todoChange: {
      corrected: (source: string) =>
        `Correct what you recorded about this person after the screening, for example in the house seeker's allocation file. If you do not know what was corrected, ask ${source}.`,
      restricted: (source: string) =>
        `Do not use what you recorded about this person after the screening for any decision, for example an allocation, and restrict it in your own records, such as the allocation file. This applies as long as the restriction lasts; if in doubt, ask ${source} whether it still does.`,
      erased: (source: string) =>
        `Erase what you recorded about this person after the screening or about the block, for example in the house seeker's allocation file. The registration by ${source} no longer applies and may no longer count.`,
    },
    processedHint:
      "Have you processed the change? Then click Processed. The notice leaves your worklist and the data about the person are erased from it.",
    processed: "Processed",
    done: "The notice is processed. The data about the person have been erased from it.",
    alreadyDone: "This notice has already been processed.",
    expiredTitle: "This notice has expired",
    expired: (months: number, date: string, change: string) =>
      `On ${date} you were told: ${change} This notice was not marked as processed within ${months} months, so the data about the person and the participant have been erased from it. Whom it concerned is no longer in Woonsignaal.`,
    expiredTodo:
      "Check how your organisation will process notices like this in time from now on. Then close the notice.",
    close: "Close",
    back: "Back to the letters owed",
  },
);
