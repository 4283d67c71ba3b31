import {
  ADDRESS_FIELDS,
  type Address,
  addressSchema,
  PERSON_FIELDS,
  type Person,
  personSchema,
} from "../../modules/registrations/schemas.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import type { RuleViolation } from "../../protocol/engine.ts";
import {
  errorText,
  type FieldErrors,
  type FormBody,
  hidden,
  selectField,
  str,
  type TextFieldOptions,
  textField,
  zodFieldErrors,
} from "../forms.ts";
import type { Messages } from "../i18n.ts";

/** The person's and the address's fields, in the forms' order: the contract's (one owner). */
export { ADDRESS_FIELDS, PERSON_FIELDS };

export type Values = Record<string, string>;

export function valuesOf(form: FormBody, prefix: string, fields: readonly string[]): Values {
  const out: Values = {};
  for (const f of fields) {
    const v = str(form, `${prefix}.${f}`);
    if (v) out[f] = v;
  }
  return out;
}

export function carry(prefix: string, values: Values): SafeHtml {
  return html`${Object.entries(values).map(([k, v]) => hidden(`${prefix}.${k}`, v))}`;
}

/** A text field of a group (`person.surname`): its value and its error under the group's name. */
function groupField(m: Messages, group: string, values: Values, errors: FieldErrors) {
  return (name: string, label: string, extra: Partial<TextFieldOptions> = {}) =>
    textField({
      m,
      name: `${group}.${name}`,
      label,
      value: values[name],
      error: errors.get(`${group}.${name}`),
      ...extra,
    });
}

export interface PersonFieldOptions {
  withEmail?: boolean;
  withSeekerNumber?: boolean;
  /** Only these person fields (a registration's profile, D-761); all when absent. */
  only?: readonly string[];
}

/** The person's identification fields (contract §3), labelled and with their errors. */
export function personFields(
  m: Messages,
  values: Values,
  errors: FieldErrors,
  options: PersonFieldOptions = {},
): SafeHtml {
  const p = m.person;
  const g = groupField(m, "person", values, errors);
  // A registration form shows only the fields its profile stores (D-761).
  const shown = (name: string) => !options.only || options.only.includes(name);
  const f: typeof g = (name, label, extra) => (shown(name) ? g(name, label, extra) : html``);
  return html`<fieldset class="group"><legend>${m.register.personLegend}</legend>
${f("initials", p.initials, { hint: p.initialsHint, required: true, width: "short" })}
${f("firstNames", p.firstNames, { width: "long" })}
${f("prefix", p.prefix, { hint: p.prefixHint, width: "short" })}
${f("surname", p.surname, { required: true, width: "long" })}
${f("birthName", p.birthName, { hint: p.birthNameHint, width: "long" })}
${f("birthDate", p.birthDate, { hint: p.birthDateHint, required: true, width: "short", inputmode: "numeric" })}
${
  shown("gender")
    ? selectField({
        m,
        name: "person.gender",
        label: p.gender,
        value: values.gender ?? "",
        error: errors.get("person.gender"),
        options: ["", "M", "V", "X"].map((v) => ({ value: v, label: p.genders[v] ?? v })),
      })
    : ""
}
${options.withEmail === false ? "" : f("email", p.email, { type: "email", width: "long" })}
${options.withSeekerNumber === false ? "" : f("seekerNumber", p.seekerNumber, { width: "medium" })}
</fieldset>`;
}

export function addressFields(
  m: Messages,
  legend: string,
  hint: string,
  values: Values,
  errors: FieldErrors,
): SafeHtml {
  const p = m.person;
  const f = groupField(m, "address", values, errors);
  return html`<fieldset class="group"><legend>${legend}</legend>
<p class="hint">${hint}</p>
${f("street", p.street, { width: "long" })}
${f("houseNumber", p.houseNumber, { width: "short", inputmode: "numeric" })}
${f("houseNumberAddition", p.houseNumberAddition, { width: "short" })}
${f("postcode", p.postcode, { width: "short" })}
${f("city", p.city, { width: "long" })}
${f("country", p.country, { hint: p.countryHint, width: "short" })}
</fieldset>`;
}

/** The person through the API's own schema (never a second copy of its rules). */
export function readPerson(m: Messages, values: Values, errors: FieldErrors): Person | undefined {
  const parsed = personSchema.safeParse(values);
  if (parsed.success) return parsed.data;
  zodFieldErrors(m, parsed.error, "person", errors);
  return undefined;
}

/** An address, or undefined when every field is empty; half an address is an error. */
export function readAddress(
  m: Messages,
  values: Values,
  errors: FieldErrors,
): Address | undefined | null {
  if (Object.keys(values).length === 0) return undefined;
  const parsed = addressSchema.safeParse(values);
  if (parsed.success) return parsed.data;
  const before = errors.size;
  zodFieldErrors(m, parsed.error, "address", errors);
  if (errors.size === before) errors.set("address.street", m.fieldErrors.addressIncomplete);
  return null;
}

/** What a form holds of a person and an address, as typed. */
export interface PersonAndAddressValues {
  person: Values;
  address: Values;
}

/** The person's and the address's fields of a form (without the e-mail where the form has none). */
export function personAndAddressValues(
  form: FormBody,
  options: { withEmail?: boolean } = {},
): PersonAndAddressValues {
  const personFields =
    options.withEmail === false ? PERSON_FIELDS.filter((f) => f !== "email") : PERSON_FIELDS;
  return {
    person: valuesOf(form, "person", personFields),
    address: valuesOf(form, "address", ADDRESS_FIELDS),
  };
}

/** The person's fieldset, then the address's (under its own legend and hint). */
export function personAndAddressFields(
  m: Messages,
  values: PersonAndAddressValues,
  errors: FieldErrors,
  address: { legend: string; hint: string },
  options: PersonFieldOptions = {},
): SafeHtml {
  return html`${personFields(m, values.person, errors, options)}
${addressFields(m, address.legend, address.hint, values.address, errors)}`;
}

/** The person and the address through the API's schemas (readPerson, readAddress). */
export function readPersonAndAddress(
  m: Messages,
  values: PersonAndAddressValues,
  errors: FieldErrors,
): { person: Person | undefined; address: Address | undefined | null } {
  return {
    person: readPerson(m, values.person, errors),
    address: readAddress(m, values.address, errors),
  };
}

/** Which form field a protocol rule is about, so its message sits beside that field. */
export function fieldOfRule(rule: string): string {
  if (rule.startsWith("evidence")) return "evidence";
  if (rule.startsWith("tenancy")) return "tenancyRelation";
  if (rule.startsWith("dwelling")) return "address.street";
  if (rule.includes("category")) return "categories";
  if (rule.includes("criterion")) return "criteria";
  if (rule.startsWith("claim") || rule === "damage_bracket") return "claim";
  if (rule.startsWith("term")) return "termMonths";
  return "placementDate";
}

/** A violation in the page's language, naming its rule and article (issue #10: "errors name the rule"). */
export function ruleMessage(
  m: Messages,
  v: Pick<RuleViolation, "rule" | "source" | "message">,
): string {
  const text = errorText(m, v.rule, v.message);
  return `${text} (${m.ruleNamed(v.rule, v.source)})`;
}

export function addViolations(
  m: Messages,
  violations: readonly Pick<RuleViolation, "rule" | "source" | "message">[],
  errors: FieldErrors,
): void {
  for (const v of violations) {
    const field = fieldOfRule(v.rule);
    const message = ruleMessage(m, v);
    errors.set(field, errors.has(field) ? `${errors.get(field)} ${message}` : message);
  }
}
