import { BLOCKING_KINDS } from "../../matching/blocking.ts";
import { changed } from "../changes.ts";
import type { RegistrationsEnv } from "../env.ts";
import { blindIndexesOf, personOf } from "../person-data.ts";
import * as repo from "../repository.ts";

/**
 * Recomputes blind indexes written under an earlier blocking scheme (session 1 stored
 * other kinds), or all of them with `all` (after a change of the phonetic rules, see
 * matching/blocking.ts BLOCKING_SCHEME_VERSION). Run at start-up; cheap when nothing is
 * stale. Each registration is rewritten in its own short transaction.
 */
export async function reindexBlindIndexes(
  env: RegistrationsEnv,
  options: { all?: boolean } = {},
): Promise<number> {
  const { db, keyring } = env;
  const ids = options.all
    ? await repo.allIds(db)
    : await repo.idsWithStaleBlindIndexes(db, BLOCKING_KINDS);
  let done = 0;
  for (const id of ids) {
    const row = await repo.findRegistration(db, id);
    if (!row) continue;
    const indexes = await blindIndexesOf(keyring, await personOf(env, row));
    await db.transaction((tx) => repo.replaceBlindIndexes(tx, id, indexes));
    done++;
  }
  for (const id of ids) await changed(env, id);
  return done;
}
