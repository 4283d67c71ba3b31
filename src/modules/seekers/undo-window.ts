/**
 * When a confirmed match may still be undone (issue 21 part 9, D-991): by the officer who
 * confirmed it, within the profile's block-letter term from the confirmation, while the block
 * letter has not been sent. Shared by the undo itself and the match view (which offers the
 * undo only when it would be accepted).
 */
import { actingPerson, type Principal } from "../../platform/auth/access.ts";
import { AppError } from "../../platform/errors.ts";
import { compareDates, termEnd, todayInAmsterdam } from "../../platform/werkdagen.ts";
import type { SeekersEnv } from "./env.ts";
import * as repo from "./repository.ts";

export interface UndoWindow {
  /** Why an undo would be refused now; undefined when it would be accepted. */
  refusal: AppError | undefined;
  /** The last day of the term (the confirmation day + the block letter's term). */
  lastDay: string | null;
  block: repo.BlockRow | undefined;
}

export async function undoWindow(
  env: SeekersEnv,
  principal: Principal,
  row: repo.MatchRow,
): Promise<UndoWindow> {
  const block = await repo.blockOfMatch(env.db, row.id);
  if (row.status !== "confirmed" || !row.decidedAt) {
    return {
      refusal: new AppError("conflict", "This match is not confirmed.", {
        code: "match_not_confirmed",
      }),
      lastDay: null,
      block,
    };
  }
  const profile = await env.deps.organisations.profile();
  const rule = profile.deadlines.block_letter;
  const confirmedOn = todayInAmsterdam(row.decidedAt);
  const lastDay = rule ? termEnd(confirmedOn, rule.term).date : confirmedOn;
  const refuse = (kind: "conflict" | "protocol_rule", code: string, message: string) => ({
    refusal: new AppError(kind, message, { code }),
    lastDay,
    block,
  });
  if (row.decidedBy !== (actingPerson(principal) ?? principal.id)) {
    return refuse(
      "protocol_rule",
      "undo_by_other_officer",
      "Only the officer who confirmed this match can undo the confirmation.",
    );
  }
  if (compareDates(env.clock.today(), lastDay) > 0) {
    return refuse(
      "protocol_rule",
      "undo_term_passed",
      `The confirmation could be undone until ${lastDay}, the end of the block letter's term.`,
    );
  }
  if (block && (await env.deps.letters.blockLetterSent(block.id))) {
    return refuse(
      "conflict",
      "block_letter_sent",
      "The person has been sent the block letter: the confirmation can no longer be undone.",
    );
  }
  return { refusal: undefined, lastDay, block };
}
