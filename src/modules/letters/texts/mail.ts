import { defineCatalogue } from "../../../platform/i18n.ts";

/** The e-mail that carries a letter as its attachment. */
export const mailTexts = defineCatalogue(
  "letters.mail",
  {
    letterMail: (title: string, sender: string, name: string) =>
      `Beste ${name},\n\nIn de bijlage vindt u een brief van ${sender}: "${title}".\n\n` +
      "Deze e-mail is automatisch verzonden. Heeft u vragen, of wilt u bezwaar maken? In de brief staat hoe en waar.\n\n" +
      `Met vriendelijke groet,\n${sender}\n`,
  },
  {
    letterMail: (title: string, sender: string, name: string) =>
      `Dear ${name},\n\nPlease find attached a letter from ${sender}: "${title}".\n\n` +
      "This e-mail was sent automatically. If you have questions or wish to object, the letter says how and where.\n\n" +
      `Kind regards,\n${sender}\n`,
  },
);
