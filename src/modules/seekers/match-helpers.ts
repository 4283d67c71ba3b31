/** Matches as the officer sees them, and finding one the caller may see. */
import type { Principal } from "../../platform/auth/access.ts";
import { notFound } from "../../platform/errors.ts";
import type { SeekersEnv } from "./env.ts";
import { maySeeMatch } from "./policy.ts";
import * as repo from "./repository.ts";
import type { MatchItem } from "./schemas.ts";

export function matchItem(row: repo.MatchRow): MatchItem {
  return {
    id: row.id,
    registrationId: row.registrationId,
    seekerNumber: row.seekerNumber,
    score: row.score,
    status: row.status,
    reasons: row.reasons as MatchItem["reasons"],
    proposedAt: row.proposedAt.toISOString(),
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
  };
}

/** The match, when it exists and the caller may see it (policy.ts); otherwise not found. */
export async function ownMatch(env: SeekersEnv, principal: Principal, id: string) {
  const row = await repo.findMatch(env.db, id);
  if (!row || !maySeeMatch(principal, row)) throw notFound("match");
  return row;
}
