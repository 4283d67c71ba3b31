/**
 * Ending one part of a registration (issue #20 part 1): its term ran out (003 §6 punt 1,
 * §12.4 punt 2), or, for the claim part, the claim was paid or settled (003 §12.4 D; 001
 * Bijlage 1 W2). The other parts run on; their categories, criteria and terms are untouched.
 * The ended part's categories, the criteria that grounded only them and a claim no remaining
 * category takes are removed with it (data minimisation, 003 §12.4: "worden de gegevens
 * verwijderd"). When no part is left, the registration is erased as a whole, with its removal
 * letter, receipt and journal entry, as before. While other parts run on, the person gets a
 * letter saying which categories ended, from when, and what still runs until when and where
 * (003 §7, §12.4, §13.4; D-950) — not for a draft, whose person was never told (D-841).
 */
import type { Actor } from "../../../platform/audit/actor.ts";
import { type AuditActor, type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
import { envelopeOf, type RegistrationPart } from "../../../protocol/parts.ts";
import type { RemovalGround } from "../../letters/ports.ts";
import { changed } from "../changes.ts";
import type { ErasureReason, RegistrationsEnv } from "../env.ts";
import { eraseWithLetter } from "../erasure.ts";
import { type PartEnding, withoutParts } from "../part-ending.ts";
import * as repo from "../repository.ts";

/**
 * Ends the given parts of a registration. `why.ground` says why (the annual report counts
 * endings by ground, 003 §22). Answers what happened: a part ended, the whole registration
 * was erased (its last part ended), or it was already gone.
 */
export async function endParts(
  env: RegistrationsEnv,
  id: string,
  which: (part: RegistrationPart) => boolean,
  why: { type: ErasureReason["type"]; by: AuditActor | null; ground: RemovalGround },
  actor: Actor,
  meta: RequestMeta,
): Promise<PartEnding> {
  const { db, clock, deps } = env;
  const row = await repo.findRegistration(db, id);
  if (!row) return "gone";
  const ending = row.parts.filter(which);
  if (ending.length === 0) return "part_ended";
  if (ending.length === row.parts.length) {
    return (await eraseWithLetter(env, id, why, actor, meta)) ? "erased" : "gone";
  }
  const profile = await deps.organisations.profile();
  const rest = withoutParts(profile, row, ending);
  const endedCategories = ending.flatMap((p) => p.categories);
  // Sealed before the transaction (D-009): codes only, the person is read from the registration.
  const sealed =
    row.status === "draft"
      ? undefined
      : await deps.letters.sealDutyData(row.organisationId, {
          partEnded: { categories: endedCategories },
        });
  let dutyId: string | undefined;
  await db.transaction(async (tx) => {
    await repo.updateRegistration(tx, id, {
      ...rest,
      ...envelopeOf(rest.parts),
      updatedAt: clock.now(),
    });
    // Codes only: which categories ended and why, never the person (design.md §2.6).
    await recordAudit(tx, clock, meta, {
      actor: why.by ?? { type: "system", id: null, organisationId: null, role: null },
      action: "registration.part_ended",
      objectType: "registration",
      objectId: id,
      outcome: "success",
      details: {
        rule: why.type,
        primarySource: row.organisationId,
        categories: endedCategories,
        remaining: rest.categories,
        ground: why.ground,
      },
    });
    if (sealed) {
      const duty = await deps.letters.recordDuty(tx, profile, {
        organisationId: row.organisationId,
        registrationId: id,
        kind: "part_ended",
        eventDate: clock.today(),
        reason: why.ground,
        sealed,
      });
      dutyId = duty.id;
    }
  });
  await changed(env, id);
  if (dutyId) await deps.letters.produceAfterEvent(dutyId, actor, meta);
  return "part_ended";
}
