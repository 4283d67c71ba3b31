/**
 * Lays a LetterDocument out as an A4 PDF with pdfmake (server side, its bundled Roboto fonts).
 * The PDF carries the sender's letterhead (name, address, logo when set), page numbers
 * ("Pagina x van y"), and document metadata: title, author, subject and language (/Lang).
 *
 * Accessibility, honestly (docs/letters.md): the text is real text in reading order, the
 * language and title are set and the viewer shows the title; but pdfmake does not write a
 * structure tree, so the PDF is NOT tagged and does not claim PDF/UA. We leave pdfmake's
 * `tagged` off on purpose: an empty structure tree marked as tagged would mislead screen readers.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import pdfmake, { type Content } from "pdfmake";
import { defineCatalogue } from "../i18n.ts";

type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];

/** A paragraph, a two-column table of label/value rows, or a bulleted list. */
export type Block =
  | { text: string }
  | { rows: readonly (readonly [string, string])[] }
  | { list: readonly string[] };

/**
 * A letter as the engine lays it out: the sender's letterhead, the head (recipient, date,
 * reference), a title, headed sections and a closing. The letters module composes it.
 */
export interface LetterLayout {
  language: "nl" | "en";
  title: string;
  sender: {
    name: string;
    address: { street: string; houseNumber: string; postcode: string; city: string } | null;
    /** PNG or JPEG data URL, or null. */
    logo: string | null;
  };
  recipientLines: string[];
  letterDateText: string;
  referenceText: string;
  salutation: string;
  intro: string;
  sections: { heading: string; blocks: Block[] }[];
  closing: string[];
}

const require = createRequire(import.meta.url);
const FONT_DIR = path.dirname(require.resolve("pdfmake/fonts/Roboto/Roboto-Regular.ttf"));

pdfmake.setFonts({
  Roboto: {
    normal: path.join(FONT_DIR, "Roboto-Regular.ttf"),
    bold: path.join(FONT_DIR, "Roboto-Medium.ttf"),
    italics: path.join(FONT_DIR, "Roboto-Italic.ttf"),
    bolditalics: path.join(FONT_DIR, "Roboto-MediumItalic.ttf"),
  },
});
// Letters never fetch anything: no URLs at all, and from disk only the bundled fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(FONT_DIR + path.sep));

const LANG_TAG = { nl: "nl-NL", en: "en-GB" } as const;

/** The engine's own words: the page footer, and an empty table. */
const texts = defineCatalogue(
  "pdf",
  { page: (n: number, of: number) => `Pagina ${n} van ${of}`, none: "Geen." },
  { page: (n: number, of: number) => `Page ${n} of ${of}`, none: "None." },
);

/** Every page's footer: who the document is from, and "Pagina x van y". */
function pageFooter(from: string, language: "nl" | "en") {
  return (currentPage: number, pageCount: number): Content => ({
    columns: [
      { text: from, fontSize: 8, color: "#555555" },
      { text: texts[language].page(currentPage, pageCount), alignment: "right", fontSize: 8 },
    ],
    margin: [56, 16, 56, 0],
  });
}

/** A logo is used only when it really is a PNG or JPEG (a broken image must not stop a letter). */
export function usableLogo(dataUrl: string | null): string | null {
  if (!dataUrl) return null;
  const match = /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl);
  if (!match) return null;
  const bytes = Buffer.from(match[2]!.slice(0, 16), "base64");
  const png = bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  return (match[1] === "png" && png) || (match[1] === "jpeg" && jpeg) ? dataUrl : null;
}

function block(b: Block): Content {
  if ("text" in b) return { text: b.text, margin: [0, 0, 0, 4] };
  if ("list" in b) return { ul: [...b.list], margin: [0, 0, 0, 4] };
  return {
    table: {
      widths: [150, "*"],
      body: b.rows.map(([label, value]) => [{ text: label, color: "#444444" }, { text: value }]),
    },
    layout: "noBorders",
    margin: [0, 0, 0, 4],
  };
}

export function letterDefinition(doc: LetterLayout, letterDate: string): TDocumentDefinitions {
  const sender = doc.sender;
  const senderLines = [
    sender.address ? `${sender.address.street} ${sender.address.houseNumber}` : undefined,
    sender.address ? `${sender.address.postcode} ${sender.address.city}` : undefined,
  ].filter((x): x is string => x !== undefined);
  const logo = usableLogo(sender.logo);
  const content: Content[] = [
    {
      columns: [
        logo ? { image: logo, fit: [140, 60] } : { text: "" },
        {
          stack: [{ text: sender.name, bold: true, fontSize: 12 }, ...senderLines],
          alignment: "right",
          fontSize: 9,
        },
      ],
      margin: [0, 0, 0, 36],
    },
    { stack: doc.recipientLines, margin: [0, 0, 0, 24] },
    { text: doc.letterDateText },
    { text: doc.referenceText, margin: [0, 0, 0, 18] },
    { text: doc.title, bold: true, fontSize: 13, margin: [0, 0, 0, 12] },
    { text: doc.salutation, margin: [0, 0, 0, 8] },
    { text: doc.intro, margin: [0, 0, 0, 10] },
    ...doc.sections.flatMap((s): Content[] => [
      { text: s.heading, bold: true, fontSize: 11, margin: [0, 6, 0, 3] },
      ...s.blocks.map(block),
    ]),
    { stack: doc.closing, margin: [0, 16, 0, 0] },
  ];
  const about = { title: doc.title, author: sender.name, subject: doc.title, date: letterDate };
  return pdfDefinition(doc.language, about, 10, content);
}

/**
 * What both kinds of PDF share: A4 with its margins, the language, the metadata (made by
 * Woonsignaal on `date`), Roboto at `fontSize`, and the footer with the author and page numbers.
 */
function pdfDefinition(
  language: "nl" | "en",
  about: { title: string; author: string; subject: string; date: string },
  fontSize: number,
  content: Content[],
): TDocumentDefinitions {
  return {
    pageSize: "A4",
    pageMargins: [56, 48, 56, 56],
    language: LANG_TAG[language],
    displayTitle: true,
    info: {
      title: about.title,
      author: about.author,
      subject: about.subject,
      creator: "Woonsignaal",
      producer: "Woonsignaal (pdfmake)",
      creationDate: new Date(`${about.date}T12:00:00Z`),
    },
    defaultStyle: { font: "Roboto", fontSize, lineHeight: 1.2 },
    content,
    footer: pageFooter(about.author, language),
  };
}

/** The PDF's bytes and their SHA-256 (kept with a letter, so a copy can be checked). */
async function rendered(definition: TDocumentDefinitions): Promise<RenderedPdf> {
  const bytes = await pdfmake.createPdf(definition).getBuffer();
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

export interface RenderedPdf {
  bytes: Buffer;
  sha256: string;
}

export async function renderPdf(doc: LetterLayout, letterDate: string): Promise<RenderedPdf> {
  return rendered(letterDefinition(doc, letterDate));
}

/** A report of headed tables (the annual report, issue 6): same fonts, page size and policies. */
export interface TablesReport {
  title: string;
  subtitle: string;
  author: string;
  date: string;
  language: "nl" | "en";
  sections: { heading: string; columns: string[]; rows: (string | number)[][] }[];
}

export async function renderTablesPdf(report: TablesReport): Promise<RenderedPdf> {
  const content: Content[] = [
    { text: report.title, bold: true, fontSize: 16, margin: [0, 0, 0, 4] },
    { text: report.subtitle, fontSize: 10, color: "#444444", margin: [0, 0, 0, 18] },
    ...report.sections.flatMap((s): Content[] => [
      { text: s.heading, bold: true, fontSize: 12, margin: [0, 10, 0, 4] },
      s.rows.length === 0
        ? { text: texts[report.language].none, italics: true }
        : {
            table: {
              headerRows: 1,
              // A row never splits over two pages: a label cut by the footer reads as nonsense.
              dontBreakRows: true,
              widths: s.columns.map((_, i) => (i === 0 ? "*" : "auto")),
              body: [
                s.columns.map((c) => ({ text: c, bold: true })),
                ...s.rows.map((r) =>
                  r.map((v) => ({
                    text: String(v),
                    alignment: (typeof v === "number" ? "right" : "left") as "right" | "left",
                  })),
                ),
              ],
            },
            layout: "lightHorizontalLines",
          },
    ]),
  ];
  const { title, author, subtitle: subject, date } = report;
  return rendered(pdfDefinition(report.language, { title, author, subject, date }, 9, content));
}
