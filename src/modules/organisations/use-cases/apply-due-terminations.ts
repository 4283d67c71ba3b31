import { compareDates } from "../../../platform/werkdagen.ts";
import { type OrganisationsEnv, SYSTEM_META } from "../env.ts";
import * as repo from "../repository.ts";
import { carryOutTermination } from "./carry-out-termination.ts";

/** Carries out withdrawals and exclusions whose date has come (daily job). */
export async function applyDueTerminations(env: OrganisationsEnv): Promise<number> {
  const { db, clock } = env;
  const due = await repo.dueTerminations(db, clock.today());
  for (const row of due) {
    const reason =
      row.withdrawnOn && compareDates(row.withdrawnOn, clock.today()) <= 0
        ? "withdrawn"
        : "excluded";
    await carryOutTermination(env, row, reason, SYSTEM_META);
  }
  return due.length;
}
