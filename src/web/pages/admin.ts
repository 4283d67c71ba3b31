import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import {
  createApiKeyBody,
  createUserBody,
  updateUserBody,
} from "../../modules/identity/schemas.ts";
import type { Services } from "../../modules/index.ts";
import {
  mailTestBody,
  ORGANISATION_KINDS,
  type OrganisationView,
  organisationInput,
  organisationPatch,
  regionSettingsPatch,
  SMTP_TLS_MODES,
  smtpSettingsInput,
} from "../../modules/organisations/schemas.ts";
import { principalOf, requestMeta } from "../../platform/auth/access.ts";
import { HUMAN_ROLES, ROLES } from "../../platform/auth/roles.ts";
import type { App } from "../../platform/context.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { isIsoDate } from "../../platform/werkdagen.ts";
import { describeProfile } from "../../protocol/engine.ts";
import { dateHtml, dateTimeHtml, formatDate } from "../format.ts";
import {
  choiceField,
  csrfField,
  errorSummary,
  type FieldErrors,
  type FormBody,
  formOf,
  list,
  selectField,
  str,
  textField,
  zodFieldErrors,
} from "../forms.ts";
import type { Kit, PageContext } from "../kit.ts";

const ADMIN = { roles: ["consortium_admin"], scope: "any" } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idOf(request: FastifyRequest, what: string): string {
  const id = (request.params as { id?: string }).id ?? "";
  if (!UUID.test(id)) throw notFound(what);
  return id;
}

export function notice(text: string): SafeHtml {
  return html`<div class="notice notice--ok" role="status"><p>${text}</p></div>`;
}

/** A refusal of a service in the page's language, naming its rule (D-204). */
export function refusalText(ctx: PageContext, error: AppError): string {
  const text =
    ctx.m.ruleTexts[error.code] ?? (ctx.lang === "en" ? error.message : ctx.m.fieldErrors.invalid);
  return `${text} (${error.code})`;
}

function isClientError(error: unknown): error is AppError {
  return error instanceof AppError && error.status >= 400 && error.status < 500;
}

/** Form values of an organisation → the API's input object (empty fields left out). */
function organisationBody(form: FormBody) {
  const v = (name: string) => str(form, name) || undefined;
  const address = ["street", "houseNumber", "postcode", "city"].some((f) => v(`address.${f}`))
    ? {
        street: v("address.street"),
        houseNumber: v("address.houseNumber"),
        postcode: v("address.postcode"),
        city: v("address.city"),
      }
    : undefined;
  const dpo =
    v("dpo.name") || v("dpo.email") || v("dpo.phone")
      ? { name: v("dpo.name"), email: v("dpo.email"), phone: v("dpo.phone") }
      : undefined;
  return JSON.parse(
    JSON.stringify({
      name: v("name"),
      kind: v("kind"),
      kvkNumber: v("kvkNumber"),
      objectionAddress: v("objectionAddress"),
      protocolSignedOn: v("protocolSignedOn"),
      address,
      dpo,
    }),
  ) as Record<string, unknown>;
}

/**
 * The consortium admin's pages (issue #10): participants (accession, suspension,
 * withdrawal, exclusion), users and API keys, region settings and the protocol profile as
 * readable rules. Every change goes through the same service function as the API.
 */
export function registerAdminPages(app: App, services: Services, kit: Kit) {
  // ---- participants -------------------------------------------------------------------
  app.get("/beheer/deelnemers", { config: { access: ADMIN } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const a = ctx.m.admin;
    const t = a.participants;
    const rows = await services.organisations.listOrganisations(principalOf(request));
    const q = request.query as Record<string, string | undefined>;
    return ctx.send(
      t.title,
      html`<h1>${t.title}</h1>
${q.melding === "toegevoegd" ? notice(t.created) : ""}
<p>${t.intro} <a href="/beheer/deelnemers/nieuw">${t.newOne}</a></p>
${
  rows.length === 0
    ? html`<p class="empty">${t.empty}</p>`
    : html`<table class="table"><caption>${t.caption(rows.length)}</caption>
<thead><tr><th scope="col">${t.name}</th><th scope="col">${t.kind}</th><th scope="col">${t.status}</th><th scope="col">${t.signedOn}</th><th scope="col"><span class="visually-hidden">${t.open}</span></th></tr></thead>
<tbody>${rows.map(
        (o) =>
          html`<tr><td>${o.name}</td><td>${a.kinds[o.kind] ?? o.kind}</td><td>${a.orgStatus[o.status] ?? o.status}${statusDate(ctx, o)}</td><td>${o.protocolSignedOn ? dateHtml(ctx.lang, o.protocolSignedOn) : ctx.m.none}</td>
<td><a href="/beheer/deelnemers/${o.id}">${t.open}<span class="visually-hidden"> ${o.name}</span></a></td></tr>`,
      )}</tbody></table>`
}`,
    );
  });

  function statusDate(ctx: PageContext, o: OrganisationView): SafeHtml {
    const t = ctx.m.admin.participants;
    const parts = [
      o.suspendedOn ? `${t.suspendedOn} ${formatDate(ctx.lang, o.suspendedOn)}` : "",
      o.withdrawnOn ? `${t.withdrawnOn} ${formatDate(ctx.lang, o.withdrawnOn)}` : "",
      o.excludedOn ? `${t.excludedOn} ${formatDate(ctx.lang, o.excludedOn)}` : "",
    ].filter(Boolean);
    return parts.length ? html`<br><span class="hint">${parts.join("; ")}</span>` : html``;
  }

  function createForm(
    ctx: PageContext,
    csrf: string,
    form: FormBody,
    errors: FieldErrors,
    edit?: { id: string; name: string },
  ) {
    const { m } = ctx;
    const t = m.admin.participants;
    const f = (name: string, label: string, extra: Partial<Parameters<typeof textField>[0]> = {}) =>
      textField({
        m,
        name,
        label,
        value: str(form, name),
        error: errors.get(name),
        required: false,
        ...extra,
      });
    return html`<h1>${edit ? t.editTitle(edit.name) : t.createTitle}</h1>
<p>${edit ? t.editIntro : t.createIntro}</p>
${errorSummary(m, errors)}
<form method="post" action="${edit ? `/beheer/deelnemers/${edit.id}/wijzigen` : "/beheer/deelnemers/nieuw"}" novalidate>${csrfField(csrf)}
${f("name", t.name, { required: true, width: "long" })}
${selectField({ m, name: "kind", label: t.kind, value: str(form, "kind") || "housing_corporation", error: errors.get("kind"), options: ORGANISATION_KINDS.map((k) => ({ value: k, label: m.admin.kinds[k] ?? k })) })}
${f("kvkNumber", t.kvk, { hint: t.kvkHint, width: "short", inputmode: "numeric" })}
${f("protocolSignedOn", t.signedOn, { hint: t.signedOnHint, width: "short" })}
${f("objectionAddress", t.objectionAddress, { hint: t.objectionHint, width: "long" })}
<fieldset class="group"><legend>${t.address}</legend><p class="hint">${t.addressHint}</p>
${f("address.street", t.street, { width: "long" })}
${f("address.houseNumber", t.houseNumber, { width: "short" })}
${f("address.postcode", t.postcode, { width: "short" })}
${f("address.city", t.city, { width: "long" })}
</fieldset>
${f("dpo.name", t.dpoName, { width: "long" })}
${f("dpo.email", t.dpoEmail, { type: "email", width: "long" })}
${f("dpo.phone", t.dpoPhone, { width: "medium" })}
<button type="submit" class="button button--primary">${edit ? t.saveChanges : t.create}</button>
</form>${edit ? html`<p><a href="/beheer/deelnemers/${edit.id}">${t.backToParticipant}</a></p>` : ""}`;
  }

  /** An organisation's stored values as the form's fields (for the edit form). */
  function formOfOrganisation(o: OrganisationView): FormBody {
    return {
      name: o.name,
      kind: o.kind,
      kvkNumber: o.kvkNumber ?? "",
      protocolSignedOn: o.protocolSignedOn ?? "",
      objectionAddress: o.objectionAddress ?? "",
      "address.street": o.address?.street ?? "",
      "address.houseNumber": o.address?.houseNumber ?? "",
      "address.postcode": o.address?.postcode ?? "",
      "address.city": o.address?.city ?? "",
      "dpo.name": o.dpo?.name ?? "",
      "dpo.email": o.dpo?.email ?? "",
      "dpo.phone": o.dpo?.phone ?? "",
    };
  }

  app.get(
    "/beheer/deelnemers/:id/wijzigen",
    { config: { access: ADMIN } },
    async (request, reply) => {
      const ctx = await kit.contextOf(request, reply);
      const o = await services.organisations.getOrganisation(
        principalOf(request),
        idOf(request, "organisation"),
      );
      if (o.status === "withdrawn" || o.status === "excluded") {
        return reply.redirect(`/beheer/deelnemers/${o.id}`, 303);
      }
      return ctx.send(
        ctx.m.admin.participants.editTitle(o.name),
        createForm(ctx, request.session?.csrfToken ?? "", formOfOrganisation(o), new Map(), o),
      );
    },
  );

  app.post(
    "/beheer/deelnemers/:id/wijzigen",
    { config: { access: ADMIN } },
    async (request, reply) => {
      const ctx = await kit.contextOf(request, reply);
      const t = ctx.m.admin.participants;
      const principal = principalOf(request);
      const o = await services.organisations.getOrganisation(
        principal,
        idOf(request, "organisation"),
      );
      const form = formOf(request.body);
      const csrf = request.session?.csrfToken ?? "";
      const errors: FieldErrors = new Map();
      const parsed = organisationPatch.safeParse(organisationBody(form));
      if (!parsed.success) {
        zodFieldErrors(ctx.m, parsed.error, "", errors);
        return ctx.send(t.editTitle(o.name), createForm(ctx, csrf, form, errors, o), 422);
      }
      // A date once recorded is not emptied by leaving the field blank: accession stands.
      try {
        await services.organisations.updateOrganisation(
          principal,
          requestMeta(request),
          o.id,
          parsed.data,
        );
      } catch (error) {
        if (!isClientError(error) || error.status === 403 || error.status === 404) throw error;
        errors.set(
          error.code === "participant_kind_not_allowed" ? "kind" : "name",
          refusalText(ctx, error),
        );
        return ctx.send(t.editTitle(o.name), createForm(ctx, csrf, form, errors, o), 422);
      }
      return reply.redirect(`/beheer/deelnemers/${o.id}?melding=gewijzigd`, 303);
    },
  );

  app.get("/beheer/deelnemers/nieuw", { config: { access: ADMIN } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    return ctx.send(
      ctx.m.admin.participants.createTitle,
      createForm(ctx, request.session?.csrfToken ?? "", {}, new Map()),
    );
  });

  app.post("/beheer/deelnemers/nieuw", { config: { access: ADMIN } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const t = ctx.m.admin.participants;
    const form = formOf(request.body);
    const csrf = request.session?.csrfToken ?? "";
    const errors: FieldErrors = new Map();
    const parsed = organisationInput.safeParse(organisationBody(form));
    if (!parsed.success) {
      zodFieldErrors(ctx.m, parsed.error, "", errors);
      return ctx.send(t.createTitle, createForm(ctx, csrf, form, errors), 422);
    }
    try {
      await services.organisations.createOrganisation(
        principalOf(request),
        requestMeta(request),
        parsed.data,
      );
    } catch (error) {
      if (!isClientError(error)) throw error;
      errors.set("kind", refusalText(ctx, error));
      return ctx.send(t.createTitle, createForm(ctx, csrf, form, errors), 422);
    }
    return reply.redirect("/beheer/deelnemers?melding=toegevoegd", 303);
  });

  async function detailPage(
    ctx: PageContext,
    request: FastifyRequest,
    id: string,
    errors: FieldErrors = new Map(),
    banner?: SafeHtml,
    status = 200,
  ) {
    const { m } = ctx;
    const a = m.admin;
    const t = a.participants;
    const o = await services.organisations.getOrganisation(principalOf(request), id);
    const csrf = request.session?.csrfToken ?? "";
    const dateField = (form: string) =>
      textField({
        m,
        name: `${form}.date`,
        label: t.date,
        hint: t.dateHint,
        error: errors.get(`${form}.date`),
        required: true,
        width: "short",
      });
    const confirm = (form: string) =>
      choiceField({
        m,
        name: `${form}.confirm`,
        legend: t.confirm,
        legendClass: "visually-hidden",
        type: "checkbox",
        error: errors.get(`${form}.confirm`),
        checked: [],
        options: [{ value: "yes", label: t.confirm }],
      });
    const ended = o.status === "withdrawn" || o.status === "excluded";
    const lifecycle = ended
      ? html`<p>${t.terminated}</p>`
      : html`
${
  o.status === "suspended"
    ? html`<form method="post" action="/beheer/deelnemers/${o.id}/herstellen">${csrfField(csrf)}<button type="submit" class="button button--secondary">${t.reinstate}</button></form>`
    : html`<section aria-labelledby="h-suspend"><h3 id="h-suspend">${t.suspend}</h3><p>${t.suspendIntro}</p>
<form method="post" action="/beheer/deelnemers/${o.id}/schorsen" novalidate>${csrfField(csrf)}${dateField("suspend")}<button type="submit" class="button button--secondary">${t.suspend}</button></form></section>`
}
<section aria-labelledby="h-withdraw"><h3 id="h-withdraw">${t.withdraw}</h3><p>${t.withdrawIntro}</p>
<form method="post" action="/beheer/deelnemers/${o.id}/uittreden" novalidate>${csrfField(csrf)}${dateField("withdraw")}${confirm("withdraw")}<button type="submit" class="button button--danger">${t.withdraw}</button></form></section>
<section aria-labelledby="h-exclude"><h3 id="h-exclude">${t.exclude}</h3><p>${t.excludeIntro}</p>
<form method="post" action="/beheer/deelnemers/${o.id}/uitsluiten" novalidate>${csrfField(csrf)}${dateField("exclude")}${confirm("exclude")}<button type="submit" class="button button--danger">${t.exclude}</button></form></section>`;
    return ctx.send(
      o.name,
      html`<h1>${o.name} <span class="subtitle">${a.kinds[o.kind] ?? o.kind} · ${a.orgStatus[o.status] ?? o.status}</span></h1>
${banner ?? ""}
${errorSummary(m, errors)}
<dl class="facts">
<dt>${t.kvk}</dt><dd>${o.kvkNumber ?? m.none}</dd>
<dt>${t.signedOn}</dt><dd>${o.protocolSignedOn ? dateHtml(ctx.lang, o.protocolSignedOn) : m.none}</dd>
<dt>${t.objectionAddress}</dt><dd>${o.objectionAddress ?? m.none}</dd>
<dt>${a.pub.dpo}</dt><dd>${o.dpo ? `${o.dpo.name}, ${o.dpo.email}${o.dpo.phone ? `, ${o.dpo.phone}` : ""}` : m.none}</dd>
${o.suspendedOn ? html`<dt>${t.suspendedOn}</dt><dd>${dateHtml(ctx.lang, o.suspendedOn)}</dd>` : ""}
${o.withdrawnOn ? html`<dt>${t.withdrawnOn}</dt><dd>${dateHtml(ctx.lang, o.withdrawnOn)}</dd>` : ""}
${o.excludedOn ? html`<dt>${t.excludedOn}</dt><dd>${dateHtml(ctx.lang, o.excludedOn)}</dd>` : ""}
</dl>
${ended ? "" : html`<p><a href="/beheer/deelnemers/${o.id}/wijzigen">${o.protocolSignedOn ? t.edit : t.editAccession}</a></p>`}
<h2>${t.lifecycle}</h2>
${lifecycle}
<p><a href="/beheer/deelnemers">${t.title}</a></p>`,
      status,
    );
  }

  const DONE: Record<
    string,
    "suspendedDone" | "reinstatedDone" | "withdrawalDone" | "exclusionDone" | "updatedDone"
  > = {
    gewijzigd: "updatedDone",
    geschorst: "suspendedDone",
    hersteld: "reinstatedDone",
    uitgetreden: "withdrawalDone",
    uitgesloten: "exclusionDone",
  };

  app.get("/beheer/deelnemers/:id", { config: { access: ADMIN } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const done = DONE[(request.query as { melding?: string }).melding ?? ""];
    return detailPage(
      ctx,
      request,
      idOf(request, "organisation"),
      new Map(),
      done ? notice(ctx.m.admin.participants[done]) : undefined,
    );
  });

  const lifecycleRoute = (
    path: string,
    form: string,
    needsConfirm: boolean,
    run: (request: FastifyRequest, id: string, date: string) => Promise<unknown>,
    done: string,
  ) =>
    app.post(
      `/beheer/deelnemers/:id/${path}`,
      { config: { access: ADMIN } },
      async (request, reply) => {
        const ctx = await kit.contextOf(request, reply);
        const t = ctx.m.admin.participants;
        const id = idOf(request, "organisation");
        const body = formOf(request.body);
        const date = str(body, "date") || str(body, `${form}.date`);
        const errors: FieldErrors = new Map();
        if (form !== "reinstate" && !isIsoDate(date)) {
          errors.set(`${form}.date`, ctx.m.fieldErrors.date);
        }
        if (needsConfirm && !list(body, `${form}.confirm`).includes("yes")) {
          errors.set(`${form}.confirm`, t.confirmMissing);
        }
        if (errors.size > 0) return detailPage(ctx, request, id, errors, undefined, 422);
        try {
          await run(request, id, date);
        } catch (error) {
          if (!isClientError(error) || error.status === 404 || error.status === 403) throw error;
          errors.set(`${form}.date`, refusalText(ctx, error));
          return detailPage(ctx, request, id, errors, undefined, 422);
        }
        return reply.redirect(`/beheer/deelnemers/${id}?melding=${done}`, 303);
      },
    );
  lifecycleRoute(
    "schorsen",
    "suspend",
    false,
    (r, id, date) => services.organisations.suspend(principalOf(r), requestMeta(r), id, date),
    "geschorst",
  );
  lifecycleRoute(
    "herstellen",
    "reinstate",
    false,
    (r, id) => services.organisations.reinstate(principalOf(r), requestMeta(r), id),
    "hersteld",
  );
  lifecycleRoute(
    "uittreden",
    "withdraw",
    true,
    (r, id, date) =>
      services.organisations.recordWithdrawal(principalOf(r), requestMeta(r), id, date),
    "uitgetreden",
  );
  lifecycleRoute(
    "uitsluiten",
    "exclude",
    true,
    (r, id, date) =>
      services.organisations.recordExclusion(principalOf(r), requestMeta(r), id, date),
    "uitgesloten",
  );

  // ---- users and API keys -------------------------------------------------------------
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
<p>${u.intro}</p>
${errorSummary(m, errors)}
<form method="get" action="/beheer/gebruikers" class="filter" role="search" aria-label="${u.organisation}">
${selectField({ m, name: "organisatie", label: u.organisation, value: orgFilter ?? "", options: [{ value: "", label: u.allOrganisations }, ...orgs.map((o) => ({ value: o.id, label: o.name }))] })}
<button type="submit" class="button button--secondary">${u.show}</button>
</form>
<h2 id="h-users">${m.admin.users.usersCaption(users.length)}</h2>
${
  users.length === 0
    ? html`<p class="empty">${u.usersEmpty}</p>`
    : html`<table class="table"><caption class="visually-hidden">${u.usersCaption(users.length)}</caption>
<thead><tr><th scope="col">${u.displayName}</th><th scope="col">${u.email}</th><th scope="col">${u.organisation}</th><th scope="col">${u.roles}</th><th scope="col">${u.status}</th><th scope="col">${u.mfa}</th><th scope="col">${u.lastSignIn}</th><th scope="col"><span class="visually-hidden">${u.reset}</span></th></tr></thead>
<tbody>${users.map(
        (
          x,
        ) => html`<tr><td>${x.displayName}</td><td>${x.email}</td><td>${orgName.get(x.organisationId) ?? ""}</td><td>${x.roles.map(roleName).join(", ")}</td><td>${u.statuses[x.status] ?? x.status}</td><td>${x.mfaEnrolled ? m.yes : m.no}</td><td>${x.lastSignInAt ? dateTimeHtml(ctx.lang, x.lastSignInAt) : m.none}</td>
<td><a href="/beheer/gebruikers/${x.id}">${u.edit}<span class="visually-hidden"> ${x.displayName}</span></a>
<form method="post" action="/beheer/gebruikers/${x.id}/activeren" class="inline-form">${csrfField(csrf)}<button type="submit" class="link-button">${u.reset}<span class="visually-hidden"> ${x.displayName}</span></button></form>
<form method="post" action="/beheer/gebruikers/${x.id}/status" class="inline-form">${csrfField(csrf)}<input type="hidden" name="status" value="${x.status === "active" ? "disabled" : "active"}"><button type="submit" class="link-button">${x.status === "active" ? u.disable : u.enable}<span class="visually-hidden"> ${x.displayName}</span></button></form></td></tr>`,
      )}</tbody></table>`
}
<h2 id="h-keys">${u.keysCaption(keys.length)}</h2>
${
  keys.length === 0
    ? html`<p class="empty">${u.keysEmpty}</p>`
    : html`<table class="table"><caption class="visually-hidden">${u.keysCaption(keys.length)}</caption>
<thead><tr><th scope="col">${u.label}</th><th scope="col">${u.organisation}</th><th scope="col">${u.role}</th><th scope="col">${u.prefix}</th><th scope="col">${u.expiresOn}</th><th scope="col">${u.lastUsed}</th><th scope="col"><span class="visually-hidden">${u.revoke}</span></th></tr></thead>
<tbody>${keys.map(
        (
          k,
        ) => html`<tr><td>${k.label}</td><td>${orgName.get(k.organisationId) ?? ""}</td><td>${roleName(k.role)}</td><td><code>${k.prefix}</code></td><td>${k.expiresOn ? dateHtml(ctx.lang, k.expiresOn) : m.none}</td><td>${k.lastUsedAt ? dateTimeHtml(ctx.lang, k.lastUsedAt) : m.none}</td>
<td>${k.revokedAt ? u.revoked : html`<form method="post" action="/beheer/sleutels/${k.id}/intrekken" class="inline-form">${csrfField(csrf)}<button type="submit" class="link-button">${u.revoke}<span class="visually-hidden"> ${k.label}</span></button></form>`}</td></tr>`,
      )}</tbody></table>`
}
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

  app.get("/beheer/gebruikers", { config: { access: ADMIN } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const q = request.query as { melding?: string };
    const u = ctx.m.admin.users;
    const banner =
      q.melding === "ingetrokken"
        ? notice(u.revokedDone)
        : q.melding === "gewijzigd"
          ? notice(u.updatedDone)
          : undefined;
    return usersPage(ctx, request, banner ? { banner } : {});
  });

  /** Zod issues of a sub-form (user.…, key.…) as field errors; a failed service call on a field. */
  function fail(ctx: PageContext, prefix: string, error: z.ZodError, errors: FieldErrors) {
    zodFieldErrors(ctx.m, error, prefix, errors);
  }

  app.post("/beheer/gebruikers", { config: { access: ADMIN } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const u = ctx.m.admin.users;
    const form = formOf(request.body);
    const errors: FieldErrors = new Map();
    const parsed = createUserBody.safeParse({
      organisationId: str(form, "user.organisationId"),
      email: str(form, "user.email"),
      displayName: str(form, "user.displayName"),
      roles: list(form, "user.roles"),
    });
    if (!parsed.success) {
      fail(ctx, "user", parsed.error, errors);
      return usersPage(ctx, request, { errors, form, status: 422 });
    }
    let created: { user: { email: string }; activationPassword: string };
    try {
      created = await services.identity.createUser(
        principalOf(request),
        requestMeta(request),
        parsed.data,
      );
    } catch (error) {
      if (!isClientError(error) || error.status === 403) throw error;
      errors.set("user.email", refusalText(ctx, error));
      return usersPage(ctx, request, { errors, form, status: 422 });
    }
    return usersPage(ctx, request, {
      banner: secretBox(
        u.activationTitle,
        u.activation(created.user.email),
        created.activationPassword,
      ),
    });
  });

  app.post(
    "/beheer/gebruikers/:id/activeren",
    { config: { access: ADMIN } },
    async (request, reply) => {
      const ctx = await kit.contextOf(request, reply);
      const u = ctx.m.admin.users;
      const id = idOf(request, "user");
      const principal = principalOf(request);
      const result = await services.identity.resetUser(principal, requestMeta(request), id);
      const user = (await services.identity.listUsers(principal)).find((x) => x.id === id);
      return usersPage(ctx, request, {
        banner: secretBox(
          u.activationTitle,
          u.activation(user?.email ?? ""),
          result.activationPassword,
        ),
      });
    },
  );

  app.post(
    "/beheer/gebruikers/:id/status",
    { config: { access: ADMIN } },
    async (request, reply) => {
      const id = idOf(request, "user");
      const status = str(formOf(request.body), "status") === "disabled" ? "disabled" : "active";
      await services.identity.updateUser(principalOf(request), requestMeta(request), id, {
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

  app.get("/beheer/gebruikers/:id", { config: { access: ADMIN } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    return userPage(ctx, request, idOf(request, "account"));
  });

  app.post("/beheer/gebruikers/:id", { config: { access: ADMIN } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const u = ctx.m.admin.users;
    const id = idOf(request, "account");
    const form = formOf(request.body);
    const errors: FieldErrors = new Map();
    const parsed = updateUserBody.safeParse({
      displayName: str(form, "displayName"),
      roles: list(form, "roles"),
    });
    if (!parsed.success) {
      zodFieldErrors(ctx.m, parsed.error, "", errors);
      return userPage(ctx, request, id, { form, errors, status: 422 });
    }
    try {
      await services.identity.updateUser(
        principalOf(request),
        requestMeta(request),
        id,
        parsed.data,
      );
    } catch (error) {
      if (!isClientError(error) || error.status === 403 || error.status === 404) throw error;
      const max = (error.details as { max?: number } | undefined)?.max;
      errors.set(
        "roles",
        error.code === "officer_cap_reached" && typeof max === "number"
          ? `${u.officerCap(max)} (${error.code})`
          : refusalText(ctx, error),
      );
      return userPage(ctx, request, id, { form, errors, status: 422 });
    }
    return reply.redirect("/beheer/gebruikers?melding=gewijzigd", 303);
  });

  app.post("/beheer/sleutels", { config: { access: ADMIN } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const u = ctx.m.admin.users;
    const form = formOf(request.body);
    const errors: FieldErrors = new Map();
    const expiresOn = str(form, "key.expiresOn");
    const parsed = createApiKeyBody.safeParse({
      organisationId: str(form, "key.organisationId"),
      role: str(form, "key.role"),
      label: str(form, "key.label"),
      ...(expiresOn ? { expiresOn } : {}),
    });
    if (!parsed.success) {
      fail(ctx, "key", parsed.error, errors);
      return usersPage(ctx, request, { errors, form, status: 422 });
    }
    let issued: { key: string };
    try {
      issued = await services.identity.issueApiKey(
        principalOf(request),
        requestMeta(request),
        parsed.data,
      );
    } catch (error) {
      if (!isClientError(error) || error.status === 403) throw error;
      errors.set("key.role", refusalText(ctx, error));
      return usersPage(ctx, request, { errors, form, status: 422 });
    }
    // Shown once, in this answer only: never in a URL, never again (only its hash is kept).
    return usersPage(ctx, request, { banner: secretBox(u.keyTitle, u.keyOnce, issued.key) });
  });

  app.post(
    "/beheer/sleutels/:id/intrekken",
    { config: { access: ADMIN } },
    async (request, reply) => {
      const id = idOf(request, "api_key");
      await services.identity.revokeApiKey(principalOf(request), requestMeta(request), id);
      return reply.redirect("/beheer/gebruikers?melding=ingetrokken", 303);
    },
  );

  // ---- region settings ----------------------------------------------------------------
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

  app.get("/beheer/instellingen", { config: { access: ADMIN } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const s = ctx.m.admin.settings;
    const melding = (request.query as { melding?: string }).melding;
    const banner =
      melding === "opgeslagen"
        ? notice(s.saved)
        : melding === "smtp-opgeslagen"
          ? notice(s.mail.saved)
          : melding === "smtp-verwijderd"
            ? notice(s.mail.removed)
            : undefined;
    return settingsPage(ctx, request, banner ? { banner } : {});
  });

  app.post("/beheer/instellingen", { config: { access: ADMIN } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
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
    await services.organisations.updateSettings(
      principalOf(request),
      requestMeta(request),
      parsed.data,
    );
    return reply.redirect("/beheer/instellingen?melding=opgeslagen", 303);
  });

  /**
   * The SMTP form: the password is write-only (empty keeps the stored one, the checkbox
   * clears it); the same schema and service as PATCH /api/v1/region/settings.
   */
  app.post("/beheer/instellingen/smtp", { config: { access: ADMIN } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
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
    try {
      await services.organisations.updateSettings(principalOf(request), requestMeta(request), {
        smtp: parsed.data,
      });
    } catch (error) {
      if (!isClientError(error) || error.status === 403) throw error;
      errors.set(
        error.code === "smtp_password_without_username" ? "smtp.username" : "smtp.host",
        refusalText(ctx, error),
      );
      return settingsPage(ctx, request, { mailForm: form, errors, status: 422 });
    }
    return reply.redirect("/beheer/instellingen?melding=smtp-opgeslagen", 303);
  });

  app.post(
    "/beheer/instellingen/smtp/verwijderen",
    { config: { access: ADMIN } },
    async (request, reply) => {
      await services.organisations.updateSettings(principalOf(request), requestMeta(request), {
        smtp: null,
      });
      return reply.redirect("/beheer/instellingen?melding=smtp-verwijderd", 303);
    },
  );

  app.post(
    "/beheer/instellingen/smtp/test",
    { config: { access: ADMIN } },
    async (request, reply) => {
      const ctx = await kit.contextOf(request, reply);
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
        const sent = await services.letters.sendTestMail(
          principalOf(request),
          requestMeta(request),
          parsed.data.to,
        );
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
    },
  );

  // ---- the protocol as readable rules -------------------------------------------------
  app.get("/beheer/protocol", { config: { access: ADMIN } }, async (request, reply) => {
    const ctx = await kit.contextOf(request, reply);
    const { m } = ctx;
    const t = m.admin.protocol;
    const d = describeProfile(await services.organisations.profile());
    const src = (s: string) => html` <span class="rule">(${s})</span>`;
    return ctx.send(
      t.title,
      html`<h1>${t.title}</h1>
<p>${t.intro(d.title, d.version, d.seed)}</p>
${t.quotedDutch() ? html`<p class="notice notice--warning" lang="en">${t.quotedDutch()}</p>` : ""}
<p>${t.twoStep}: ${d.twoStepPlacement.value ? m.yes : m.no}${src(d.twoStepPlacement.source)}</p>
<h2>${t.categories}</h2>
${d.categories.map(
  (c) => html`<section class="category" aria-labelledby="p-${c.code}" lang="nl">
<h3 id="p-${c.code}">${c.code} — ${c.title}</h3>
<p>${c.description}${src(c.source)}</p>
<dl class="facts">
<dt>${t.term}</dt><dd>${t.maxMonths(c.term.maxMonths)}${src(c.term.source)}${c.term.note ? html`<br><span class="hint">${c.term.note}</span>` : ""}
${c.term.brackets.length ? html`<ul>${c.term.brackets.map((b) => html`<li>${b.label}: ${b.termMonths}</li>`)}</ul>` : ""}</dd>
<dt>${t.scope}</dt><dd>${m.scopes[c.scope.value] ?? c.scope.value}${src(c.scope.source)}</dd>
<dt>${t.claim}</dt><dd>${c.claim.mode}${c.claim.minimumCents !== undefined ? ` ≥ € ${(c.claim.minimumCents / 100).toFixed(2)}` : ""}${src(c.claim.source)}</dd>
<dt>${t.placement}</dt><dd>${c.placement.moment}${src(c.placement.source)}</dd>
<dt>${t.criteria}</dt><dd>${c.criteria.length ? html`<ul>${c.criteria.map((k) => html`<li><strong>${k.code}</strong> ${k.text}${src(k.source)}</li>`)}</ul>` : t.none}</dd>
<dt>${t.removal}</dt><dd>${c.removal.length ? html`<ul>${c.removal.map((r) => html`<li>${r.text}${src(r.source)}</li>`)}</ul>` : t.none}</dd>
</dl></section>`,
)}
<h2>${t.generalRemoval}</h2>
${d.generalRemoval.length ? html`<ul lang="nl">${d.generalRemoval.map((r) => html`<li>${r.text}${src(r.source)}</li>`)}</ul>` : html`<p>${t.none}</p>`}
<h2>${t.disclosure}</h2>
<table class="table"><caption class="visually-hidden">${t.disclosure}</caption>
<thead><tr><th scope="col">${t.audience}</th><th scope="col">${t.role}</th><th scope="col">${t.fields}</th><th scope="col">${t.confirmedMatch}</th><th scope="col">${t.source}</th></tr></thead>
<tbody>${d.disclosure.map((x) => html`<tr><td>${x.audience}</td><td>${m.roles[x.role] ?? x.role}</td><td>${x.fields.join(", ") || m.none}</td><td>${x.requiresConfirmedMatch ? m.yes : m.no}</td><td>${x.source}</td></tr>`)}</tbody></table>
<h2>${t.deadlines}</h2>
<table class="table"><caption class="visually-hidden">${t.deadlines}</caption>
<thead><tr><th scope="col">${t.what}</th><th scope="col">${t.deadline}</th><th scope="col">${t.source}</th></tr></thead>
<tbody>${d.deadlines.map((x) => html`<tr><td lang="nl">${x.text}</td><td lang="nl">${x.termText}</td><td>${x.source}</td></tr>`)}</tbody></table>`,
    );
  });
}

/** A secret shown once (activation password, API key): in this answer only. */
function secretBox(title: string, text: string, secret: string): SafeHtml {
  return html`<div class="notice notice--ok" role="status"><h2>${title}</h2><p>${text}</p>
<p><code class="secret" data-testid="secret">${secret}</code></p></div>`;
}
