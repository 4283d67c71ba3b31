import { randomUUID } from "node:crypto";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import type { Db } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import type { SeekersEnv } from "../env.ts";
import { matchItem, ownMatch } from "../match-helpers.ts";
import * as repo from "../repository.ts";
import type { MatchItem } from "../schemas.ts";

/**
 * The primary source's decision (003 §6 punten 3–5). Confirm: the block runs from today
 * (or the registration's later start) to the registration's end. Reject: remembered, so
 * the pair is not proposed again unless the data change.
 */
export async function decideMatch(
  env: SeekersEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  decision: "confirm" | "reject",
): Promise<MatchItem> {
  const { db, clock, deps } = env;
  const row = await ownMatch(env, principal, id);
  if (row.status !== "pending") {
    throw new AppError("conflict", `This match was already ${row.status}.`, {
      code: "match_already_decided",
    });
  }
  const registration = await deps.registrations.findRow(row.registrationId);
  if (decision === "confirm" && (!registration || !deps.registrations.isEffective(registration))) {
    throw new AppError(
      "conflict",
      "The registration is not in effect (restricted, not yet started or ended): no block.",
      { code: "registration_not_in_effect" },
    );
  }
  const today = clock.today();
  await db.transaction(async (tx: Db) => {
    await repo.updateMatch(tx, id, {
      status: decision === "confirm" ? "confirmed" : "rejected",
      decidedAt: clock.now(),
      decidedByKind: principal.kind,
      decidedBy: principal.id,
    });
    if (decision === "confirm" && registration) {
      const blockId = randomUUID();
      const startDate =
        compareDates(registration.startDate, today) > 0 ? registration.startDate : today;
      await repo.insertBlock(tx, {
        id: blockId,
        matchId: id,
        registrationId: row.registrationId,
        seekerNumber: row.seekerNumber,
        organisationId: row.organisationId,
        startDate,
        createdAt: clock.now(),
      });
      await recordSuccess(tx, clock, meta, principal, {
        action: "block.created",
        objectType: "block",
        objectId: blockId,
        details: { matchId: id, registrationId: row.registrationId, startDate },
      });
    }
    await recordSuccess(tx, clock, meta, principal, {
      action: decision === "confirm" ? "match.confirmed" : "match.rejected",
      objectType: "match",
      objectId: id,
      details: { registrationId: row.registrationId },
    });
  });
  return matchItem((await repo.findMatch(db, id))!);
}
