/** Who saw a block on a registration, and when: the actual recipients (AVG art. 15, art. 19). */
import { eventsAbout } from "../../../platform/audit/audit.ts";
import { todayInAmsterdam } from "../../../platform/werkdagen.ts";
import type { SeekersEnv } from "../env.ts";
import * as repo from "../repository.ts";

/**
 * The organisations that looked up a seeker blocked on this registration and were shown the
 * block (`seeker.block_checked` with a hit in the audit log, 001 §3.3), with the day. For the
 * access answer's recipients (CJEU C-154/21) and the notice of a correction or erasure
 * (AVG art. 19; 003 hoofdstuk 15). No personal data.
 */
export async function blockViewsOf(
  env: SeekersEnv,
  registrationId: string,
): Promise<{ organisationId: string; date: string }[]> {
  const views: { organisationId: string; date: string }[] = [];
  const seekers = new Set(
    (await repo.blocksOfRegistration(env.db, registrationId)).map((b) => b.seekerNumber),
  );
  for (const seekerNumber of seekers) {
    for (const e of await eventsAbout(env.db, "seeker", seekerNumber)) {
      if (e.action !== "seeker.block_checked" || e.outcome !== "hit" || !e.organisationId) continue;
      views.push({ organisationId: e.organisationId, date: todayInAmsterdam(e.occurredAt) });
    }
  }
  return views;
}
