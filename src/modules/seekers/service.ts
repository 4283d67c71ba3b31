/**
 * The house-seeker index, its matches and its blocks (issue 5; 003 §6). The service wires
 * the use cases (use-cases/), the read views (read-models/) and the matching of pairs
 * (pairs.ts) to one environment; what other modules may call is named in ports.ts.
 */
import type { AppContext } from "../../platform/context.ts";
import type { Args, SeekersDeps, SeekersEnv } from "./env.ts";
import { confirmedFor, getBlock } from "./read-models/blocks.ts";
import { getMatch, listMatches } from "./read-models/matches.ts";
import { existingNumbers, seekerSubjects } from "./read-models/seekers.ts";
import { scoringFor } from "./scoring.ts";
import { decideMatch } from "./use-cases/decide-match.ts";
import { deleteSeeker } from "./use-cases/delete-seeker.ts";
import { importSeekers } from "./use-cases/import-seekers.ts";
import { matchRegistration } from "./use-cases/match-registration.ts";
import { putSeeker } from "./use-cases/put-seeker.ts";
import { reindexBlindIndexes } from "./use-cases/reindex-blind-indexes.ts";
import { replayErasure } from "./use-cases/replay-erasure.ts";

/** This module's encrypted column (listed in modules/index.ts ENCRYPTED_COLUMNS). */
export const SEEKER_ENCRYPTED_COLUMNS = {
  table: "seeker",
  idColumn: "seeker_number",
  organisationColumn: "organisation_id",
  columns: ["person_ciphertext"],
};

export type SeekersService = ReturnType<typeof createSeekersService>;

export function createSeekersService(
  ctx: Pick<AppContext, "database" | "clock" | "keyring">,
  deps: SeekersDeps,
) {
  const env: SeekersEnv = {
    db: ctx.database.db,
    clock: ctx.clock,
    keyring: ctx.keyring,
    deps,
    seekerCount: undefined,
  };
  return {
    scoringFor: (...a: Args<typeof scoringFor>) => scoringFor(env, ...a),
    putSeeker: (...a: Args<typeof putSeeker>) => putSeeker(env, ...a),
    deleteSeeker: (...a: Args<typeof deleteSeeker>) => deleteSeeker(env, ...a),
    importSeekers: (...a: Args<typeof importSeekers>) => importSeekers(env, ...a),
    matchRegistration: (...a: Args<typeof matchRegistration>) => matchRegistration(env, ...a),
    reindexBlindIndexes: (...a: Args<typeof reindexBlindIndexes>) => reindexBlindIndexes(env, ...a),
    existingNumbers: (...a: Args<typeof existingNumbers>) => existingNumbers(env, ...a),
    replayErasure: (...a: Args<typeof replayErasure>) => replayErasure(env, ...a),
    seekerSubjects: (...a: Args<typeof seekerSubjects>) => seekerSubjects(env, ...a),
    listMatches: (...a: Args<typeof listMatches>) => listMatches(env, ...a),
    getMatch: (...a: Args<typeof getMatch>) => getMatch(env, ...a),
    decide: (...a: Args<typeof decideMatch>) => decideMatch(env, ...a),
    getBlock: (...a: Args<typeof getBlock>) => getBlock(env, ...a),
    confirmedFor: (...a: Args<typeof confirmedFor>) => confirmedFor(env, ...a),
  };
}
