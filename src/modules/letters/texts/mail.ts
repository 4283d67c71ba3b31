import { defineCatalogue, type Language } from "../../../platform/i18n.ts";
import type { LetterKind } from "../content-lists/types.ts";

/** The e-mail that carries a letter as its attachment. */
export const mailTexts = defineCatalogue(
  "letters.mail",
  {
    letterMail: (title: string, sender: string, name: string) =>
      `Beste ${name},\n\nIn de bijlage vindt u een brief van ${sender}: "${title}".\n\n` +
      "Deze e-mail is automatisch verzonden. Heeft u vragen, of wilt u bezwaar maken? In de brief staat hoe en waar.\n\n" +
      `Met vriendelijke groet,\n${sender}\n`,
    /** The attachment's and the download's file name: the person reads it too (plain words). */
    fileName: "brief",
    fileKinds: {
      placement: "registratie",
      continuation: "voortzetting",
      removal: "verwijdering",
      hit: "toetsing",
      acknowledgement: "ontvangstbevestiging",
      decision: "beslissing",
      access_answer: "inzage",
      block: "blokkade",
      correction: "wijziging",
      part_ended: "einde van een deel",
    } satisfies Record<LetterKind, string>,
  },
  {
    letterMail: (title: string, sender: string, name: string) =>
      `Dear ${name},\n\nPlease find attached a letter from ${sender}: "${title}".\n\n` +
      "This e-mail was sent automatically. If you have questions or wish to object, the letter says how and where.\n\n" +
      `Kind regards,\n${sender}\n`,
    fileName: "letter",
    fileKinds: {
      placement: "registration",
      continuation: "continuation",
      removal: "removal",
      hit: "screening",
      acknowledgement: "acknowledgement",
      decision: "decision",
      access_answer: "access",
      block: "block",
      correction: "change",
      part_ended: "end of a part",
    },
  },
);

/**
 * A letter's file name in the letter's own language ("brief-beslissing-2026-12-07.pdf"), never
 * the API's code for its kind: the person sees it as an e-mail attachment.
 */
export function letterFileName(
  kind: string,
  letterDate: string,
  language: Language,
  suffix?: string,
): string {
  const t = mailTexts[language];
  const word = t.fileKinds[kind as LetterKind] ?? t.fileName;
  return `${[t.fileName, word, letterDate, suffix].filter(Boolean).join("-")}.pdf`;
}
