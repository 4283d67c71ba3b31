/**
 * Telling the recipients (AVG art. 19; 003 hoofdstuk 15: the samenwerkingsverband informs those
 * to whom the data were given): when a registration is corrected, restricted or erased after a
 * request, every participant that screened the person with a hit or saw the block in the last
 * 24 months gets a notice on its worklist and an e-mail to its functionaris (letters module).
 * The primary source itself is not a recipient. The plan is made before the change — an
 * erasure takes the person's data with it — and carried out after it.
 */
import type { Actor } from "../../platform/audit/actor.ts";
import type { RequestMeta } from "../../platform/audit/audit.ts";
import { recordSuccess } from "../../platform/audit/record.ts";
import { addMonths } from "../../platform/werkdagen.ts";
import type { NoticeChange, NoticeFacts } from "../letters/ports.ts";
import type { Person } from "../registrations/schemas.ts";
import { actualRecipients } from "./access-answer.ts";
import { recordCaseEvent } from "./audit-helpers.ts";
import type { CasesEnv } from "./env.ts";

/** How far back a recipient counts (the screening and audit records are kept 24 months). */
export const RECIPIENT_WINDOW_MONTHS = 24;

export interface RecipientPlan {
  primarySource: NoticeFacts["primarySource"];
  person: NoticeFacts["person"];
  byOrganisation: Map<string, NoticeFacts["received"]>;
}

/** Who must be told about a change to this registration, found before the change. */
export async function planRecipientNotices(
  env: CasesEnv,
  registrationId: string,
): Promise<RecipientPlan | undefined> {
  const subject = await env.deps.registrations.letterSubject(registrationId);
  if (!subject) return undefined;
  const since = addMonths(env.clock.today(), -RECIPIENT_WINDOW_MONTHS);
  const recipients = await actualRecipients(
    env,
    subject.person as Person,
    [{ id: registrationId, organisationId: subject.organisationId }],
    since,
  );
  const byOrganisation = new Map<string, NoticeFacts["received"]>();
  for (const r of recipients) {
    byOrganisation.set(r.organisationId, [
      ...(byOrganisation.get(r.organisationId) ?? []),
      { date: r.date, how: r.how },
    ]);
  }
  const p = subject.person;
  return {
    primarySource: {
      id: subject.organisationId,
      name: (await env.deps.organisations.getName(subject.organisationId)) ?? "",
    },
    person: {
      initials: p.initials,
      ...(p.prefix ? { prefix: p.prefix } : {}),
      surname: p.surname,
      birthDate: p.birthDate,
    },
    byOrganisation,
  };
}

/** Sends the notices of a plan (outside a transaction: e-mail) and records it on the case. */
export async function tellRecipients(
  env: CasesEnv,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  plan: RecipientPlan | undefined,
  change: NoticeChange,
): Promise<void> {
  if (!plan) return;
  const date = env.clock.today();
  const organisations: string[] = [];
  for (const [organisationId, received] of plan.byOrganisation) {
    await env.deps.letters.recordRecipientNotice(actor, meta, {
      organisationId,
      caseId,
      facts: {
        change,
        date,
        primarySource: plan.primarySource,
        person: plan.person,
        received,
      },
    });
    organisations.push(organisationId);
  }
  await env.db.transaction(async (tx) => {
    // The timeline names who was told; the audit log also records that nobody was to be told.
    if (organisations.length > 0)
      await recordCaseEvent(env, tx, caseId, actor, "recipients_informed", {
        change,
        organisations,
      });
    await recordSuccess(tx, env.clock, meta, actor, {
      action: "case.recipients_informed",
      objectType: "case",
      objectId: caseId,
      details: { change, organisations },
    });
  });
}
