import type { Services } from "../../modules/index.ts";
import type { RegistrationInput } from "../../modules/registrations/schemas.ts";
import { callerOf } from "../../platform/auth/access.ts";
import type { Clock } from "../../platform/clock.ts";
import type { App } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import type { Language } from "../../platform/i18n.ts";
import { formatEuro } from "../../platform/money.ts";
import { isIsoDate } from "../../platform/werkdagen.ts";
import {
  describeProfile,
  evaluateRegistration,
  type ProfileDescription,
  type RuleViolation,
} from "../../protocol/engine.ts";
import { evidenceViolations, tenancyViolations } from "../../protocol/evidence.ts";
import type { Profile } from "../../protocol/profile.ts";
import { weighingViolations } from "../../protocol/weighing.ts";
import { dateHtml } from "../format.ts";
import {
  choiceField,
  csrfField,
  errorSummary,
  type FieldErrors,
  type FormBody,
  fieldId,
  formOf,
  hidden,
  list,
  parseEuroCents,
  str,
  textField,
} from "../forms.ts";
import type { Messages } from "../i18n.ts";
import { getPage, type Kit, OFFICER, type PageContext } from "../kit.ts";
import {
  carryEvidence,
  evidenceFields,
  evidenceSummary,
  evidenceValuesOf,
  readEvidence,
  tenancyFields,
  tenancyRelationOf,
} from "./evidence-fields.ts";
import {
  addViolations,
  carry,
  personAndAddressFields,
  personAndAddressValues,
  readPersonAndAddress,
  type Values,
} from "./person-fields.ts";
import { partRows } from "./registration-parts.ts";
import {
  addWeighingErrors,
  carryWeighing,
  readWeighing,
  WEIGHING_RULES,
  type WeighingValues,
  weighingFields,
  weighingText,
  weighingTexts,
  weighingValuesOf,
} from "./weighing-fields.ts";

const STEPS = 4;

/** Everything entered so far; carried from step to step in hidden fields (POST only). */
export interface Draft {
  categories: string[];
  criteria: string[];
  confirmCriteria: boolean;
  person: Values;
  address: Values;
  placementDate: string;
  claim: string;
  termMonths: string;
  /** Per ticked criterion its evidence (evidence-fields.ts), the relation, the dwelling only. */
  evidence: Values;
  tenancyRelation: string;
  dwellingOnly: boolean;
  /** The deciding officer's weighing (003 §12.1; D-1060), as entered. */
  weighing: WeighingValues;
}

export function draftOf(form: FormBody): Draft {
  return {
    categories: [...new Set(list(form, "categories"))],
    criteria: [...new Set(list(form, "criteria"))],
    confirmCriteria: str(form, "confirmCriteria") === "yes",
    ...personAndAddressValues(form),
    placementDate: str(form, "placementDate"),
    claim: str(form, "claim"),
    termMonths: str(form, "termMonths"),
    evidence: evidenceValuesOf(form),
    tenancyRelation: str(form, "tenancyRelation"),
    dwellingOnly: str(form, "dwellingOnly") === "yes",
    weighing: weighingValuesOf(form),
  };
}

/** Hidden fields for every part of the draft not edited on `step`. */
function carryDraft(d: Draft, step: number): SafeHtml {
  return html`${step !== 1 ? d.categories.map((c) => hidden("categories", c)) : ""}
${step !== 2 ? html`${d.criteria.map((c) => hidden("criteria", c))}${d.confirmCriteria ? hidden("confirmCriteria", "yes") : ""}` : ""}
${step !== 3 ? html`${carry("person", d.person)}${carry("address", d.address)}${hidden("placementDate", d.placementDate)}${hidden("claim", d.claim)}${hidden("termMonths", d.termMonths)}${carryEvidence(d.evidence)}${hidden("tenancyRelation", d.tenancyRelation)}${d.dwellingOnly ? hidden("dwellingOnly", "yes") : ""}${carryWeighing(d.weighing)}` : ""}`;
}

const CATEGORY_RULES = new Set(["category_required", "unknown_category", "duplicate_category"]);
const CRITERION_RULES = new Set([
  "criterion_required",
  "unknown_criterion",
  "duplicate_criterion",
  "criterion_does_not_fit",
  "criterion_missing_for_category",
]);

/** The input for the service, or the field errors that stop it (same schemas and engine). */
export function proposalOf(
  m: Messages,
  lang: Language,
  d: Draft,
  errors: FieldErrors,
  profile?: Profile,
  /** The change form asks the weighing only when the term or categories change (D-1060). */
  askWeighing = true,
): RegistrationInput | undefined {
  const { person, address } = readPersonAndAddress(m, d, errors);
  if (!isIsoDate(d.placementDate)) errors.set("placementDate", m.fieldErrors.date);
  const claimCents = parseEuroCents(d.claim);
  if (claimCents !== undefined && Number.isNaN(claimCents))
    errors.set("claim", m.fieldErrors.amount);
  const termMonths = d.termMonths === "" ? undefined : Number(d.termMonths);
  if (
    termMonths !== undefined &&
    !(Number.isInteger(termMonths) && termMonths >= 1 && termMonths <= 120)
  )
    errors.set("termMonths", m.fieldErrors.whole);
  const evidence = profile ? readEvidence(m, profile, d.criteria, d.evidence, errors) : undefined;
  const weighing = askWeighing ? readWeighing(lang, d.weighing, errors) : undefined;
  if (errors.size > 0 || !person || address === null || (askWeighing && !weighing)) {
    return undefined;
  }
  const relation = tenancyRelationOf(d.tenancyRelation);
  return {
    person,
    // The form's one address is both, unless the person left it (issue 20 part 5).
    ...(address ? (d.dwellingOnly ? { dwellingAddress: address } : { address }) : {}),
    ...(relation ? { tenancyRelation: relation } : {}),
    ...(evidence ? { evidence } : {}),
    categories: d.categories,
    criteria: d.criteria,
    placementDate: d.placementDate,
    ...(claimCents !== undefined ? { claimCents } : {}),
    ...(termMonths !== undefined ? { termMonths } : {}),
    ...(weighing ? { weighing } : {}),
  };
}

function stepIndicator(m: Messages, step: number): SafeHtml {
  return html`<ol class="steps" aria-label="${m.register.step(step, STEPS)}">
${m.register.steps.slice(0, STEPS).map((label, i) => html`<li${i + 1 === step ? html` aria-current="step" class="current"` : i + 1 < step ? html` class="done"` : ""}>${label}</li>`)}
</ol>`;
}

/**
 * The categories a form offers: those the region uses, and any the registration already holds
 * (an opt-in category switched off later must not fall off a change form; D-766).
 */
export function categoryOptions(
  m: Messages,
  described: ProfileDescription,
  offered: { switchedOn: readonly string[]; held: readonly string[] },
) {
  const shown = described.categories.filter(
    (c) => !c.regionOptIn || offered.switchedOn.includes(c.code) || offered.held.includes(c.code),
  );
  return shown.map((c) => ({
    value: c.code,
    label: html`<strong>${c.code}</strong> ${c.title}`,
    hint: html`${c.description}<br>${c.term.kind === "fixed" ? m.register.fixedTerm(c.term.maxMonths) : m.register.maxTerm(c.term.maxMonths)} · ${m.register.scope}: ${m.scopes[c.scope.value] ?? c.scope.value} · <span class="source">${c.source}</span>`,
  }));
}

function stepForm(
  ctx: PageContext,
  csrf: string,
  step: number,
  d: Draft,
  inner: SafeHtml,
  errors: FieldErrors,
  nextLabel?: string,
) {
  const { m } = ctx;
  return html`<h1>${m.register.title}</h1>
<p class="step-label">${m.register.step(step, STEPS)}: ${m.register.steps[step - 1]}</p>
${stepIndicator(m, step)}
${errorSummary(m, errors)}
<form method="post" action="/registraties/nieuw" novalidate>
${csrfField(csrf)}
<input type="hidden" name="step" value="${String(step)}">
${carryDraft(d, step)}
${inner}
<div class="actions">
<button type="submit" name="action" value="next" class="button button--primary">${nextLabel ?? m.next}</button>
${step > 1 ? html`<button type="submit" name="action" value="back" class="button button--secondary" formnovalidate>${m.back}</button>` : ""}
</div>
</form>`;
}

export function registerRegisterPages(app: App, services: Services, kit: Kit, clock: Clock) {
  async function render(
    ctx: PageContext,
    csrf: string,
    step: number,
    d: Draft,
    errors: FieldErrors,
    status = 200,
  ) {
    const { m } = ctx;
    const profile = await services.organisations.profile();
    const described = describeProfile(profile);
    const chosen = described.categories.filter((c) => d.categories.includes(c.code));
    let inner: SafeHtml;
    let nextLabel: string | undefined;
    if (step === 1) {
      inner = choiceField({
        m,
        name: "categories",
        type: "checkbox",
        legend: m.register.categoryLegend,
        legendClass: "legend--heading",
        hint: m.register.categoryHint,
        error: errors.get("categories"),
        options: categoryOptions(m, described, {
          switchedOn: await services.organisations.categoriesSwitchedOn(),
          held: d.categories,
        }),
        checked: d.categories,
      });
    } else if (step === 2) {
      inner = html`<p class="warning"><strong>${m.register.doubt}</strong> ${m.register.criteriaIntro}</p>
${errors.has("criteria") ? html`<p class="field-error" id="${fieldId("criteria")}-error">${errors.get("criteria")}</p>` : ""}
${chosen.map((c, i) =>
  choiceField({
    m,
    name: "criteria",
    idBase:
      i === 0
        ? fieldId("criteria")
        : `${fieldId("criteria")}-${c.code.replace(/[^A-Za-z0-9]/g, "")}`,
    type: "checkbox",
    legend: m.register.criteriaLegend(c.code, c.title),
    options: c.criteria.map((k) => ({
      value: k.code,
      label: html`<strong>${k.code}</strong> ${k.text}`,
      hint: html`<span class="source">${k.source}</span>`,
    })),
    checked: d.criteria,
  }),
)}
<div class="form-field${errors.has("confirmCriteria") ? " form-field--invalid" : ""}">
${errors.has("confirmCriteria") ? html`<p class="field-error" id="f-confirmCriteria-error">${errors.get("confirmCriteria")}</p>` : ""}
<div class="choice"><input type="checkbox" id="f-confirmCriteria" name="confirmCriteria" value="yes"${d.confirmCriteria ? html` checked` : ""}${errors.has("confirmCriteria") ? html` aria-invalid="true" aria-describedby="f-confirmCriteria-error"` : ""}>
<label for="f-confirmCriteria">${m.register.confirmCriteria}</label></div>
</div>`;
    } else if (step === 3) {
      const needsClaim = chosen.some((c) => c.claim.mode !== "not_applicable");
      const choosableTerm = chosen.some((c) => c.term.kind === "maximum");
      inner = html`${personAndAddressFields(m, d, errors, { legend: m.register.addressLegend, hint: m.register.addressHint }, { only: profile.personFields.value })}
<fieldset class="group"><legend>${m.register.placementLegend}</legend>
${textField({ m, name: "placementDate", label: m.register.placementDate, hint: m.register.placementHint, value: d.placementDate, required: true, error: errors.get("placementDate"), width: "short", inputmode: "numeric" })}
${needsClaim ? textField({ m, name: "claim", label: m.register.claim, hint: m.register.claimHint, value: d.claim, error: errors.get("claim"), width: "short", inputmode: "decimal", required: chosen.some((c) => c.claim.mode === "required") }) : hidden("claim", d.claim)}
${choosableTerm ? textField({ m, name: "termMonths", label: m.register.term, hint: m.register.termHint, value: d.termMonths, error: errors.get("termMonths"), width: "short", inputmode: "numeric" }) : hidden("termMonths", d.termMonths)}
</fieldset>
${tenancyFields(m, d.tenancyRelation, d.dwellingOnly, errors)}
${evidenceFields(m, profile, d.criteria, d.evidence, errors)}
${weighingFields(ctx.lang, d.weighing, errors)}`;
    } else {
      const probe: FieldErrors = new Map();
      const proposal = proposalOf(m, ctx.lang, d, probe, profile);
      const evaluation = proposal
        ? evaluateRegistration(profile, proposal, clock.today())
        : undefined;
      if (!proposal || !evaluation?.ok) return render(ctx, csrf, 3, d, probe, 422);
      const person = proposal.person;
      const name = [
        person.initials,
        person.firstNames ? `(${person.firstNames})` : "",
        person.prefix,
        person.surname,
      ]
        .filter(Boolean)
        .join(" ");
      nextLabel = m.register.confirm;
      inner = html`<h2>${m.register.checkTitle}</h2>
<p>${m.register.checkIntro}</p>
<dl class="facts">
<dt>${m.register.personEntered}</dt><dd>${name}, ${dateHtml(m.lang, person.birthDate)}</dd>
<dt>${m.register.categoriesChosen}</dt><dd>${chosen.map((c) => `${c.code} ${c.title}`).join("; ")}</dd>
<dt>${m.register.criteriaChosen}</dt><dd>${proposal.criteria.join(", ")}</dd>
<dt>${m.register.evidenceChosen}</dt><dd>${evidenceSummary(proposal.evidence ?? [])}</dd>
${proposal.claimCents !== undefined ? html`<dt>${m.register.claim}</dt><dd>${formatEuro(proposal.claimCents, ctx.lang)}</dd>` : ""}
<dt>${m.register.startDate}</dt><dd>${dateHtml(m.lang, evaluation.startDate)}</dd>
<dt>${m.register.termMonths}</dt><dd>${m.register.months(evaluation.termMonths)}</dd>
<dt>${weighingTexts[ctx.lang].shown.title}</dt><dd>${weighingText(ctx.lang, proposal.weighing)}</dd>
${partRows(m, evaluation.parts)}
<dt>${m.register.initialStatus}</dt><dd>${m.statuses[evaluation.initialStatus] ?? evaluation.initialStatus}</dd>
</dl>
<h3>${m.register.rules}</h3>
<ul class="rules">${evaluation.explanation.map(
        (e) =>
          html`<li lang="nl"><p>${e.text}</p><p class="source">${m.register.rule} <code>${e.rule}</code> · ${m.register.source}: ${e.source}</p></li>`,
      )}</ul>`;
    }
    return ctx.send(
      m.register.title,
      stepForm(ctx, csrf, step, d, inner, errors, nextLabel),
      status,
    );
  }

  const empty: Draft = {
    categories: [],
    criteria: [],
    confirmCriteria: false,
    person: {},
    address: {},
    placementDate: "",
    claim: "",
    termMonths: "",
    evidence: {},
    tenancyRelation: "",
    dwellingOnly: false,
    weighing: { interestsWeighed: false, term: "", shorterReason: "" },
  };

  getPage(app, kit, "/registraties/nieuw", OFFICER, async (ctx, request) => {
    return render(ctx, request.session?.csrfToken ?? "", 1, empty, new Map());
  });

  app.post("/registraties/nieuw", { config: { access: OFFICER } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const { m, lang } = ctx;
    const csrf = request.session?.csrfToken ?? "";
    const form = formOf(request.body);
    const d = draftOf(form);
    const step = Math.min(Math.max(Number(str(form, "step")) || 1, 1), STEPS);
    if (str(form, "action") === "back")
      return render(ctx, csrf, Math.max(step - 1, 1), d, new Map());

    const profile = await services.organisations.profile();
    const today = clock.today();
    const errors: FieldErrors = new Map();
    // Steps 1 and 2 ask the engine about their own rules only; it sees a neutral placement date.
    const partial = (rules: Set<string>): RuleViolation[] => {
      const e = evaluateRegistration(
        profile,
        { categories: d.categories, criteria: d.criteria, placementDate: today },
        today,
      );
      return e.ok ? [] : e.violations.filter((v) => rules.has(v.rule));
    };
    const categoryViolations = partial(CATEGORY_RULES);
    if (d.categories.length === 0) errors.set("categories", m.register.categoryMissing);
    else addViolations(m, categoryViolations, errors);
    if (errors.size > 0 || step === 1)
      return render(ctx, csrf, errors.size > 0 ? 1 : 2, d, errors, errors.size > 0 ? 422 : 200);

    addViolations(m, partial(CRITERION_RULES), errors);
    if (!d.confirmCriteria) errors.set("confirmCriteria", m.register.confirmMissing);
    if (errors.size > 0) return render(ctx, csrf, 2, d, errors, 422);
    if (step === 2) return render(ctx, csrf, 3, d, errors);

    const proposal = proposalOf(m, lang, d, errors, profile);
    if (!proposal) return render(ctx, csrf, 3, d, errors, 422);
    const evaluation = evaluateRegistration(profile, proposal, today);
    const grounds = [
      ...evidenceViolations(profile, proposal, today),
      ...tenancyViolations(profile, {
        criteria: proposal.criteria,
        tenancyRelation: proposal.tenancyRelation,
        hasDwellingAddress: (proposal.address ?? proposal.dwellingAddress) !== undefined,
      }),
    ];
    if (evaluation.ok) {
      addWeighingErrors(lang, weighingViolations(proposal.weighing, evaluation), errors);
    }
    if (!evaluation.ok || grounds.length > 0 || errors.size > 0) {
      addViolations(m, [...(evaluation.ok ? [] : evaluation.violations), ...grounds], errors);
      return render(ctx, csrf, 3, d, errors, 422);
    }
    if (step === 3) return render(ctx, csrf, 4, d, errors);

    try {
      const created = await services.registrations.createRegistration(
        ...callerOf(request),
        proposal,
      );
      return reply.redirect(`/registraties/${created.id}?melding=nieuw`, 303);
    } catch (err) {
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
      return render(ctx, csrf, 3, d, errors, 422);
    }
  });
}
