/**
 * The demo's draft awaiting confirmation (issue 20 part 3): one registration that the first
 * landlord's officer loaded through the CSV import, which has no effect (no hit, no match, no
 * letter, no term) until that officer confirms it with the declaration on the worklist.
 */

import type { Services } from "../modules/index.ts";
import type { RequestMeta } from "../platform/audit/audit.ts";
import { addDays } from "../platform/werkdagen.ts";
import type { ProfileId } from "../protocol/profile.ts";
import { demoEvidence } from "./demo-evidence.ts";
import type { DemoRegion } from "./demo-region.ts";

const META: RequestMeta = { requestId: null, clientAddress: null };

/** A category and criterion each profile accepts for a plain case (codes of contract §4). */
const PLAIN: Record<ProfileId, { categories: string[]; criteria: string[] }> = {
  "aedes-2021": { categories: ["A.I"], criteria: ["a"] },
  "keurmerk-2013": { categories: ["W1"], criteria: ["W1.1"] },
  kkr: { categories: ["FIN"], criteria: ["FIN.1"] },
};

export async function seedDemoDrafts(services: Services, demo: DemoRegion, today: string) {
  const plain = PLAIN[demo.region.profile];
  const placementDate = addDays(today, -14);
  const principal = await services.identity.authenticateApiKey(
    demo.organisations[0]!.apiKeys.officer,
  );
  if (!principal) throw new Error("the demo officer key of the first landlord does not work");
  await services.registrations.importRegistrations(
    principal,
    META,
    [
      {
        line: 2,
        errors: [],
        input: {
          person: { initials: "K.", surname: "Concept", birthDate: "1979-04-12" },
          address: {
            street: "Stationsweg",
            houseNumber: "3",
            postcode: "9901 EF",
            city: "Regiostad",
          },
          ...plain,
          placementDate,
          evidence: demoEvidence(demo.region.profile, plain.criteria, placementDate),
        },
      },
    ],
    { dryRun: false },
  );
}
