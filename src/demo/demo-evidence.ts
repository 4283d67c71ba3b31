/**
 * The evidence of a demo registration (issue 20 part 2): for each criterion the kinds its
 * article asks (003 §8; 001 Bijlage 1), dated a few weeks before the placement, as an officer
 * would record them from the primary source's file. Made-up; no reference numbers.
 */

import { addDays } from "../platform/werkdagen.ts";
import { leastEvidenceKinds } from "../protocol/evidence.ts";
import { getProfile } from "../protocol/index.ts";
import type { ProfileId } from "../protocol/profile.ts";

export function demoEvidence(profileId: ProfileId, criteria: readonly string[], placedOn: string) {
  const rules = getProfile(profileId).criteria.filter((c) => criteria.includes(c.code));
  return rules.flatMap((rule) =>
    leastEvidenceKinds(rule).map((kind) => ({
      criterion: rule.code,
      kind,
      date: addDays(placedOn, -21),
    })),
  );
}

/**
 * The demo officer's weighing (003 §12.1 belangenafweging; D-1060): the interests weighed, the
 * profile's term. A demo draft from an import gets its weighing when it is confirmed.
 */
export const DEMO_WEIGHING = { interestsWeighed: true, term: "standard" } as const;
