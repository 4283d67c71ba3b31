/** Items that several content lists share (the seeds word them alike). */
import type { ContentItem, LetterContent } from "./types.ts";

export const AVG_13 = "AVG art. 13/14 (aanvulling: de AVG vraagt dit in elke mededeling)";

/**
 * Why a hit letter may be left out (003 and 001 alike): the person was told in person, had a
 * letter of the same content, or was screened at their own request.
 */
export const HIT_SKIPPABLE = [
  "informed_in_person",
  "earlier_letter_same_content",
  "screening_at_persons_request",
] as const;

export const date = (source: string, requirement = "Datum van de brief"): ContentItem => ({
  key: "letter_date",
  requirement,
  source,
});
export const naw = (source: string): ContentItem[] => [
  { key: "recipient_address", requirement: "NAW-gegevens van betrokkene (aanhef)", source },
  { key: "person_identity", requirement: "Identificatiegegevens van betrokkene", source },
  { key: "postal_address", requirement: "Adresgegevens van betrokkene", source },
];
export const rights = (source: string): ContentItem => ({
  key: "rights",
  requirement: "Uitleg over de rechten van betrokkene",
  source,
});
export const dpo = (source: string): ContentItem => ({
  key: "dpo",
  requirement: "(indien van toepassing) de gegevens van de Functionaris Gegevensbescherming (FG)",
  source,
  when: "if_dpo",
});
export const objection = (source: string): ContentItem[] => [
  {
    key: "right_to_object",
    requirement: "Het recht om bezwaar te maken tegen de opname",
    source,
  },
  { key: "objection_procedure", requirement: "Uitleg over de bezwaarprocedure", source },
  {
    key: "objection_address",
    requirement: "Het adres van de primaire bron waar het bezwaarschrift aan gericht mag worden",
    source,
  },
];

/**
 * The correction letter (003 §12.3 "past … de gegevens … aan", ch. 10; issue 20 part 4, D-844):
 * after a changed decision the person gets everything the placement letter says, as it now
 * stands, with a notice of what changed and why first. Built from the profile's placement
 * letter so both stay alike.
 */
export function correctionOf(placement: LetterContent, source: string): LetterContent {
  const head = placement.items.filter((i) =>
    ["letter_date", "recipient_address", "person_identity", "postal_address"].includes(i.key),
  );
  const rest = placement.items.filter((i) => !head.includes(i));
  return {
    deadlineKey: placement.deadlineKey,
    ...(placement.lateAddressDeadlineKey
      ? { lateAddressDeadlineKey: placement.lateAddressDeadlineKey }
      : {}),
    // The changed decision must reach the person: no skip (bij twijfel informeren).
    skippable: [],
    source,
    items: [
      ...head,
      {
        key: "correction_notice",
        requirement:
          "Dat de registratie is gewijzigd, waarom, en dat deze brief de eerdere vervangt",
        source,
      },
      ...rest,
    ],
  };
}

/**
 * The letter when one part of a registration ends while others run on (003 §7 each category its
 * own term, §12.4 "worden de gegevens verwijderd", §13.4 the person is told the registration and
 * its consequence; D-950): which categories ended, from when and why, then what still runs,
 * until when and where. The removal letter's deadline: the ended part's data are removed.
 */
export function partEndedOf(
  source: { ended: string; term: string; consequence: string },
  tail: readonly ContentItem[],
  head: readonly ContentItem[],
): LetterContent {
  return {
    deadlineKey: "removal_letter",
    // Bij twijfel informeren: what still binds the person is never left untold.
    skippable: [],
    source: source.ended,
    items: [
      ...head,
      {
        key: "part_ended_details",
        requirement:
          "Welk deel (welke categorieën) van de registratie is beëindigd, per wanneer en waarom",
        source: source.ended,
      },
      {
        key: "term",
        requirement: "Welke delen nog lopen en tot wanneer",
        source: source.term,
      },
      {
        key: "consequence",
        requirement: "Waar de lopende delen gelden (de consequentie)",
        source: source.consequence,
      },
      ...tail,
    ],
  };
}
