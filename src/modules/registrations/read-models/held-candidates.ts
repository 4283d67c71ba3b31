import { blindBlockingKeys } from "../../matching/blind-keys.ts";
import type { MatchPerson } from "../../matching/normalise.ts";
import type { Candidate, RegistrationsEnv } from "../env.ts";
import { personOf } from "../person-data.ts";
import * as repo from "../repository.ts";

/**
 * Every registration still held that shares a blind index with this person — in effect or
 * not (restricted, pending notice, not yet started) — decrypted for scoring in memory. For
 * an access answer (AVG art. 15; 003 §15.2): what is held counts, not only what gives a hit.
 * No access check: the cases module decides what the handling officer may see.
 */
export async function heldCandidatesFor(
  env: RegistrationsEnv,
  person: MatchPerson,
): Promise<Candidate[]> {
  const keys = await blindBlockingKeys(env.keyring, person);
  const rows = await repo.findByBlindKeys(env.db, keys);
  return Promise.all(rows.map(async (row) => ({ row, person: await personOf(env, row) })));
}
