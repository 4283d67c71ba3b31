/**
 * The import page (issue #11): the monthly arrears position and a municipality's feedback as
 * CSV file uploads. The file is streamed from the multipart body straight into the same CSV
 * reader as the API (modules/arrears/import.ts, in a worker thread), never held whole; the
 * errors are counted per kind and the first 100 listed with their line number and reason
 * (F13); the good lines are written in one transaction by the ArrearsService, a bad line not
 * at all. A position can be checked without saving.
 */

import type { MultipartFile } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { type LineError, readFeedbackCsv, readPositionsCsv } from "../../modules/arrears/import.ts";
import { MUNICIPALITY_CODE } from "../../modules/arrears/municipalities.ts";
import type { Services } from "../../modules/index.ts";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { Clock } from "../../platform/clock.ts";
import type { App } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { isIsoDate } from "../../platform/werkdagen.ts";
import {
  choiceField,
  errorSummary,
  type FieldErrors,
  fieldId,
  selectField,
  textField,
} from "../forms.ts";
import type { Messages } from "../i18n.ts";
import type { Kit, PageContext } from "../kit.ts";
import { table } from "../table.ts";
import { readUpload, registerUploadPages, UPLOAD_LIMIT_BYTES } from "../upload.ts";
import {
  ARREARS_OFFICER,
  arrearsPage,
  BASE,
  dateText,
  municipalityText,
  tabs,
} from "./arrears-common.ts";

const MODES = ["preview", "import"] as const;
const NO_ERRORS = { errors: [], errorCount: 0, errorsByCode: {}, rejected: 0 };

/** A file input tied to its hint and error like textField (forms.ts has no file field). */
function fileField(m: Messages, name: string, error?: string): SafeHtml {
  const i = m.arrears.imports;
  const id = fieldId(name);
  return html`<div class="form-field${error ? " form-field--invalid" : ""}">
<label for="${id}">${i.file}</label>
<p class="hint" id="${id}-hint">${i.fileHint(UPLOAD_LIMIT_BYTES / 1024 / 1024)}</p>
${error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${m.errorPrefix} </span>${error}</p>` : ""}
<input type="file" id="${id}" name="${name}" accept=".csv,text/csv" class="input input--long" aria-describedby="${id}-hint${error ? ` ${id}-error` : ""}"${error ? html` aria-invalid="true"` : ""}>
</div>`;
}

/** The outcome of reading a file: its lines' result, or why the whole file was refused. */
type FileOutcome<T> = { ok: T } | { refused: AppError };

async function readFile<T>(file: MultipartFile, parse: () => Promise<T>): Promise<FileOutcome<T>> {
  try {
    return { ok: await parse() };
  } catch (err) {
    if (file.file.truncated || (err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
      return {
        refused: new AppError("invalid_input", "The file is too large.", {
          code: "file_too_large",
        }),
      };
    }
    if (err instanceof AppError && err.status === 400) return { refused: err };
    throw err;
  }
}

export function registerArrearsImportPages(app: App, services: Services, kit: Kit, clock: Clock) {
  const arrears = services.arrears;

  interface FormState {
    which: "positions" | "feedback";
    errors: FieldErrors;
    values: Record<string, string>;
  }

  async function importPage(
    ctx: PageContext,
    request: FastifyRequest,
    state?: FormState,
    status = 200,
  ) {
    const { m } = ctx;
    const a = m.arrears;
    const i = a.imports;
    const { items: agreements } = await arrears.listAgreements(principalOf(request));
    const token = request.session?.csrfToken ?? "";
    const errors = state?.errors ?? new Map<string, string>();
    const val = (which: string, n: string, fallback = "") =>
      state?.which === which ? (state.values[n] ?? fallback) : fallback;
    const err = (which: string, n: string) => (state?.which === which ? errors.get(n) : undefined);
    // `_csrf` must be the first field: the upload's CSRF check reads it first (D-300).
    return ctx.send(
      i.title,
      html`<h1>${i.title}</h1>
${tabs(m, "imports")}
<p>${i.intro}</p>
${errorSummary(m, errors)}
<section aria-labelledby="h-positions"><h2 id="h-positions">${i.positions}</h2>
<p>${i.positionsIntro}</p>
<form method="post" action="${BASE}/importeren/stand" enctype="multipart/form-data" novalidate aria-labelledby="h-positions">
<input type="hidden" name="_csrf" value="${token}">
${textField({ name: "asOf", label: i.asOf, type: "date", hint: a.dateHint, value: val("positions", "asOf", clock.today()), error: err("positions", "asOf"), required: true, width: "short", m })}
${choiceField({
  name: "mode",
  legend: i.mode,
  type: "radio",
  error: err("positions", "mode"),
  checked: [val("positions", "mode", "import")],
  options: [
    { value: "preview", label: i.modePreview },
    { value: "import", label: i.modeImport },
  ],
})}
${fileField(m, "positionsFile", err("positions", "positionsFile"))}
<button type="submit" class="button button--primary">${i.submitPositions}</button>
</form></section>
<section aria-labelledby="h-feedback"><h2 id="h-feedback">${i.feedback}</h2>
<p>${i.feedbackIntro}</p>
${
  agreements.length === 0
    ? html`<p class="empty">${i.noAgreements} <a href="${BASE}/afspraken">${a.tabs.agreements}</a></p>`
    : html`<form method="post" action="${BASE}/importeren/terugmeldingen" enctype="multipart/form-data" novalidate aria-labelledby="h-feedback">
<input type="hidden" name="_csrf" value="${token}">
${selectField({ name: "municipalityCode", label: i.municipality, value: val("feedback", "municipalityCode"), error: err("feedback", "municipalityCode"), options: [{ value: "", label: "" }, ...agreements.map((g) => ({ value: g.municipalityCode, label: municipalityText(g.municipalityCode) }))] })}
${fileField(m, "feedbackFile", err("feedback", "feedbackFile"))}
<button type="submit" class="button button--primary">${i.submitFeedback}</button>
</form>`
}
</section>`,
      status,
    );
  }

  /**
   * The errors of a file: how many of each kind (all of them), then the first lines with
   * their reason (the answer lists at most 100, F13).
   */
  function errorList(
    m: Messages,
    o: { errors: LineError[]; errorCount: number; errorsByCode: Record<string, number> },
  ) {
    const i = m.arrears.imports;
    if (o.errorCount === 0) return "";
    const kinds = Object.entries(o.errorsByCode).sort(([, a], [, b]) => b - a);
    return html`${table({
      caption: i.countsCaption(o.errorCount),
      head: [i.kind, i.number],
      rows: kinds,
      row: ([code, n]) => html`<tr><td>${i.lineCodes[code] ?? i.otherError}</td><td>${n}</td></tr>`,
    })}
${o.errors.length < o.errorCount ? html`<p>${i.firstErrors(o.errors.length, o.errorCount)}</p>` : ""}
${table({
  caption: i.errorsCaption,
  head: [i.line, i.code, i.why],
  rows: o.errors,
  row: (e) =>
    html`<tr><th scope="row">${e.line}</th><td><span class="rule">${e.code}</span></td><td>${i.lineCodes[e.code] ?? ""} <span class="hint">${e.message}</span></td></tr>`,
})}`;
  }

  /** The result: counts, then the rejected lines (line number, code, reason). */
  function resultPage(
    ctx: PageContext,
    o: {
      preview: boolean;
      summary: string;
      errors: LineError[];
      errorCount: number;
      errorsByCode: Record<string, number>;
      rejected: number;
      refused?: AppError | undefined;
      context: string;
    },
  ) {
    const { m } = ctx;
    const i = m.arrears.imports;
    const title = o.preview ? i.previewTitle : i.resultTitle;
    const body = o.refused
      ? html`<div class="notice notice--error" role="alert"><p><strong>${i.fileRefused}</strong> ${i.fileCodes[o.refused.code] ?? ""} <span class="rule">(${o.refused.code})</span></p>
<p class="hint">${o.refused.message}</p></div>`
      : html`<div class="notice ${o.rejected > 0 ? "notice--warning" : "notice--ok"}" role="status"><p>${o.summary}</p>${o.preview ? html`<p>${i.previewNote}</p>` : ""}<p>${i.rejected(o.rejected)}</p></div>
${errorList(m, o)}`;
    return ctx.send(
      title,
      html`<h1>${title}</h1>
${tabs(m, "imports")}
<p>${o.context}</p>
${body}
<p><a href="${BASE}/importeren">${i.again}</a></p>`,
      o.refused ? 400 : 200,
    );
  }

  arrearsPage(app, kit, "/importeren", importPage);

  registerUploadPages(app, (scope) => {
    scope.post(
      `${BASE}/importeren/stand`,
      { config: { access: ARREARS_OFFICER } },
      async (request, reply) => {
        const ctx = await kit.contextOf(request, reply);
        const a = ctx.m.arrears;
        const i = a.imports;
        const [principal, meta] = callerOf(request);
        const errors: FieldErrors = new Map();
        const checkFields = (fields: Record<string, string>) => {
          const asOf = (fields.asOf ?? "").trim();
          const mode = MODES.find((x) => x === fields.mode);
          if (!isIsoDate(asOf)) errors.set("asOf", i.asOfInvalid);
          if (!mode) errors.set("mode", i.modeMissing);
          return errors.size === 0 ? { asOf, mode: mode! } : undefined;
        };
        const upload = await readUpload(request, async (fields, file) => {
          const ok = checkFields(fields);
          if (!ok) {
            file.file.resume();
            return undefined;
          }
          return {
            ...ok,
            outcome: await readFile(file, () => readPositionsCsv(file.file, ok.asOf)),
          };
        });
        if (!upload.result) {
          if (errors.size === 0) checkFields(upload.fields);
          if (errors.size === 0) errors.set("positionsFile", i.fileMissing);
          return importPage(
            ctx,
            request,
            { which: "positions", errors, values: upload.fields },
            422,
          );
        }
        const { asOf, mode, outcome } = upload.result;
        const context = `${i.positions}, ${i.asOf.toLowerCase()} ${dateText(ctx.lang, asOf)}.`;
        if ("refused" in outcome) {
          return resultPage(ctx, {
            preview: mode === "preview",
            summary: "",
            ...NO_ERRORS,
            refused: outcome.refused,
            context,
          });
        }
        let result: Awaited<ReturnType<typeof arrears.importPositions>>;
        try {
          result = await arrears.importPositions(principal, meta, asOf, outcome.ok, {
            dryRun: mode === "preview",
          });
        } catch (err) {
          if (err instanceof AppError && err.status === 400) {
            if (err.code === "as_of_in_future") {
              errors.set("asOf", i.fileCodes.as_of_in_future!);
              return importPage(
                ctx,
                request,
                { which: "positions", errors, values: upload.fields },
                422,
              );
            }
            return resultPage(ctx, {
              preview: mode === "preview",
              summary: "",
              ...NO_ERRORS,
              refused: err,
              context,
            });
          }
          throw err;
        }
        return resultPage(ctx, {
          preview: mode === "preview",
          summary:
            mode === "preview" ? i.wouldImport(result.imported) : i.imported(result.imported),
          ...result,
          context,
        });
      },
    );

    scope.post(
      `${BASE}/importeren/terugmeldingen`,
      { config: { access: ARREARS_OFFICER } },
      async (request, reply) => {
        const ctx = await kit.contextOf(request, reply);
        const i = ctx.m.arrears.imports;
        const [principal, meta] = callerOf(request);
        const known = new Set(
          (await arrears.listAgreements(principal)).items.map((g) => g.municipalityCode),
        );
        const errors: FieldErrors = new Map();
        const checkFields = (fields: Record<string, string>) => {
          const code = (fields.municipalityCode ?? "").trim();
          if (!MUNICIPALITY_CODE.test(code) || !known.has(code)) {
            errors.set("municipalityCode", i.municipalityMissing);
            return undefined;
          }
          return code;
        };
        const upload = await readUpload(request, async (fields, file) => {
          const code = checkFields(fields);
          if (!code) {
            file.file.resume();
            return undefined;
          }
          return { code, outcome: await readFile(file, () => readFeedbackCsv(file.file)) };
        });
        if (!upload.result) {
          if (!errors.has("municipalityCode")) {
            checkFields(upload.fields);
            if (!errors.has("municipalityCode")) errors.set("feedbackFile", i.fileMissing);
          }
          return importPage(
            ctx,
            request,
            { which: "feedback", errors, values: upload.fields },
            422,
          );
        }
        const { code, outcome } = upload.result;
        const context = `${i.feedback}: ${municipalityText(code)}.`;
        if ("refused" in outcome) {
          return resultPage(ctx, {
            preview: false,
            summary: "",
            ...NO_ERRORS,
            refused: outcome.refused,
            context,
          });
        }
        const result = await arrears.importFeedback(principal, meta, code, outcome.ok);
        return resultPage(ctx, {
          preview: false,
          summary: i.recorded(result.recorded, result.duplicates),
          ...result,
          context,
        });
      },
    );
  });
}
