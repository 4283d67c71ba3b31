import type { SeekersEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** Replays an erasure journalled after a backup (retention/journal.ts). */
export async function replayErasure(env: SeekersEnv, seekerNumber: string): Promise<boolean> {
  return repo.deleteSeeker(env.db, seekerNumber);
}
