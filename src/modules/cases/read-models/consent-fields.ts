import { compareDates } from "../../../platform/werkdagen.ts";
import type { DisclosureField, Profile } from "../../../protocol/profile.ts";
import type { CasesEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** Fields a written consent adds for other participants (001 §5.5), once its reflection ended. */
export async function consentFields(
  env: CasesEnv,
  registrationId: string,
  profile: Profile,
): Promise<readonly DisclosureField[]> {
  if (!profile.disclosure.consent.allowed) return [];
  const today = env.clock.today();
  for (const c of await repo.casesOfRegistration(env.db, registrationId)) {
    if (c.type !== "consent" || !["reflection", "effective"].includes(c.status)) continue;
    const [d] = (await repo.deadlinesOf(env.db, [c.id])).filter(
      (x) => x.name === "consent_reflection",
    );
    if (d && compareDates(d.dueDate, today) < 0) return profile.disclosure.consent.fields;
  }
  return [];
}
