/**
 * The auditor's page of one registration (issue 20 parts 2 and 3; 003 §8 "gedocumenteerd
 * herleidbaar", §12.1 "naam van geautoriseerd functionaris", ch. 21; D-960): what the decision
 * rests on — its parts, the evidence per criterion, the protocol version — and the officers who
 * entered, decided and took the second look, by name. Never the person or an address. The
 * auditor reaches it from the audit log's events about a registration; each look is logged by
 * the registrations service.
 */
import type { Services } from "../../modules/index.ts";
import type { RegistrationGrounds } from "../../modules/registrations/schemas.ts";
import { callerOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import { EVIDENCE_KINDS, TENANCY_RELATION_LABELS } from "../../protocol/evidence.ts";
import { protocolVersionText } from "../../protocol/version.ts";
import { dateHtml, formatDate } from "../format.ts";
import type { Messages } from "../i18n.ts";
import { getPage, type Kit } from "../kit.ts";
import { idParam } from "../params.ts";
import { tableSection } from "../table.ts";
import { decisionRows } from "./registration-parts.ts";
import { weighingText, weighingTexts } from "./weighing-fields.ts";

const AUDITOR = { roles: ["auditor"], scope: "any" } as const;

/** The path of a registration's page for the auditor (linked from the audit log). */
export const groundsPath = (id: string) => `/audit/registraties/${id}`;

/** A named officer as the page shows one: the name, or what stands in for it. */
function officer(
  m: Messages,
  person: RegistrationGrounds["decidedBy"],
  nobody: string,
): SafeHtml | string {
  if (!person) return nobody;
  return person.name ?? m.admin.grounds.unnamed;
}

function groundsMain(m: Messages, g: RegistrationGrounds, version: string): SafeHtml {
  const t = m.admin.grounds;
  const relation = g.tenancyRelation ? TENANCY_RELATION_LABELS[g.tenancyRelation] : t.notRecorded;
  return html`<h1>${t.title} <span class="subtitle">${g.categories.join(", ")} · ${m.statuses[g.status] ?? g.status}</span></h1>
<p>${t.intro}</p>
${g.awaiting && !g.pendingChange ? html`<div class="notice notice--warning"><p>${t.awaiting[g.awaiting] ?? ""}</p></div>` : ""}
${g.pendingChange ? html`<div class="notice notice--warning"><p>${t.pendingChange(formatDate(m.lang, g.pendingChange.endDate))}</p></div>` : ""}
<div class="columns">
<section aria-labelledby="h-decision"><h2 id="h-decision">${t.decision}</h2>
<dl class="facts">
<dt>${t.primarySource}</dt><dd>${g.primarySource.name}</dd>
<dt>${t.status}</dt><dd>${m.statuses[g.status] ?? g.status}</dd>
${decisionRows(m, g)}
<dt>${t.tenancyRelation}</dt><dd>${relation}</dd>
<dt>${t.protocolVersion}</dt><dd>${version}</dd>
</dl>
</section>
<section aria-labelledby="h-people"><h2 id="h-people">${t.people}</h2>
<dl class="facts">
<dt>${t.enteredBy}</dt><dd>${officer(m, g.enteredBy, t.notYet)}</dd>
<dt>${t.decidedBy}</dt><dd>${officer(m, g.decidedBy, t.notYet)}</dd>
<dt>${t.decidedOn}</dt><dd>${g.decidedOn ? dateHtml(m.lang, g.decidedOn) : t.notYet}</dd>
<dt>${weighingTexts[m.lang].shown.title}</dt><dd>${weighingText(m.lang, g.weighing)}</dd>
<dt>${t.secondLookBy}</dt><dd>${officer(m, g.secondLookBy, g.awaiting ? t.notYet : m.none)}</dd>
</dl>
</section>
</div>
${tableSection("evidence", {
  empty: t.evidenceEmpty,
  caption: t.evidence,
  head: [t.criterion, t.kind, t.date, t.reference],
  rows: g.evidence,
  row: (e) =>
    html`<tr><td>${e.criterion}</td><td>${EVIDENCE_KINDS[e.kind as keyof typeof EVIDENCE_KINDS] ?? e.kind}</td><td>${dateHtml(m.lang, e.date)}</td><td>${e.reference ?? m.none}</td></tr>`,
})}`;
}

export function registerAuditRegistrationPage(app: App, services: Services, kit: Kit) {
  getPage(app, kit, "/audit/registraties/:id", AUDITOR, async (ctx, request) => {
    const id = idParam(request, "registration");
    const grounds = await services.registrations.getRegistrationGrounds(...callerOf(request), id);
    const profile = await services.organisations.profile();
    return ctx.send(
      ctx.m.admin.grounds.title,
      groundsMain(ctx.m, grounds, protocolVersionText(profile, grounds.protocolVersion)),
    );
  });
}
