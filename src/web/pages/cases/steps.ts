import type { FastifyRequest } from "fastify";
import type { CaseDetail, DecisionInput } from "../../../modules/cases/schemas.ts";
import { COMMITTEE_CASES } from "../../../modules/cases/service.ts";
import type { Services } from "../../../modules/index.ts";
import { callerOf } from "../../../platform/auth/access.ts";
import type { Clock } from "../../../platform/clock.ts";
import type { App } from "../../../platform/context.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { isIsoDate } from "../../../platform/werkdagen.ts";
import {
  choiceField,
  confirmField,
  csrfField,
  dangerActions,
  errorSummary,
  type FieldErrors,
  formOf,
  list,
  shownRefusal,
  str,
} from "../../forms.ts";
import type { Messages } from "../../i18n.ts";
import { getPage, type Kit, type PageContext } from "../../kit.ts";
import { CASE_OFFICERS, HANDLERS, idOf, ruleText, typeLabel, type Values } from "./common.ts";
import { caseDetailPageOf } from "./detail.ts";

/** The steps on a case (identity, acknowledgement, hearing, decision …) and carrying out an upheld decision. */
export function registerCaseStepPages(app: App, services: Services, kit: Kit, clock: Clock) {
  const detailPage = caseDetailPageOf(services, clock);

  /**
   * One step on a case: read the form, check its shape (field errors), call the service; a
   * refused step shows the case again with the rule in the error summary.
   */
  function step(
    path: string,
    fields: string[],
    run: (a: {
      ctx: PageContext;
      request: FastifyRequest;
      id: string;
      values: Values;
      body: ReturnType<typeof formOf>;
      errors: FieldErrors;
    }) => Promise<string | undefined>,
  ) {
    app.post(`/zaken/:id/${path}`, { config: { access: HANDLERS } }, async (request, reply) => {
      const ctx = await kit.contextOf(request, reply);
      const id = idOf(request);
      const body = formOf(request.body);
      const values: Values = Object.fromEntries(fields.map((k) => [k, str(body, k)]));
      const errors: FieldErrors = new Map();
      try {
        const melding = await run({ ctx, request, id, values, body, errors });
        if (errors.size > 0)
          return detailPage(ctx, request, id, undefined, { errors, extra: [], values }, 422);
        return reply.redirect(`/zaken/${id}?melding=${melding ?? "vastgelegd"}`, 303);
      } catch (caught) {
        const err = shownRefusal(caught);
        if (err.code === "csrf_failed") throw err;
        return detailPage(
          ctx,
          request,
          id,
          undefined,
          { errors, extra: [ruleText(ctx.m, err)], values },
          err.status === 403 ? 403 : 422,
        );
      }
    });
  }

  const date = (m: Messages, values: Values, name: string, errors: FieldErrors) => {
    if (!values[name]) errors.set(name, m.fieldErrors.required);
    else if (!isIsoDate(values[name])) errors.set(name, m.fieldErrors.date);
  };

  step("identiteit", ["method", "identityDate"], async ({ ctx, request, id, values, errors }) => {
    if (!Object.hasOwn(ctx.m.identityMethods, values.method ?? ""))
      errors.set("method", ctx.m.caseDetail.chooseOption);
    date(ctx.m, values, "identityDate", errors);
    if (errors.size > 0) return;
    await services.cases.verifyIdentity(...callerOf(request), id, {
      method: values.method!,
      date: values.identityDate!,
    });
    return "vastgelegd";
  });

  step("ontvangst", [], async ({ request, id }) => {
    await services.cases.acknowledge(...callerOf(request), id);
    return "vastgelegd";
  });

  step("hoorzitting", ["hearingDate", "report"], async ({ ctx, request, id, values, errors }) => {
    date(ctx.m, values, "hearingDate", errors);
    if ((values.report ?? "").length > 20_000) errors.set("report", ctx.m.fieldErrors.invalid);
    if (errors.size > 0) return;
    await services.cases.recordHearing(...callerOf(request), id, {
      date: values.hearingDate!,
      ...(values.report ? { report: values.report } : {}),
    });
    return "vastgelegd";
  });

  step(
    "wraking",
    ["kind", "member", "challengeOutcome", "challengeDate"],
    async ({ ctx, request, id, values, errors }) => {
      const d = ctx.m.caseDetail;
      if (!["challenge", "recusal"].includes(values.kind ?? "")) errors.set("kind", d.chooseOption);
      if ((values.member ?? "").length < 2 || (values.member ?? "").length > 120)
        errors.set("member", ctx.m.fieldErrors.required);
      if (!["granted", "refused"].includes(values.challengeOutcome ?? ""))
        errors.set("challengeOutcome", d.chooseOption);
      date(ctx.m, values, "challengeDate", errors);
      if (errors.size > 0) return;
      await services.cases.recordChallenge(...callerOf(request), id, {
        kind: values.kind!,
        member: values.member!,
        outcome: values.challengeOutcome!,
        date: values.challengeDate!,
      });
      return "vastgelegd";
    },
  );

  step(
    "besluit",
    ["outcome", "reasons", "feePages", "newEndDate", "members", "hasSupport", "closedReason"],
    async ({ ctx, request, id, values, body, errors }) => {
      const d = ctx.m.caseDetail;
      const outcome = (["upheld", "rejected", "partly_upheld"] as const).find(
        (o) => o === values.outcome,
      );
      if (!outcome) errors.set("outcome", d.chooseOption);
      if (!values.reasons) errors.set("reasons", ctx.m.fieldErrors.required);
      else if (values.reasons.length > 5000) errors.set("reasons", ctx.m.fieldErrors.invalid);
      let feePages: number | undefined;
      if (values.feePages) {
        feePages = Number(values.feePages);
        if (!/^\d+$/.test(values.feePages) || feePages < 1 || feePages > 1000)
          errors.set("feePages", ctx.m.fieldErrors.whole);
      }
      if (values.newEndDate && !isIsoDate(values.newEndDate))
        errors.set("newEndDate", ctx.m.fieldErrors.date);
      const support = list(body, "supportTeam");
      values.supportTeam = support.join(",");
      const members = (values.members ?? "")
        .split(/\r?\n/)
        .map((x) => x.trim())
        .filter(Boolean);
      const view = await services.cases.getCase(...callerOf(request), id);
      const committeeCase = COMMITTEE_CASES.includes(view.type);
      if (
        committeeCase &&
        (members.length < 1 ||
          members.length > 7 ||
          members.some((x) => x.length < 2 || x.length > 120))
      )
        errors.set("members", d.membersInvalid);
      if (errors.size > 0 || !outcome) return;
      const input: DecisionInput = {
        outcome,
        reasons: values.reasons!,
        ...(feePages !== undefined ? { feePages } : {}),
        ...(view.type === "support_team"
          ? {
              supportTeam: {
                house: support.includes("house"),
                support: support.includes("support"),
              },
            }
          : {}),
        ...(values.newEndDate ? { newEndDate: values.newEndDate } : {}),
        ...(committeeCase ? { members } : {}),
        ...(values.closedReason === "no_registration_found"
          ? { closedReason: "no_registration_found" as const }
          : {}),
      };
      await services.cases.decide(...callerOf(request), id, input);
      return "besloten";
    },
  );

  // Issue 21 part 3: "koppelen" and "niet deze persoon" for a registration matched on receipt.
  // The registration's id travels in the form body, never in the URL (D-203).
  step("koppelen", ["registrationId"], async ({ request, id, values }) => {
    await services.cases.linkRegistration(...callerOf(request), id, values.registrationId ?? "");
    return "vastgelegd";
  });

  step("niet-deze-persoon", ["registrationId"], async ({ request, id, values }) => {
    await services.cases.rejectCandidate(...callerOf(request), id, values.registrationId ?? "");
    return "vastgelegd";
  });

  step("intrekken", [], async ({ request, id }) => {
    await services.cases.withdraw(...callerOf(request), id);
    return "ingetrokken";
  });

  step("proeftijd/verlengen", [], async ({ request, id }) => {
    await services.cases.extendProbation(...callerOf(request), id);
    return "vastgelegd";
  });

  step("proeftijd/einde", ["result"], async ({ ctx, request, id, values, errors }) => {
    const result = (["conditions_met", "conditions_not_met"] as const).find(
      (r) => r === values.result,
    );
    if (!result) {
      errors.set("result", ctx.m.caseDetail.chooseOption);
      return;
    }
    await services.cases.endProbation(...callerOf(request), id, result);
    return "vastgelegd";
  });

  // ---- carrying out an upheld decision (with confirmation) --------------------------------

  const executionPage = (
    ctx: PageContext,
    view: CaseDetail,
    csrf: string,
    errors: FieldErrors,
    action: string,
    extra: SafeHtml[] = [],
  ) => {
    const d = ctx.m.caseDetail;
    return html`<h1>${d.executionTitle} <span class="subtitle">${view.reference} · ${typeLabel(ctx.m, view.type)}</span></h1>
${errorSummary(ctx.m, errors, extra)}
<p>${d.executionIntro}</p>
<dl class="facts"><dt>${ctx.m.cases.outcome}</dt><dd>${view.outcome ? (ctx.m.caseOutcomes[view.outcome] ?? view.outcome) : ctx.m.none}</dd>
${view.reasons ? html`<dt>${d.reasons}</dt><dd class="reasons">${view.reasons}</dd>` : ""}</dl>
<div class="notice notice--warning"><p>${d.executionWarning}</p></div>
<form method="post" action="/zaken/${view.id}/uitvoeren" novalidate>
${csrfField(csrf)}
${choiceField({
  m: ctx.m,
  name: "action",
  legend: d.executionAction,
  type: "radio",
  error: errors.get("action"),
  options: [
    { value: "removed", label: d.executionRemoved },
    { value: "corrected", label: d.executionCorrected },
  ],
  checked: action ? [action] : [],
})}
${confirmField(errors, d.executionConfirm)}
${dangerActions(d.executionSubmit, `/zaken/${view.id}`, ctx.m.cancel)}
</form>`;
  };

  getPage(app, kit, "/zaken/:id/uitvoeren", CASE_OFFICERS, async (ctx, request) => {
    const id = idOf(request);
    const view = await services.cases.getCase(...callerOf(request), id);
    return ctx.send(
      ctx.m.caseDetail.executionTitle,
      executionPage(ctx, view, request.session?.csrfToken ?? "", new Map(), ""),
    );
  });

  app.post(
    "/zaken/:id/uitvoeren",
    { config: { access: CASE_OFFICERS } },
    async (request, reply) => {
      const ctx = await kit.contextOf(request, reply);
      const d = ctx.m.caseDetail;
      const id = idOf(request);
      const body = formOf(request.body);
      const action = str(body, "action");
      const errors: FieldErrors = new Map();
      if (action !== "removed" && action !== "corrected") errors.set("action", d.executionChoose);
      if (str(body, "confirm") !== "yes") errors.set("confirm", d.executionConfirmMissing);
      const again = async (extra: SafeHtml[] = [], status = 422) => {
        const view = await services.cases.getCase(...callerOf(request), id);
        return ctx.send(
          d.executionTitle,
          executionPage(ctx, view, request.session?.csrfToken ?? "", errors, action, extra),
          status,
        );
      };
      if (errors.size > 0) return again();
      try {
        await services.cases.execute(...callerOf(request), id, action as "removed" | "corrected");
      } catch (caught) {
        const err = shownRefusal(caught);
        return again([ruleText(ctx.m, err)], err.status === 403 ? 403 : 422);
      }
      return reply.redirect(`/zaken/${id}?melding=uitgevoerd`, 303);
    },
  );
}
