import type { FastifyReply } from "fastify";
import { clearSessionCookie, setSessionCookie } from "../../modules/identity/routes.ts";
import type { Services } from "../../modules/index.ts";
import { csrfMatches, principalOf, requestMeta } from "../../platform/auth/access.ts";
import {
  isPasswordPolicyCode,
  passwordPolicyMessage,
  totpQrSvg,
} from "../../platform/auth/index.ts";
import { HUMAN_ROLES } from "../../platform/auth/roles.ts";
import type { App } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import {
  csrfField,
  errorSummary,
  type FieldErrors,
  formOf,
  hidden,
  str,
  textField,
} from "../forms.ts";
import type { Messages } from "../i18n.ts";
import { getPage, type Kit, type PageContext, postPage, startPageOf } from "../kit.ts";
import { signInCsrfMatches, signInCsrfToken } from "../sign-in-csrf.ts";

const ACCOUNT = { roles: HUMAN_ROLES, scope: "self", beforeDeclaration: true } as const;

function notice(text: string | undefined, kind: "info" | "ok" = "info"): SafeHtml {
  return text
    ? html`<div class="notice notice--${kind}" role="status"><p>${text}</p></div>`
    : html``;
}

/**
 * The notice for a sign-in refused by the limits (identity/sign-in-limits.ts), or undefined for
 * any other refusal; a delay is also sent as Retry-After.
 */
function limitNotice(ctx: PageContext, err: AppError, reply: FastifyReply): SafeHtml | undefined {
  if (err.code === "sign_in_limited") return notice(ctx.m.signIn.limited);
  if (err.code !== "sign_in_delayed") return undefined;
  const seconds = Number((err.details as { retryAfterSeconds?: number }).retryAfterSeconds ?? 1);
  reply.header("retry-after", String(seconds));
  return notice(ctx.m.signIn.delayed(seconds));
}

/** Where to go once fully signed in: a step still owed, else the role's start page. */
async function afterSignIn(services: Services, token: string): Promise<string> {
  const found = await services.identity.authenticateSession(token);
  const principal = found?.principal;
  if (!principal) return "/aanmelden";
  if (principal.mustChangePassword) return "/account/wachtwoord";
  if (principal.declarationRequired) return "/verklaring";
  return startPageOf(principal.roles);
}

function signInForm(
  ctx: PageContext,
  errors: FieldErrors,
  email: string,
  csrf: string,
  banner?: SafeHtml,
  withCode = false,
) {
  const { m } = ctx;
  return html`<h1>${m.signIn.title}</h1>
${banner ?? ""}
${errorSummary(m, errors)}
<p>${m.signIn.intro}</p>
<form method="post" action="/aanmelden" novalidate>
${csrfField(csrf)}
${textField({ m, name: "email", label: m.signIn.email, type: "email", value: email, required: true, autocomplete: "username", error: errors.get("email"), width: "long" })}
${textField({ m, name: "password", label: m.signIn.password, type: "password", required: true, autocomplete: "current-password", error: errors.get("password"), width: "long" })}
${withCode ? textField({ m, name: "code", label: m.signIn.codeNow, hint: m.signIn.codeHint, autocomplete: "one-time-code", inputmode: "numeric", error: errors.get("code"), width: "short" }) : ""}
<button type="submit" class="button button--primary">${m.signIn.submit}</button>
</form>`;
}

function codeForm(ctx: PageContext, errors: FieldErrors, csrf: string) {
  const { m } = ctx;
  return html`<h1>${m.signIn.codeTitle}</h1>
${errorSummary(m, errors)}
<p>${m.signIn.codeIntro}</p>
<form method="post" action="/aanmelden/code" novalidate>
${csrfField(csrf)}
${textField({ m, name: "code", label: m.signIn.code, hint: m.signIn.codeHint, required: true, autocomplete: "one-time-code", inputmode: "numeric", error: errors.get("code"), width: "short" })}
<button type="submit" class="button button--primary">${m.signIn.confirm}</button>
</form>
<h2>${m.signIn.recoveryTitle}</h2>
<p>${m.signIn.recoveryIntro}</p>
<form method="post" action="/aanmelden/code" novalidate>
${csrfField(csrf)}
${textField({ m, name: "recoveryCode", label: m.signIn.recovery, required: true, autocomplete: "off", error: errors.get("recoveryCode"), width: "medium" })}
<button type="submit" class="button button--secondary">${m.signIn.recoverySubmit}</button>
</form>`;
}

async function enrolForm(
  m: Messages,
  errors: FieldErrors,
  csrf: string,
  enrolment: { secret: string; otpauthUri: string; qrSvg: string },
) {
  const qr = `data:image/svg+xml;base64,${Buffer.from(enrolment.qrSvg).toString("base64")}`;
  return html`<h1>${m.enrol.title}</h1>
${errorSummary(m, errors)}
<p>${m.enrol.intro}</p>
<p><img class="qr" src="${qr}" alt="${m.enrol.qrAlt}" width="200" height="200"></p>
<p>${m.enrol.manual} <code class="secret">${enrolment.secret}</code></p>
<form method="post" action="/aanmelden/koppelen" novalidate>
${csrfField(csrf)}
${hidden("secret", enrolment.secret)}
${hidden("otpauthUri", enrolment.otpauthUri)}
${textField({ m, name: "code", label: m.signIn.code, hint: m.signIn.codeHint, required: true, autocomplete: "one-time-code", inputmode: "numeric", error: errors.get("code"), width: "short" })}
<button type="submit" class="button button--primary">${m.enrol.submit}</button>
</form>`;
}

export function registerAuthPages(app: App, services: Services, kit: Kit) {
  const { identity } = services;

  getPage(app, kit, "/aanmelden", "public", async (ctx, request, reply) => {
    if (request.principal && request.session?.mfaPassed) {
      return reply.redirect(startPageOf(request.principal.roles), 303);
    }
    const reason = (request.query as Record<string, string | undefined>).reden;
    const banner =
      reason === "verlopen"
        ? notice(ctx.m.signIn.expired)
        : reason === "afgemeld"
          ? notice(ctx.m.signIn.signedOut, "ok")
          : reason === "opnieuw"
            ? notice(ctx.m.signIn.startAgain)
            : undefined;
    const csrf = signInCsrfToken(request, reply);
    return ctx.send(ctx.m.signIn.title, signInForm(ctx, new Map(), "", csrf, banner));
  });

  postPage(app, kit, "/aanmelden", "public", async (ctx, request, reply) => {
    const form = formOf(request.body);
    const email = str(form, "email");
    const password = typeof form.password === "string" ? form.password : "";
    const errors: FieldErrors = new Map();
    const csrf = signInCsrfToken(request, reply);
    // F12: a sign-in post without the page's own token is refused; the form is shown again.
    if (!signInCsrfMatches(request)) {
      const banner = notice(ctx.m.errors.csrf);
      return ctx.send(ctx.m.signIn.title, signInForm(ctx, errors, email, csrf, banner), 403);
    }
    if (!email) errors.set("email", ctx.m.signIn.emailMissing);
    if (!password) errors.set("password", ctx.m.signIn.passwordMissing);
    if (errors.size > 0)
      return ctx.send(ctx.m.signIn.title, signInForm(ctx, errors, email, csrf), 422);
    // F8: the code field appears while the account's delay runs; with it, one step.
    const code = str(form, "code");
    try {
      const result = await identity.signIn(requestMeta(request), {
        email,
        password,
        ...(code ? { code } : {}),
      });
      setSessionCookie(reply, result.token);
      if (result.status === "signed_in") {
        return reply.redirect(await afterSignIn(services, result.token), 303);
      }
      return reply.redirect(
        result.status === "mfa_required" ? "/aanmelden/code" : "/aanmelden/koppelen",
        303,
      );
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === "invalid_credentials") {
        errors.set("email", ctx.m.signIn.invalid);
        return ctx.send(ctx.m.signIn.title, signInForm(ctx, errors, email, csrf), 401);
      }
      const limit = limitNotice(ctx, err, reply);
      if (limit) {
        return ctx.send(
          ctx.m.signIn.title,
          signInForm(ctx, errors, email, csrf, limit, err.code === "sign_in_delayed"),
          429,
        );
      }
      throw err;
    }
  });

  getPage(app, kit, "/aanmelden/code", "signing_in", async (ctx, request) => {
    return ctx.send(ctx.m.signIn.codeTitle, codeForm(ctx, new Map(), request.session!.csrfToken));
  });

  postPage(app, kit, "/aanmelden/code", "signing_in", async (ctx, request, reply) => {
    const form = formOf(request.body);
    const code = str(form, "code");
    const recoveryCode = str(form, "recoveryCode");
    const errors: FieldErrors = new Map();
    const csrf = request.session!.csrfToken;
    if (!code && !recoveryCode) {
      errors.set(
        "code" in form ? "code" : "recoveryCode",
        "code" in form ? ctx.m.signIn.codeMissing : ctx.m.signIn.recoveryMissing,
      );
      return ctx.send(ctx.m.signIn.codeTitle, codeForm(ctx, errors, csrf), 422);
    }
    try {
      const next = await identity.verifySecondFactor(
        requestMeta(request),
        request.session!,
        code ? { code } : { recoveryCode },
      );
      setSessionCookie(reply, next.token);
      return reply.redirect(await afterSignIn(services, next.token), 303);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === "mfa_not_enrolled") return reply.redirect("/aanmelden/koppelen", 303);
      if (err.code === "invalid_code") {
        errors.set(code ? "code" : "recoveryCode", ctx.m.signIn.codeInvalid);
        return ctx.send(ctx.m.signIn.codeTitle, codeForm(ctx, errors, csrf), 401);
      }
      const limit = limitNotice(ctx, err, reply);
      if (limit) {
        return ctx.send(ctx.m.signIn.codeTitle, html`${limit}${codeForm(ctx, errors, csrf)}`, 429);
      }
      throw err;
    }
  });

  getPage(app, kit, "/aanmelden/koppelen", "signing_in", async (ctx, request, reply) => {
    try {
      const enrolment = await identity.startEnrolment(request.session!);
      return ctx.send(
        ctx.m.enrol.title,
        await enrolForm(ctx.m, new Map(), request.session!.csrfToken, enrolment),
      );
    } catch (err) {
      if (err instanceof AppError && err.code === "mfa_already_enrolled") {
        return reply.redirect("/aanmelden/code", 303);
      }
      throw err;
    }
  });

  postPage(app, kit, "/aanmelden/koppelen", "signing_in", async (ctx, request, reply) => {
    const form = formOf(request.body);
    const code = str(form, "code");
    try {
      if (!code) throw new AppError("invalid_input", "code missing", { code: "code_missing" });
      const next = await identity.finishEnrolment(requestMeta(request), request.session!, code);
      setSessionCookie(reply, next.token);
      const start = await afterSignIn(services, next.token);
      return ctx.send(
        ctx.m.enrol.recoveryTitle,
        html`<h1>${ctx.m.enrol.recoveryTitle}</h1>
<p>${ctx.m.enrol.recoveryIntro}</p>
<ul class="recovery-codes">${next.recoveryCodes.map((c) => html`<li><code>${c}</code></li>`)}</ul>
<p><a class="button button--primary" href="${start}">${ctx.m.enrol.continue}</a></p>`,
      );
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === "mfa_enrolment_not_started")
        return reply.redirect("/aanmelden/koppelen", 303);
      if (err.code !== "invalid_code" && err.code !== "code_missing") throw err;
      // Show the same secret again (the one the app has scanned); it is only displayed here,
      // the check always uses the secret stored for this account.
      const secret = str(form, "secret");
      const otpauthUri = str(form, "otpauthUri");
      if (!/^[A-Z2-7]{16,64}$/.test(secret) || !otpauthUri.startsWith("otpauth://totp/")) {
        return reply.redirect("/aanmelden/koppelen", 303);
      }
      const errors: FieldErrors = new Map([
        ["code", code ? ctx.m.enrol.codeInvalid : ctx.m.signIn.codeMissing],
      ]);
      return ctx.send(
        ctx.m.enrol.title,
        await enrolForm(ctx.m, errors, request.session!.csrfToken, {
          secret,
          otpauthUri,
          qrSvg: await totpQrSvg(otpauthUri),
        }),
        code ? 401 : 422,
      );
    }
  });

  app.post("/afmelden", { config: { access: "public" } }, async (request, reply) => {
    if (request.session) {
      if (!csrfMatches(request, request.session)) {
        throw new AppError("forbidden", "The form has expired; reload the page and try again.", {
          code: "csrf_failed",
        });
      }
      await identity.signOut(requestMeta(request), request.session);
    }
    clearSessionCookie(reply);
    return reply.redirect("/aanmelden?reden=afgemeld", 303);
  });

  const declarationPage = async (ctx: PageContext, csrf: string, errors: FieldErrors) => {
    const profile = await services.organisations.profile();
    const { m } = ctx;
    return html`<h1>${m.declaration.title}</h1>
${errorSummary(m, errors)}
<p>${m.declaration.intro}</p>
<blockquote lang="nl"><p>${profile.declaration.text}</p></blockquote>
<p class="source">${m.declaration.source}: ${profile.declaration.source}</p>
<form method="post" action="/verklaring" novalidate>
${csrfField(csrf)}
<div class="form-field${errors.has("accept") ? " form-field--invalid" : ""}">
${errors.has("accept") ? html`<p class="field-error" id="f-accept-error">${errors.get("accept")}</p>` : ""}
<div class="choice"><input type="checkbox" id="f-accept" name="accept" value="yes"${errors.has("accept") ? html` aria-invalid="true" aria-describedby="f-accept-error"` : ""}>
<label for="f-accept">${m.declaration.accept}</label></div>
</div>
<button type="submit" class="button button--primary">${m.declaration.submit}</button>
</form>`;
  };

  getPage(app, kit, "/verklaring", ACCOUNT, async (ctx, request) => {
    return ctx.send(
      ctx.m.declaration.title,
      await declarationPage(ctx, request.session?.csrfToken ?? "", new Map()),
    );
  });

  postPage(app, kit, "/verklaring", ACCOUNT, async (ctx, request, reply) => {
    const form = formOf(request.body);
    if (str(form, "accept") !== "yes") {
      const errors: FieldErrors = new Map([["accept", ctx.m.declaration.missing]]);
      return ctx.send(
        ctx.m.declaration.title,
        await declarationPage(ctx, request.session?.csrfToken ?? "", errors),
        422,
      );
    }
    const principal = principalOf(request);
    await identity.acceptDeclaration(requestMeta(request), principal);
    return reply.redirect(
      principal.mustChangePassword ? "/account/wachtwoord" : startPageOf(principal.roles),
      303,
    );
  });

  getPage(app, kit, "/account", ACCOUNT, async (ctx, request) => {
    const me = await identity.me(principalOf(request));
    const { m } = ctx;
    return ctx.send(
      m.account.title,
      html`<h1>${m.account.title}</h1>
<dl class="facts">
<dt>${m.account.name}</dt><dd>${me.displayName ?? ""}</dd>
<dt>${m.account.email}</dt><dd>${me.email ?? ""}</dd>
<dt>${m.account.organisation}</dt><dd>${me.organisation.name}</dd>
<dt>${m.account.roles}</dt><dd>${me.roles.map((r) => m.roles[r] ?? r).join(", ")}</dd>
</dl>
<p><a href="/account/wachtwoord">${m.account.changePassword}</a></p>`,
    );
  });

  const passwordPage = (
    ctx: PageContext,
    csrf: string,
    errors: FieldErrors,
    extra: SafeHtml[] = [],
  ) => {
    const { m } = ctx;
    const must = ctx.viewer?.restricted;
    return html`<h1>${m.password.title}</h1>
${must ? notice(m.password.mustChange) : ""}
${errorSummary(m, errors, extra)}
<form method="post" action="/account/wachtwoord" novalidate>
${csrfField(csrf)}
${textField({ m, name: "currentPassword", label: m.password.current, type: "password", required: true, autocomplete: "current-password", error: errors.get("currentPassword"), width: "long" })}
${textField({ m, name: "newPassword", label: m.password.next, hint: m.password.nextHint, type: "password", required: true, autocomplete: "new-password", error: errors.get("newPassword"), width: "long" })}
${textField({ m, name: "repeatPassword", label: m.password.repeat, type: "password", required: true, autocomplete: "new-password", error: errors.get("repeatPassword"), width: "long" })}
<button type="submit" class="button button--primary">${m.password.submit}</button>
</form>`;
  };

  getPage(app, kit, "/account/wachtwoord", ACCOUNT, async (ctx, request) => {
    return ctx.send(
      ctx.m.password.title,
      passwordPage(ctx, request.session?.csrfToken ?? "", new Map()),
    );
  });

  postPage(app, kit, "/account/wachtwoord", ACCOUNT, async (ctx, request, reply) => {
    const { m } = ctx;
    const form = formOf(request.body);
    const raw = (k: string) => (typeof form[k] === "string" ? (form[k] as string) : "");
    const currentPassword = raw("currentPassword");
    const newPassword = raw("newPassword");
    const errors: FieldErrors = new Map();
    if (!currentPassword) errors.set("currentPassword", m.password.currentMissing);
    if (!newPassword) errors.set("newPassword", m.password.nextMissing);
    else if (newPassword !== raw("repeatPassword"))
      errors.set("repeatPassword", m.password.mismatch);
    const csrf = request.session?.csrfToken ?? "";
    if (errors.size > 0) return ctx.send(m.password.title, passwordPage(ctx, csrf, errors), 422);
    try {
      await identity.changePassword(requestMeta(request), principalOf(request), request.session, {
        currentPassword,
        newPassword,
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === "invalid_credentials") {
        errors.set("currentPassword", m.password.currentWrong);
        return ctx.send(m.password.title, passwordPage(ctx, csrf, errors), 403);
      }
      if (err.status === 400) {
        // The refusal in the page's language, from the password policy's own catalogue.
        errors.set(
          "newPassword",
          isPasswordPolicyCode(err.code) ? passwordPolicyMessage(err.code, ctx.lang) : err.message,
        );
        return ctx.send(m.password.title, passwordPage(ctx, csrf, errors), 422);
      }
      throw err;
    }
    const principal = principalOf(request);
    const next = principal.declarationRequired ? "/verklaring" : null;
    if (next) return reply.redirect(next, 303);
    const after = await kit.contextOf(request, reply);
    return after.send(
      m.password.title,
      html`<h1>${m.password.title}</h1>${notice(m.password.changed, "ok")}<p><a href="${startPageOf(principal.roles)}">${m.errors.toStart}</a></p>`,
    );
  });
}
