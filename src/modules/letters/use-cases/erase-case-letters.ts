import type { Db } from "../../../platform/db/database.ts";
import * as repo from "../repository.ts";

/** Erases a closed case's duties and letters (retention, issue 9), in its transaction. */
export async function eraseCaseLetters(tx: Db, caseId: string): Promise<number> {
  return repo.deleteCaseLetters(tx, caseId);
}
