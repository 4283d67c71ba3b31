import type { LettersEnv } from "../env.ts";
import * as repo from "../repository.ts";

/**
 * Whether the letter announcing this block (003 §6 punt 5) went out to the person: a block
 * letter's duty names its block in `reason` (D-673). Sent means a letter of the duty is sent
 * or its duty was fulfilled; a draft or a documented letter without address did not reach
 * the person. No access check: the seekers module asks for its own match's block.
 */
export async function blockLetterSent(env: LettersEnv, blockId: string): Promise<boolean> {
  const duties = await repo.blockDuties(env.db, blockId);
  if (duties.some((d) => d.status === "fulfilled")) return true;
  const letters = await repo.lettersOfDuties(
    env.db,
    duties.map((d) => d.id),
  );
  return letters.some((l) => l.status === "sent");
}
