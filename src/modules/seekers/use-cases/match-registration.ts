import { blindBlockingKeys } from "../../matching/blind-keys.ts";
import type { SeekersEnv } from "../env.ts";
import { considerPair, prepareRegistration, withdraw } from "../pairs.ts";
import * as repo from "../repository.ts";
import { scoringFor } from "../scoring.ts";
import { loadSeeker } from "../seeker-data.ts";

/**
 * A registration was created or changed (registrations' afterChange hook): match it
 * against the seekers; pending proposals that no longer hold are withdrawn. Returns the
 * number of proposals made.
 */
export async function matchRegistration(env: SeekersEnv, registrationId: string): Promise<number> {
  const { db, keyring, deps } = env;
  const candidate = await deps.registrations.effectiveCandidate(registrationId);
  const existing = await repo.matchesOfRegistration(db, registrationId);
  if (!candidate) {
    for (const m of existing) {
      if (m.status === "pending") await withdraw(env, m, "registration not in effect");
    }
    return 0;
  }
  const registration = await prepareRegistration(env, candidate);
  const keys = await blindBlockingKeys(keyring, candidate.person);
  const seekers = await Promise.all(
    (await repo.findSeekersByBlindKeys(db, keys)).map((row) => loadSeeker(env, row)),
  );
  const scoring = await scoringFor(env, [
    registration.normalised,
    ...seekers.map((x) => x.normalised),
  ]);
  const seen = new Set<string>();
  let proposed = 0;
  for (const seeker of seekers) {
    seen.add(seeker.row.seekerNumber);
    const outcome = await considerPair(env, registration, seeker, scoring);
    if (outcome === "proposed") proposed++;
  }
  for (const m of existing) {
    if (m.status === "pending" && !seen.has(m.seekerNumber)) {
      await withdraw(env, m, "no longer a candidate after a change");
    }
  }
  return proposed;
}
