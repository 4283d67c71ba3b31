/** What other modules may learn of the index: which seekers exist, without their data. */
import { identifierRefs } from "../../../platform/logger-identifiers.ts";
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

/**
 * Which seekers in the index have one of these keyed number references (the erasure journal's
 * `seeker_ref`, F11). The reference cannot be turned back, so the index is walked once and each
 * number's reference compared: nothing to do when `refs` is empty.
 */
export async function numbersWithRefs(env: SeekersEnv, refs: string[]): Promise<string[]> {
  if (refs.length === 0) return [];
  const wanted = new Set(refs);
  const ref = await identifierRefs(env.keyring);
  const found: string[] = [];
  let after = "";
  for (;;) {
    const batch = await repo.seekerNumbersAfter(env.db, after, 1000);
    for (const n of batch) if (wanted.has(ref("seeker_number", n))) found.push(n);
    if (batch.length < 1000) return found;
    after = batch[batch.length - 1]!;
  }
}
