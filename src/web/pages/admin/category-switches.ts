import type { FastifyRequest } from "fastify";
import type { Services } from "../../../modules/index.ts";
import { categorySwitchBody } from "../../../modules/organisations/schemas.ts";
import { callerOf } from "../../../platform/auth/access.ts";
import type { App } from "../../../platform/context.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { defineCatalogue } from "../../../platform/i18n.ts";
import { citeSource } from "../../../protocol/citation.ts";
import { dateHtml } from "../../format.ts";
import {
  choiceField,
  csrfField,
  errorSummary,
  type FieldErrors,
  formOf,
  str,
  textArea,
} from "../../forms.ts";
import { getPage, type Kit, notice, type PageContext } from "../../kit.ts";
import { ADMIN } from "./common.ts";

export const categorySwitchTexts = defineCatalogue(
  "web.admin.categorySwitches",
  {
    title: "Categorieën die de regio zelf aanzet",
    intro:
      "Sommige categorieën van het protocol mogen alleen gebruikt worden als de regio daar een " +
      "rechtsgrond voor heeft vastgelegd. Zolang een categorie uit staat, weigert het systeem " +
      "nieuwe registraties in die categorie. Bestaande registraties houden hun termijn.",
    none: "Het protocol van deze regio heeft geen categorieën die apart aangezet moeten worden.",
    on: "Aan",
    off: "Uit",
    state: "Stand",
    since: "Gewijzigd op",
    basis: "Vastgelegde rechtsgrond",
    why: "Waarom apart aanzetten",
    choice: "Deze categorie gebruiken",
    useIt: "Ja, aanzetten",
    dontUseIt: "Nee, uitzetten",
    legalBasis: "Rechtsgrond",
    legalBasisHint:
      "Welke uitzondering van artikel 9 lid 2 AVG geldt, en waar dat is vastgelegd (bijvoorbeeld de DPIA of het advies van de FG). Minstens 20 tekens.",
    legalBasisRequired: "Vul de rechtsgrond in (minstens 20 tekens).",
    save: "Opslaan",
    saved: "De stand van de categorie is opgeslagen.",
    publicNote: "De openbare pagina Categorieën noemt alleen de categorieën die de regio gebruikt.",
  },
  {
    title: "Categories the region switches on itself",
    intro:
      "Some categories of the protocol may only be used once the region has recorded a legal " +
      "basis for them. While a category is off, the system refuses new registrations in it. " +
      "Existing registrations keep their term.",
    none: "The protocol of this region has no categories that must be switched on separately.",
    on: "On",
    off: "Off",
    state: "State",
    since: "Changed on",
    basis: "Recorded legal basis",
    why: "Why it is switched on separately",
    choice: "Use this category",
    useIt: "Yes, switch on",
    dontUseIt: "No, switch off",
    legalBasis: "Legal basis",
    legalBasisHint:
      "Which exception of article 9(2) GDPR applies, and where it is recorded (for example the DPIA or the DPO's advice). At least 20 characters.",
    legalBasisRequired: "Fill in the legal basis (at least 20 characters).",
    save: "Save",
    saved: "The category's state has been saved.",
    publicNote: "The public Categories page names only the categories the region uses.",
  },
);

/**
 * The consortium admin's switch for categories under a region opt-in (kkr PSY, AVG art. 9;
 * issue 20 part 9, D-766): on with a recorded legal basis, or off. The same schema and
 * service as PUT /api/v1/region/categories/{code}.
 */
export function registerCategorySwitchPages(app: App, services: Services, kit: Kit) {
  async function page(
    ctx: PageContext,
    request: FastifyRequest,
    state: { errors?: FieldErrors; form?: { code: string; basis: string }; banner?: SafeHtml },
    status = 200,
  ) {
    const { m } = ctx;
    const t = categorySwitchTexts[ctx.lang];
    const errors = state.errors ?? new Map();
    const [items, profile] = await Promise.all([
      services.organisations.categorySwitches(),
      services.organisations.profile(),
    ]);
    const csrf = request.session?.csrfToken ?? "";
    return ctx.send(
      t.title,
      html`<h1>${t.title}</h1>
${state.banner ?? ""}
<p>${t.intro}</p>
${errorSummary(m, errors)}
${items.length === 0 ? html`<p>${t.none}</p>` : ""}
${items.map(
  (
    c,
  ) => html`<section aria-labelledby="sw-${c.code}"><h2 id="sw-${c.code}" lang="nl">${c.code} — ${c.title}</h2>
<dl class="facts">
<dt>${t.state}</dt><dd data-testid="switch-${c.code}">${c.enabled ? t.on : t.off}</dd>
${c.switchedAt ? html`<dt>${t.since}</dt><dd>${dateHtml(ctx.lang, c.switchedAt.slice(0, 10))}</dd>` : ""}
${c.legalBasis ? html`<dt>${t.basis}</dt><dd>${c.legalBasis}</dd>` : ""}
<dt>${t.why}</dt><dd lang="nl">${c.reason} <span class="rule">(${citeSource(profile.id, c.source, ctx.lang)})</span></dd>
</dl>
<form method="post" action="/beheer/categorieen/${c.code}" novalidate>${csrfField(csrf)}
${choiceField({
  m,
  name: "enabled",
  legend: t.choice,
  type: "radio",
  checked: [c.enabled ? "yes" : "no"],
  options: [
    { value: "yes", label: t.useIt },
    { value: "no", label: t.dontUseIt },
  ],
})}
${textArea({ m, name: "legalBasis", label: t.legalBasis, hint: t.legalBasisHint, value: state.form?.code === c.code ? state.form.basis : (c.legalBasis ?? ""), error: state.form?.code === c.code ? errors.get("legalBasis") : undefined })}
<button type="submit" class="button button--primary">${t.save}</button>
</form></section>`,
)}
<p>${t.publicNote}</p>`,
      status,
    );
  }

  getPage(app, kit, "/beheer/categorieen", ADMIN, async (ctx, request) => {
    const saved = (request.query as { melding?: string }).melding === "opgeslagen";
    return page(ctx, request, saved ? { banner: notice(categorySwitchTexts[ctx.lang].saved) } : {});
  });

  app.post<{ Params: { code: string } }>(
    "/beheer/categorieen/:code",
    { config: { access: ADMIN } },
    async (request, reply) => {
      const ctx = await kit.contextOf(request, reply);
      const form = formOf(request.body);
      const enabled = str(form, "enabled") === "yes";
      const basis = str(form, "legalBasis");
      const parsed = categorySwitchBody.safeParse({
        enabled,
        ...(enabled && basis !== "" ? { legalBasis: basis } : {}),
      });
      if (!parsed.success) {
        const errors: FieldErrors = new Map([
          ["legalBasis", categorySwitchTexts[ctx.lang].legalBasisRequired],
        ]);
        return page(ctx, request, { errors, form: { code: request.params.code, basis } }, 422);
      }
      await services.organisations.switchCategory(
        ...callerOf(request),
        request.params.code,
        parsed.data,
      );
      return reply.redirect("/beheer/categorieen?melding=opgeslagen", 303);
    },
  );
}
