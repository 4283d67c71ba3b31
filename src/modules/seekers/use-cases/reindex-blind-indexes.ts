import { rememberingIndexer, SURNAME_COUNT_KIND } from "../../matching/blind-keys.ts";
import type { SeekersEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { loadSeeker, seekerBlindKeys } from "../seeker-data.ts";

/**
 * Recomputes seekers' blind indexes, a batch of seekers per transaction: every seeker
 * after a change of the phonetic rules (`woonsignaal matching reindex --all`), or with
 * `stale` only those stored before their surnames were counted (the server does this at
 * start, in the background).
 */
export async function reindexBlindIndexes(
  env: SeekersEnv,
  batchSize = 500,
  options: { stale?: boolean } = {},
): Promise<number> {
  const { db, keyring } = env;
  let done = 0;
  let after = "";
  const remembering = rememberingIndexer(keyring);
  for (;;) {
    const rows = await repo.seekersAfter(
      db,
      after,
      batchSize,
      options.stale ? SURNAME_COUNT_KIND : undefined,
    );
    if (rows.length === 0) return done;
    const prepared: { row: repo.SeekerRow; indexes: { kind: string; value: string }[] }[] = [];
    for (const row of rows) {
      const { person } = await loadSeeker(env, row);
      prepared.push({ row, indexes: await seekerBlindKeys(env, person, remembering) });
    }
    await db.transaction(async (tx) => {
      await repo.upsertSeekers(
        tx,
        prepared.map((p) => p.row),
        prepared.flatMap((p) => p.indexes.map((k) => ({ seekerNumber: p.row.seekerNumber, ...k }))),
      );
    });
    done += rows.length;
    after = rows[rows.length - 1]!.seekerNumber;
  }
}
