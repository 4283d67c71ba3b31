import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import type { Db } from "../../../platform/db/database.ts";
import type { SeekersEnv } from "../env.ts";
import { matchItem, ownMatch } from "../match-helpers.ts";
import * as repo from "../repository.ts";
import type { MatchItem } from "../schemas.ts";
import { undoWindow } from "../undo-window.ts";

/**
 * Undoing a confirmation (issue 21 part 9, D-991): a false hit harms a person (design.md §2.7),
 * so the officer who confirmed a match may take it back — while the person has not been told
 * (the block letter of 003 §6 punt 5 is unsent) and within the profile's block-letter term from
 * the confirmation (undo-window.ts). The block ends at once, its letter duty is cancelled and
 * its draft withdrawn (as when a seeker leaves the index, D-673), and the match is pending
 * again; the confirmation and its undoing both stay in the audit log. Refused: 409
 * `match_not_confirmed`, 409 `block_letter_sent`, 422 `undo_by_other_officer`, 422
 * `undo_term_passed`.
 */
export async function undoMatchConfirmation(
  env: SeekersEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
): Promise<MatchItem> {
  const { db, clock, deps } = env;
  const row = await ownMatch(env, principal, id);
  const { refusal, block } = await undoWindow(env, principal, row);
  if (refusal) throw refusal;
  await db.transaction(async (tx: Db) => {
    if (block) {
      await deps.letters.withdrawBlockLetters(tx, [block.id]);
      await repo.deleteBlock(tx, block.id);
      await recordSuccess(tx, clock, meta, principal, {
        action: "block.withdrawn",
        objectType: "block",
        objectId: block.id,
        details: { matchId: id, registrationId: row.registrationId, reason: "confirmation_undone" },
      });
    }
    await repo.updateMatch(tx, id, {
      status: "pending",
      decidedAt: null,
      decidedByKind: null,
      decidedBy: null,
    });
    await recordSuccess(tx, clock, meta, principal, {
      action: "match.confirmation_undone",
      objectType: "match",
      objectId: id,
      details: {
        registrationId: row.registrationId,
        confirmedAt: row.decidedAt?.toISOString() ?? null,
        blockId: block?.id ?? null,
      },
    });
  });
  return matchItem((await repo.findMatch(db, id))!);
}
