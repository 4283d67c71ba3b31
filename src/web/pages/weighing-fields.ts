/**
 * The deciding officer's weighing on the web (review row 003-02; 003 §12.1 "Vastleggende
 * partij": "belangenafweging … proportionaliteitsbeginsel", §7; D-1060): a box "I weighed the
 * interests", the term (the regular term or a shorter one) and, for a shorter term, its reason
 * from the closed list. Data, never prose. Used by the registration form, the confirmation of a
 * draft and the change of a registration; each refusal is put on its own field.
 */
import { html, type SafeHtml } from "../../platform/html.ts";
import { defineCatalogue, type Language } from "../../platform/i18n.ts";
import type { RuleViolation } from "../../protocol/engine.ts";
import {
  SHORTER_TERM_REASONS,
  type ShorterTermReason,
  type Weighing,
  weighingViolations,
} from "../../protocol/weighing.ts";
import { choiceField, type FieldErrors, type FormBody, hidden, str } from "../forms.ts";

const reasonsNl: Record<ShorterTermReason, string> = {
  lesser_severity: "Het gedrag is minder ernstig of had minder zware gevolgen",
  claim_arrangement: "Er is een passende oplossing voor de vordering, zoals een betalingsregeling",
  new_chance_guidance: "Er is zicht op een nieuwe kans met begeleiding bij het wonen",
  interests_of_person: "De belangen van de persoon wegen zwaarder dan een volle termijn",
};

export const weighingTexts = defineCatalogue(
  "web.weighing",
  {
    legend: "Uw afweging",
    changeHint:
      "Alleen nodig als u de termijn of de categorieën wijzigt: dat is een nieuw besluit.",
    hint: "U neemt het besluit. Weeg de belangen van de persoon af tegen die van de verhuurders en kies een termijn die in verhouding staat tot het gedrag.",
    interestsWeighed:
      "Ik heb de belangen van de persoon afgewogen tegen die van de verhuurders en de termijn in verhouding gekozen.",
    interestsMissing: "Vink aan dat u de belangen hebt afgewogen.",
    worklistMissing:
      "Vul uw afweging in (belangen afgewogen, termijn en zo nodig de reden) om de registraties te bevestigen.",
    term: "Termijn",
    standard: "De gewone termijn voor deze categorieën",
    shorter: "Een kortere termijn",
    termMissing: "Kies de gewone of een kortere termijn.",
    reason: "Waarom een kortere termijn?",
    reasonMissing: "Kies waarom de termijn korter is.",
    reasonOnlyShorter: "Een reden hoort alleen bij een kortere termijn.",
    shorterNotShorter:
      "U koos een kortere termijn: vul bij Termijn minder maanden in dan de gewone termijn.",
    notWeighedShorter:
      "De termijn is korter dan de gewone: kies Een kortere termijn en de reden daarvan.",
    reasons: reasonsNl,
    shown: {
      title: "Afweging",
      notRecorded: "Niet vastgelegd",
      standard: "Belangen afgewogen; gewone termijn",
      shorter: (reason: string) => `Belangen afgewogen; kortere termijn: ${reason}`,
    },
  },
  {
    legend: "Your weighing",
    changeHint: "Only needed when you change the term or the categories: that is a new decision.",
    hint: "You take the decision. Weigh the person's interests against the landlords' and choose a term in proportion to the behaviour.",
    interestsWeighed:
      "I weighed the person's interests against the landlords' and chose the term in proportion.",
    interestsMissing: "Tick that you weighed the interests.",
    worklistMissing:
      "Fill in your weighing (interests weighed, term and, if needed, the reason) to confirm the registrations.",
    term: "Term",
    standard: "The regular term for these categories",
    shorter: "A shorter term",
    termMissing: "Choose the regular or a shorter term.",
    reason: "Why a shorter term?",
    reasonMissing: "Choose why the term is shorter.",
    reasonOnlyShorter: "A reason goes with a shorter term only.",
    shorterNotShorter:
      "You chose a shorter term: enter fewer months under Term than the regular term.",
    notWeighedShorter:
      "The term is shorter than the regular one: choose A shorter term and its reason.",
    reasons: {
      lesser_severity: "The behaviour was less serious or had lighter consequences",
      claim_arrangement: "There is a fitting solution for the claim, such as a payment plan",
      new_chance_guidance: "A new chance with support in housing is in view",
      interests_of_person: "The person's interests outweigh a full term",
    },
    shown: {
      title: "Weighing",
      notRecorded: "Not recorded",
      standard: "Interests weighed; regular term",
      shorter: (reason: string) => `Interests weighed; shorter term: ${reason}`,
    },
  },
);

/** The weighing as entered (strings, so that nothing typed is lost on a refusal). */
export interface WeighingValues {
  interestsWeighed: boolean;
  term: string;
  shorterReason: string;
}

/** Nothing entered yet. */
export const NO_WEIGHING: WeighingValues = { interestsWeighed: false, term: "", shorterReason: "" };

export function weighingValuesOf(form: FormBody): WeighingValues {
  return {
    interestsWeighed: str(form, "interestsWeighed") === "yes",
    term: str(form, "weighingTerm"),
    shorterReason: str(form, "shorterReason"),
  };
}

/** Hidden fields carrying the weighing past the steps that do not edit it. */
export function carryWeighing(v: WeighingValues): SafeHtml {
  return html`${v.interestsWeighed ? hidden("interestsWeighed", "yes") : ""}${hidden("weighingTerm", v.term)}${hidden("shorterReason", v.shorterReason)}`;
}

/** The fieldsets of the weighing, with each field's error. */
export function weighingFields(
  lang: Language,
  v: WeighingValues,
  errors: FieldErrors,
  onChange = false,
  /** Where several forms on one page ask it (the worklist's imports): unique ids. */
  idBase = "f",
): SafeHtml {
  const t = weighingTexts[lang];
  const interestsError = errors.get("interestsWeighed");
  const box = `${idBase}-interestsWeighed`;
  return html`<fieldset class="group"><legend>${t.legend}</legend>
<p class="hint">${onChange ? t.changeHint : t.hint}</p>
<div class="form-field${interestsError ? " form-field--invalid" : ""}">
${interestsError ? html`<p class="field-error" id="${box}-error">${interestsError}</p>` : ""}
<div class="choice"><input type="checkbox" id="${box}" name="interestsWeighed" value="yes"${v.interestsWeighed ? html` checked` : ""}${interestsError ? html` aria-invalid="true" aria-describedby="${box}-error"` : ""}>
<label for="${box}">${t.interestsWeighed}</label></div>
</div>
${choiceField({
  name: "weighingTerm",
  ...(idBase !== "f" ? { idBase: `${idBase}-weighingTerm` } : {}),
  legend: t.term,
  type: "radio",
  error: errors.get("weighingTerm"),
  options: [
    { value: "standard", label: t.standard },
    { value: "shorter", label: t.shorter },
  ],
  checked: [v.term],
})}
${choiceField({
  name: "shorterReason",
  ...(idBase !== "f" ? { idBase: `${idBase}-shorterReason` } : {}),
  legend: t.reason,
  type: "radio",
  error: errors.get("shorterReason"),
  options: SHORTER_TERM_REASONS.map((r) => ({ value: r, label: t.reasons[r] })),
  checked: [v.shorterReason],
})}
</fieldset>`;
}

/** The rules of the weighing: their refusals go on the weighing's fields (addWeighingErrors). */
export const WEIGHING_RULES = new Set([
  "weighing_required",
  "shorter_term_reason_required",
  "shorter_term_reason_without_shorter_term",
  "shorter_term_not_shorter",
  "shorter_term_not_weighed",
]);

const FIELD_OF: Record<string, string> = {
  weighing: "interestsWeighed",
  "weighing.interestsWeighed": "interestsWeighed",
  "weighing.term": "weighingTerm",
  "weighing.shorterReason": "shorterReason",
  termMonths: "termMonths",
};

/** Each refusal of the weighing's rules on its form field, in plain words. */
export function addWeighingErrors(
  lang: Language,
  violations: readonly RuleViolation[],
  errors: FieldErrors,
): void {
  const t = weighingTexts[lang];
  const words: Record<string, string> = {
    weighing_required: t.interestsMissing,
    shorter_term_reason_required: t.reasonMissing,
    shorter_term_reason_without_shorter_term: t.reasonOnlyShorter,
    shorter_term_not_shorter: t.shorterNotShorter,
    shorter_term_not_weighed: t.notWeighedShorter,
  };
  for (const v of violations) {
    const field = FIELD_OF[String(v.details?.field ?? "")];
    const text = words[v.rule];
    if (field && text && !errors.has(field)) errors.set(field, text);
  }
}

/**
 * The body's weighing, or undefined with the missing fields marked. `term`: the decided term
 * and its profile's longest, to check a shorter term against (undefined: not checked here).
 */
export function readWeighing(
  lang: Language,
  v: WeighingValues,
  errors: FieldErrors,
  term?: { termMonths: number; maxTermMonths: number },
): Weighing | undefined {
  const t = weighingTexts[lang];
  if (!v.interestsWeighed) errors.set("interestsWeighed", t.interestsMissing);
  if (v.term !== "standard" && v.term !== "shorter") {
    errors.set("weighingTerm", t.termMissing);
    return undefined;
  }
  const reason = SHORTER_TERM_REASONS.find((r) => r === v.shorterReason);
  const weighing: Weighing = {
    interestsWeighed: v.interestsWeighed,
    term: v.term,
    ...(reason ? { shorterReason: reason } : {}),
  };
  const before = errors.size;
  addWeighingErrors(lang, weighingViolations(weighing, term), errors);
  return errors.size === before && v.interestsWeighed ? weighing : undefined;
}

/** The recorded weighing in words, for the registration's page and the auditor's. */
export function weighingText(lang: Language, weighing: Weighing | null | undefined): string {
  const t = weighingTexts[lang].shown;
  if (!weighing) return t.notRecorded;
  if (weighing.term === "shorter" && weighing.shorterReason) {
    return t.shorter(weighingTexts[lang].reasons[weighing.shorterReason].toLowerCase());
  }
  return t.standard;
}
