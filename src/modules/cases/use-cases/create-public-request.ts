import { randomUUID } from "node:crypto";
import type { Actor } from "../../../platform/audit/actor.ts";
import { type AuditActor, type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
import { AppError, protocolRule } from "../../../platform/errors.ts";
import { protocolVersionOf } from "../../../protocol/version.ts";
import { recordCaseEvent } from "../audit-helpers.ts";
import { addDeadline } from "../deadline-helpers.ts";
import { place } from "../encryption.ts";
import type { CasesEnv } from "../env.ts";
import {
  keysOf,
  PUBLIC_REQUEST_LIMIT,
  type PublicRequestInput,
  requiredKey,
} from "../procedures.ts";
import * as repo from "../repository.ts";

const PUBLIC_ACTOR: AuditActor = { type: "public", id: null, organisationId: null, role: null };

/**
 * A request from the public form or API (issue #10): the person names a participant and
 * asks for access, rectification, erasure or objection. The case is recorded for that
 * organisation with the requester's own details (encrypted) and no registration: identity
 * is verified by the organisation before anything is disclosed, and the organisation links
 * the registration itself. The answer is only the reference — never whether the person is
 * registered. Rate-limited per client address (PUBLIC_REQUEST_LIMIT); audited.
 */
export async function createPublicRequest(
  env: CasesEnv,
  meta: RequestMeta,
  input: PublicRequestInput,
) {
  const { db, clock, keyring, deps, publicRequests } = env;
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
  const organisation = participants.find((p) => p.id === input.organisationId);
  if (!organisation) {
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
  const id = randomUUID();
  const receivedDate = clock.today();
  const requesterCiphertext = await keyring.encrypt(
    organisation.id,
    JSON.stringify({
      person: input.person,
      address: input.address,
      ...(input.phone ? { phone: input.phone } : {}),
      channel: "public",
    }),
    place(id, "requester_ciphertext"),
  );
  const reference = `Z-${id.slice(0, 8).toUpperCase()}`;
  const actor: Actor = { kind: "system", id: null, audit: PUBLIC_ACTOR };
  await db.transaction(async (tx) => {
    await repo.insertCase(tx, {
      id,
      reference,
      type,
      status: "received",
      organisationId: organisation.id,
      primarySourceId: null,
      registrationId: null,
      parentCaseId: null,
      receivedDate,
      noticeDate: input.noticeDate ?? null,
      requesterCiphertext,
      facts: { channel: "public" },
      protocolVersion: protocolVersionOf(profile),
      createdAt: now,
      updatedAt: now,
    });
    const keys = keysOf(type);
    await addDeadline(tx, profile, id, keys.acknowledgement, receivedDate);
    await addDeadline(tx, profile, id, keys.decision, receivedDate);
    if (type === "access") await addDeadline(tx, profile, id, "access_copies", receivedDate);
    if (type === "rectification" || type === "erasure") {
      await addDeadline(tx, profile, id, "correction_execution", receivedDate);
    }
    await recordCaseEvent(env, tx, id, actor, "received", { channel: "public" });
    await recordAudit(tx, clock, meta, {
      actor: { ...PUBLIC_ACTOR, organisationId: organisation.id },
      action: "case.received",
      objectType: "case",
      objectId: id,
      outcome: "success",
      details: { type, channel: "public" },
    });
  });
  return { reference, receivedDate };
}
