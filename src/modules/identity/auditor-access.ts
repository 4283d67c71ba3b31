/**
 * Four eyes for auditor access (F16). A consortium admin may not make an auditor alone: an
 * organisation of kind auditor, an API key with the role auditor or an account with that role
 * becomes a pending request, without effect until a different consortium admin (a person)
 * approves it (use-cases/approve-auditor-request.ts). The existing auditors are told of the
 * request and of the approval by e-mail, and every step is audited.
 */
import { randomUUID } from "node:crypto";
import { SYSTEM } from "../../platform/audit/actor.ts";
import type { RequestMeta } from "../../platform/audit/audit.ts";
import { recordSuccess } from "../../platform/audit/record.ts";
import type { Principal } from "../../platform/auth/access.ts";
import { AppError } from "../../platform/errors.ts";
import { defineCatalogue } from "../../platform/i18n.ts";
import { SYSTEM_META } from "./constants.ts";
import type { IdentityEnv } from "./env.ts";
import * as repo from "./repository.ts";

export type AuditorRequestKind = repo.AuditorRequestRow["kind"];

/** Set when a use case carries out an approved request: no new request, the thing is made. */
export type Approval = { approvedRequest: string };

export function auditorRequestView(row: repo.AuditorRequestRow) {
  return {
    id: row.id,
    kind: row.kind,
    organisationId: row.organisationId,
    details: row.payload,
    status: row.status,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    resultId: row.resultId,
  };
}
export type AuditorRequestView = ReturnType<typeof auditorRequestView>;

/** Two admins deciding the same request: the second is told it is done. */
export function alreadyDecided(): AppError {
  return new AppError("conflict", "This request has already been decided.", {
    code: "request_already_decided",
  });
}

/** Records the request (no effect yet), audits it and tells the auditors. */
export async function recordAuditorRequest(
  env: IdentityEnv,
  principal: Principal,
  meta: RequestMeta,
  request: { kind: AuditorRequestKind; organisationId: string | null; payload: object },
): Promise<AuditorRequestView> {
  const { db, clock } = env;
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await repo.insertAuditorRequest(tx, {
      id,
      kind: request.kind,
      organisationId: request.organisationId,
      payload: { ...request.payload },
      status: "pending",
      requestedBy: principal.id,
      requestedByKind: principal.kind,
      requestedAt: clock.now(),
    });
    await recordSuccess(tx, clock, meta, principal, {
      action: "auditor_request.created",
      objectType: "auditor_request",
      objectId: id,
      details: { kind: request.kind, organisationId: request.organisationId },
    });
  });
  const row = (await repo.findAuditorRequest(db, id))!;
  await tellAuditors(env, row, "requested");
  return auditorRequestView(row);
}

const auditorMailTexts = defineCatalogue(
  "identity.auditor-mail",
  {
    subject: {
      requested: "Woonsignaal: nieuwe toegang voor een auditor aangevraagd",
      approved: "Woonsignaal: nieuwe toegang voor een auditor goedgekeurd",
    },
    what: {
      organisation: (name: string) => `een nieuwe organisatie van auditors, ‘${name}’`,
      api_key: (name: string) => `een nieuwe API-sleutel waarmee ‘${name}’ het logboek kan lezen`,
      user: (name: string) =>
        `een nieuw account waarmee iemand van ‘${name}’ het logboek kan lezen`,
      reset: (name: string) =>
        `een nieuw eenmalig wachtwoord voor een account van ‘${name}’ dat het logboek kan lezen`,
    },
    requested: (name: string, who: string, what: string) =>
      `Beste ${name},\n\n` +
      `${who} heeft gevraagd om ${what}.\n\n` +
      "Dit werkt pas als een tweede beheerder van het samenwerkingsverband de aanvraag goedkeurt. " +
      "U krijgt dit bericht omdat u auditor bent: wie het logboek kan lezen, hoort u te weten. " +
      "Klopt dit niet? Neem dan contact op met het samenwerkingsverband.\n\n" +
      "Met vriendelijke groet,\nWoonsignaal\n",
    approved: (name: string, who: string, what: string) =>
      `Beste ${name},\n\n` +
      `${who} heeft goedgekeurd: er is nu ${what}.\n\n` +
      "U krijgt dit bericht omdat u auditor bent: wie het logboek kan lezen, hoort u te weten. " +
      "Klopt dit niet? Neem dan contact op met het samenwerkingsverband.\n\n" +
      "Met vriendelijke groet,\nWoonsignaal\n",
    someAdmin: "Een beheerder van het samenwerkingsverband",
    adminNamed: (name: string) => `${name} (beheerder van het samenwerkingsverband)`,
  },
  {
    subject: {
      requested: "Woonsignaal: new auditor access requested",
      approved: "Woonsignaal: new auditor access approved",
    },
    what: {
      organisation: (name: string) => `a new auditing organisation, ‘${name}’`,
      api_key: (name: string) => `a new API key with which ‘${name}’ can read the audit log`,
      user: (name: string) =>
        `a new account with which someone of ‘${name}’ can read the audit log`,
      reset: (name: string) =>
        `a new one-time password for an account of ‘${name}’ that can read the audit log`,
    },
    requested: (name: string, who: string, what: string) =>
      `Dear ${name},\n\n${who} has asked for ${what}.\n\n` +
      "This takes effect only when a second administrator of the consortium approves it. " +
      "You receive this message because you are an auditor: you should know who can read the audit log. " +
      "If this is not right, contact the consortium.\n\nKind regards,\nWoonsignaal\n",
    approved: (name: string, who: string, what: string) =>
      `Dear ${name},\n\n${who} has approved: there is now ${what}.\n\n` +
      "You receive this message because you are an auditor: you should know who can read the audit log. " +
      "If this is not right, contact the consortium.\n\nKind regards,\nWoonsignaal\n",
    someAdmin: "An administrator of the consortium",
    adminNamed: (name: string) => `${name} (administrator of the consortium)`,
  },
);

/**
 * E-mails every active auditor (in plain Dutch) that auditor access was requested or approved.
 * Audited once, with how many were told; a mail that fails is logged by letters, not retried.
 */
export async function tellAuditors(
  env: IdentityEnv,
  row: repo.AuditorRequestRow,
  event: "requested" | "approved",
) {
  const { db, clock, deps } = env;
  const t = auditorMailTexts.nl;
  const actorId = event === "requested" ? row.requestedBy : row.decidedBy;
  const person = actorId ? await repo.findUser(db, actorId) : undefined;
  const who = person ? t.adminNamed(person.displayName) : t.someAdmin;
  const orgName = row.organisationId
    ? ((await deps.organisations.accessOf(row.organisationId))?.name ?? "")
    : String(row.payload.name ?? "");
  const what = t.what[row.kind](orgName);
  let told = 0;
  for (const auditor of await repo.activeUsersWithRole(db, "auditor")) {
    const sent = await deps.mail().sendAccountMail({
      to: auditor.email,
      subject: t.subject[event],
      text: t[event](auditor.displayName, who, what),
      reference: `auditor-request-${row.id}-${event}-${auditor.id}`,
    });
    if (sent) told++;
  }
  await recordSuccess(db, clock, SYSTEM_META, SYSTEM, {
    action: "auditor_request.auditors_told",
    objectType: "auditor_request",
    objectId: row.id,
    details: { event, told },
  });
}
