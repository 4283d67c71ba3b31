/**
 * The notice to a recipient (AVG art. 19; 003 hoofdstuk 15): a participant that received data
 * about a person from the register — it screened the person with a hit or saw the block, in
 * the last 24 months — is told when the primary source corrected, restricted or erased them.
 * A duty on that participant's worklist, addressed to the organisation (not the person), and
 * an e-mail to its functionaris gegevensbescherming without any personal data.
 */
import type { LetterPerson } from "./letter-input.ts";

/** The duty kind of a recipient notice (not a letter to the person: no content list). */
export const RECIPIENT_NOTICE = "recipient_notice";

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
