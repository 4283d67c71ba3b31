/**
 * The letter, in Dutch or English, built item by item from a profile's content list
 * (content.ts). Pure: no I/O, no clock. `composeLetter` returns a LetterDocument (headings,
 * paragraphs, rows) that platform/pdf/pdf.ts lays out; the content list decides what is in it,
 * elements/ how each item reads (texts/ holds the words). Every item produces a section whose
 * heading names it, so that a reader (and the tests) can find each required element.
 */
import type { Language } from "../../platform/i18n.ts";
import type { CaseKind } from "../../protocol/case-kinds.ts";
import type { Profile } from "../../protocol/profile.ts";
import { type ContentItem, type LetterKind, letterContent } from "./content.ts";
import { RENDER } from "./elements/index.ts";
import { supportTeamRule } from "./elements/registration.ts";
import { addressLines, addressName, capitalise, formatDate, registerName } from "./format.ts";
import type { LetterDocument, LetterInput, LetterPerson, Section } from "./letter-input.ts";
import { letterTexts } from "./texts/letter.ts";

/** The title; a decision letter's says which request, objection or complaint it decides (G-11). */
export function letterTitle(
  profile: Profile,
  kind: LetterKind,
  lang: Language,
  caseType?: CaseKind,
): string {
  if (kind === "decision" && caseType) return letterTexts[lang].decisionTitle[caseType];
  return letterTexts[lang].title[kind](registerName(profile, lang));
}

function intro(i: LetterInput): string {
  return letterTexts[i.language].intro[i.kind](i.sender.name, registerName(i.profile, i.language));
}

function salutation(p: LetterPerson, lang: Language): string {
  const t = letterTexts[lang].salutation;
  const surname = [p.prefix ? capitalise(p.prefix) : undefined, p.surname]
    .filter(Boolean)
    .join(" ");
  if (p.gender === "M") return t.mr(surname);
  if (p.gender === "V") return t.ms(surname);
  return t.other(addressName(p));
}

/** Is an item required for this letter? (`when` conditions of the content list) */
export function itemApplies(item: ContentItem, input: LetterInput): boolean {
  if (item.when === "if_dpo") return input.sender.dpo !== null;
  if (item.when === "if_refused") return input.case?.outcome !== "upheld";
  if (item.when === "if_support_team") return supportTeamRule(input) !== undefined;

  return true;
}

export function composeLetter(input: LetterInput): LetterDocument {
  const content = letterContent(input.profile.id, input.kind);
  if (!content) {
    throw new Error(`profile ${input.profile.id} has no ${input.kind} letter`);
  }
  const l = input.language;
  const t = letterTexts[l];
  const items = content.items.filter((item) => itemApplies(item, input));
  const sections: Section[] = [];
  for (const item of items) {
    const rendered = RENDER[item.key](input);
    if (rendered) sections.push({ key: item.key, ...rendered });
  }
  const recipientLines = [addressName(input.person)];
  if (input.address) recipientLines.push(...addressLines(input.address));
  else recipientLines.push(t.noAddress);
  return {
    language: l,
    title: letterTitle(input.profile, input.kind, l, input.case?.type),
    sender: input.sender,
    recipientLines,
    letterDateText: `${t.date}: ${formatDate(input.letterDate, l)}`,
    referenceText: `${t.reference}: ${input.reference}`,
    salutation: salutation(input.person, l),
    intro: intro(input),
    sections,
    closing: [t.closing, input.sender.name],
    items,
  };
}
