/**
 * The registration form's evidence per ticked criterion, the person's relation to the tenancy
 * and "no longer lives at the dwelling" (issue 20 parts 2 and 5; 003 §8, ch. 5, §16.3; 001
 * Bijlage 1). Per criterion, every kind its profile allows gets a date and a reference field:
 * a kind counts as given when its date is filled, so cumulative kinds (001 W1.2: two
 * sommaties, verklaringen and an invitation) are each entered.
 */
import { type EvidenceItemInput, evidenceItem } from "../../modules/registrations/schemas.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import {
  EVIDENCE_KINDS,
  TENANCY_RELATION_LABELS,
  TENANCY_RELATIONS,
  type TenancyRelation,
} from "../../protocol/evidence.ts";
import type { Profile } from "../../protocol/profile.ts";
import { type FieldErrors, type FormBody, hidden, selectField, textField } from "../forms.ts";
import type { Messages } from "../i18n.ts";
import type { Values } from "./person-fields.ts";

const PREFIX = "evidence.";

/** The form's evidence fields (`evidence.<criterion>.<kind>.date|reference`), as entered. */
export function evidenceValuesOf(form: FormBody): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(form)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (k.startsWith(PREFIX) && typeof value === "string" && value.trim() !== "") {
      out[k] = value.trim();
    }
  }
  return out;
}

/** The evidence fields carried on in hidden fields past the step that edits them. */
export function carryEvidence(values: Values): SafeHtml {
  return html`${Object.entries(values).map(([k, v]) => hidden(k, v))}`;
}

const field = (criterion: string, kind: string, part: "date" | "reference") =>
  `${PREFIX}${criterion}.${kind}.${part}`;

/** The body's `evidence`: one item per kind with a date, of the ticked criteria only. */
export function evidenceItemsOf(
  profile: Profile,
  criteria: readonly string[],
  values: Values,
): EvidenceItemInput[] {
  return profile.criteria
    .filter((c) => criteria.includes(c.code))
    .flatMap((c) =>
      c.evidence.kinds
        .filter((kind) => values[field(c.code, kind, "date")])
        .map((kind) => {
          const reference = values[field(c.code, kind, "reference")];
          return {
            criterion: c.code,
            kind,
            date: values[field(c.code, kind, "date")]!,
            ...(reference ? { reference } : {}),
          };
        }),
    );
}

/**
 * The body's `evidence` read as the API reads it (the same `evidenceItem` schema: a date that
 * exists, a reference that is a case number or ECLI, never prose), each fault on its own field.
 * A reference without a date is not dropped silently: its date field asks for the date.
 */
export function readEvidence(
  m: Messages,
  profile: Profile,
  criteria: readonly string[],
  values: Values,
  errors: FieldErrors,
): EvidenceItemInput[] {
  for (const c of profile.criteria.filter((x) => criteria.includes(x.code))) {
    for (const kind of c.evidence.kinds) {
      if (values[field(c.code, kind, "reference")] && !values[field(c.code, kind, "date")]) {
        errors.set(field(c.code, kind, "date"), m.register.evidenceDateMissing);
      }
    }
  }
  const items = evidenceItemsOf(profile, criteria, values);
  for (const item of items) {
    const parsed = evidenceItem.safeParse(item);
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      const part = issue.path[0] === "reference" ? "reference" : "date";
      errors.set(
        field(item.criterion, item.kind, part),
        part === "reference" ? m.register.evidenceReferenceError : m.fieldErrors.date,
      );
    }
  }
  return items;
}

/** The form's values of stored evidence, to fill the fields of a change form. */
export function evidenceValuesFrom(items: readonly EvidenceItemInput[]): Values {
  const out: Values = {};
  for (const e of items) {
    out[field(e.criterion, e.kind, "date")] = e.date;
    if (e.reference) out[field(e.criterion, e.kind, "reference")] = e.reference;
  }
  return out;
}

/** Whether two lists of evidence say the same, in whatever order (a change form resends all). */
export function sameEvidence(
  a: readonly EvidenceItemInput[],
  b: readonly EvidenceItemInput[],
): boolean {
  const key = (items: readonly EvidenceItemInput[]) =>
    items
      .map((e) => JSON.stringify([e.criterion, e.kind, e.date, e.reference ?? null]))
      .sort()
      .join("\n");
  return key(a) === key(b);
}

/** The relation as the body takes it; "" (not given) is left out. */
export function tenancyRelationOf(value: string): TenancyRelation | undefined {
  return (TENANCY_RELATIONS as readonly string[]).includes(value)
    ? (value as TenancyRelation)
    : undefined;
}

/** Per ticked criterion a group with a date and a reference for every kind it allows. */
export function evidenceFields(
  m: Messages,
  profile: Profile,
  criteria: readonly string[],
  values: Values,
  errors: FieldErrors,
): SafeHtml {
  const r = m.register;
  const error = errors.get("evidence");
  return html`${error ? html`<p class="field-error" id="f-evidence-error"><span class="visually-hidden">${m.errorPrefix} </span>${error}</p>` : ""}
${profile.criteria
  .filter((c) => criteria.includes(c.code))
  .map(
    (c) => html`<fieldset class="group"><legend>${r.evidenceLegend(c.code)}</legend>
<p class="hint">${r.evidenceHint}</p>
${c.evidence.kinds.map((kind) => {
  const label = `${EVIDENCE_KINDS[kind]}${c.evidence.required?.includes(kind) ? ` (${r.evidenceRequired})` : ""}`;
  return html`${textField({ m, name: field(c.code, kind, "date"), label: r.evidenceDate(label), hint: r.evidenceDateHint, value: values[field(c.code, kind, "date")], error: errors.get(field(c.code, kind, "date")), width: "short", inputmode: "numeric" })}
${textField({ m, name: field(c.code, kind, "reference"), label: r.evidenceReference(EVIDENCE_KINDS[kind]), hint: r.evidenceReferenceHint, value: values[field(c.code, kind, "reference")], error: errors.get(field(c.code, kind, "reference")), width: "medium" })}`;
})}
</fieldset>`,
  )}`;
}

/** The relation to the tenancy (optional) and whether the dwelling is no longer the contact. */
export function tenancyFields(
  m: Messages,
  relation: string,
  dwellingOnly: boolean,
  errors: FieldErrors,
): SafeHtml {
  const r = m.register;
  return html`${selectField({
    m,
    name: "tenancyRelation",
    label: r.tenancyRelation,
    value: relation,
    error: errors.get("tenancyRelation"),
    options: [
      { value: "", label: r.tenancyRelationUnknown },
      ...TENANCY_RELATIONS.map((v) => ({ value: v, label: TENANCY_RELATION_LABELS[v] })),
    ],
  })}
<p class="hint">${r.tenancyRelationHint}</p>
<div class="choice"><input type="checkbox" id="f-dwellingOnly" name="dwellingOnly" value="yes"${dwellingOnly ? html` checked` : ""}>
<label for="f-dwellingOnly">${r.dwellingOnly}</label></div>`;
}

/** How the step-4 check lists the evidence: "a: Vonnis … (2026-03-01, C/09/…)". */
export function evidenceSummary(items: readonly EvidenceItemInput[]): string {
  return items
    .map(
      (e) =>
        `${e.criterion}: ${EVIDENCE_KINDS[e.kind as keyof typeof EVIDENCE_KINDS] ?? e.kind} (${e.date}${e.reference ? `, ${e.reference}` : ""})`,
    )
    .join("; ");
}
