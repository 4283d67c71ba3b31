import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import type { Db } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/errors.ts";
import type { PreparedHitDuties } from "../../seekers/ports.ts";
import type { ScreeningCandidateItem } from "../candidate-schemas.ts";
import type { ScreeningsEnv } from "../env.ts";
import { prepareHitDuties } from "../hit-duties.ts";
import { candidateItem, ownCandidate, typedSubject } from "../read-models/screening-candidates.ts";
import { disclosedTo } from "../read-models/screening-result.ts";
import * as repo from "../repository.ts";

/**
 * The primary source's officer decides whether the person another participant screened is the
 * registered person (issue 24 part 4; 003 §6 punt 3: the primary source checks the identity;
 * design.md §2.7). The decision covers every pending task about the same typed data and
 * registration, and is remembered for later screenings of those data. Confirm: each screening
 * becomes a hit, its querier reads the answer at GET /screenings/{id}, and the querying
 * organisation owes the person the hit letter from today (001 §9.1 D, 003 §13.4). Reject:
 * nothing about the registration ever reaches the querier. Either way the typed data are
 * erased from the task.
 */
export async function decideScreeningCandidate(
  env: ScreeningsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  decision: "confirm" | "reject",
): Promise<ScreeningCandidateItem> {
  const { db, clock, deps } = env;
  const row = await ownCandidate(env, principal, id);
  if (row.status !== "pending") {
    throw new AppError(
      "conflict",
      `Over deze mogelijke treffer is al beslist (${row.status === "confirmed" ? "bevestigd" : "afgewezen"}).`,
      {
        code: "screening_candidate_already_decided",
      },
    );
  }
  const registration =
    decision === "confirm"
      ? await deps.registrations.effectiveCandidate(row.registrationId)
      : undefined;
  if (decision === "confirm" && !registration) {
    throw new AppError(
      "conflict",
      "De registratie is niet (meer) van kracht (beperkt, nog niet begonnen of beëindigd).",
      { code: "registration_not_in_effect" },
    );
  }
  const twins = await repo.pendingTwins(db, row.registrationId, row.subjectFingerprint);
  const profile = await deps.organisations.profile();
  const today = clock.today();
  /** Per confirmed screening: its new result count and the hit letter it now owes. */
  const hits: { screeningId: string; results: number; duties: PreparedHitDuties }[] = [];
  if (registration) {
    for (const twin of twins) {
      const screening = await repo.findScreening(db, twin.screeningId);
      const subject = await typedSubject(env, twin);
      if (!screening || !subject) continue;
      const shown = await disclosedTo(env, profile, screening, registration);
      hits.push({
        screeningId: screening.id,
        results: screening.resultCount + shown.results.length,
        duties: await prepareHitDuties(deps.letters, {
          profile,
          organisationId: screening.organisationId,
          person: subject.person,
          address: subject.address,
          purpose: screening.purpose,
          today,
          // The part the hit rests on, as far as the querier may know it (D-953).
          hits: shown.letter ? [shown.letter] : [],
        }),
      });
    }
  }
  const status = decision === "confirm" ? "confirmed" : "rejected";
  await db.transaction(async (tx: Db) => {
    for (const twin of twins) {
      const decided = await repo.decideCandidate(tx, twin.id, {
        status,
        decidedAt: clock.now(),
        decidedByKind: principal.kind,
        decidedBy: principal.id,
      });
      if (!decided) continue;
      await recordSuccess(tx, clock, meta, principal, {
        action:
          decision === "confirm" ? "screening_candidate.confirmed" : "screening_candidate.rejected",
        objectType: "screening_candidate",
        objectId: twin.id,
        details: { registrationId: twin.registrationId, screeningId: twin.screeningId },
      });
    }
    for (const h of hits) {
      await repo.updateScreening(tx, h.screeningId, { hit: true, resultCount: h.results });
      await h.duties.record(tx);
    }
  });
  for (const h of hits) await h.duties.produce(actorOf(principal), meta);
  return candidateItem((await repo.findCandidate(db, id))!);
}
