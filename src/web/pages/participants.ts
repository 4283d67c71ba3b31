import { html } from "../html.ts";
import { page } from "../layout.ts";

export interface ParticipantRow {
  name: string;
  city: string | null;
  objectionAddress: string | null;
  dpo: { name: string; email: string; phone: string | null } | null;
  participantSince: string | null;
}

/**
 * The public list of participants: 003 ch. 10 requires a web address where a person can see
 * which organisations use the register; every placement letter prints this page's address.
 */
export function participantsPage(regionName: string, rows: ParticipantRow[]): string {
  const list =
    rows.length === 0
      ? html`<p>Er zijn nog geen deelnemers.</p>`
      : html`<table class="table">
<caption>Deelnemers aan de signaleringslijst van ${regionName}</caption>
<thead><tr><th scope="col">Organisatie</th><th scope="col">Plaats</th><th scope="col">Bezwaar sturen naar</th><th scope="col">Functionaris gegevensbescherming</th><th scope="col">Deelnemer sinds</th></tr></thead>
<tbody>
${rows.map(
  (r) =>
    html`<tr><td>${r.name}</td><td>${r.city ?? ""}</td><td>${r.objectionAddress ?? ""}</td><td>${
      r.dpo
        ? html`${r.dpo.name}<br><a href="mailto:${r.dpo.email}">${r.dpo.email}</a>${r.dpo.phone ? html`<br>${r.dpo.phone}` : ""}`
        : ""
    }</td><td>${r.participantSince ?? ""}</td></tr>`,
)}
</tbody>
</table>`;
  return page({
    title: "Deelnemers",
    main: html`<h1>Deelnemers</h1>
<p>Deze organisaties gebruiken de signaleringslijst van ${regionName}. Staat u op de lijst, dan
kunt u bij de organisatie die u heeft ingeschreven (de primaire bron) bezwaar maken en uw
rechten uitoefenen.</p>
${list}`,
  });
}
