import type { Services } from "../../modules/index.ts";
import { RECIPIENT_NOTICE } from "../../modules/letters/service.ts";
import { principalOf } from "../../platform/auth/access.ts";
import type { Clock } from "../../platform/clock.ts";
import type { App } from "../../platform/context.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { addDays } from "../../platform/werkdagen.ts";
import { lastEndDate } from "../../protocol/parts.ts";
import { dateHtml } from "../format.ts";
import { getPage, type Kit, OFFICER } from "../kit.ts";
import { hiddenHeader, type TableOptions, table } from "../table.ts";
import { casesByDeadline, worklistCasesSection } from "./cases/sections.ts";
import { draftsSection } from "./drafts.ts";
import { noticeLink } from "./letters-notice.ts";
import { meldingBanner } from "./melding.ts";

/** "Ending soon": within this many days (enough to decide on a continuation in time). */
export const ENDING_SOON_DAYS = 60;
const SHOWN = 20;

/**
 * The officer's start page: letters to send (notification duties), pending matches and
 * registrations ending soon, and running cases (overdue first, then by deadline), each
 * oldest/most urgent first, with counts per kind.
 */
export function registerWorklistPage(app: App, services: Services, kit: Kit, clock: Clock) {
  getPage(app, kit, "/werklijst", OFFICER, async (ctx, request) => {
    const { m } = ctx;
    const w = m.worklist;
    const principal = principalOf(request);
    const today = clock.today();
    const [duties, matches, ending, drafts] = await Promise.all([
      services.letters.listDuties(principal, { status: "open", page: 1, pageSize: SHOWN }),
      services.seekers.listMatches(principal, { status: "pending", page: 1, pageSize: SHOWN }),
      services.registrations.listRegistrations(principal, {
        endAfter: today,
        endBefore: addDays(today, ENDING_SOON_DAYS + 1),
        page: 1,
        pageSize: SHOWN,
      }),
      // Drafts, and lengthenings waiting for a second officer (D-845, D-961).
      services.registrations.listRegistrations(principal, {
        awaiting: true,
        page: 1,
        pageSize: SHOWN,
      }),
    ]);
    const cases = await casesByDeadline(services, principal, today);
    const overdueCases = cases.items.filter((c) => c.overdue).length;
    const overdueDuties = duties.items.filter((d) => d.overdue).length;
    const more = (total: number, shown: number) =>
      total > shown ? html`<p>${w.more(total - shown)}</p>` : "";

    /** A section of the worklist: its count, the first items (or the empty text), how many more. */
    const listSection = <T>(
      id: string,
      title: string,
      list: { items: readonly T[]; total: number },
      o: Pick<TableOptions<T>, "empty" | "head" | "row">,
      intro: SafeHtml | "" = "",
    ) => html`<section aria-labelledby="${id}">
<h2 id="${id}">${title} <span class="count">(${list.total})</span></h2>
${intro}${
  list.items.length === 0
    ? html`<p class="empty">${o.empty}</p>`
    : html`${table({ caption: title, captionHidden: true, rows: list.items, ...o })}${more(list.total, list.items.length)}`
}
</section>`;

    const dutySection = listSection("duties", w.duties, duties, {
      empty: w.dutiesEmpty,
      head: [w.due, w.kind, w.registration],
      row: (
        d,
      ) => html`<tr${d.overdue ? html` class="overdue"` : ""}><td>${dateHtml(m.lang, d.dueDate)}${d.overdue ? html` <strong class="badge badge--overdue">${w.overdue}</strong>` : ""}</td>
<td>${m.dutyKinds[d.kind] ?? d.kind}</td>
<td>${d.kind === RECIPIENT_NOTICE ? noticeLink(m, d) : d.registrationId ? html`<a href="/registraties/${d.registrationId}">${w.open}<span class="visually-hidden"> ${w.registration} ${d.registrationId.slice(0, 8)}</span></a>` : m.none}</td></tr>`,
    });

    const matchSection = listSection("matches", w.matches, matches, {
      empty: w.matchesEmpty,
      head: [w.proposed, m.matches.seeker, w.score, hiddenHeader(w.open)],
      row: (
        x,
      ) => html`<tr><td>${dateHtml(m.lang, x.proposedAt)}</td><td>${x.seekerNumber}</td><td>${x.score.toFixed(1)}</td>
<td><a href="/matches/${x.id}">${m.matches.judge}<span class="visually-hidden"> ${x.seekerNumber}</span></a></td></tr>`,
    });

    const endingSection = listSection(
      "ending",
      w.ending,
      ending,
      {
        empty: w.endingEmpty,
        head: [w.endDate, w.categories, w.status, hiddenHeader(w.open)],
        row: (
          r,
        ) => html`<tr><td>${dateHtml(m.lang, lastEndDate(r.parts))}</td><td>${r.categories.join(", ")}</td><td>${m.statuses[r.status] ?? r.status}</td>
<td><a href="/registraties/${r.id}">${w.open}<span class="visually-hidden"> ${w.registration} ${r.id.slice(0, 8)}</span></a></td></tr>`,
      },
      html`<p>${w.endingIntro(ENDING_SOON_DAYS)}</p>
`,
    );

    // Overdue items first: a section with overdue letters leads; the others keep their order.
    const caseSection = worklistCasesSection(m, cases, SHOWN);
    const draftSection = draftsSection(m, request.session?.csrfToken ?? "", drafts);
    const sections =
      overdueCases > 0
        ? [caseSection, dutySection, draftSection, matchSection, endingSection]
        : [dutySection, draftSection, caseSection, matchSection, endingSection];
    return ctx.send(
      w.title,
      html`<h1>${w.title}</h1>
${meldingBanner(request, { bevestigd: w.confirmed, verklaring: w.declarationMissing, "niet-alle-bevestigd": w.notConfirmed }) ?? ""}
<p>${w.intro}</p>
<h2 class="visually-hidden">${w.counts}</h2>
<ul class="counts" aria-label="${w.counts}">
<li><a href="#duties"><span class="count-number">${duties.total}</span> ${w.duties}</a>${overdueDuties > 0 ? html` <strong class="badge badge--overdue">${overdueDuties} ${w.overdue}</strong>` : ""}</li>
<li><a href="#cases"><span class="count-number">${cases.total}</span> ${m.cases.worklistTitle}</a>${overdueCases > 0 ? html` <strong class="badge badge--overdue">${overdueCases} ${w.overdue}</strong>` : ""}</li>
<li><a href="#drafts"><span class="count-number">${drafts.total}</span> ${w.drafts}</a></li>
<li><a href="#matches"><span class="count-number">${matches.total}</span> ${w.matches}</a></li>
<li><a href="#ending"><span class="count-number">${ending.total}</span> ${w.ending}</a></li>
</ul>
${sections}`,
    );
  });
}
