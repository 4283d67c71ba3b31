/**
 * Deciding pairs of a registration and a seeker (issue 5): proposing, refreshing and
 * withdrawing match proposals. Shared by the use cases that change either side.
 */
import { randomUUID } from "node:crypto";
import { SYSTEM } from "../../platform/audit/actor.ts";
import type { RequestMeta } from "../../platform/audit/audit.ts";
import { recordSuccess } from "../../platform/audit/record.ts";
import { matchFingerprint } from "../matching/blind-keys.ts";
import { type NormalisedPerson, normalisePerson } from "../matching/normalise.ts";
import { type MatchResult, scoreNormalised } from "../matching/score.ts";
import type { Candidate } from "../registrations/ports.ts";
import type { SeekersEnv } from "./env.ts";
import * as repo from "./repository.ts";
import { type PairScoring, scoringFor } from "./scoring.ts";
import type { LoadedSeeker } from "./seeker-data.ts";

export const SYSTEM_META: RequestMeta = { requestId: null, clientAddress: null };

/** A registration in effect, normalised and fingerprinted once for scoring. */
export type PreparedRegistration = Candidate & {
  normalised: NormalisedPerson;
  fingerprint: string;
};

/** Reasons as stored and listed: fields and levels, never the compared values. */
function storedReasons(result: MatchResult) {
  return result.reasons.map(({ field, level, weight }) => ({ field, level, weight }));
}

export async function prepareRegistration(
  env: SeekersEnv,
  c: Candidate,
): Promise<PreparedRegistration> {
  return {
    ...c,
    normalised: normalisePerson(c.person),
    fingerprint: await matchFingerprint(env.keyring, c.person),
  };
}

/**
 * Decides one pair (issue 5): a match is proposed (or its proposal refreshed); a pending
 * proposal that no longer matches is withdrawn; a rejection is remembered and the pair comes
 * back only when the data of either side changed; a confirmed pair is left to the human.
 */
export async function considerPair(
  env: SeekersEnv,
  registration: PreparedRegistration,
  seeker: LoadedSeeker,
  scoring: PairScoring,
): Promise<"proposed" | "refreshed" | "withdrawn" | "unchanged"> {
  const { db, clock } = env;
  const result = scoreNormalised(registration.normalised, seeker.normalised, scoring);
  const existing = await repo.findPair(db, registration.row.id, seeker.row.seekerNumber);
  const now = clock.now();
  const fingerprints = {
    registrationFingerprint: registration.fingerprint,
    seekerFingerprint: seeker.row.fingerprint,
  };
  if (result.decision === "match") {
    if (!existing) {
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await repo.insertMatch(tx, {
          id,
          registrationId: registration.row.id,
          seekerNumber: seeker.row.seekerNumber,
          organisationId: registration.row.organisationId,
          status: "pending",
          score: result.score,
          reasons: storedReasons(result),
          ...fingerprints,
          proposedAt: now,
        });
        await recordSuccess(tx, clock, SYSTEM_META, SYSTEM, {
          action: "match.proposed",
          objectType: "match",
          objectId: id,
          details: { registrationId: registration.row.id, score: result.score },
        });
      });
      return "proposed";
    }
    const changed =
      existing.registrationFingerprint !== fingerprints.registrationFingerprint ||
      existing.seekerFingerprint !== fingerprints.seekerFingerprint;
    if (existing.status === "pending" && (changed || existing.score !== result.score)) {
      await repo.updateMatch(db, existing.id, {
        score: result.score,
        reasons: storedReasons(result),
        ...fingerprints,
      });
      return "refreshed";
    }
    if (existing.status === "rejected" && changed) {
      await db.transaction(async (tx) => {
        await repo.updateMatch(tx, existing.id, {
          status: "pending",
          score: result.score,
          reasons: storedReasons(result),
          ...fingerprints,
          proposedAt: now,
          decidedAt: null,
          decidedBy: null,
          decidedByKind: null,
        });
        await recordSuccess(tx, clock, SYSTEM_META, SYSTEM, {
          action: "match.proposed",
          objectType: "match",
          objectId: existing.id,
          details: {
            registrationId: registration.row.id,
            score: result.score,
            again: "data changed since the rejection",
          },
        });
      });
      return "proposed";
    }
    return "unchanged";
  }
  if (existing?.status === "pending") {
    await withdraw(env, existing, "no longer a match after a change");
    return "withdrawn";
  }
  return "unchanged";
}

export async function withdraw(env: SeekersEnv, match: repo.MatchRow, why: string) {
  const { db, clock } = env;
  await db.transaction(async (tx) => {
    await repo.deleteMatch(tx, match.id);
    await recordSuccess(tx, clock, SYSTEM_META, SYSTEM, {
      action: "match.withdrawn",
      objectType: "match",
      objectId: match.id,
      details: { registrationId: match.registrationId, reason: why },
    });
  });
}

/** Matches one seeker against the registrations in effect (after a PUT or an import). */
export async function matchSeeker(env: SeekersEnv, seeker: LoadedSeeker) {
  const candidates = await Promise.all(
    (await env.deps.registrations.candidatesFor(seeker.person)).map((c) =>
      prepareRegistration(env, c),
    ),
  );
  const scoring = await scoringFor(env, [
    seeker.normalised,
    ...candidates.map((c) => c.normalised),
  ]);
  const seen = new Set<string>();
  for (const c of candidates) {
    seen.add(c.row.id);
    await considerPair(env, c, seeker, scoring);
  }
  // Pending proposals with registrations that no longer share a key (or ended) are withdrawn.
  for (const m of await repo.matchesOfSeeker(env.db, seeker.row.seekerNumber)) {
    if (m.status === "pending" && !seen.has(m.registrationId)) {
      await withdraw(env, m, "no longer a candidate after a change");
    }
  }
}
