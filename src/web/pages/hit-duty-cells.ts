import type { HitDutyDetails } from "../../modules/letters/service.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { formatDate } from "../format.ts";
import type { Messages } from "../i18n.ts";

/**
 * The "Betreft" cell of a hit-letter duty (issue 21 part 8, D-990): whom it is about (as the
 * querier typed them), the screenings the one letter answers, and the letter itself — with
 * "Vastleggen zonder adres" right here when no address is known (003 ch. 10).
 */
export function hitDutyCell(m: Messages, d: HitDutyDetails, csrf: SafeHtml): SafeHtml {
  const t = m.hitDuties;
  const who = d.person
    ? html`<strong>${d.person.name}</strong>, ${t.born(formatDate(m.lang, d.person.birthDate))}`
    : html`${t.unknownPerson}`;
  const lines = d.screenings.map(
    (s) =>
      html`<li>${formatDate(m.lang, s.date)}: ${m.screening.purposes[s.purpose] ?? s.purpose}</li>`,
  );
  const letter = d.letter;
  const pdf =
    letter?.contentAvailable === true
      ? html`<a href="/api/v1/letters/${letter.id}/pdf" target="_blank" rel="noopener">${t.letter}</a>`
      : "";
  const action =
    letter?.status === "draft" && letter.channel === "none"
      ? html`<p>${t.noAddress}</p><form method="post" action="/brieven/${letter.id}/vastgelegd">${csrf}<button type="submit" class="button button--secondary">${m.letterPages.markDocumented}</button></form>`
      : letter?.status === "draft" && letter.channel === "post"
        ? html`<p>${t.post} <a href="/brieven">${t.toLetters}</a></p>`
        : "";
  return html`${who}
<details><summary>${t.screenings(d.screenings.length)}</summary><ul>${lines}</ul></details>
${pdf}${action}`;
}
