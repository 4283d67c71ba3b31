/**
 * The annual report (001 §6.1: the Meldpunt reports yearly; 003 §22: the consortium evaluates
 * yearly) as data, HTML and PDF. Counts only: no names, dates of birth or addresses exist in it.
 */
import { html } from "../../platform/html.ts";
import type { Language } from "../../platform/i18n.ts";
import { renderTablesPdf, type TablesReport } from "../../platform/pdf/pdf.ts";
import type { DutyCounts } from "../letters/ports.ts";
import { annualReportTexts } from "./annual-report-texts.ts";

type Counts = Record<string, number>;
type PerOrganisation = { id: string; name: string; count: number }[];

/** Case outcomes as the report's columns after "received"; the last column is what is open. */
const CASE_OUTCOMES = ["upheld", "partly_upheld", "rejected", "inadmissible", "withdrawn"];

export interface AnnualReport {
  year: number;
  region: { name: string; profile: string };
  generatedOn: string;
  source: string;
  registrations: {
    placed: number;
    placedByCategory: Counts;
    placedByOrganisation: PerOrganisation;
    ended: number;
    /** Parts that ended while the rest of their registration ran on (003 §7; issue #20). */
    partsEnded: number;
    /** Whole registrations and single parts that ended, by ground and by category. */
    endedByReason: Counts;
    endedByCategory: Counts;
    endedByOrganisation: PerOrganisation;
  };
  screenings: { total: number; hits: number; byPurpose: Counts; byOrganisation: PerOrganisation };
  letters: Record<string, DutyCounts>;
  cases: {
    received: number;
    byType: Record<string, Counts>;
    deadlines: { met: number; metLate: number; open: number; overdue: number };
  };
}

/** The report's languages: the one language type (platform/i18n.ts). */
export type ReportLanguage = Language;

/** The report as headed tables: one definition for HTML and PDF, in Dutch or English. */
export function reportSections(
  r: AnnualReport,
  lang: ReportLanguage = "nl",
): TablesReport["sections"] {
  const t = annualReportTexts[lang];
  const sorted = <V>(c: Record<string, V>) =>
    Object.entries(c).sort(([a], [b]) => a.localeCompare(b));
  /** A table of counts per key (category, reason, purpose), in key order. */
  const perKey = (heading: string, column: string, c: Counts, label = (k: string) => k) => ({
    heading,
    columns: [column, t.count],
    rows: sorted(c).map(([k, v]) => [label(k), v]),
  });
  /** A table of counts per participant. */
  const perParticipant = (heading: string, list: PerOrganisation) => ({
    heading,
    columns: [t.participant, t.count],
    rows: list.map((o) => [o.name, o.count]),
  });
  return [
    {
      heading: t.summary,
      columns: ["", t.count],
      rows: [
        [t.placed, r.registrations.placed],
        [t.ended, r.registrations.ended],
        [t.partsEnded, r.registrations.partsEnded],
        [t.screenings, r.screenings.total],
        [t.hits, r.screenings.hits],
        [t.casesReceived, r.cases.received],
      ],
    },
    perKey(t.placedByCategory, t.category, r.registrations.placedByCategory),
    perParticipant(t.placedByParticipant, r.registrations.placedByOrganisation),
    perKey(t.endedByReason, t.reason, r.registrations.endedByReason, (k) => t.reasons[k] ?? k),
    perKey(t.endedByCategory, t.category, r.registrations.endedByCategory),
    perParticipant(t.endedByParticipant, r.registrations.endedByOrganisation),
    perKey(t.screeningsByPurpose, t.purpose, r.screenings.byPurpose),
    perParticipant(t.screeningsByParticipant, r.screenings.byOrganisation),
    {
      heading: t.letters,
      columns: t.letterColumns,
      rows: sorted(r.letters).map(([k, v]) => [
        t.letterKinds[k] ?? k,
        v.owed,
        v.withinDeadline,
        v.late,
        v.open,
        v.overdue,
        v.skipped,
        v.cancelled,
      ]),
    },
    {
      heading: t.cases,
      columns: t.caseColumns,
      rows: sorted(r.cases.byType).map(([k, v]) => {
        const decided = CASE_OUTCOMES.map((o) => v[o] ?? 0);
        const received = v.received ?? 0;
        return [k, received, ...decided, decided.reduce((rest, n) => rest - n, received)];
      }),
    },
    {
      heading: t.caseDeadlines,
      columns: ["", t.count],
      rows: [
        [t.met, r.cases.deadlines.met],
        [t.metLate, r.cases.deadlines.metLate],
        [t.open, r.cases.deadlines.open],
        [t.overdue, r.cases.deadlines.overdue],
      ],
    },
  ];
}

function title(r: AnnualReport, lang: ReportLanguage = "nl") {
  return annualReportTexts[lang].title(r.year, r.region.name);
}

function subtitle(r: AnnualReport, lang: ReportLanguage = "nl") {
  return annualReportTexts[lang].subtitle(r.region.profile, r.generatedOn, r.source);
}

export function annualReportHtml(r: AnnualReport, lang: ReportLanguage = "nl"): string {
  const sections = reportSections(r, lang);
  return html`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${title(r, lang)}</title>
<link rel="stylesheet" href="/static/app.css"></head>
<body><main class="report">
<h1>${title(r, lang)}</h1>
<p>${subtitle(r, lang)}</p>
${sections.map(
  (s) => html`<section><h2>${s.heading}</h2>
${
  s.rows.length === 0
    ? html`<p>${annualReportTexts[lang].none}</p>`
    : html`<table><thead><tr>${s.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${s.rows.map((row) => html`<tr>${row.map((v, i) => (i === 0 ? html`<th scope="row">${v}</th>` : html`<td>${v}</td>`))}</tr>`)}</tbody></table>`
}
</section>`,
)}
</main></body></html>`.toString();
}

export async function annualReportPdf(
  r: AnnualReport,
  lang: ReportLanguage = "nl",
): Promise<Buffer> {
  const pdf = await renderTablesPdf({
    title: title(r, lang),
    subtitle: subtitle(r, lang),
    author: r.region.name,
    date: r.generatedOn,
    language: lang,
    sections: reportSections(r, lang),
  });
  return pdf.bytes;
}
