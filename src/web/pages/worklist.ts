import type { Services } from "../../modules/index.ts";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { Clock } from "../../platform/clock.ts";
import type { App } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { html } from "../../platform/html.ts";
import { addDays } from "../../platform/werkdagen.ts";
import { dateHtml } from "../format.ts";
import { getPage, type Kit, OFFICER } from "../kit.ts";
import { table } from "../table.ts";
import { arrearsTasksByUrgency } from "./arrears-worklist.ts";
import { confirmDraftForm, importConfirmForms } from "./drafts.ts";
import { meldingBanner } from "./melding.ts";
import { weighingTexts } from "./weighing-fields.ts";
import {
  arrearsRows,
  byUrgency,
  caseRows,
  checkRows,
  draftRows,
  dutyRows,
  endingRows,
  matchRows,
  ROW_KINDS,
  type RowKind,
  type WorkRow,
} from "./worklist-rows.ts";

/** "Ending soon": within this many days (enough to decide on a continuation in time). */
export const ENDING_SOON_DAYS = 60;
/** At most this many items of one source are read for the worklist; the counts say how many. */
const READ = 100;
/** At most this many rows are shown; the rest wait on the source's own page. */
const SHOWN = 100;

/** The arrears tasks, or none for an organisation that takes no part in vroegsignalering. */
async function arrearsOf(services: Services, principal: Parameters<typeof principalOf>[0]) {
  try {
    return await arrearsTasksByUrgency(services, principalOf(principal));
  } catch (err) {
    if (err instanceof AppError && (err.status === 403 || err.status === 404)) {
      return { sorted: [], overdue: () => false };
    }
    throw err;
  }
}

/**
 * The officer's start page: one worklist that is the whole worklist (issue 21 part 7) — case
 * deadlines, letter duties (correction letters and art. 19 notices among them), match
 * decisions, drafts awaiting confirmation (D-841, D-842), arrears tasks and registrations
 * ending soon — in one list, most urgent first: overdue rows lead, then by due date, rows
 * without a deadline of their own last. Every row names the person (names decrypted for the
 * officer and audited, registrations.namesOf / letters.dutySubjects) and opens the thing to
 * act on. Decided cases whose deadlines are all met have left (cases.caseWorklist).
 */
export function registerWorklistPage(app: App, services: Services, kit: Kit, clock: Clock) {
  getPage(app, kit, "/werklijst", OFFICER, async (ctx, request) => {
    const { m } = ctx;
    const w = m.worklist;
    const d = m.desk;
    const principal = principalOf(request);
    const today = clock.today();
    const csrf = request.session?.csrfToken ?? "";
    const [cases, duties, matches, ending, drafts, arrears, screeningChecks, accessChecks] =
      await Promise.all([
        services.cases.caseWorklist(principal),
        services.letters.listDuties(principal, { status: "open", page: 1, pageSize: READ }),
        services.seekers.listMatches(principal, { status: "pending", page: 1, pageSize: READ }),
        services.registrations.listRegistrations(principal, {
          endAfter: today,
          endBefore: addDays(today, ENDING_SOON_DAYS + 1),
          page: 1,
          pageSize: READ,
        }),
        // Drafts, and lengthenings waiting for a second officer (D-845, D-961).
        services.registrations.listRegistrations(principal, {
          awaiting: true,
          page: 1,
          pageSize: READ,
        }),
        arrearsOf(services, request),
        // Identity checks for other participants (issue 24 part 4): possible hits, access requests.
        services.screenings.screeningCandidates(principal, { status: "pending" }),
        services.cases.accessConfirmations(...callerOf(request)),
      ]);
    const names = await services.registrations.namesOf(...callerOf(request), [
      ...cases.items.flatMap((c) => (c.registrationId ? [c.registrationId] : [])),
      ...duties.items.flatMap((x) => (x.registrationId ? [x.registrationId] : [])),
      ...matches.items.map((x) => x.registrationId),
      ...ending.items.map((r) => r.id),
      ...drafts.items.map((r) => r.id),
      ...screeningChecks.items.map((x) => x.registrationId),
      ...accessChecks.items.map((x) => x.registrationId),
    ]);
    const subjects = await services.letters.dutySubjects(
      ...callerOf(request),
      duties.items.filter((x) => !x.registrationId).map((x) => x.id),
    );
    const rows: WorkRow[] = [
      ...caseRows(m, names, cases.items),
      ...dutyRows(m, names, subjects, duties.items),
      ...draftRows(m, names, drafts.items, (r) => confirmDraftForm(m, csrf, r)),
      ...matchRows(m, names, matches.items),
      ...checkRows(m, names, today, screeningChecks.items, accessChecks.items),
      ...arrearsRows(m, arrears.sorted, arrears.overdue),
      ...endingRows(m, names, ending.items),
    ].sort(byUrgency);
    const totals: Record<RowKind, number> = {
      case: cases.total,
      duty: duties.total,
      draft: drafts.total,
      match: matches.total,
      check: screeningChecks.items.length + accessChecks.items.length,
      arrears: arrears.sorted.length,
      ending: ending.total,
    };
    const overdue = (kind: RowKind) => rows.filter((r) => r.kind === kind && r.overdue).length;
    const shown = rows.slice(0, SHOWN);
    const more = rows.length - shown.length;
    const listing = table({
      empty: d.empty,
      caption: d.caption(rows.length),
      captionHidden: true,
      head: [d.due, d.what, d.who, d.action],
      rows: shown,
      row: (
        r,
      ) => html`<tr class="work-row work-row--${r.kind}${r.overdue ? " overdue" : ""}"><td>${r.due ? dateHtml(m.lang, r.due) : d.noDate}${r.overdue ? html` <strong class="badge badge--overdue">${w.overdue}</strong>` : ""}</td>
<td>${r.what}</td><td>${r.who}</td><td>${r.action}</td></tr>`,
    });
    return ctx.send(
      w.title,
      html`<h1>${w.title}</h1>
${meldingBanner(request, { bevestigd: w.confirmed, verklaring: w.declarationMissing, afweging: weighingTexts[ctx.lang].worklistMissing, "niet-alle-bevestigd": w.notConfirmed }) ?? ""}
<p>${w.intro}</p>
<h2 class="visually-hidden">${w.counts}</h2>
<ul class="counts" aria-label="${w.counts}">
${ROW_KINDS.map((k) => html`<li><span class="count-number">${totals[k]}</span> ${d.kinds[k]}${overdue(k) > 0 ? html` <strong class="badge badge--overdue">${overdue(k)} ${w.overdue}</strong>` : ""}</li>`)}
</ul>
${importConfirmForms(m, csrf, drafts.items)}
<section aria-labelledby="todo">
<h2 id="todo">${d.title} <span class="count">(${rows.length})</span></h2>
${listing}
${more > 0 ? html`<p>${w.more(more)}</p>` : ""}
</section>`,
    );
  });
}
