import type { CasesEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** Replays an erasure journalled after a backup (retention/journal.ts). */
export async function replayErasure(env: CasesEnv, id: string): Promise<boolean> {
  const row = await repo.findCase(env.db, id);
  if (!row) return false;
  await env.db.transaction(async (tx) => {
    await env.deps.letters.eraseCaseLetters(tx, id);
    await repo.deleteCase(tx, id);
  });
  return true;
}
