/** What other modules may learn of the index: which seekers exist, without their data. */
import type { SeekersEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** Which of these seeker numbers are in the index. */
export async function existingNumbers(env: SeekersEnv, numbers: string[]): Promise<string[]> {
  return repo.existingNumbers(env.db, numbers);
}

/** Which screened persons (subject references) are house seekers: an allocation step. */
export async function seekerSubjects(env: SeekersEnv, refs: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < refs.length; i += 1000) {
    for (const r of await repo.seekerSubjects(env.db, refs.slice(i, i + 1000))) found.add(r);
  }
  return found;
}
