/**
 * Drafts on the worklist (issue 20 part 3; 003 §8, §12.1, §12.2): registrations that wait for
 * an officer's confirmation with the declaration "criteria vastgesteld, geen twijfel" — one by
 * one, or every draft of one CSV import at once.
 */
import type { Services } from "../../modules/index.ts";
import type { RegistrationSummary } from "../../modules/registrations/schemas.ts";
import { callerOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { dateHtml, formatDate } from "../format.ts";
import { csrfField, formOf, str } from "../forms.ts";
import type { Messages } from "../i18n.ts";
import { type Kit, OFFICER } from "../kit.ts";
import { idParam } from "../params.ts";

/** The declaration and the button of one confirmation form. */
function confirmForm(m: Messages, csrf: string, action: string, label: string): SafeHtml {
  return html`<form method="post" action="${action}" class="inline-form">${csrfField(csrf)}
<div class="choice"><input type="checkbox" id="d-${action}" name="declaration" value="yes" required>
<label for="d-${action}">${m.worklist.declaration}</label></div>
<button type="submit" class="button">${label}</button></form>`;
}

/** The worklist's section of drafts: per import one form for all, per draft its own. */
export function draftsSection(
  m: Messages,
  csrf: string,
  drafts: { items: readonly RegistrationSummary[]; total: number },
): SafeHtml {
  const w = m.worklist;
  const imports = Map.groupBy(
    drafts.items.filter((r) => r.importId && r.awaiting === "confirmation"),
    (r) => r.importId!,
  );
  const rows = drafts.items.map(
    (r) => html`<tr><td>${dateHtml(m.lang, r.placementDate)}</td><td>${r.categories.join(", ")}</td>
<td>${w.awaiting[r.awaiting ?? "confirmation"] ?? ""}${r.pendingChange ? html` (${w.lengthening(formatDate(m.lang, r.pendingChange.endDate))})` : ""}</td>
<td><a href="/registraties/${r.id}">${w.open}<span class="visually-hidden"> ${w.registration} ${r.id.slice(0, 8)}</span></a>
${confirmForm(m, csrf, `/registraties/${r.id}/bevestigen`, w.confirm)}</td></tr>`,
  );
  return html`<section aria-labelledby="drafts">
<h2 id="drafts">${w.drafts} <span class="count">(${drafts.total})</span></h2>
<p>${w.draftsIntro}</p>
${[...imports].map(([importId, items]) => confirmForm(m, csrf, `/werklijst/import/${importId}/bevestigen`, w.confirmImport(items.length)))}
${
  drafts.items.length === 0
    ? html`<p class="empty">${w.draftsEmpty}</p>`
    : html`<table><caption class="visually-hidden">${w.drafts}</caption>
<thead><tr><th scope="col">${m.register.placementDate}</th><th scope="col">${w.categories}</th><th scope="col">${w.waitsFor}</th><th scope="col"><span class="visually-hidden">${w.open}</span></th></tr></thead>
<tbody>${rows}</tbody></table>`
}
</section>`;
}

/** The two confirmation actions; both go back to the worklist with a banner. */
export function registerDraftActions(app: App, services: Services, kit: Kit) {
  const declared = (body: unknown) => str(formOf(body), "declaration") === "yes";
  app.post(
    "/registraties/:id/bevestigen",
    { config: { access: OFFICER } },
    async (request, reply) => {
      await kit.contextOf(request, reply);
      if (!declared(request.body)) return reply.redirect("/werklijst?melding=verklaring", 303);
      const id = idParam(request, "registration");
      await services.registrations.confirmRegistration(...callerOf(request), id);
      return reply.redirect("/werklijst?melding=bevestigd", 303);
    },
  );
  app.post(
    "/werklijst/import/:id/bevestigen",
    { config: { access: OFFICER } },
    async (request, reply) => {
      await kit.contextOf(request, reply);
      if (!declared(request.body)) return reply.redirect("/werklijst?melding=verklaring", 303);
      const importId = idParam(request, "import");
      const outcome = await services.registrations.confirmImport(...callerOf(request), importId);
      const melding = outcome.refused.length > 0 ? "niet-alle-bevestigd" : "bevestigd";
      return reply.redirect(`/werklijst?melding=${melding}`, 303);
    },
  );
}
