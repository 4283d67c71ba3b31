import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { RegistrationsEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { eraseInTransaction } from "./erase-in-transaction.ts";

/** Replays an erasure journalled after a backup (retention/journal.ts): gone again. */
export async function replayErasure(
  env: RegistrationsEnv,
  id: string,
  meta: RequestMeta,
): Promise<boolean> {
  const { db } = env;
  const row = await repo.findRegistration(db, id);
  if (!row) return false;
  await db.transaction((tx) =>
    eraseInTransaction(env, tx, row, meta, { type: "replay", by: null }),
  );
  return true;
}
