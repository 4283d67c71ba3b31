import type { z } from "zod";
import { AppError } from "../platform/errors.ts";
import { html, type SafeHtml } from "../platform/html.ts";
import type { Messages } from "./i18n.ts";

/** A parsed HTML form (application/x-www-form-urlencoded): repeated names give arrays. */
export type FormBody = Record<string, string | string[] | undefined>;

export function formOf(body: unknown): FormBody {
  return body && typeof body === "object" ? (body as FormBody) : {};
}

/** One value of a field, trimmed; "" when absent. */
export function str(form: FormBody, name: string): string {
  const v = form[name];
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
}

/** Every value of a (checkbox) field. */
export function list(form: FormBody, name: string): string[] {
  const v = form[name];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return all.map((x) => x.trim()).filter((x) => x !== "");
}

/** Field name → message; the order of insertion is the order of the error summary. */
export type FieldErrors = Map<string, string>;

/** Ids in the page may not hold dots or brackets: person.surname → f-person-surname. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/**
 * The error summary at the top of a form (NL Design System / GOV.UK pattern): a titled alert
 * that receives focus (autofocus) and links each message to its field.
 */
export function errorSummary(m: Messages, errors: FieldErrors, extra: SafeHtml[] = []): SafeHtml {
  if (errors.size === 0 && extra.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title" autofocus>
<h2 id="error-summary-title">${m.errorSummary}</h2>
<ul>
${[...errors].map(([name, message]) => html`<li><a href="#${fieldId(name)}">${message}</a></li>`)}
${extra.map((e) => html`<li>${e}</li>`)}
</ul>
</div>`;
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

export function hidden(name: string, value: string | undefined): SafeHtml {
  return value === undefined || value === ""
    ? html``
    : html`<input type="hidden" name="${name}" value="${value}">`;
}

export interface TextFieldOptions {
  name: string;
  label: string;
  value?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  type?: "text" | "email" | "password" | "date" | "number";
  autocomplete?: string;
  inputmode?: "numeric" | "decimal" | "text";
  width?: "short" | "medium" | "long";
  m: Messages;
}

/** The wrapper, label, hint and error every labelled field shares; `control` draws the input. */
function labelledField(
  o: Pick<TextFieldOptions, "name" | "label" | "hint" | "error" | "required" | "m">,
  control: (id: string, aria: SafeHtml) => SafeHtml,
): SafeHtml {
  const id = fieldId(o.name);
  const described = [o.hint ? `${id}-hint` : "", o.error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  const aria = html`${o.required ? html` required aria-required="true"` : ""}${o.error ? html` aria-invalid="true"` : ""}${described ? html` aria-describedby="${described}"` : ""}`;
  return html`<div class="form-field${o.error ? " form-field--invalid" : ""}">
<label for="${id}">${o.label}${o.required ? "" : html` <span class="optional">(${o.m.optional})</span>`}</label>
${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ""}
${o.error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${o.m.errorPrefix} </span>${o.error}</p>` : ""}
${control(id, aria)}
</div>`;
}

/** A labelled text input with its hint and error, tied together by aria-describedby. */
export function textField(o: TextFieldOptions): SafeHtml {
  return labelledField(
    o,
    (id, aria) =>
      html`<input id="${id}" name="${o.name}" type="${o.type ?? "text"}" class="input input--${o.width ?? "medium"}" value="${o.value ?? ""}"${aria}${
        o.autocomplete ? html` autocomplete="${o.autocomplete}"` : html` autocomplete="off"`
      }${o.inputmode ? html` inputmode="${o.inputmode}"` : ""}>`,
  );
}

/** A labelled textarea, tied to its hint and error like textField. */
export function textArea(
  o: Pick<TextFieldOptions, "name" | "label" | "value" | "hint" | "error" | "required" | "m">,
): SafeHtml {
  return labelledField(
    o,
    (id, aria) =>
      html`<textarea id="${id}" name="${o.name}" rows="5" class="input input--long"${aria}>${o.value ?? ""}</textarea>`,
  );
}

export interface ChoiceOptions {
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  type: "checkbox" | "radio";
  options: { value: string; label: string | SafeHtml; hint?: string | SafeHtml | undefined }[];
  checked: readonly string[];
  legendClass?: string;
  /** Ids start here (default: from the name); several fieldsets may share one name. */
  idBase?: string;
  /** The page's messages (for the hidden "Fout:"/"Error:" before an error). */
  m?: Messages;
}

/** A fieldset of checkboxes or radio buttons; the error links to the first option. */
export function choiceField(o: ChoiceOptions): SafeHtml {
  const id = o.idBase ?? fieldId(o.name);
  const described = [o.hint ? `${id}-hint` : "", o.error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return html`<fieldset class="form-field${o.error ? " form-field--invalid" : ""}"${described ? html` aria-describedby="${described}"` : ""}>
<legend class="${o.legendClass ?? ""}">${o.legend}</legend>
${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ""}
${o.error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${o.m?.errorPrefix ?? "Fout:"} </span>${o.error}</p>` : ""}
${o.options.map((opt, i) => {
  const optId = i === 0 ? id : `${id}-${i}`;
  return html`<div class="choice">
<input type="${o.type}" id="${optId}" name="${o.name}" value="${opt.value}"${o.checked.includes(opt.value) ? html` checked` : ""}${opt.hint ? html` aria-describedby="${optId}-hint"` : ""}>
<label for="${optId}">${opt.label}</label>
${opt.hint ? html`<div class="hint" id="${optId}-hint">${opt.hint}</div>` : ""}
</div>`;
})}
</fieldset>`;
}

/**
 * The one checkbox a destructive step asks ticked (`confirm=yes`), with its error from `errors`
 * above it; the danger button that follows is the page's own.
 */
export function confirmField(errors: FieldErrors, label: string): SafeHtml {
  const error = errors.get("confirm");
  return html`<div class="form-field${error ? " form-field--invalid" : ""}">
${error ? html`<p class="field-error" id="f-confirm-error">${error}</p>` : ""}
<div class="choice"><input type="checkbox" id="f-confirm" name="confirm" value="yes"${error ? html` aria-invalid="true" aria-describedby="f-confirm-error"` : ""}>
<label for="f-confirm">${label}</label></div>
</div>`;
}

/** The buttons under a destructive step's form: the red submit, and a way back without it. */
export function dangerActions(submit: string, cancelHref: string, cancel: string): SafeHtml {
  return html`<div class="actions"><button type="submit" class="button button--danger">${submit}</button>
<a href="${cancelHref}">${cancel}</a></div>`;
}

export interface SelectOptions {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value: string;
  error?: string | undefined;
  /** The page's messages (for the hidden "Fout:"/"Error:" before an error). */
  m?: Messages;
}

export function selectField(o: SelectOptions): SafeHtml {
  const id = fieldId(o.name);
  return html`<div class="form-field${o.error ? " form-field--invalid" : ""}">
<label for="${id}">${o.label}</label>
${o.error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${o.m?.errorPrefix ?? "Fout:"} </span>${o.error}</p>` : ""}
<select id="${id}" name="${o.name}" class="input"${o.error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ""}>
${o.options.map((opt) => html`<option value="${opt.value}"${opt.value === o.value ? html` selected` : ""}>${opt.label}</option>`)}
</select>
</div>`;
}

/**
 * A form's values checked against the API's `schema`: the data, or undefined with each refusal
 * put on its field (zodFieldErrors) for the page to send the form again.
 */
export function checkedForm<T>(
  m: Messages,
  schema: z.ZodType<T>,
  values: unknown,
  errors: FieldErrors,
  prefix = "",
): T | undefined {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  zodFieldErrors(m, parsed.error, prefix, errors);
  return undefined;
}

/**
 * Turns zod issues into field errors under `prefix` (e.g. "person"), in Dutch or English:
 * the kind of problem decides the message, the field its place.
 */
export function zodFieldErrors(
  m: Messages,
  error: z.ZodError,
  prefix: string,
  errors: FieldErrors,
): void {
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    if (errors.has(key)) continue;
    const last = String(issue.path.at(-1) ?? "");
    let message = m.fieldErrors.invalid;
    // A rule of a person's name (matching/written-names.ts) says why in its own words.
    const rule = issue.code === "custom" ? (issue.params as { rule?: string })?.rule : undefined;
    if (rule && m.fieldErrors.nameRules[rule]) message = m.fieldErrors.nameRules[rule];
    else if (
      issue.code === "too_small" ||
      (issue.code === "invalid_type" && issue.input === undefined)
    )
      message = m.fieldErrors.required;
    else if (last === "initials") message = m.fieldErrors.initials;
    else if (last === "birthDate") message = m.fieldErrors.date;
    else if (last === "email") message = m.fieldErrors.email;
    else if (last === "houseNumber") message = m.fieldErrors.houseNumber;
    else if (last === "postcode") message = m.fieldErrors.postcode;
    else if (["surname", "firstNames", "birthName", "street", "city", "prefix"].includes(last))
      message = m.fieldErrors.name;
    errors.set(key, message);
  }
}

/** Pagination links ("Pagina 2 van 5"), keeping the filter's (non-personal) query. */
export function pagination(
  m: Messages,
  path: string,
  query: Record<string, string | undefined>,
  pageNo: number,
  pageSize: number,
  total: number,
): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return html``;
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
    q.set("page", String(p));
    return `${path}?${q.toString()}`;
  };
  return html`<nav class="pagination" aria-label="${m.pagination}">
${pageNo > 1 ? html`<a href="${href(pageNo - 1)}" rel="prev">${m.previousPage}</a>` : ""}
<span aria-current="page">${m.pageOf(pageNo, pages)}</span>
${pageNo < pages ? html`<a href="${href(pageNo + 1)}" rel="next">${m.nextPage}</a>` : ""}
</nav>`;
}

/** Euro input ("1.250,00", "1250.5", "€ 300") → cents; undefined when empty, NaN when invalid. */
export function parseEuroCents(text: string): number | undefined {
  const t = text.replace(/€|\s/g, "");
  if (t === "") return undefined;
  let normal = t;
  if (/,\d{1,2}$/.test(t)) normal = t.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(\.\d{3})+$/.test(t)) normal = t.replace(/\./g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return Number.NaN;
  return Math.round(Number(normal) * 100);
}

/**
 * What a refused step means, in the page's language: our own words for its rule (the area's
 * own `rules` first, e.g. the case rules, then the protocol's rule texts); failing those, the
 * service's own message when the page is English (services speak English), else "not filled
 * in correctly". The one function that turns an error code into a page's text.
 */
export function errorText(
  m: Messages,
  code: string | undefined,
  serviceMessage?: string,
  rules?: Readonly<Record<string, string>>,
): string {
  return (
    (code && (rules?.[code] ?? m.ruleTexts[code])) ||
    (m.lang === "en" ? serviceMessage : undefined) ||
    m.fieldErrors.invalid
  );
}

/** A refusal of a service in the page's language, naming its rule (D-204). */
export function refusalText(m: Messages, error: AppError): string {
  return `${errorText(m, error.code, error.message)} (${error.code})`;
}

/**
 * A refusal of a service as a page shows it: our own words for its rule (`rules` first, as
 * errorText), then its code and, when the rule has one, its article.
 */
export function ruleRefusal(
  m: Messages,
  err: AppError,
  rules?: Readonly<Record<string, string>>,
): SafeHtml {
  const text = errorText(m, err.code, err.message, rules);
  const source = (err.details as { source?: string } | undefined)?.source;
  return html`${text} <span class="rule">(${err.code}${source ? `, ${source}` : ""})</span>`;
}

/**
 * A service refusal the page shows itself (a 4xx AppError whose status is not in `passOn`);
 * anything else is thrown on, to become its own error page.
 */
export function shownRefusal(err: unknown, passOn: readonly number[] = [401, 404]): AppError {
  if (!(err instanceof AppError) || err.status >= 500 || passOn.includes(err.status)) throw err;
  return err;
}

/** The outcome of a form's service call: its value, or the form shown again. */
export type Submitted<T, R> = { ok: true; value: T } | { ok: false; reply: R };

/**
 * Runs a form's service call. When the service refuses the input (a 4xx AppError other than
 * the statuses in `passOn`, which become their own error page like every other error), the
 * refusal is put on a field of the form (`field`) in the page's words (`text`, by default
 * refusalText) and the form is shown again (`again`); anything else is thrown.
 */
export async function submitForm<T, R>(o: {
  m: Messages;
  run: () => Promise<T>;
  errors: FieldErrors;
  field: string | ((error: AppError) => string);
  text?: (error: AppError) => string;
  again: () => R | Promise<R>;
  passOn?: readonly number[];
}): Promise<Submitted<T, R>> {
  try {
    return { ok: true, value: await o.run() };
  } catch (error) {
    const refused =
      error instanceof AppError &&
      error.status >= 400 &&
      error.status < 500 &&
      !(o.passOn ?? []).includes(error.status);
    if (!refused) throw error;
    const field = typeof o.field === "string" ? o.field : o.field(error);
    o.errors.set(field, o.text ? o.text(error) : refusalText(o.m, error));
    return { ok: false, reply: await o.again() };
  }
}
