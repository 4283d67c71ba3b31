import type { FastifyRequest } from "fastify";
import type { Services } from "../../../modules/index.ts";
import {
  mailTestBody,
  regionSettingsPatch,
  SMTP_TLS_MODES,
  smtpSettingsInput,
} from "../../../modules/organisations/schemas.ts";
import { callerOf, principalOf } from "../../../platform/auth/access.ts";
import type { App } from "../../../platform/context.ts";
import { AppError } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import {
  choiceField,
  csrfField,
  errorSummary,
  type FieldErrors,
  type FormBody,
  formOf,
  list,
  str,
  submitForm,
  textField,
} from "../../forms.ts";
import { getPage, type Kit, notice, type PageContext, postPage } from "../../kit.ts";
import { meldingBanner } from "../melding.ts";
import { ADMIN } from "./common.ts";

/** The region's settings: the numbers, the SMTP server of the region and a test message. */
export function registerSettingsPages(app: App, services: Services, kit: Kit) {
  const SETTINGS = ["matchThreshold", "screeningBurstPerHour", "caseRetentionMonths"] as const;

  interface SettingsState {
    /** The numeric settings form's values (as typed, or the stored ones). */
    values?: Record<string, string>;
    /** The SMTP form's values as typed, after a refused save. */
    mailForm?: FormBody;
    /** The test message's address as typed. */
    testTo?: string;
    errors?: FieldErrors;
    banner?: SafeHtml;
    status?: number;
  }

  async function settingsPage(ctx: PageContext, request: FastifyRequest, state: SettingsState) {
    const { m } = ctx;
    const s = m.admin.settings;
    const t = s.mail;
    const errors = state.errors ?? new Map();
    const principal = principalOf(request);
    const [view, months, me] = await Promise.all([
      services.organisations.settingsView(),
      services.oversight.retentionMonths().catch(() => undefined),
      services.identity.me(principal),
    ]);
    const values = state.values ?? Object.fromEntries(SETTINGS.map((k) => [k, String(view[k])]));
    const labels: Record<string, [string, string]> = {
      matchThreshold: [s.matchThreshold, s.matchThresholdHint],
      screeningBurstPerHour: [s.burst, s.burstHint],
      caseRetentionMonths: [s.caseRetention, s.caseRetentionHint],
    };
    const csrf = request.session?.csrfToken ?? "";
    const smtp = view.smtp;
    const mf = state.mailForm;
    const mv = (name: string, stored: string | number | null | undefined) =>
      mf ? str(mf, `smtp.${name}`) : stored === null || stored === undefined ? "" : String(stored);
    return ctx.send(
      s.title,
      html`<h1>${s.title}</h1>
${state.banner ?? ""}
<p>${s.intro}</p>
${errorSummary(m, errors)}
<section aria-labelledby="h-numbers"><h2 id="h-numbers">${s.numbersTitle}</h2>
<form method="post" action="/beheer/instellingen" novalidate>${csrfField(csrf)}
${SETTINGS.map((k) => textField({ m, name: k, label: labels[k]![0], hint: labels[k]![1], value: values[k], error: errors.get(k), required: true, width: "short", inputmode: "decimal" }))}
<button type="submit" class="button button--primary">${m.save}</button>
</form></section>
<section aria-labelledby="h-mail"><h2 id="h-mail">${t.title}</h2>
<p>${t.intro}</p>
<dl class="facts" data-testid="smtp-state">
<dt>${t.current}</dt><dd>${smtp ? t.usesRegion(smtp.host, smtp.port) : t.usesEnvironment}</dd>
${smtp ? html`<dt>${t.passwordState}</dt><dd data-testid="smtp-password">${smtp.passwordSet ? t.passwordIsSet : t.passwordIsNotSet}</dd>` : ""}
</dl>
<form method="post" action="/beheer/instellingen/smtp" novalidate>${csrfField(csrf)}
${textField({ m, name: "smtp.host", label: t.host, hint: t.hostHint, value: mv("host", smtp?.host), error: errors.get("smtp.host"), required: true, width: "long" })}
${textField({ m, name: "smtp.port", label: t.port, hint: t.portHint, value: mv("port", smtp?.port ?? 587), error: errors.get("smtp.port"), required: true, width: "short", inputmode: "numeric" })}
${choiceField({ m, name: "smtp.tls", legend: t.tls, type: "radio", error: errors.get("smtp.tls"), checked: [mv("tls", smtp?.tls ?? "starttls")], options: SMTP_TLS_MODES.map((mode) => ({ value: mode, label: t.tlsModes[mode] ?? mode })) })}
${textField({ m, name: "smtp.username", label: t.username, hint: t.usernameHint, value: mv("username", smtp?.username), error: errors.get("smtp.username"), width: "long", autocomplete: "off" })}
${textField({ m, name: "smtp.password", label: t.password, hint: smtp?.passwordSet ? t.passwordSet : t.passwordNotSet, value: "", error: errors.get("smtp.password"), type: "password", width: "long", autocomplete: "new-password" })}
${smtp?.passwordSet ? choiceField({ m, name: "smtp.clearPassword", legend: t.clearPassword, legendClass: "visually-hidden", type: "checkbox", checked: mf ? list(mf, "smtp.clearPassword") : [], options: [{ value: "yes", label: t.clearPassword }] }) : ""}
${textField({ m, name: "smtp.from", label: t.from, hint: t.fromHint, type: "email", value: mv("from", smtp?.from), error: errors.get("smtp.from"), required: true, width: "long" })}
<button type="submit" class="button button--primary">${t.save}</button>
</form>
${
  smtp
    ? html`<h3>${t.remove}</h3><p>${t.removeIntro}</p>
<form method="post" action="/beheer/instellingen/smtp/verwijderen">${csrfField(csrf)}<button type="submit" class="button button--secondary">${t.remove}</button></form>`
    : ""
}
<h3 id="h-mail-test">${t.testTitle}</h3>
<p>${t.testIntro}</p>
<form method="post" action="/beheer/instellingen/smtp/test" novalidate>${csrfField(csrf)}
${textField({ m, name: "test.to", label: t.testTo, type: "email", value: state.testTo ?? me.email ?? "", error: errors.get("test.to"), required: true, width: "long", autocomplete: "email" })}
<button type="submit" class="button button--secondary">${t.testSend}</button>
</form></section>
<h2>${s.auditRetention}</h2>
<p>${months === undefined ? m.none : s.auditRetentionText(months)}</p>`,
      state.status ?? 200,
    );
  }

  getPage(app, kit, "/beheer/instellingen", ADMIN, async (ctx, request) => {
    const s = ctx.m.admin.settings;
    const banner = meldingBanner(request, {
      opgeslagen: s.saved,
      "smtp-opgeslagen": s.mail.saved,
      "smtp-verwijderd": s.mail.removed,
    });
    return settingsPage(ctx, request, banner ? { banner } : {});
  });

  postPage(app, kit, "/beheer/instellingen", ADMIN, async (ctx, request, reply) => {
    const s = ctx.m.admin.settings;
    const form = formOf(request.body);
    const values = Object.fromEntries(SETTINGS.map((k) => [k, str(form, k)]));
    const errors: FieldErrors = new Map();
    const patch: Record<string, number> = {};
    for (const k of SETTINGS) {
      const text = values[k]!.replace(",", ".");
      if (text === "") errors.set(k, ctx.m.fieldErrors.required);
      else if (!/^-?\d+(\.\d+)?$/.test(text)) errors.set(k, s.notNumber);
      else patch[k] = Number(text);
    }
    // The limits are the schema's (organisations/schemas.ts), named in the page's language.
    const parsed = regionSettingsPatch.safeParse(patch);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const k = String(issue.path[0] ?? "");
        if (!k || errors.has(k)) continue;
        const limit = issue as { minimum?: number | bigint; maximum?: number | bigint };
        errors.set(
          k,
          issue.code === "too_small"
            ? s.atLeast(String(limit.minimum))
            : issue.code === "too_big"
              ? s.atMost(String(limit.maximum))
              : s.notWhole,
        );
      }
    }
    if (errors.size > 0 || !parsed.success) {
      return settingsPage(ctx, request, { values, errors, status: 422 });
    }
    await services.organisations.updateSettings(...callerOf(request), parsed.data);
    return reply.redirect("/beheer/instellingen?melding=opgeslagen", 303);
  });

  /**
   * The SMTP form: the password is write-only (empty keeps the stored one, the checkbox
   * clears it); the same schema and service as PATCH /api/v1/region/settings.
   */
  postPage(app, kit, "/beheer/instellingen/smtp", ADMIN, async (ctx, request, reply) => {
    const t = ctx.m.admin.settings.mail;
    const form = formOf(request.body);
    const errors: FieldErrors = new Map();
    const portText = str(form, "smtp.port");
    const password =
      (Array.isArray(form["smtp.password"]) ? form["smtp.password"][0] : form["smtp.password"]) ??
      "";
    const clear = list(form, "smtp.clearPassword").includes("yes");
    const username = str(form, "smtp.username");
    const input = {
      host: str(form, "smtp.host"),
      port: /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN,
      tls: str(form, "smtp.tls"),
      username: username === "" ? null : username,
      ...(clear ? { password: null } : password !== "" ? { password } : {}),
      from: str(form, "smtp.from"),
    };
    const parsed = smtpSettingsInput.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const k = `smtp.${String(issue.path[0] ?? "")}`;
        if (errors.has(k)) continue;
        const empty =
          issue.code === "too_small" || input[issue.path[0] as keyof typeof input] === "";
        errors.set(
          k,
          k === "smtp.host"
            ? empty
              ? ctx.m.fieldErrors.required
              : t.hostInvalid
            : k === "smtp.port"
              ? portText === ""
                ? ctx.m.fieldErrors.required
                : t.portInvalid
              : k === "smtp.from"
                ? empty
                  ? ctx.m.fieldErrors.required
                  : ctx.m.fieldErrors.email
                : k === "smtp.tls"
                  ? ctx.m.fieldErrors.required
                  : ctx.m.fieldErrors.invalid,
        );
      }
      return settingsPage(ctx, request, { mailForm: form, errors, status: 422 });
    }
    const saved = await submitForm({
      m: ctx.m,
      run: () => services.organisations.updateSettings(...callerOf(request), { smtp: parsed.data }),
      errors,
      field: (error) =>
        error.code === "smtp_password_without_username" ? "smtp.username" : "smtp.host",
      again: () => settingsPage(ctx, request, { mailForm: form, errors, status: 422 }),
      passOn: [403],
    });
    if (!saved.ok) return saved.reply;
    return reply.redirect("/beheer/instellingen?melding=smtp-opgeslagen", 303);
  });

  app.post(
    "/beheer/instellingen/smtp/verwijderen",
    { config: { access: ADMIN } },
    async (request, reply) => {
      await services.organisations.updateSettings(...callerOf(request), {
        smtp: null,
      });
      return reply.redirect("/beheer/instellingen?melding=smtp-verwijderd", 303);
    },
  );

  postPage(app, kit, "/beheer/instellingen/smtp/test", ADMIN, async (ctx, request) => {
    const t = ctx.m.admin.settings.mail;
    const form = formOf(request.body);
    const errors: FieldErrors = new Map();
    const parsed = mailTestBody.safeParse({ to: str(form, "test.to") });
    if (!parsed.success) {
      errors.set(
        "test.to",
        str(form, "test.to") === "" ? ctx.m.fieldErrors.required : ctx.m.fieldErrors.email,
      );
      return settingsPage(ctx, request, { testTo: str(form, "test.to"), errors, status: 422 });
    }
    try {
      const sent = await services.letters.sendTestMail(...callerOf(request), parsed.data.to);
      const via =
        sent.source === "region"
          ? t.viaRegion
          : sent.kind === "outbox"
            ? t.viaOutbox
            : t.viaEnvironment;
      return settingsPage(ctx, request, { banner: notice(t.testSent(parsed.data.to, via)) });
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 409) throw error;
      const failure = error.details as { code?: string; reply?: string } | undefined;
      const explanation =
        error.code === "mail_not_configured"
          ? t.notConfigured
          : (failure?.code && t.errors[failure.code]) || t.otherError;
      const banner = html`<div class="notice notice--error" role="alert" data-testid="mail-test-error"><h2>${t.testFailed}</h2>
<p>${explanation}</p>
${failure?.reply ? html`<p>${t.serverSaid} (${failure.code ?? ""}): <code>${failure.reply}</code></p>` : ""}</div>`;
      return settingsPage(ctx, request, { testTo: parsed.data.to, banner, status: 422 });
    }
  });
}
