/** How the region scores pairs: its match threshold and its own surname counts. */
import { SURNAME_COUNT_KIND, surnameCountValues } from "../matching/blind-keys.ts";
import type { NormalisedPerson } from "../matching/normalise.ts";
import {
  REGIONAL_FREQUENCY_RULES,
  regionalFrequencies,
  type ScoringConfig,
} from "../matching/score.ts";
import type { SeekersEnv } from "./env.ts";
import * as repo from "./repository.ts";

/** The part of a ScoringConfig the region decides for a set of pairs. */
export type PairScoring = Pick<ScoringConfig, "thresholds"> & Partial<ScoringConfig>;

/**
 * How many seekers the region has, counted at most once a minute: screenings and seeker
 * changes ask for every comparison, and a count over millions of rows is not free. The
 * share of a name does not move noticeably within a minute. The count is stored
 * (seeker_statistic) and read by every app instance, so that instances on one database score
 * alike (issue 24 part 7); whichever instance finds it stale counts again.
 */
async function seekerTotal(env: SeekersEnv): Promise<number> {
  const now = env.clock.now();
  const stored = await repo.findStatistic(env.db, "total");
  if (stored && now.getTime() - stored.countedAt.getTime() <= 60_000) return stored.value;
  const n = await repo.countSeekers(env.db);
  await repo.saveStatistic(env.db, "total", n, now);
  return n;
}

/**
 * How pairs involving these persons are scored: the region's match threshold and how common
 * each of their surnames is among the region's own house seekers (score.ts
 * `regionalFrequencies`; counted under blind keys, never by name).
 */
export async function scoringFor(
  env: SeekersEnv,
  persons: readonly NormalisedPerson[],
): Promise<PairScoring> {
  const { deps, keyring, db } = env;
  const thresholds = { match: (await deps.organisations.settings()).matchThreshold };
  const rules = deps.regionalFrequencyRules ?? REGIONAL_FREQUENCY_RULES;
  const seekers = await seekerTotal(env);
  if (seekers < rules.minSeekers) return { thresholds };
  const blind = new Map<string, string>();
  for (const p of persons) {
    for (const k of surnameCountValues(p)) {
      if (!blind.has(k)) blind.set(k, await keyring.blindIndex(SURNAME_COUNT_KIND, k));
    }
  }
  const counts = await repo.countBlindValues(db, SURNAME_COUNT_KIND, [...blind.values()]);
  const regional = regionalFrequencies(
    (k) => {
      const b = blind.get(k);
      return b === undefined ? undefined : (counts.get(b) ?? 0);
    },
    seekers,
    rules,
  );
  return regional ? { thresholds, regionalFrequencies: regional } : { thresholds };
}
