import { SYSTEM } from "../../../platform/audit/actor.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import { addDays } from "../../../platform/werkdagen.ts";
import { auditCase, recordCaseEvent } from "../audit-helpers.ts";
import type { CasesEnv } from "../env.ts";
import * as repo from "../repository.ts";
import { carryOutDueRemovals } from "./carry-out-due-removals.ts";

/**
 * The daily `deadlines` job: reminders for deadlines due within three days, consents
 * whose reflection ended, and upheld decisions whose removal term has come without
 * execution — the registration is then removed by the system (003 §12.4: "Het systeem
 * assisteert de primaire bron door de signalering automatisch te verwijderen").
 */
export async function runDeadlines(env: CasesEnv, today: string) {
  const { db, clock } = env;
  let reminders = 0;
  let removals = 0;
  let consents = 0;
  const meta = { requestId: null, clientAddress: null };
  for (const { deadline, caseRow } of await repo.deadlinesToRemind(db, today, addDays(today, 3))) {
    await db.transaction(async (tx) => {
      await repo.markReminded(tx, caseRow.id, deadline.name, today);
      await recordCaseEvent(env, tx, caseRow.id, SYSTEM, "deadline_reminder", {
        deadline: deadline.name,
        dueDate: deadline.dueDate,
      });
      await recordSuccess(tx, clock, meta, SYSTEM, {
        action: "case.deadline_reminder",
        objectType: "case",
        objectId: caseRow.id,
        details: {
          deadline: deadline.name,
          dueDate: deadline.dueDate,
          organisationId: caseRow.organisationId,
        },
      });
    });
    reminders++;
  }
  for (const { caseRow } of await repo.consentsToActivate(db, today)) {
    await db.transaction(async (tx) => {
      await repo.updateCase(tx, caseRow.id, { status: "effective", updatedAt: clock.now() });
      await repo.meetDeadlines(tx, caseRow.id, ["consent_reflection"], today);
      await recordCaseEvent(env, tx, caseRow.id, SYSTEM, "consent_effective");
      await auditCase(env, tx, meta, SYSTEM, caseRow, "consent_effective");
    });
    consents++;
  }
  removals = await carryOutDueRemovals(env, today);
  return { reminders, consents, removals };
}
