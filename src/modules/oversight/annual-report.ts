/**
 * The annual report (001 §6.1: the Meldpunt reports yearly; 003 §22: the consortium evaluates
 * yearly) as data, HTML and PDF. Counts only: no names, dates of birth or addresses exist in it.
 */
import { html } from "../../web/html.ts";
import { renderTablesPdf, type TablesReport } from "../letters/pdf.ts";

type Counts = Record<string, number>;
type PerOrganisation = { id: string; name: string; count: number }[];

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
    endedByReason: Counts;
    endedByCategory: Counts;
    endedByOrganisation: PerOrganisation;
  };
  screenings: { total: number; hits: number; byPurpose: Counts; byOrganisation: PerOrganisation };
  letters: Record<
    string,
    {
      owed: number;
      withinDeadline: number;
      late: number;
      open: number;
      overdue: number;
      skipped: number;
      cancelled: number;
    }
  >;
  cases: {
    received: number;
    byType: Record<string, Counts>;
    deadlines: { met: number; metLate: number; open: number; overdue: number };
  };
}

const REASONS: Record<string, string> = {
  term_expired: "termijn verstreken",
  objection_upheld: "bezwaar, klacht of beroep gegrond",
  new_chance: "nieuwe kans",
  participant_left: "deelnemer uitgetreden of uitgesloten",
  claim_paid_in_full: "vordering volledig betaald",
  claim_settled: "schikking getroffen",
  claim_half_paid_with_arrangement: "helft betaald met regeling",
  support_team_rehousing: "begeleidingsteam: voorwaarden nagekomen",
  erased_by_primary_source: "gewist door de primaire bron",
};

/** The report as headed tables: one definition for HTML and PDF. */
export function reportSections(r: AnnualReport): TablesReport["sections"] {
  const counts = (c: Counts, label: (k: string) => string = (k) => k) =>
    Object.entries(c)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [label(k), v]);
  const orgs = (list: PerOrganisation) => list.map((o) => [o.name, o.count]);
  return [
    {
      heading: "Samenvatting",
      columns: ["", "aantal"],
      rows: [
        ["signaleringen geplaatst", r.registrations.placed],
        ["signaleringen beëindigd", r.registrations.ended],
        ["toetsingen", r.screenings.total],
        ["waarvan hit", r.screenings.hits],
        ["zaken ontvangen", r.cases.received],
      ],
    },
    {
      heading: "Geplaatst per categorie",
      columns: ["categorie", "aantal"],
      rows: counts(r.registrations.placedByCategory),
    },
    {
      heading: "Geplaatst per deelnemer",
      columns: ["deelnemer", "aantal"],
      rows: orgs(r.registrations.placedByOrganisation),
    },
    {
      heading: "Beëindigd per reden",
      columns: ["reden", "aantal"],
      rows: counts(r.registrations.endedByReason, (k) => REASONS[k] ?? k),
    },
    {
      heading: "Beëindigd per categorie",
      columns: ["categorie", "aantal"],
      rows: counts(r.registrations.endedByCategory),
    },
    {
      heading: "Beëindigd per deelnemer",
      columns: ["deelnemer", "aantal"],
      rows: orgs(r.registrations.endedByOrganisation),
    },
    {
      heading: "Toetsingen per doel",
      columns: ["doel", "aantal"],
      rows: counts(r.screenings.byPurpose),
    },
    {
      heading: "Toetsingen per deelnemer",
      columns: ["deelnemer", "aantal"],
      rows: orgs(r.screenings.byOrganisation),
    },
    {
      heading: "Brieven aan betrokkenen en hun termijn",
      columns: [
        "soort",
        "verschuldigd",
        "op tijd",
        "te laat",
        "open",
        "open en te laat",
        "achterwege",
        "vervallen",
      ],
      rows: Object.entries(r.letters)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [
          k,
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
      heading: "Zaken per soort en uitkomst",
      columns: [
        "soort",
        "ontvangen",
        "gegrond",
        "deels",
        "ongegrond",
        "niet-ontvankelijk",
        "ingetrokken",
        "lopend",
      ],
      rows: Object.entries(r.cases.byType)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [
          k,
          v.received ?? 0,
          v.upheld ?? 0,
          v.partly_upheld ?? 0,
          v.rejected ?? 0,
          v.inadmissible ?? 0,
          v.withdrawn ?? 0,
          (v.received ?? 0) -
            (v.upheld ?? 0) -
            (v.partly_upheld ?? 0) -
            (v.rejected ?? 0) -
            (v.inadmissible ?? 0) -
            (v.withdrawn ?? 0),
        ]),
    },
    {
      heading: "Termijnen van zaken",
      columns: ["", "aantal"],
      rows: [
        ["gehaald", r.cases.deadlines.met],
        ["te laat gehaald", r.cases.deadlines.metLate],
        ["lopend", r.cases.deadlines.open],
        ["verstreken, open", r.cases.deadlines.overdue],
      ],
    },
  ];
}

function title(r: AnnualReport) {
  return `Jaarverslag ${r.year} — ${r.region.name}`;
}

function subtitle(r: AnnualReport) {
  return `Profiel ${r.region.profile}; opgemaakt op ${r.generatedOn}; ${r.source}. Alleen aantallen, geen persoonsgegevens.`;
}

export function annualReportHtml(r: AnnualReport): string {
  const sections = reportSections(r);
  return html`<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>${title(r)}</title>
<link rel="stylesheet" href="/static/app.css"></head>
<body><main class="report">
<h1>${title(r)}</h1>
<p>${subtitle(r)}</p>
${sections.map(
  (s) => html`<section><h2>${s.heading}</h2>
${
  s.rows.length === 0
    ? html`<p>Geen.</p>`
    : html`<table><thead><tr>${s.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${s.rows.map((row) => html`<tr>${row.map((v, i) => (i === 0 ? html`<th scope="row">${v}</th>` : html`<td>${v}</td>`))}</tr>`)}</tbody></table>`
}
</section>`,
)}
</main></body></html>`.toString();
}

export async function annualReportPdf(r: AnnualReport): Promise<Buffer> {
  const pdf = await renderTablesPdf({
    title: title(r),
    subtitle: subtitle(r),
    author: r.region.name,
    date: r.generatedOn,
    language: "nl",
    sections: reportSections(r),
  });
  return pdf.bytes;
}
