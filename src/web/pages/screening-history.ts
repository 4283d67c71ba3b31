import type { Services } from "../../modules/index.ts";
import type { Person } from "../../modules/registrations/schemas.ts";
import { type Principal, principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { citeSource } from "../../protocol/citation.ts";
import { termText } from "../../protocol/engine.ts";
import type { Profile } from "../../protocol/profile.ts";
import { dateHtml, dateTimeHtml } from "../format.ts";
import { pagination } from "../forms.ts";
import type { Messages } from "../i18n.ts";
import { getPage, type Kit } from "../kit.ts";
import { pageParam } from "../params.ts";
import { table } from "../table.ts";

const SCREENERS = { roles: ["querier", "officer"], scope: "own" } as const;
const PAGE_SIZE = 25;

/**
 * The screening result repeats whom it is about (issue 21 part 10): exactly what the querier
 * typed, from the form in hand — nothing the register holds, and nothing stored for it.
 */
export function screeningEcho(m: Messages, person: Person, purpose: string): SafeHtml {
  const t = m.screeningDesk;
  const name = [
    person.initials,
    person.firstNames ? `(${person.firstNames})` : "",
    person.prefix,
    person.surname,
  ]
    .filter(Boolean)
    .join(" ");
  return html`<section class="screened" aria-labelledby="screened-heading">
<h2 id="screened-heading">${t.echoHeading}</h2>
<dl class="facts">
<dt>${t.name}</dt><dd>${name}</dd>
${person.birthName ? html`<dt>${t.birthName}</dt><dd>${person.birthName}</dd>` : ""}
<dt>${t.birthDate}</dt><dd>${dateHtml(m.lang, person.birthDate)}</dd>
${person.seekerNumber ? html`<dt>${t.seekerNumber}</dt><dd>${person.seekerNumber}</dd>` : ""}
<dt>${t.purpose}</dt><dd>${m.screening.purposes[purpose] ?? purpose}</dd>
</dl></section>`;
}

/**
 * What a hit owes, told to the one who screened (003 §13.4; 001 §3.3; D-990): a querier cannot
 * send letters, so they are told an officer of their organisation does; an officer is told
 * where the letter waits, and that repeated screenings stay one letter.
 */
export function screeningDutyNotice(
  m: Messages,
  principal: Principal,
  profile: Profile,
  purpose: string,
): SafeHtml {
  const t = m.screeningDesk;
  if (purpose === "subject_request") {
    return html`<div class="notice notice--warning"><p>${m.screening.dutySubject}</p></div>`;
  }
  const rule = profile.deadlines.hit_letter;
  const weeks = rule ? termText(rule.term) : "";
  const source = rule ? citeSource(profile.id, rule.source, m.lang) : "";
  const officer = principal.roles.includes("officer");
  return officer
    ? html`<div class="notice notice--warning"><p>${t.dutyOfficer(weeks, source)} <a href="/brieven/plichten">${t.toDuties}</a></p></div>`
    : html`<div class="notice notice--warning"><p>${t.dutyQuerier(weeks, source)}</p></div>`;
}

/** `/toetsen/geschiedenis`: the caller's own screenings, without the person (D-992). */
export function registerScreeningHistoryPages(app: App, services: Services, kit: Kit) {
  getPage(app, kit, "/toetsen/geschiedenis", SCREENERS, async (ctx, request) => {
    const { m } = ctx;
    const t = m.screeningDesk;
    const pageNo = pageParam(request.query as Record<string, string | undefined>);
    const result = await services.screenings.ownScreenings(principalOf(request), {
      page: pageNo,
      pageSize: PAGE_SIZE,
    });
    return ctx.send(
      t.historyTitle,
      html`<h1>${t.historyTitle}</h1>
<p>${t.historyIntro}</p>
${table({
  empty: t.historyEmpty,
  caption: t.historyCaption(result.total),
  head: [t.when, t.purpose, t.result, t.reference],
  rows: result.items,
  row: (x) =>
    html`<tr><td>${dateTimeHtml(m.lang, x.at)}</td><td>${m.screening.purposes[x.purpose] ?? x.purpose}</td><td>${x.hit ? html`<strong>${t.hit}</strong>` : t.noHit}</td><td><code>${x.id.slice(0, 8)}</code></td></tr>`,
})}
${pagination(m, "/toetsen/geschiedenis", {}, pageNo, PAGE_SIZE, result.total)}
<p><a href="/toetsen">${m.screening.again}</a></p>`,
    );
  });
}
