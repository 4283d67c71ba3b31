import type { CasesEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** Which of these cases still exist. */
export async function existingIds(env: CasesEnv, ids: string[]): Promise<string[]> {
  return repo.existingIds(env.db, ids);
}
