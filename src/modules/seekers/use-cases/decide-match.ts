import { randomUUID } from "node:crypto";
import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import { actingPerson, type Principal } from "../../../platform/auth/access.ts";
import type { Db } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { partsInForce } from "../../../protocol/parts.ts";
import type { SeekersEnv } from "../env.ts";
import { matchItem, ownMatch } from "../match-helpers.ts";
import * as repo from "../repository.ts";
import type { MatchItem } from "../schemas.ts";

/**
 * The primary source's decision (003 §6 punten 3–5). Confirm: the block runs from today
 * (or the registration's later start) to the registration's end, and the primary source owes
 * the person a block letter ("Bij besluit blokkade … wordt Betrokkene hierover geïnformeerd",
 * 003 §6 punt 5; profile deadline block_letter). Reject: remembered, so the pair is not
 * proposed again unless the data change; no block, no letter.
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
  const confirmed = decision === "confirm" && registration ? registration : undefined;
  const startDate =
    confirmed && compareDates(confirmed.startDate, today) > 0 ? confirmed.startDate : today;
  // Read and sealed before the transaction (D-009): the profile, and the block the letter
  // announces, part by part, each with its own end and scope (003 §7; issue #20).
  const profile = confirmed ? await deps.organisations.profile() : undefined;
  const sealed = confirmed
    ? await deps.letters.sealDutyData(row.organisationId, {
        block: {
          seekerNumber: row.seekerNumber,
          decidedOn: today,
          parts: partsInForce(confirmed.parts, today).map((p) => ({
            startDate,
            endDate: p.endDate,
            scope: p.scope,
          })),
        },
      })
    : undefined;
  let dutyId: string | undefined;
  await db.transaction(async (tx: Db) => {
    await repo.updateMatch(tx, id, {
      status: decision === "confirm" ? "confirmed" : "rejected",
      decidedAt: clock.now(),
      // The person who decided (an officer key's named officer, D-840): the one who may undo.
      decidedByKind: actingPerson(principal) ? "user" : principal.kind,
      decidedBy: actingPerson(principal) ?? principal.id,
    });
    if (confirmed && profile && sealed) {
      const blockId = randomUUID();
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
      ({ id: dutyId } = await deps.letters.recordDuty(tx, profile, {
        organisationId: row.organisationId,
        registrationId: row.registrationId,
        kind: "block",
        eventDate: today,
        // The block the letter tells of: a seeker leaving the index withdraws it (D-673).
        reason: blockId,
        sealed,
      }));
    }
    await recordSuccess(tx, clock, meta, principal, {
      action: decision === "confirm" ? "match.confirmed" : "match.rejected",
      objectType: "match",
      objectId: id,
      details: { registrationId: row.registrationId },
    });
  });
  if (dutyId) await deps.letters.produceAfterEvent(dutyId, actorOf(principal), meta);
  return matchItem((await repo.findMatch(db, id))!);
}
