/**
 * The house-seeker index, its matches and its blocks (issue 5; 003 §6). The service wires
 * the use cases (use-cases/), the read views (read-models/) and the matching of pairs
 * (pairs.ts) to one environment; what other modules may call is named in ports.ts.
 */
import type { AppContext } from "../../platform/context.ts";
import { bindUseCases } from "../../platform/use-cases.ts";
import { blockLookupsBetween } from "./block-lookups.ts";
import type { SeekersDeps, SeekersEnv } from "./env.ts";
import { blockViewsOf } from "./read-models/block-views.ts";
import { confirmedFor, getBlock } from "./read-models/blocks.ts";
import { getMatch, listMatches } from "./read-models/matches.ts";
import { existingNumbers, numbersWithRefs, seekerSubjects } from "./read-models/seekers.ts";
import { scoringFor } from "./scoring.ts";
import { decideMatch } from "./use-cases/decide-match.ts";
import { deleteSeeker } from "./use-cases/delete-seeker.ts";
import { importSeekers } from "./use-cases/import-seekers.ts";
import { matchRegistration } from "./use-cases/match-registration.ts";
import { putSeeker } from "./use-cases/put-seeker.ts";
import { reindexBlindIndexes } from "./use-cases/reindex-blind-indexes.ts";
import { replayErasure } from "./use-cases/replay-erasure.ts";
import { undoMatchConfirmation } from "./use-cases/undo-match-confirmation.ts";

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
  };
  return bindUseCases(env, {
    scoringFor,
    putSeeker,
    deleteSeeker,
    importSeekers,
    matchRegistration,
    reindexBlindIndexes,
    existingNumbers,
    numbersWithRefs,
    replayErasure,
    seekerSubjects,
    listMatches,
    getMatch,
    decide: decideMatch,
    undoConfirmation: undoMatchConfirmation,
    getBlock,
    blockLookupsBetween,
    confirmedFor,
    blockViewsOf,
  });
}
