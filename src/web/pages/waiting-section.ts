/**
 * What a registration waits for, on its own page (issue 20 parts 3 and 4; 003 §8 "bij twijfel …
 * van invoer af te zien", §12.1, §12.2, §12.3; D-841, D-845, D-961): a draft, or a lengthening
 * that a second officer must confirm — with the new values, the reason, and the declaration
 * "criteria vastgesteld, geen twijfel" and its button for the officer who confirms; a draft
 * without a weighing asks the confirming officer's (003 §12.1; D-1060).
 */
import type { RegistrationSummary } from "../../modules/registrations/schemas.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { dateHtml } from "../format.ts";
import { choiceField, csrfField, type FieldErrors } from "../forms.ts";
import type { Messages } from "../i18n.ts";
import { NO_WEIGHING, type WeighingValues, weighingFields } from "./weighing-fields.ts";

/** The action the section's form posts to (registrations.ts handles it). */
export const confirmationAction = (id: string) => `/registraties/${id}/bevestiging`;

export function waitingSection(
  m: Messages,
  csrf: string,
  view: Pick<RegistrationSummary, "id" | "awaiting" | "pendingChange" | "weighing">,
  errors: FieldErrors,
  weighing: WeighingValues = NO_WEIGHING,
): SafeHtml {
  if (!view.awaiting) return html``;
  const d = m.detail;
  const change = view.pendingChange;
  const facts = change
    ? html`<p>${d.waitingChange}</p>
<dl class="facts">
<dt>${m.register.categoriesChosen}</dt><dd>${change.categories.join(", ")}</dd>
<dt>${m.register.criteriaChosen}</dt><dd>${change.criteria.join(", ")}</dd>
<dt>${m.register.placementDate}</dt><dd>${dateHtml(m.lang, change.placementDate)}</dd>
<dt>${m.register.termMonths}</dt><dd>${m.register.months(change.termMonths)}</dd>
<dt>${d.waitingEndDate}</dt><dd>${dateHtml(m.lang, change.endDate)}</dd>
<dt>${d.waitingReason}</dt><dd>${d.changeReasons[change.reason] ?? change.reason}</dd>
</dl>`
    : html`<p>${d.waitingDraft[view.awaiting] ?? ""}</p>`;
  return html`<section aria-labelledby="h-waiting" class="notice notice--warning"><h2 id="h-waiting">${d.waitingTitle}</h2>
${facts}
<form method="post" action="${confirmationAction(view.id)}" novalidate>
${csrfField(csrf)}
${!change && !view.weighing ? weighingFields(m.lang, weighing, errors) : ""}
${choiceField({ m, name: "declaration", type: "checkbox", legend: d.waitingTitle, legendClass: "visually-hidden", error: errors.get("declaration"), options: [{ value: "yes", label: m.worklist.declaration }], checked: [] })}
<button type="submit" class="button button--primary">${change ? d.confirmChange : d.confirmDraft}</button>
</form>
</section>`;
}
