/**
 * The officer's page to change a registration (003 §12.3; issue 20 parts 2 and 4; D-844,
 * D-845, D-961). A change of what was decided is a new decision with a reason code; the
 * evidence per ticked criterion is edited here as on the registration form (kinds from the
 * profile, a date, an optional case number or ECLI), each fault on its own field, and nothing
 * typed is lost when the page or the service refuses. A lengthening that waits for a second
 * officer goes back to the registration's page, which offers the confirmation.
 */
import type { Services } from "../../modules/index.ts";
import {
  CHANGE_REASONS,
  type ChangeReason,
  DECISION_FIELDS,
  type RegistrationPatch,
} from "../../modules/registrations/schemas.ts";
import { callerOf } from "../../platform/auth/access.ts";
import type { Clock } from "../../platform/clock.ts";
import type { App } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { html } from "../../platform/html.ts";
import {
  describeProfile,
  evaluateRegistration,
  type RuleViolation,
} from "../../protocol/engine.ts";
import { evidenceViolations } from "../../protocol/evidence.ts";
import { formatDate } from "../format.ts";
import {
  choiceField,
  csrfField,
  errorSummary,
  errorText,
  type FieldErrors,
  formOf,
  str,
  textField,
} from "../forms.ts";
import { getPage, type Kit, OFFICER, type PageContext } from "../kit.ts";
import { idParam } from "../params.ts";
import { evidenceFields, evidenceValuesFrom, sameEvidence } from "./evidence-fields.ts";
import { addViolations, personAndAddressFields, type Values } from "./person-fields.ts";
import { categoryOptions, type Draft, draftOf, proposalOf } from "./register.ts";
import {
  addWeighingErrors,
  readWeighing,
  WEIGHING_RULES,
  weighingFields,
} from "./weighing-fields.ts";

export function registerRegistrationChangePage(
  app: App,
  services: Services,
  kit: Kit,
  clock: Clock,
) {
  async function changePage(
    ctx: PageContext,
    id: string,
    csrf: string,
    d: Draft,
    errors: FieldErrors,
    status = 200,
    reason = "",
    waitingUntil?: string,
  ) {
    const { m } = ctx;
    const profile = await services.organisations.profile();
    const described = describeProfile(profile);
    const switchedOn = await services.organisations.categoriesSwitchedOn();
    return ctx.send(
      m.detail.changeTitle,
      html`<h1>${m.detail.changeTitle}</h1>
<p>${m.detail.changeIntro}</p>
${waitingUntil ? html`<div class="notice notice--warning"><p>${m.detail.changeWaiting(formatDate(m.lang, waitingUntil))} <a href="/registraties/${id}#h-waiting">${m.detail.waitingOpen}</a></p></div>` : ""}
${errorSummary(m, errors)}
<form method="post" action="/registraties/${id}/wijzigen" novalidate>
${csrfField(csrf)}
<input type="hidden" name="confirmCriteria" value="yes">
${choiceField({ m, name: "categories", type: "checkbox", legend: m.register.categoryLegend, error: errors.get("categories"), options: categoryOptions(m, described, { switchedOn, held: d.categories }), checked: d.categories })}
${choiceField({
  m,
  name: "criteria",
  type: "checkbox",
  legend: m.register.criteriaChosen,
  hint: `${m.register.criteriaIntro} ${m.detail.changeEvidenceHint}`,
  error: errors.get("criteria"),
  options: described.criteria.map((k) => ({
    value: k.code,
    label: html`<strong>${k.code}</strong> ${k.text}`,
    hint: html`${k.categories.join(", ")} · <span class="source">${k.source}</span>`,
  })),
  checked: d.criteria,
})}
${evidenceFields(m, profile, d.criteria, d.evidence, errors)}
${personAndAddressFields(m, d, errors, { legend: m.register.addressLegend, hint: m.register.addressHint }, { only: profile.personFields.value })}
<fieldset class="group"><legend>${m.register.placementLegend}</legend>
${textField({ m, name: "placementDate", label: m.register.placementDate, hint: m.register.placementHint, value: d.placementDate, required: true, error: errors.get("placementDate"), width: "short" })}
${textField({ m, name: "claim", label: m.register.claim, hint: m.register.claimHint, value: d.claim, error: errors.get("claim"), width: "short", inputmode: "decimal" })}
${textField({ m, name: "termMonths", label: m.register.term, value: d.termMonths, error: errors.get("termMonths"), width: "short", inputmode: "numeric" })}
</fieldset>
${weighingFields(ctx.lang, d.weighing, errors, true)}
${choiceField({
  m,
  name: "reason",
  type: "radio",
  legend: m.detail.changeReason,
  hint: m.detail.changeReasonHint,
  error: errors.get("reason"),
  options: CHANGE_REASONS.map((code) => ({
    value: code,
    label: m.detail.changeReasons[code] ?? code,
  })),
  checked: reason ? [reason] : [],
})}
<div class="actions"><button type="submit" class="button button--primary">${m.save}</button>
<a href="/registraties/${id}">${m.cancel}</a></div>
</form>`,
      status,
    );
  }

  getPage(app, kit, "/registraties/:id/wijzigen", OFFICER, async (ctx, request) => {
    const id = idParam(request, "registration");
    const view = await services.registrations.getRegistration(...callerOf(request), id);
    const strings = (o: object | null): Values =>
      Object.fromEntries(
        Object.entries(o ?? {})
          .filter(([, v]) => v !== undefined && v !== null)
          .map(([k, v]) => [k, String(v)]),
      );
    const d: Draft = {
      categories: view.categories,
      criteria: view.criteria,
      confirmCriteria: true,
      person: strings(view.person),
      address: strings(view.address),
      placementDate: view.placementDate,
      claim:
        view.claimCents !== null
          ? (view.claimCents / 100).toFixed(2).replace(".", ctx.m.decimalSeparator)
          : "",
      termMonths: String(view.termMonths),
      evidence: evidenceValuesFrom(view.evidence ?? []),
      tenancyRelation: view.tenancyRelation ?? "",
      dwellingOnly: false,
      // A new term or new categories are weighed afresh (D-1060): nothing is ticked for them.
      weighing: { interestsWeighed: false, term: "", shorterReason: "" },
    };
    return changePage(
      ctx,
      id,
      request.session?.csrfToken ?? "",
      d,
      new Map(),
      200,
      "",
      view.pendingChange?.endDate,
    );
  });

  app.post(
    "/registraties/:id/wijzigen",
    { config: { access: OFFICER } },
    async (request, reply) => {
      const ctx = await kit.contextOf(request, reply);
      const { m, lang } = ctx;
      const id = idParam(request, "registration");
      const csrf = request.session?.csrfToken ?? "";
      const form = formOf(request.body);
      const d = draftOf(form);
      const reasonGiven = str(form, "reason");
      const reason = (CHANGE_REASONS as readonly string[]).includes(reasonGiven)
        ? (reasonGiven as ChangeReason)
        : undefined;
      const errors: FieldErrors = new Map();
      const profile = await services.organisations.profile();
      const again = (status = 422) => changePage(ctx, id, csrf, d, errors, status, reasonGiven);
      const proposal = proposalOf(m, lang, d, errors, profile, false);
      if (!proposal) return again();
      // Only what changed: a correction of the person or address alone is no new decision and
      // keeps the term and protocol version it was decided under (D-760).
      const current = await services.registrations.getRegistration(...callerOf(request), id);
      const patch: RegistrationPatch = { ...proposal };
      // This form edits the contact address; the rented dwelling stays as recorded (issue 20).
      if (patch.address) {
        patch.contactAddress = patch.address;
        delete patch.address;
      }
      for (const f of DECISION_FIELDS) {
        if (JSON.stringify(patch[f] ?? null) === JSON.stringify(current[f] ?? null))
          delete patch[f];
      }
      // The form sends all evidence; unchanged, it is left out, so that correcting an address
      // of a registration from before evidence was required stays a correction (D-820).
      if (sameEvidence(patch.evidence ?? [], current.evidence ?? [])) delete patch.evidence;
      const redecided = DECISION_FIELDS.some((f) => patch[f] !== undefined);
      if (redecided) {
        // 003 §12.3: a changed decision says why (D-844).
        if (!reason) errors.set("reason", m.detail.changeReasonMissing);
        else patch.reason = reason;
        const evaluation = evaluateRegistration(profile, proposal, clock.today());
        if (!evaluation.ok) addViolations(m, evaluation.violations, errors);
        // A new term or new categories: the officer's weighing again (003 §12.1; D-1060).
        if (patch.termMonths !== undefined || patch.categories !== undefined) {
          const weighing = readWeighing(
            lang,
            d.weighing,
            errors,
            evaluation.ok ? evaluation : undefined,
          );
          if (weighing) patch.weighing = weighing;
        }
      }
      if (redecided || patch.evidence !== undefined) {
        addViolations(m, evidenceViolations(profile, proposal, clock.today()), errors);
      }
      if (errors.size > 0) return again();
      let result: Awaited<ReturnType<typeof services.registrations.updateRegistration>>;
      try {
        result = await services.registrations.updateRegistration(...callerOf(request), id, patch);
      } catch (err) {
        if (err instanceof AppError && err.code === "change_awaiting_second_look") {
          errors.set("reason", errorText(m, err.code));
          return again(409);
        }
        if (!(err instanceof AppError) || err.status !== 422) throw err;
        const details = err.details as { violations?: RuleViolation[] } | undefined;
        addWeighingErrors(lang, details?.violations ?? [], errors);
        addViolations(
          m,
          (details?.violations ?? [{ rule: err.code, source: "", message: err.message }]).filter(
            (v) => !WEIGHING_RULES.has(v.rule),
          ),
          errors,
        );
        return again();
      }
      const melding = result.pendingChange ? "wacht-op-tweede" : "gewijzigd";
      return reply.redirect(`/registraties/${id}?melding=${melding}`, 303);
    },
  );
}
