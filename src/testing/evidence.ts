/**
 * v2 registrations rest on evidence (contract §6, issue 20): `withEvidence(body)` gives a test's
 * registration body what the profile asks for each of its criteria, where the test does not
 * give its own — the required kinds (or the first allowed kind), dated before any test clock —
 * and, for a criterion about a tenancy without any address, the rented dwelling. The demo seed
 * and the benchmarks use it too; tests about evidence or addresses give their own.
 */

import { leastEvidenceKinds, refersToTenancy } from "../protocol/evidence.ts";
import { getProfile } from "../protocol/index.ts";
import { PROFILE_IDS } from "../protocol/profile.ts";

/** The date of the evidence `withEvidence` adds: before every test's and the demo's clock. */
export const EVIDENCE_DATE = "2020-06-01";

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
  const anyAddress = b.address ?? b.dwellingAddress;
  if (!anyAddress && rules.some(refersToTenancy)) out.dwellingAddress = TEST_DWELLING;
  return out as T;
}
