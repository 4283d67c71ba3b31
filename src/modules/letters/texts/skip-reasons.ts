import { defineCatalogue } from "../../../platform/i18n.ts";

/** Fixed reasons for skipping a letter: the person demonstrably knows already. Never free text. */
export const skipReasonTexts = defineCatalogue(
  "letters.skip-reasons",
  {
    informed_in_person:
      "Betrokkene is aantoonbaar persoonlijk (mondeling of schriftelijk buiten het systeem) over precies deze informatie en zijn rechten geïnformeerd.",
    earlier_letter_same_content:
      "Betrokkene ontving eerder een brief met dezelfde informatie, die nog juist is.",
    screening_at_persons_request:
      "De toetsing gebeurde op verzoek van betrokkene zelf; de uitkomst is hem meegedeeld.",
  },
  {
    informed_in_person:
      "The person was demonstrably informed of exactly this information and their rights in person (orally or in writing outside the system).",
    earlier_letter_same_content:
      "The person earlier received a letter with the same information, which is still correct.",
    screening_at_persons_request:
      "The screening was done at the person's own request; they were told its outcome.",
  },
);
