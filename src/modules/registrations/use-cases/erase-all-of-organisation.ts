import { SYSTEM } from "../../../platform/audit/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import type { RegistrationsEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { eraseInTransaction } from "./erase-in-transaction.ts";

/** 003 §17, §20; 001 §7.2–7.3: a participant that leaves takes its registrations with it. */
export async function eraseAllOfOrganisation(
  env: RegistrationsEnv,
  tx: Db,
  organisationId: string,
  reason: "withdrawn" | "excluded",
) {
  const prepared = env.terminationLetters.get(organisationId);
  for (const id of await repo.idsOfOrganisation(tx, organisationId)) {
    const row = await repo.findRegistration(tx, id);
    if (row) {
      await eraseInTransaction(
        env,
        tx,
        row,
        { requestId: null, clientAddress: null },
        {
          type: reason === "withdrawn" ? "withdrawal" : "exclusion",
          by: null,
        },
        { prepared: prepared?.get(id) ?? null, actor: SYSTEM },
      );
    }
  }
}
