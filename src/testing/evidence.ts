/**
 * v2 registrations rest on evidence (contract §6, issue 20): `withEvidence(body)` gives a test's
 * registration body what the profile asks for each of its criteria, where the test does not
 * give its own — the required kinds (or the first allowed kind), dated before any test clock —
 * and, for a criterion about a tenancy without any address, the rented dwelling. The demo seed
 * and the benchmarks use it too; tests about evidence or addresses give their own.
 */

import { evaluateRegistration } from "../protocol/engine.ts";
import { leastEvidenceKinds, refersToTenancy } from "../protocol/evidence.ts";
import { getProfile } from "../protocol/index.ts";
import { PROFILE_IDS } from "../protocol/profile.ts";

/** The date of the evidence `withEvidence` adds: before every test's and the demo's clock. */
export const EVIDENCE_DATE = "2020-06-01";

/** The deciding officer's weighing for the profile's term (003 §12.1; D-1060). */
export const TEST_WEIGHING = { interestsWeighed: true, term: "standard" } as const;
/** The weighing of a term shorter than the profile's: for the lesser severity (003 §7). */
export const SHORTER_WEIGHING = {
  interestsWeighed: true,
  term: "shorter",
  shorterReason: "lesser_severity",
} as const;

/** The rented dwelling `withEvidence` adds when a body names no address. */
export const TEST_DWELLING = {
  street: "Huurstraat",
  houseNumber: "1",
  postcode: "1000 AA",
  city: "Amsterdam",
} as const;

function criterionRule(code: string) {
  for (const id of PROFILE_IDS) {
    const found = getProfile(id).criteria.find((c) => c.code === code);
    if (found) return found;
  }
  return undefined;
}

/**
 * The deciding officer's weighing (003 §12.1; D-1060) a body without one gets: the standard
 * term, or — where the body asks for fewer months than its profile's longest term — a shorter
 * term for the lesser severity of the behaviour (003 §7).
 */
function weighingFor(b: Body) {
  const standard = TEST_WEIGHING;
  if (typeof b.termMonths !== "number" || !Array.isArray(b.categories)) return standard;
  const categories = b.categories as string[];
  const placementDate = typeof b.placementDate === "string" ? b.placementDate : EVIDENCE_DATE;
  for (const id of PROFILE_IDS) {
    const profile = getProfile(id);
    if (!categories.every((c) => profile.categories.some((k) => k.code === c))) continue;
    const evaluation = evaluateRegistration(
      profile,
      {
        categories,
        criteria: Array.isArray(b.criteria) ? (b.criteria as string[]) : [],
        placementDate,
        termMonths: b.termMonths,
        ...(typeof b.claimCents === "number" ? { claimCents: b.claimCents } : {}),
      },
      placementDate,
    );
    if (evaluation.ok && evaluation.termMonths < evaluation.maxTermMonths) {
      return SHORTER_WEIGHING;
    }
    return standard;
  }
  return standard;
}

type Body = { criteria?: unknown; evidence?: unknown; [field: string]: unknown };

export function withEvidence<T extends object>(body: T): T {
  const b = body as Body;
  const criteria = Array.isArray(b.criteria) ? (b.criteria as string[]) : [];
  const rules = criteria.map(criterionRule).filter((c) => c !== undefined);
  const out: Body = { ...b };
  if (b.evidence === undefined && rules.length > 0) {
    out.evidence = rules.flatMap((rule) =>
      leastEvidenceKinds(rule).map((kind) => ({
        criterion: rule.code,
        kind,
        date: EVIDENCE_DATE,
      })),
    );
  }
  if (b.weighing === undefined && rules.length > 0 && Array.isArray(b.categories)) {
    out.weighing = weighingFor(b);
  }
  const anyAddress = b.address ?? b.dwellingAddress;
  if (!anyAddress && rules.some(refersToTenancy)) out.dwellingAddress = TEST_DWELLING;
  return out as T;
}
