/**
 * The primary source's confirmation tasks (issue 24 part 4): the near matches other
 * participants' screenings found among its registrations, and one task with both persons side
 * by side and the comparison in words (matching/explain.ts), to judge whether they are one
 * person. Only the primary source's officers (and the consortium acting for it) see them.
 */
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { notFound } from "../../../platform/errors.ts";
import { explainPair } from "../../matching/explain.ts";
import type { ScreeningCandidateDetail, ScreeningCandidateItem } from "../candidate-schemas.ts";
import { candidatePlace, type TypedSubject } from "../candidates.ts";
import type { ScreeningsEnv } from "../env.ts";
import * as repo from "../repository.ts";

export function candidateItem(row: repo.ScreeningCandidateRow): ScreeningCandidateItem {
  return {
    id: row.id,
    registrationId: row.registrationId,
    status: row.status,
    score: row.score,
    dueDate: row.dueDate,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/** A task of the caller's organisation as primary source, or 404. */
export async function ownCandidate(env: ScreeningsEnv, principal: Principal, id: string) {
  const row = await repo.findCandidate(env.db, id);
  if (!row || row.organisationId !== principal.organisationId || row.status === "identified") {
    throw notFound("screening_candidate");
  }
  return row;
}

/** The typed subject of a pending task, decrypted with the primary source's key. */
export async function typedSubject(
  env: ScreeningsEnv,
  row: repo.ScreeningCandidateRow,
): Promise<TypedSubject | undefined> {
  if (!row.personCiphertext) return undefined;
  const text = await env.keyring.decrypt(
    row.organisationId,
    row.personCiphertext,
    candidatePlace(row.id),
  );
  return JSON.parse(text) as TypedSubject;
}

/** GET /screening-confirmations?status=…: the caller's tasks, the earliest due first. */
export async function listScreeningCandidates(
  env: ScreeningsEnv,
  principal: Principal,
  query: { status: "pending" | "confirmed" | "rejected" },
) {
  const rows = await repo.candidatesOfOrganisation(env.db, principal.organisationId, query.status);
  return { items: rows.map(candidateItem) };
}

/** GET /screening-confirmations/{id}: both persons and the comparison in words; the look is logged. */
export async function getScreeningCandidate(
  env: ScreeningsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
): Promise<ScreeningCandidateDetail> {
  const row = await ownCandidate(env, principal, id);
  const subject = await typedSubject(env, row);
  const registration = await env.deps.registrations.effectiveCandidate(row.registrationId);
  await recordSuccess(env.db, env.clock, meta, principal, {
    action: "screening_candidate.viewed",
    objectType: "screening_candidate",
    objectId: id,
    details: { registrationId: row.registrationId },
  });
  return {
    ...candidateItem(row),
    ...(subject ? { screenedPerson: subject.person } : {}),
    ...(registration ? { registeredPerson: registration.person } : {}),
    explanation: subject && registration ? explainPair(registration.person, subject.person) : [],
  };
}
