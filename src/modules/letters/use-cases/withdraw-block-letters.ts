import type { Db } from "../../../platform/db/database.ts";
import type { LettersEnv } from "../env.ts";
import * as repo from "../repository.ts";

/**
 * In the transaction that ends blocks before their letter went out (the seeker left the
 * index): their block letters' open duties are cancelled and unsent drafts withdrawn, so the
 * person is never told of a block that no longer exists (003 §6 punt 5 tells of a block that
 * is decided and in force). Returns how many duties were cancelled.
 */
export async function withdrawBlockLetters(env: LettersEnv, tx: Db, blockIds: readonly string[]) {
  return repo.cancelBlockLetters(tx, blockIds, env.clock.now());
}
