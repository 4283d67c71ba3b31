import type { FastifyRequest } from "fastify";
import type { Services } from "../../../modules/index.ts";
import {
  ORGANISATION_KINDS,
  type OrganisationView,
  organisationInput,
  organisationPatch,
} from "../../../modules/organisations/schemas.ts";
import { callerOf, principalOf } from "../../../platform/auth/access.ts";
import type { App } from "../../../platform/context.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { isIsoDate } from "../../../platform/werkdagen.ts";
import { dateHtml, formatDate } from "../../format.ts";
import {
  checkedForm,
  choiceField,
  csrfField,
  errorSummary,
  type FieldErrors,
  type FormBody,
  formOf,
  list,
  selectField,
  str,
  submitForm,
  textField,
} from "../../forms.ts";
import { getPage, type Kit, notice, type PageContext, postPage } from "../../kit.ts";
import { idParam } from "../../params.ts";
import { hiddenHeader, table } from "../../table.ts";
import { toAuditorRequests } from "./auditor-requests.ts";
import { ADMIN } from "./common.ts";

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
      lettingAgent: v("lettingAgent"),
      address,
      dpo,
    }),
  ) as Record<string, unknown>;
}

/**
 * The participants (issue #10): the list, accession and its edit, suspension and
 * reinstatement, withdrawal and exclusion. Every change goes through the same service
 * function as the API.
 */
export function registerParticipantPages(app: App, services: Services, kit: Kit) {
  getPage(app, kit, "/beheer/deelnemers", ADMIN, async (ctx, request) => {
    const a = ctx.m.admin;
    const t = a.participants;
    const rows = await services.organisations.listOrganisations(principalOf(request));
    const q = request.query as Record<string, string | undefined>;
    return ctx.send(
      t.title,
      html`<h1>${t.title}</h1>
${q.melding === "toegevoegd" ? notice(t.created) : ""}
<p>${t.intro} <a href="/beheer/deelnemers/nieuw">${t.newOne}</a></p>
${table({
  empty: t.empty,
  caption: t.caption(rows.length),
  head: [t.name, t.kind, t.status, t.signedOn, hiddenHeader(t.open)],
  rows: rows,
  row: (o) =>
    html`<tr><td>${o.name}</td><td>${a.kinds[o.kind] ?? o.kind}</td><td>${a.orgStatus[o.status] ?? o.status}${statusDate(ctx, o)}</td><td>${o.protocolSignedOn ? dateHtml(ctx.lang, o.protocolSignedOn) : ctx.m.none}</td>
<td><a href="/beheer/deelnemers/${o.id}">${t.open}<span class="visually-hidden"> ${o.name}</span></a></td></tr>`,
})}`,
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
${f("lettingAgent", t.lettingAgent, { hint: t.lettingAgentHint, width: "long" })}
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
      lettingAgent: o.lettingAgent ?? "",
      "address.street": o.address?.street ?? "",
      "address.houseNumber": o.address?.houseNumber ?? "",
      "address.postcode": o.address?.postcode ?? "",
      "address.city": o.address?.city ?? "",
      "dpo.name": o.dpo?.name ?? "",
      "dpo.email": o.dpo?.email ?? "",
      "dpo.phone": o.dpo?.phone ?? "",
    };
  }

  getPage(app, kit, "/beheer/deelnemers/:id/wijzigen", ADMIN, async (ctx, request, reply) => {
    const o = await services.organisations.getOrganisation(
      principalOf(request),
      idParam(request, "organisation"),
    );
    if (o.status === "withdrawn" || o.status === "excluded") {
      return reply.redirect(`/beheer/deelnemers/${o.id}`, 303);
    }
    return ctx.send(
      ctx.m.admin.participants.editTitle(o.name),
      createForm(ctx, request.session?.csrfToken ?? "", formOfOrganisation(o), new Map(), o),
    );
  });

  postPage(app, kit, "/beheer/deelnemers/:id/wijzigen", ADMIN, async (ctx, request, reply) => {
    const t = ctx.m.admin.participants;
    const principal = principalOf(request);
    const o = await services.organisations.getOrganisation(
      principal,
      idParam(request, "organisation"),
    );
    const form = formOf(request.body);
    const csrf = request.session?.csrfToken ?? "";
    const errors: FieldErrors = new Map();
    const again = () => ctx.send(t.editTitle(o.name), createForm(ctx, csrf, form, errors, o), 422);
    const patch = checkedForm(ctx.m, organisationPatch, organisationBody(form), errors);
    if (!patch) return again();
    // A date once recorded is not emptied by leaving the field blank: accession stands.
    const saved = await submitForm({
      m: ctx.m,
      run: () => services.organisations.updateOrganisation(...callerOf(request), o.id, patch),
      errors,
      field: (error) =>
        error.code === "participant_kind_not_allowed"
          ? "kind"
          : error.code === "committee_address_required"
            ? "address.street"
            : "name",
      again,
      passOn: [403, 404],
    });
    if (!saved.ok) return saved.reply;
    return reply.redirect(`/beheer/deelnemers/${o.id}?melding=gewijzigd`, 303);
  });

  getPage(app, kit, "/beheer/deelnemers/nieuw", ADMIN, async (ctx, request) => {
    return ctx.send(
      ctx.m.admin.participants.createTitle,
      createForm(ctx, request.session?.csrfToken ?? "", {}, new Map()),
    );
  });

  postPage(app, kit, "/beheer/deelnemers/nieuw", ADMIN, async (ctx, request, reply) => {
    const t = ctx.m.admin.participants;
    const form = formOf(request.body);
    const csrf = request.session?.csrfToken ?? "";
    const errors: FieldErrors = new Map();
    const again = () => ctx.send(t.createTitle, createForm(ctx, csrf, form, errors), 422);
    const input = checkedForm(ctx.m, organisationInput, organisationBody(form), errors);
    if (!input) return again();
    // F16: an auditing organisation is asked, for a second consortium admin to approve.
    const auditor = input.kind === "auditor";
    const created = await submitForm<{ id: string }, unknown>({
      m: ctx.m,
      run: () =>
        auditor
          ? services.identity.requestAuditorAccess(...callerOf(request), {
              kind: "organisation",
              organisation: input,
            })
          : services.organisations.createOrganisation(...callerOf(request), input),
      errors,
      field: (error) => (error.code === "committee_address_required" ? "address.street" : "kind"),
      again,
    });
    if (!created.ok) return created.reply;
    if (auditor) return toAuditorRequests(reply);
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
${o.lettingAgent ? html`<dt>${t.lettingAgent}</dt><dd>${o.lettingAgent}</dd>` : ""}
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

  getPage(app, kit, "/beheer/deelnemers/:id", ADMIN, async (ctx, request) => {
    const done = DONE[(request.query as { melding?: string }).melding ?? ""];
    return detailPage(
      ctx,
      request,
      idParam(request, "organisation"),
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
    postPage(app, kit, `/beheer/deelnemers/:id/${path}`, ADMIN, async (ctx, request, reply) => {
      const t = ctx.m.admin.participants;
      const id = idParam(request, "organisation");
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
      const ran = await submitForm({
        m: ctx.m,
        run: () => run(request, id, date),
        errors,
        field: `${form}.date`,
        again: () => detailPage(ctx, request, id, errors, undefined, 422),
        passOn: [404, 403],
      });
      if (!ran.ok) return ran.reply;
      return reply.redirect(`/beheer/deelnemers/${id}?melding=${done}`, 303);
    });
  lifecycleRoute(
    "schorsen",
    "suspend",
    false,
    (r, id, date) => services.organisations.suspend(...callerOf(r), id, date),
    "geschorst",
  );
  lifecycleRoute(
    "herstellen",
    "reinstate",
    false,
    (r, id) => services.organisations.reinstate(...callerOf(r), id),
    "hersteld",
  );
  lifecycleRoute(
    "uittreden",
    "withdraw",
    true,
    (r, id, date) => services.organisations.recordWithdrawal(...callerOf(r), id, date),
    "uitgetreden",
  );
  lifecycleRoute(
    "uitsluiten",
    "exclude",
    true,
    (r, id, date) => services.organisations.recordExclusion(...callerOf(r), id, date),
    "uitgesloten",
  );
}
