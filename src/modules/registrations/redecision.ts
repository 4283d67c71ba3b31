/**
 * What a changed decision owes the person (003 §12.3 "past … de gegevens … aan", ch. 10; review
 * item 8; issue 20 part 4, D-844): every unsent letter about the old values is withdrawn, and a
 * correction letter is owed from today (or, when the person was never told yet, the placement
 * letter still is). Inside the caller's transaction; answers the owed duty's id.
 */
import type { Db } from "../../platform/db/database.ts";
import type { Profile } from "../../protocol/profile.ts";
import type { CorrectionReason } from "../letters/ports.ts";
import type { RegistrationsEnv } from "./env.ts";
import { placementDuty } from "./placement.ts";
import type { RegistrationRow } from "./repository.ts";

export async function owedAfterNewDecision(
  env: RegistrationsEnv,
  tx: Db,
  profile: Profile,
  row: Pick<RegistrationRow, "id" | "organisationId">,
  reason: CorrectionReason,
): Promise<string> {
  const today = env.clock.today();
  const { told } = await env.deps.letters.withdrawDecisionLetters(tx, row);
  if (!told) return placementDuty(env, tx, profile, row.organisationId, row.id, today);
  const duty = await env.deps.letters.recordDuty(tx, profile, {
    organisationId: row.organisationId,
    registrationId: row.id,
    kind: "correction",
    eventDate: today,
    reason,
  });
  return duty.id;
}
