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
import { csrfField, formOf, str } from "../forms.ts";
import type { Messages } from "../i18n.ts";
import { type Kit, OFFICER } from "../kit.ts";
import { idParam } from "../params.ts";
import { NO_WEIGHING, readWeighing, weighingFields, weighingValuesOf } from "./weighing-fields.ts";

/**
 * The declaration and the button of one confirmation form; `weighing`: the confirming officer's
 * weighing fields too, for drafts that have none (an import's; 003 §12.1, D-1060).
 */
export function confirmForm(
  m: Messages,
  csrf: string,
  action: string,
  label: string,
  weighing?: { idBase: string },
): SafeHtml {
  return html`<form method="post" action="${action}" class="inline-form">${csrfField(csrf)}
${weighing ? weighingFields(m.lang, NO_WEIGHING, new Map(), false, weighing.idBase) : ""}
<div class="choice"><input type="checkbox" id="d-${action}" name="declaration" value="yes" required>
<label for="d-${action}">${m.worklist.declaration}</label></div>
<button type="submit" class="button">${label}</button></form>`;
}

/** One draft's own confirmation form (the worklist's draft row). */
export function confirmDraftForm(m: Messages, csrf: string, draft: RegistrationSummary): SafeHtml {
  // A draft without a weighing is confirmed on its own page, where the weighing is asked.
  if (!draft.weighing) {
    return html`<a href="/registraties/${draft.id}#h-waiting">${m.detail.waitingOpen}</a>`;
  }
  return confirmForm(m, csrf, `/registraties/${draft.id}/bevestigen`, m.worklist.confirm);
}

/** Per CSV import one form that confirms all its drafts at once (the worklist, above its list). */
export function importConfirmForms(
  m: Messages,
  csrf: string,
  drafts: readonly RegistrationSummary[],
): SafeHtml {
  const imports = Map.groupBy(
    drafts.filter((r) => r.importId && r.awaiting === "confirmation"),
    (r) => r.importId!,
  );
  if (imports.size === 0) return html``;
  return html`<section aria-labelledby="drafts"><h2 id="drafts">${m.worklist.drafts}</h2>
<p>${m.worklist.draftsIntro}</p>
${[...imports].map(([importId, items]) => confirmForm(m, csrf, `/werklijst/import/${importId}/bevestigen`, m.worklist.confirmImport(items.length), { idBase: `w-${importId}` }))}
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
      const ctx = await kit.contextOf(request, reply);
      if (!declared(request.body)) return reply.redirect("/werklijst?melding=verklaring", 303);
      // One weighing for the import's drafts, given by the importing officer (D-1060).
      const weighing = readWeighing(ctx.lang, weighingValuesOf(formOf(request.body)), new Map());
      if (!weighing) return reply.redirect("/werklijst?melding=afweging", 303);
      const importId = idParam(request, "import");
      const outcome = await services.registrations.confirmImport(
        ...callerOf(request),
        importId,
        weighing,
      );
      const melding = outcome.refused.length > 0 ? "niet-alle-bevestigd" : "bevestigd";
      return reply.redirect(`/werklijst?melding=${melding}`, 303);
    },
  );
}
