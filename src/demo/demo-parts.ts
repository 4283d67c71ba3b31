/**
 * A registration in parts for the demo region (issue #20 part 1): one person registered by the
 * first demo landlord in two category groups, so that the pages, the letters and the block
 * view show each part with its own term and scope (003 §7). Made-up person; placed through the
 * registrations service like any officer's registration; only with a freshly created region.
 */
import type { Services } from "../modules/index.ts";
import { addDays } from "../platform/werkdagen.ts";
import type { ProfileId } from "../protocol/profile.ts";
import { DEMO_WEIGHING, demoEvidence } from "./demo-evidence.ts";
import type { DemoRegion } from "./demo-region.ts";

const META = { requestId: null, clientAddress: null };

/** Per profile two groups that may go together, with their grounds. */
const TWO_GROUPS: Record<
  ProfileId,
  { categories: string[]; criteria: string[]; claimCents?: number }
> = {
  // 003 §7: B two years regional, D five years for the corporation only.
  "aedes-2021": { categories: ["B.III", "D.VII"], criteria: ["a"] },
  // 001 Bijlage 1: W1 up to five years, W2 by its damage bracket (€ 1.500 → two years).
  "keurmerk-2013": { categories: ["W1", "W2"], criteria: ["W1.1", "W2.2"], claimCents: 150_000 },
  // 000: financial and criminal, each its own part.
  kkr: { categories: ["FIN", "CRIM"], criteria: ["FIN.1", "CRIM.1"] },
};

export async function seedDemoParts(services: Services, demo: DemoRegion, today: string) {
  const principal = await services.identity.authenticateApiKey(
    demo.organisations[0]!.apiKeys.officer,
  );
  if (!principal) throw new Error("the demo officer key of the first landlord does not work");
  const groups = TWO_GROUPS[demo.region.profile];
  const placementDate = addDays(today, -30);
  await services.registrations.createRegistration(principal, META, {
    person: { initials: "T.", surname: "Tweedelen", birthDate: "1979-09-19" },
    address: { street: "Dijkweg", houseNumber: "7", postcode: "9901 CD", city: "Regiostad" },
    placementDate,
    evidence: demoEvidence(demo.region.profile, groups.criteria, placementDate),
    weighing: DEMO_WEIGHING,
    ...groups,
  });
}
