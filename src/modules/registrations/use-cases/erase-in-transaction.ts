import { type Actor, SYSTEM } from "../../../platform/audit/actor.ts";
import { type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
import type { Db } from "../../../platform/db/database.ts";
import type { PreparedRemoval } from "../../letters/ports.ts";
import type { ErasureReason, RegistrationsEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** Shared by manual erasure, withdrawal and (later) retention: the row goes, a receipt stays. */
export async function eraseInTransaction(
  env: RegistrationsEnv,
  tx: Db,
  row: repo.RegistrationRow,
  meta: RequestMeta,
  why: ErasureReason,
  removal: { prepared: PreparedRemoval | null; actor: Actor } = {
    prepared: null,
    actor: SYSTEM,
  },
) {
  const { clock, deps } = env;
  await repo.deleteRegistration(tx, row.id);
  // Letters about it are personal data too: their content goes, the receipts stay.
  await deps.letters.recordErasure(
    tx,
    { registrationId: row.id, organisationId: row.organisationId, prepared: removal.prepared },
    removal.actor,
    meta,
  );
  await recordAudit(tx, clock, meta, {
    actor: why.by ?? { type: "system", id: null, organisationId: null, role: null },
    action: "registration.erased",
    objectType: "registration",
    objectId: row.id,
    outcome: "success",
    details: {
      rule: why.type,
      primarySource: row.organisationId,
      categories: row.categories,
      ground:
        why.ground ??
        (why.type === "withdrawal" || why.type === "exclusion"
          ? "participant_left"
          : why.type === "replay"
            ? "replayed_after_restore"
            : "erased_by_primary_source"),
      ...(why.caseId ? { caseId: why.caseId } : {}),
    },
  });
}
