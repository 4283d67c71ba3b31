import { setImmediate } from "node:timers/promises";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import type { Weighing } from "../../../protocol/weighing.ts";
import type { RegistrationsEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { confirmRegistration } from "./confirm-registration.ts";

/**
 * The web's "confirm every draft of this import" (issue 20 part 3): the importing officer gives
 * the declaration once for the import, and each of its drafts that waits for that confirmation
 * is confirmed as if one by one; their letters are then produced together, as an import's are
 * (`POST /duties/letters`, the letters owed page). A draft the rules now refuse (its end date has passed) stays a
 * draft and is reported with its rule; the others take effect.
 */
export async function confirmImport(
  env: RegistrationsEnv,
  principal: Principal,
  meta: RequestMeta,
  importId: string,
  /** The importing officer's weighing for the import's drafts (003 §12.1; D-1060). */
  weighing?: Weighing,
) {
  const ids = await repo.draftsOfImport(env.db, principal.organisationId, importId);
  const confirmed: string[] = [];
  const awaitingSecondOfficer: string[] = [];
  const refused: { id: string; code: string; message: string }[] = [];
  for (const id of ids) {
    try {
      const after = await confirmRegistration(env, principal, meta, id, {
        produceLetter: false,
        weighing,
      });
      (after.awaiting === "second_officer" ? awaitingSecondOfficer : confirmed).push(id);
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      refused.push({ id, code: e.code, message: e.message });
    }
    await setImmediate(); // a long import lets other requests in between (D-742)
  }
  return {
    confirmed: confirmed.length,
    awaitingSecondOfficer: awaitingSecondOfficer.length,
    refused,
  };
}
