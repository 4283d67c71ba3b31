import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { notFound } from "../../../platform/errors.ts";
import { explainPair } from "../../matching/explain.ts";
import { normalisePerson } from "../../matching/normalise.ts";
import { scoreNormalised } from "../../matching/score.ts";
import type { SeekersEnv } from "../env.ts";
import { matchItem, ownMatch } from "../match-helpers.ts";
import * as repo from "../repository.ts";
import { scoringFor } from "../scoring.ts";
import { loadSeeker } from "../seeker-data.ts";
import { undoWindow } from "../undo-window.ts";

export async function listMatches(
  env: SeekersEnv,
  principal: Principal,
  query: { status?: repo.MatchRow["status"] | undefined; page: number; pageSize: number },
) {
  const { rows, total } = await repo.listMatches(env.db, {
    organisationId: principal.organisationId,
    ...query,
  });
  return { items: rows.map(matchItem), page: query.page, pageSize: query.pageSize, total };
}

/** One proposal with both persons, for the officer who judges it; the look is logged. */
export async function getMatch(
  env: SeekersEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const { db, clock, deps } = env;
  const row = await ownMatch(env, principal, id);
  const registration = await deps.registrations.effectiveCandidate(row.registrationId);
  const seekerRow = await repo.findSeeker(db, row.seekerNumber);
  if (!registration || !seekerRow) throw notFound("match");
  const seeker = await loadSeeker(env, seekerRow);
  const person = normalisePerson(registration.person);
  const result = scoreNormalised(
    person,
    seeker.normalised,
    await scoringFor(env, [person, seeker.normalised]),
  );
  const block = (await repo.blocksOfRegistration(db, row.registrationId)).find(
    (b) => b.matchId === row.id,
  );
  await recordSuccess(db, clock, meta, principal, {
    action: "match.viewed",
    objectType: "match",
    objectId: id,
  });
  return {
    ...matchItem(row),
    reasons: result.reasons.map(({ field, level, weight, detail }) => ({
      field,
      level,
      weight,
      detail,
    })),
    explanation: explainPair(registration.person, seeker.person),
    registrationPerson: registration.person,
    seekerPerson: { ...seeker.person, seekerNumber: row.seekerNumber },
    block: block ? { id: block.id, startDate: block.startDate } : null,
    // The caller's own confirmation, while it may still be undone (D-991): until when.
    undoableUntil:
      row.status === "confirmed"
        ? await undoWindow(env, principal, row).then((w) => (w.refusal ? null : w.lastDay))
        : null,
  };
}
