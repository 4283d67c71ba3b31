import { addDays } from "../../../platform/werkdagen.ts";
import { API_KEY_KEEP_DAYS } from "../constants.ts";
import type { IdentityEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** Retention (issue 9): API keys that ended more than 90 days ago are deleted. */
export async function deleteEndedApiKeys(env: IdentityEnv, today: string) {
  const cutoffDate = addDays(today, -API_KEY_KEEP_DAYS);
  return repo.deleteApiKeysEndedBefore(env.db, cutoffDate, new Date(`${cutoffDate}T00:00:00Z`));
}
