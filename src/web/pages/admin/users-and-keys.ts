import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import {
  createApiKeyBody,
  createUserBody,
  updateUserBody,
} from "../../../modules/identity/schemas.ts";
import type { Services } from "../../../modules/index.ts";
import { callerOf, principalOf } from "../../../platform/auth/access.ts";
import { HUMAN_ROLES, ROLES } from "../../../platform/auth/roles.ts";
import type { App } from "../../../platform/context.ts";
import { notFound } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { dateHtml, dateTimeHtml } from "../../format.ts";
import {
  checkedForm,
  choiceField,
  csrfField,
  errorSummary,
  type FieldErrors,
  type FormBody,
  formOf,
  list,
  refusalText,
  selectField,
  str,
  submitForm,
  textField,
  zodFieldErrors,
} from "../../forms.ts";
import { getPage, type Kit, type PageContext, postPage } from "../../kit.ts";
import { idParam, UUID } from "../../params.ts";
import { hiddenHeader, table } from "../../table.ts";
import { meldingBanner } from "../melding.ts";
import { auditorRequestTexts, toAuditorRequests } from "./auditor-requests.ts";
import { ADMIN, secretBox } from "./common.ts";

/** Users (their roles, activation and status) and the API keys of the participants. */
export function registerUserAndKeyPages(app: App, services: Services, kit: Kit) {
  async function usersPage(
    ctx: PageContext,
    request: FastifyRequest,
    opts: { errors?: FieldErrors; form?: FormBody; banner?: SafeHtml; status?: number } = {},
  ) {
    const { m } = ctx;
    const u = m.admin.users;
    const errors = opts.errors ?? new Map();
    const form = opts.form ?? {};
    const principal = principalOf(request);
    const q = request.query as Record<string, string | undefined>;
    const orgFilter = q.organisatie && UUID.test(q.organisatie) ? q.organisatie : undefined;
    const [orgs, users, keys] = await Promise.all([
      services.organisations.listOrganisations(principal),
      services.identity.listUsers(principal, orgFilter),
      services.identity.listApiKeys(principal, orgFilter),
    ]);
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const csrf = request.session?.csrfToken ?? "";
    const orgOptions = orgs
      .filter((o) => o.status !== "withdrawn" && o.status !== "excluded")
      .map((o) => ({ value: o.id, label: o.name }));
    const roleName = (r: string) => m.roles[r] ?? r;
    return ctx.send(
      u.title,
      html`<h1>${u.title}</h1>
${opts.banner ?? ""}
<p>${u.intro} <a href="/beheer/goedkeuringen">${auditorRequestTexts[ctx.lang].title}</a></p>
${errorSummary(m, errors)}
<form method="get" action="/beheer/gebruikers" class="filter" role="search" aria-label="${u.organisation}">
${selectField({ m, name: "organisatie", label: u.organisation, value: orgFilter ?? "", options: [{ value: "", label: u.allOrganisations }, ...orgs.map((o) => ({ value: o.id, label: o.name }))] })}
<button type="submit" class="button button--secondary">${u.show}</button>
</form>
<h2 id="h-users">${m.admin.users.usersCaption(users.length)}</h2>
${table({
  empty: u.usersEmpty,
  caption: u.usersCaption(users.length),
  captionHidden: true,
  head: [
    u.displayName,
    u.email,
    u.organisation,
    u.roles,
    u.status,
    u.mfa,
    u.lastSignIn,
    hiddenHeader(u.reset),
  ],
  rows: users,
  row: (
    x,
  ) => html`<tr><td>${x.displayName}</td><td>${x.email}</td><td>${orgName.get(x.organisationId) ?? ""}</td><td>${x.roles.map(roleName).join(", ")}</td><td>${u.statuses[x.status] ?? x.status}</td><td>${x.mfaEnrolled ? m.yes : m.no}</td><td>${x.lastSignInAt ? dateTimeHtml(ctx.lang, x.lastSignInAt) : m.none}</td>
<td><a href="/beheer/gebruikers/${x.id}">${u.edit}<span class="visually-hidden"> ${x.displayName}</span></a>
<form method="post" action="/beheer/gebruikers/${x.id}/activeren" class="inline-form">${csrfField(csrf)}<button type="submit" class="link-button">${u.reset}<span class="visually-hidden"> ${x.displayName}</span></button></form>
<form method="post" action="/beheer/gebruikers/${x.id}/status" class="inline-form">${csrfField(csrf)}<input type="hidden" name="status" value="${x.status === "active" ? "disabled" : "active"}"><button type="submit" class="link-button">${x.status === "active" ? u.disable : u.enable}<span class="visually-hidden"> ${x.displayName}</span></button></form></td></tr>`,
})}
<h2 id="h-keys">${u.keysCaption(keys.length)}</h2>
${table({
  empty: u.keysEmpty,
  caption: u.keysCaption(keys.length),
  captionHidden: true,
  head: [
    u.label,
    u.organisation,
    u.role,
    u.prefix,
    u.expiresOn,
    u.lastUsed,
    hiddenHeader(u.revoke),
  ],
  rows: keys,
  row: (
    k,
  ) => html`<tr><td>${k.label}</td><td>${orgName.get(k.organisationId) ?? ""}</td><td>${roleName(k.role)}</td><td><code>${k.prefix}</code></td><td>${k.expiresOn ? dateHtml(ctx.lang, k.expiresOn) : m.none}</td><td>${k.lastUsedAt ? dateTimeHtml(ctx.lang, k.lastUsedAt) : m.none}</td>
<td>${k.revokedAt ? u.revoked : html`<form method="post" action="/beheer/sleutels/${k.id}/intrekken" class="inline-form">${csrfField(csrf)}<button type="submit" class="link-button">${u.revoke}<span class="visually-hidden"> ${k.label}</span></button></form>`}</td></tr>`,
})}
<div class="columns">
<section aria-labelledby="h-new-user"><h2 id="h-new-user">${u.newUser}</h2>
<form method="post" action="/beheer/gebruikers" novalidate>${csrfField(csrf)}
${selectField({ m, name: "user.organisationId", label: u.organisation, value: str(form, "user.organisationId") || (orgFilter ?? ""), error: errors.get("user.organisationId"), options: orgOptions })}
${textField({ m, name: "user.email", label: u.email, type: "email", value: str(form, "user.email"), error: errors.get("user.email"), required: true, width: "long" })}
${textField({ m, name: "user.displayName", label: u.displayName, value: str(form, "user.displayName"), error: errors.get("user.displayName"), required: true, width: "long" })}
${choiceField({ m, name: "user.roles", legend: u.rolesLegend, type: "checkbox", error: errors.get("user.roles"), checked: list(form, "user.roles"), options: HUMAN_ROLES.map((r) => ({ value: r, label: roleName(r) })) })}
<button type="submit" class="button button--primary">${u.createUser}</button>
</form></section>
<section aria-labelledby="h-new-key"><h2 id="h-new-key">${u.newKey}</h2>
<form method="post" action="/beheer/sleutels" novalidate>${csrfField(csrf)}
${selectField({ m, name: "key.organisationId", label: u.organisation, value: str(form, "key.organisationId") || (orgFilter ?? ""), error: errors.get("key.organisationId"), options: orgOptions })}
${textField({ m, name: "key.label", label: u.label, value: str(form, "key.label"), error: errors.get("key.label"), required: true, width: "long" })}
${selectField({ m, name: "key.role", label: u.role, value: str(form, "key.role") || "allocation_system", error: errors.get("key.role"), options: ROLES.map((r) => ({ value: r, label: roleName(r) })) })}
${textField({ m, name: "key.expiresOn", label: u.expiresOn, hint: u.expiresHint, value: str(form, "key.expiresOn"), error: errors.get("key.expiresOn"), width: "short" })}
<button type="submit" class="button button--primary">${u.issueKey}</button>
</form></section>
</div>`,
      opts.status ?? 200,
    );
  }

  getPage(app, kit, "/beheer/gebruikers", ADMIN, async (ctx, request) => {
    const u = ctx.m.admin.users;
    const banner = meldingBanner(request, { ingetrokken: u.revokedDone, gewijzigd: u.updatedDone });
    return usersPage(ctx, request, banner ? { banner } : {});
  });

  /**
   * A sub-form of the users page (`prefix` user.… or key.…): its fields as `parsed`, then the
   * service call `run`. When either refuses, the page again with the errors (422): a zod issue
   * on its field, a refusal of the service on `field`.
   */
  async function submitSubForm<T, R>(
    ctx: PageContext,
    request: FastifyRequest,
    form: FormBody,
    prefix: string,
    parsed: z.ZodSafeParseResult<T>,
    field: string,
    run: (input: T) => Promise<R>,
  ) {
    const errors: FieldErrors = new Map();
    const again = () => usersPage(ctx, request, { errors, form, status: 422 });
    if (!parsed.success) {
      zodFieldErrors(ctx.m, parsed.error, prefix, errors);
      return { ok: false as const, reply: await again() };
    }
    const input = parsed.data;
    return submitForm({ m: ctx.m, run: () => run(input), errors, field, again, passOn: [403] });
  }

  postPage(app, kit, "/beheer/gebruikers", ADMIN, async (ctx, request, reply) => {
    const u = ctx.m.admin.users;
    const form = formOf(request.body);
    const parsed = createUserBody.safeParse({
      organisationId: str(form, "user.organisationId"),
      email: str(form, "user.email"),
      displayName: str(form, "user.displayName"),
      roles: list(form, "user.roles"),
    });
    // F16: an auditor account is asked, for a second consortium admin to approve.
    if (parsed.success && parsed.data.roles.includes("auditor")) {
      const input = parsed.data;
      const asked = await submitSubForm(ctx, request, form, "user", parsed, "user.roles", () =>
        services.identity.requestAuditorAccess(...callerOf(request), { kind: "user", user: input }),
      );
      return asked.ok ? toAuditorRequests(reply) : asked.reply;
    }
    const submitted = await submitSubForm(
      ctx,
      request,
      form,
      "user",
      parsed,
      "user.email",
      (input) => services.identity.createUser(...callerOf(request), input),
    );
    if (!submitted.ok) return submitted.reply;
    const created = submitted.value;
    return usersPage(ctx, request, {
      banner: secretBox(
        u.activationTitle,
        u.activation(created.user.email),
        created.activationPassword,
      ),
    });
  });

  postPage(app, kit, "/beheer/gebruikers/:id/activeren", ADMIN, async (ctx, request, reply) => {
    const u = ctx.m.admin.users;
    const id = idParam(request, "user");
    const principal = principalOf(request);
    const user = (await services.identity.listUsers(principal)).find((x) => x.id === id);
    // F16: an auditor's account is reset only with a second consortium admin's approval.
    if (user?.roles.includes("auditor")) {
      await services.identity.requestAuditorAccess(...callerOf(request), {
        kind: "reset",
        userId: id,
      });
      return toAuditorRequests(reply);
    }
    const result = await services.identity.resetUser(...callerOf(request), id);
    return usersPage(ctx, request, {
      banner: secretBox(
        u.activationTitle,
        u.activation(user?.email ?? ""),
        result.activationPassword,
      ),
    });
  });

  app.post(
    "/beheer/gebruikers/:id/status",
    { config: { access: ADMIN } },
    async (request, reply) => {
      const id = idParam(request, "user");
      const status = str(formOf(request.body), "status") === "disabled" ? "disabled" : "active";
      await services.identity.updateUser(...callerOf(request), id, {
        status,
      });
      return reply.redirect("/beheer/gebruikers?melding=gewijzigd", 303);
    },
  );

  // ---- one user: display name and roles ------------------------------------------------
  async function userPage(
    ctx: PageContext,
    request: FastifyRequest,
    id: string,
    opts: { form?: FormBody; errors?: FieldErrors; status?: number } = {},
  ) {
    const { m } = ctx;
    const u = m.admin.users;
    const principal = principalOf(request);
    const user = (await services.identity.listUsers(principal)).find((x) => x.id === id);
    if (!user) throw notFound("account");
    const org = await services.organisations.getOrganisation(principal, user.organisationId);
    const errors = opts.errors ?? new Map();
    const form = opts.form;
    const roleName = (r: string) => m.roles[r] ?? r;
    return ctx.send(
      u.editTitle(user.displayName),
      html`<h1>${u.editTitle(user.displayName)}</h1>
<p>${u.editIntro}</p>
${errorSummary(m, errors)}
<dl class="facts">
<dt>${u.email}</dt><dd>${user.email}</dd>
<dt>${u.organisation}</dt><dd>${org.name} (${m.admin.kinds[org.kind] ?? org.kind})</dd>
<dt>${u.status}</dt><dd>${u.statuses[user.status] ?? user.status}</dd>
</dl>
<form method="post" action="/beheer/gebruikers/${user.id}" novalidate>${csrfField(request.session?.csrfToken ?? "")}
${textField({ m, name: "displayName", label: u.displayName, value: form ? str(form, "displayName") : user.displayName, error: errors.get("displayName"), required: true, width: "long" })}
${choiceField({ m, name: "roles", legend: u.rolesLegend, hint: u.rolesHint, type: "checkbox", error: errors.get("roles"), checked: form ? list(form, "roles") : user.roles, options: HUMAN_ROLES.map((r) => ({ value: r, label: roleName(r) })) })}
<button type="submit" class="button button--primary">${u.saveUser}</button>
</form>
<p><a href="/beheer/gebruikers">${u.backToUsers}</a></p>`,
      opts.status ?? 200,
    );
  }

  getPage(app, kit, "/beheer/gebruikers/:id", ADMIN, async (ctx, request) => {
    return userPage(ctx, request, idParam(request, "account"));
  });

  postPage(app, kit, "/beheer/gebruikers/:id", ADMIN, async (ctx, request, reply) => {
    const u = ctx.m.admin.users;
    const id = idParam(request, "account");
    const form = formOf(request.body);
    const errors: FieldErrors = new Map();
    const input = checkedForm(
      ctx.m,
      updateUserBody,
      { displayName: str(form, "displayName"), roles: list(form, "roles") },
      errors,
    );
    if (!input) return userPage(ctx, request, id, { form, errors, status: 422 });
    const saved = await submitForm({
      m: ctx.m,
      run: () => services.identity.updateUser(...callerOf(request), id, input),
      errors,
      field: "roles",
      text: (error) => {
        const max = (error.details as { max?: number } | undefined)?.max;
        return error.code === "officer_cap_reached" && typeof max === "number"
          ? `${u.officerCap(max)} (${error.code})`
          : refusalText(ctx.m, error);
      },
      again: () => userPage(ctx, request, id, { form, errors, status: 422 }),
      passOn: [403, 404],
    });
    if (!saved.ok) return saved.reply;
    return reply.redirect("/beheer/gebruikers?melding=gewijzigd", 303);
  });

  postPage(app, kit, "/beheer/sleutels", ADMIN, async (ctx, request, reply) => {
    const u = ctx.m.admin.users;
    const form = formOf(request.body);
    const expiresOn = str(form, "key.expiresOn");
    const parsed = createApiKeyBody.safeParse({
      organisationId: str(form, "key.organisationId"),
      role: str(form, "key.role"),
      label: str(form, "key.label"),
      ...(expiresOn ? { expiresOn } : {}),
    });
    // F16: an auditor key is asked, for a second consortium admin to approve.
    if (parsed.success && parsed.data.role === "auditor") {
      const input = parsed.data;
      const asked = await submitSubForm(ctx, request, form, "key", parsed, "key.role", () =>
        services.identity.requestAuditorAccess(...callerOf(request), {
          kind: "api_key",
          apiKey: input,
        }),
      );
      return asked.ok ? toAuditorRequests(reply) : asked.reply;
    }
    const submitted = await submitSubForm(ctx, request, form, "key", parsed, "key.role", (input) =>
      services.identity.issueApiKey(...callerOf(request), input),
    );
    if (!submitted.ok) return submitted.reply;
    const issued = submitted.value;
    // Shown once, in this answer only: never in a URL, never again (only its hash is kept).
    return usersPage(ctx, request, { banner: secretBox(u.keyTitle, u.keyOnce, issued.key) });
  });

  app.post(
    "/beheer/sleutels/:id/intrekken",
    { config: { access: ADMIN } },
    async (request, reply) => {
      const id = idParam(request, "api_key");
      await services.identity.revokeApiKey(...callerOf(request), id);
      return reply.redirect("/beheer/gebruikers?melding=ingetrokken", 303);
    },
  );
}
