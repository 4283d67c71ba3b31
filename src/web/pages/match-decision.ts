import type { FastifyRequest } from "fastify";
import type { Services } from "../../modules/index.ts";
import type { Person } from "../../modules/registrations/schemas.ts";
import { callerOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import type { Language } from "../../platform/i18n.ts";
import { addDays } from "../../platform/werkdagen.ts";
import { formatDate, formatNumber } from "../format.ts";
import { csrfField, shownRefusal } from "../forms.ts";
import type { Messages } from "../i18n.ts";
import { type Kit, OFFICER, type PageContext, postPage } from "../kit.ts";
import { idParam } from "../params.ts";

/**
 * Confirming a match is a deliberate act (issue 21 part 9; usability review defect 13; D-991):
 * the two persons side by side with what differs marked, the score in words, a second question
 * before the block ("U blokkeert hiermee woningzoekende … tot …"), and the officer's own undo
 * while the block letter is unsent.
 */

const FIELDS = [
  "initials",
  "firstNames",
  "prefix",
  "surname",
  "birthName",
  "birthDate",
  "gender",
] as const;

const folded = (v: string | undefined) =>
  (v ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\s.]+/g, "")
    .toLowerCase();

const number = (lang: Language, n: number) => formatNumber(lang, n);

/** The two persons as a table, one row per field; a row whose values differ is marked. */
export function comparisonTable(m: Messages, registered: Person, seeker: Person): SafeHtml {
  const t = m.matchDecision;
  const value = (p: Person, f: (typeof FIELDS)[number]) => {
    const v = p[f];
    if (!v) return "";
    if (f === "birthDate") return formatDate(m.lang, v);
    if (f === "gender") return m.person.genders[v] ?? v;
    return v;
  };
  const rows = FIELDS.map((f) => {
    const a = value(registered, f);
    const b = value(seeker, f);
    const state: "same" | "oneSideMissing" | "differs" =
      !a && !b
        ? "same"
        : !a || !b
          ? "oneSideMissing"
          : folded(a) === folded(b)
            ? "same"
            : "differs";
    return { f, a, b, state };
  }).filter((r) => r.a || r.b);
  return html`<table class="table comparison"><caption>${t.compareCaption}</caption>
<thead><tr><th scope="col">${t.field}</th><th scope="col">${m.matches.registered}</th><th scope="col">${m.matches.seekerSide}</th><th scope="col">${m.matches.level}</th></tr></thead>
<tbody>${rows.map(
    (r) =>
      html`<tr${r.state === "same" ? "" : html` class="differs"`}><th scope="row">${m.person[r.f]}</th><td>${r.state === "differs" ? html`<mark>${r.a}</mark>` : r.a || m.none}</td><td>${r.state === "differs" ? html`<mark>${r.b}</mark>` : r.b || m.none}</td><td>${r.state === "same" ? t.same : html`<strong>${t[r.state]}</strong>`}</td></tr>`,
  )}</tbody></table>`;
}

/** The score in words: what adds up, where the region's threshold lies, how far above it. */
export function scoreInWords(m: Messages, score: number, threshold: number): SafeHtml {
  const t = m.matchDecision;
  const text =
    score >= threshold
      ? t.scoreWords(
          number(m.lang, score),
          number(m.lang, threshold),
          number(m.lang, score - threshold),
        )
      : t.scoreBelow(number(m.lang, score), number(m.lang, threshold));
  return html`<h2>${t.scoreHeading}</h2><p>${text}</p>`;
}

/** The officer's own undo while it is allowed (the service decides; D-991). */
export function undoSection(m: Messages, id: string, until: string, csrf: string): SafeHtml {
  const t = m.matchDecision;
  return html`<section aria-labelledby="h-undo"><h2 id="h-undo">${t.undoHeading}</h2>
<p>${t.undoText(formatDate(m.lang, until))}</p>
<form method="post" action="/matches/${id}/ongedaan">${csrfField(csrf)}
<button type="submit" class="button button--secondary">${t.undoButton}</button></form></section>`;
}

/**
 * The second question before a block: whom, until when (the registration's last day in
 * force: the day before its latest end date), and what it means for the person.
 */
export async function confirmStep(
  ctx: PageContext,
  request: FastifyRequest,
  services: Services,
  id: string,
) {
  const { m } = ctx;
  const t = m.matchDecision;
  const match = await services.seekers.getMatch(...callerOf(request), id);
  const registration = await services.registrations.getRegistration(
    ...callerOf(request),
    match.registrationId,
  );
  const ends = registration.parts.map((p) => p.endDate).sort();
  const lastEnd = ends.at(-1) ?? registration.endDate;
  const question = lastEnd
    ? t.confirmQuestion(match.seekerNumber, formatDate(m.lang, addDays(lastEnd, -1)))
    : t.confirmQuestionNoEnd(match.seekerNumber);
  const csrf = request.session?.csrfToken ?? "";
  return ctx.send(
    t.confirmTitle,
    html`<h1>${t.confirmTitle}</h1>
<div class="notice notice--warning"><p><strong>${question}</strong></p></div>
<p>${t.confirmUndoHint}</p>
<form method="post" action="/matches/${id}/besluit" class="decision">
${csrfField(csrf)}
<input type="hidden" name="decision" value="confirm">
<input type="hidden" name="zeker" value="ja">
<div class="actions">
<button type="submit" class="button button--primary">${t.confirmYes}</button>
<a href="/matches/${id}" class="button button--secondary">${t.confirmBack}</a>
</div>
</form>`,
  );
}

/** POST /matches/:id/ongedaan: the officer's own undo; a refusal is said in words. */
export function registerMatchUndoPage(app: App, services: Services, kit: Kit) {
  postPage(app, kit, "/matches/:id/ongedaan", OFFICER, async (ctx, request, reply) => {
    const id = idParam(request, "match");
    try {
      await services.seekers.undoConfirmation(...callerOf(request), id);
    } catch (caught) {
      const err = shownRefusal(caught);
      const t = ctx.m.matchDecision;
      return ctx.send(
        t.undoHeading,
        html`<h1>${t.undoHeading}</h1>
<div class="error-summary" role="alert"><p>${t.refusals[err.code] ?? err.message}</p></div>
<p><a href="/matches/${id}">${ctx.m.matches.detailTitle}</a></p>`,
        err.status,
      );
    }
    return reply.redirect(`/matches/${id}?melding=ongedaan`, 303);
  });
}
