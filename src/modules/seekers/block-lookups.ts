/**
 * A participant's block look-up is a screening by seeker number (issue 22, F7): it is kept
 * (block_lookup, no personal data) so that the misuse signals count it — bursts, and sweeps
 * through consecutive numbers — and a look-up that finds a block owes the person the same hit
 * letter as a screening (screenings' hit duty). The allocation system's own look-ups are its
 * task: audited, never counted, no letter.
 */
import { randomUUID } from "node:crypto";
import type { RequestMeta } from "../../platform/audit/audit.ts";
import { recordSuccess } from "../../platform/audit/record.ts";
import type { Principal } from "../../platform/auth/access.ts";
import type { Db } from "../../platform/db/database.ts";
import { identifierRefs } from "../../platform/logger-identifiers.ts";
import type { HitSeen, PreparedHitDuties, SeekersEnv } from "./env.ts";
import * as repo from "./repository.ts";
import type { ScreeningPurpose } from "./schemas.ts";
import { loadSeeker } from "./seeker-data.ts";

/**
 * The sweep rule: a look-up is part of a sweep when the same caller looked up a neighbouring
 * number within `windowHours`; `minSequential` such look-ups within that time are a signal.
 * Oversight's report uses the same numbers (SIGNAL_RULES.sweep).
 */
export const SWEEP_RULE = { minSequential: 5, windowHours: 1 } as const;
const SWEEP_WINDOW_MS = SWEEP_RULE.windowHours * 3_600_000;

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
  meta: RequestMeta,
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
      const id = randomUUID();
      const since = new Date(now.getTime() - SWEEP_WINDOW_MS);
      const sequential = await repo.lookedUpSince(tx, principal.id, neighbours, since);
      await repo.insertBlockLookup(tx, {
        id,
        organisationId: principal.organisationId,
        actorKind: principal.kind,
        actorId: principal.id,
        purpose: input.purpose,
        hit: input.hits.length > 0,
        // The person's pseudonym when the number is in the index, else the number's reference.
        subjectRef: row?.subjectRef ?? seekerRef,
        seekerRef,
        sequential,
        createdAt: now,
      });
      // Like a screening burst, a sweep raises an oversight event once, when it is crossed.
      const run = sequential ? await repo.countSequentialSince(tx, principal.id, since) : 0;
      if (run === SWEEP_RULE.minSequential) {
        await recordSuccess(tx, clock, meta, principal, {
          action: "oversight.signal",
          objectType: "block_lookup",
          objectId: id,
          details: {
            signal: "sequential_number_sweep",
            count: run,
            windowMinutes: SWEEP_RULE.windowHours * 60,
            threshold: SWEEP_RULE.minSequential,
          },
        });
      }
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
