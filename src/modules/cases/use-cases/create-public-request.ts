import { randomUUID } from "node:crypto";
import type { Actor } from "../../../platform/audit/actor.ts";
import { type AuditActor, type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
import { AppError, protocolRule } from "../../../platform/errors.ts";
import { protocolVersionOf } from "../../../protocol/version.ts";
import { newSourceChecks } from "../access-answer.ts";
import { recordCaseEvent } from "../audit-helpers.ts";
import { putOnDesks, scoreOnReceipt } from "../candidates-on-receipt.ts";
import { committeeFor } from "../committee.ts";
import { addReceiptDeadlines } from "../deadline-helpers.ts";
import type { CasesEnv } from "../env.ts";
import {
  keysOf,
  PUBLIC_REQUEST_LIMIT,
  type PublicRequestInput,
  requiredKey,
} from "../procedures.ts";
import * as repo from "../repository.ts";
import { sealRequester } from "../requester.ts";

const PUBLIC_ACTOR: AuditActor = { type: "public", id: null, organisationId: null, role: null };

/**
 * A request from the public form or API (D-221, issue 21): the person names a participant and
 * asks for any request of the profile (access, rectification, erasure, restriction,
 * objection, complaint, new chance, hardship), with their own words. The case is recorded
 * for that organisation — a hardship request for the disputes committee (003 ch. 24) — with
 * the requester's details and words encrypted. On receipt the requester is run through the
 * matching engine against the region's registrations (find-candidates-on-receipt.ts): each
 * participant with a candidate gets the case on its desk, and an objection, rectification or
 * restriction restricts a candidate at once, provisionally. The answer is the reference and
 * the dates by which the person hears back — never whether the person is registered.
 * Rate-limited per client address (PUBLIC_REQUEST_LIMIT); audited; a receipt e-mail when
 * the person gave an e-mail address.
 */
export async function createPublicRequest(
  env: CasesEnv,
  meta: RequestMeta,
  input: PublicRequestInput,
) {
  const { db, clock, deps, publicRequests } = env;
  const now = clock.now();
  const key = meta.clientAddress ?? "-";
  const since = now.getTime() - PUBLIC_REQUEST_LIMIT.windowMs;
  const recent = (publicRequests.get(key) ?? []).filter((t) => t > since);
  if (recent.length >= PUBLIC_REQUEST_LIMIT.perAddress) {
    publicRequests.set(key, recent);
    await recordAudit(db, clock, meta, {
      actor: PUBLIC_ACTOR,
      action: "case.public_request_refused",
      objectType: "case",
      outcome: "refused",
      details: { rule: "rate_limited" },
    });
    throw new AppError("rate_limited", "Too many requests from this address; try later.", {
      code: "public_request_limited",
    });
  }
  recent.push(now.getTime());
  publicRequests.set(key, recent);
  if (publicRequests.size > 10_000) {
    for (const [k, times] of publicRequests)
      if (!times.some((t) => t > since)) publicRequests.delete(k);
  }
  const participants = await deps.organisations.listPublicParticipants();
  const named = participants.find((p) => p.id === input.organisationId);
  if (!named) {
    throw new AppError("invalid_input", "Choose one of the participants.", {
      code: "not_a_participant",
    });
  }
  const profile = await deps.organisations.profile();
  const type = input.type;
  if (!profile.deadlines[requiredKey(type)]) {
    throw protocolRule(
      "case_type_not_in_profile",
      `The protocol of this region (${profile.title}) has no procedure "${type}".`,
      `${profile.seed}: geen termijn of procedure voor ${type}`,
      { type },
    );
  }
  // 003 ch. 24; 001 §10: the disputes committee decides a hardship request.
  const committee = await committeeFor(env, type);
  const organisationId = committee?.id ?? named.id;
  const id = randomUUID();
  const receivedDate = clock.today();
  const requesterCiphertext = await sealRequester(env, organisationId, id, {
    person: input.person,
    ...(input.address ? { address: input.address } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.explanation ? { explanation: input.explanation } : {}),
    channel: "public",
  });
  const reference = `Z-${id.slice(0, 8).toUpperCase()}`;
  const actor: Actor = { kind: "system", id: null, audit: PUBLIC_ACTOR };
  // Scored before the transaction: PGlite has one connection (design §3).
  const candidates = await scoreOnReceipt(env, type, input.person);
  let dueDates: Record<string, string> = {};
  await db.transaction(async (tx) => {
    await repo.insertCase(tx, {
      id,
      reference,
      type,
      status: "received",
      organisationId,
      primarySourceId: null,
      registrationId: null,
      parentCaseId: null,
      receivedDate,
      noticeDate: input.noticeDate ?? null,
      requesterCiphertext,
      facts: {
        channel: "public",
        ...(committee ? { namedOrganisationId: named.id } : {}),
        // Another primary source checks a near match from receipt (D-1040).
        ...(type === "access"
          ? {
              sourceChecks: newSourceChecks(
                profile,
                clock.today(),
                { facts: {}, organisationId, registrationId: null },
                candidates,
              ),
            }
          : {}),
      },
      protocolVersion: protocolVersionOf(profile),
      createdAt: now,
      updatedAt: now,
    });
    dueDates = await addReceiptDeadlines(tx, profile, id, type, receivedDate);
    await recordCaseEvent(env, tx, id, actor, "received", { channel: "public" });
    await recordAudit(tx, clock, meta, {
      actor: { ...PUBLIC_ACTOR, organisationId },
      action: "case.received",
      objectType: "case",
      objectId: id,
      outcome: "success",
      details: { type, channel: "public" },
    });
    await putOnDesks(env, tx, meta, actor, id, type, candidates);
  });
  if (input.person.email) {
    const keys = keysOf(type);
    await deps.letters.sendRequestReceipt({
      to: input.person.email,
      organisationId,
      reference,
      type,
      receivedDate,
      acknowledgementDue: keys.acknowledgement ? dueDates[keys.acknowledgement] : undefined,
      decisionDue: keys.decision ? dueDates[keys.decision] : undefined,
    });
  }
  return { reference, receivedDate, dueDates };
}
