/**
 * What stays of a registration once some of its parts have ended (issue #20 part 1; 003 §12.4
 * "worden de gegevens verwijderd"): the ended parts take their categories, the criteria that
 * grounded only them and a claim no remaining category takes with them.
 */
import type { RegistrationPart } from "../../protocol/parts.ts";
import type { Profile } from "../../protocol/profile.ts";
import { claimKept } from "../../protocol/profile-limits.ts";
import type * as repo from "./repository.ts";

export type PartEnding = "part_ended" | "erased" | "gone";

/** What stays of a registration once these parts have ended: categories, criteria, claim. */
export function withoutParts(
  profile: Profile,
  row: repo.RegistrationRow,
  ending: readonly RegistrationPart[],
) {
  const parts = row.parts.filter((p) => !ending.includes(p));
  const categories = row.categories.filter((c) => parts.some((p) => p.categories.includes(c)));
  // A criterion stays while it grounds a remaining category (003 ch. 5: each category its own).
  const criteria = row.criteria.filter((code) => {
    const criterion = profile.criteria.find((x) => x.code === code);
    return criterion?.categories.some((c) => categories.includes(c)) ?? true;
  });
  // The amount stays only while a remaining category takes one (003 §12.1: no more than needed).
  const takesClaim = profile.categories.some(
    (c) => categories.includes(c.code) && c.claim.mode !== "not_applicable",
  );
  const claimCents = takesClaim && claimKept(profile, categories) ? row.claimCents : null;
  return { parts, categories, criteria, claimCents };
}
