/**
 * A participant's block look-up is a screening by seeker number (issue 22, F7): it is kept
 * (block_lookup, no personal data) so that the misuse signals count it — bursts, and sweeps
 * through consecutive numbers — and a look-up that finds a block owes the person the same hit
 * letter as a screening (screenings' hit duty). The allocation system's own look-ups are its
 * task: audited, never counted, no letter.
 */
import { randomUUID } from "node:crypto";
import type { Principal } from "../../platform/auth/access.ts";
import type { Db } from "../../platform/db/database.ts";
import { identifierRefs } from "../../platform/logger-identifiers.ts";
import type { HitSeen, PreparedHitDuties, SeekersEnv } from "./env.ts";
import * as repo from "./repository.ts";
import type { ScreeningPurpose } from "./schemas.ts";
import { loadSeeker } from "./seeker-data.ts";

/** How far back a neighbouring number's look-up makes this one part of a sweep. */
export const SWEEP_WINDOW_MS = 60 * 60 * 1000;

/**
 * The numbers next to this one (n − 1 and n + 1, same prefix, same width): a sweep walks them.
 * A number that does not end in digits has none.
 */
export function neighbouringNumbers(seekerNumber: string): string[] {
  const m = /^(.*?)(\d+)$/.exec(seekerNumber);
  if (!m) return [];
  const [, prefix, digits] = m as unknown as [string, string, string];
  const n = BigInt(digits);
  const width = digits.startsWith("0") ? digits.length : 0;
  const as = (v: bigint) => `${prefix}${v.toString().padStart(width, "0")}`;
  return [...(n > 0n ? [as(n - 1n)] : []), as(n + 1n)];
}

/** A look-up made ready: kept (and its hit duty recorded) in the caller's transaction. */
export interface PreparedLookup {
  record(tx: Db): Promise<void>;
  produce: PreparedHitDuties["produce"];
}

export async function prepareBlockLookup(
  env: SeekersEnv,
  principal: Principal,
  input: { seekerNumber: string; purpose: ScreeningPurpose; hits: HitSeen[] },
): Promise<PreparedLookup> {
  const { clock, deps } = env;
  const ref = await identifierRefs(env.keyring);
  const seekerRef = ref("seeker_number", input.seekerNumber);
  const row = await repo.findSeeker(env.db, input.seekerNumber);
  const now = clock.now();
  const hitDuties =
    row && input.hits.length > 0 && deps.hitDuties
      ? await deps.hitDuties().prepareHitDuties({
          profile: await deps.organisations.profile(),
          organisationId: principal.organisationId,
          person: (await loadSeeker(env, row)).person,
          address: null,
          purpose: input.purpose,
          today: clock.today(),
          hits: input.hits,
        })
      : undefined;
  return {
    async record(tx) {
      const neighbours = neighbouringNumbers(input.seekerNumber).map((n) =>
        ref("seeker_number", n),
      );
      await repo.insertBlockLookup(tx, {
        id: randomUUID(),
        organisationId: principal.organisationId,
        actorKind: principal.kind,
        actorId: principal.id,
        purpose: input.purpose,
        hit: input.hits.length > 0,
        // The person's pseudonym when the number is in the index, else the number's reference.
        subjectRef: row?.subjectRef ?? seekerRef,
        seekerRef,
        sequential: await repo.lookedUpSince(
          tx,
          principal.id,
          neighbours,
          new Date(now.getTime() - SWEEP_WINDOW_MS),
        ),
        createdAt: now,
      });
      await hitDuties?.record(tx);
    },
    async produce(actor, meta) {
      await hitDuties?.produce(actor, meta);
    },
  };
}

/** Block look-ups in [from, before) without personal data, for oversight (misuse signals). */
export async function blockLookupsBetween(env: SeekersEnv, from: Date, before: Date) {
  return (await repo.blockLookupsBetween(env.db, from, before)).map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    actorId: r.actorId,
    purpose: r.purpose,
    hit: r.hit,
    subjectRef: r.subjectRef,
    sequential: r.sequential,
    createdAt: r.createdAt,
  }));
}
