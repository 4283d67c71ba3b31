/**
 * The notice to a recipient (AVG art. 19; 003 hoofdstuk 15): a participant that received data
 * about a person from the register — it screened the person with a hit or saw the block, in
 * the last 24 months — is told when the primary source corrected, restricted or erased them.
 * A duty on that participant's worklist, addressed to the organisation (not the person), and
 * an e-mail to its functionaris gegevensbescherming without any personal data.
 */
import { AppError } from "../../platform/errors.ts";
import type { LetterPerson } from "./letter-input.ts";

/** The duty kind of a recipient notice (not a letter to the person: no content list). */
export const RECIPIENT_NOTICE = "recipient_notice";

/**
 * How long the sealed facts of a notice nobody processed are kept (D-660): six months after the
 * notice was made. The recipient had two weeks to process it (D-632); six months is twelve
 * times that, long enough for holidays, a change of functionaris or a reminder round, and
 * short enough that the name of a person whose data were erased does not outlive the erasure
 * in a worklist nobody reads (AVG art. 5 lid 1 e). The retention job erases them; the duty
 * stays open, marked as expired unread, until the recipient closes it.
 */
export const NOTICE_DETAILS_KEEP_MONTHS = 6;

/** What happened to the data the recipient received. */
export type NoticeChange = "corrected" | "restricted" | "erased";

/** Where the rule comes from (the duty's source). */
export const RECIPIENT_NOTICE_SOURCE = "AVG art. 19; 003 hoofdstuk 15 (ontvangers informeren)";

/**
 * What the recipient may read: no more than it had (whom it screened or saw blocked, and when)
 * plus what changed, when, and by whom. Sealed with the recipient's data key.
 */
export interface NoticeFacts {
  change: NoticeChange;
  date: string;
  primarySource: { id: string; name: string };
  /** The person as the register identified them to the recipient (name and date of birth). */
  person: Pick<LetterPerson, "initials" | "prefix" | "surname" | "birthDate">;
  /** When the recipient received the data, and how. */
  received: { date: string; how: "screening" | "block" }[];
}

/**
 * A notice is not a letter to the person: it is never produced as a letter nor skipped (there
 * is nothing to skip), only processed (POST /duties/{id}/processed; the page's "Verwerkt").
 */
export function refuseLetterActionOnNotice(duty: { kind: string }): void {
  if (duty.kind === RECIPIENT_NOTICE)
    throw new AppError(
      "conflict",
      "A recipient notice is not a letter to the person: read it and mark it processed (POST /duties/{id}/processed).",
      { code: "notice_not_a_letter" },
    );
}
