import type { Principal } from "../../../platform/auth/access.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import { findVisibleCase } from "../case-access.ts";
import type { CasesEnv } from "../env.ts";
import { mayNameAsAppealParent } from "../policy.ts";
import * as repo from "../repository.ts";

/**
 * The case id behind a printed reference ("Z-3F9A1C2B", as on letters and case pages;
 * the "Z-" and case are optional). Only a case the caller may see — except that the
 * disputes committee, registering an appeal, may name the objection or complaint the
 * person quotes from the decision letter (the same rule as `createCase` with
 * `parentCaseId`), and nothing else. Otherwise 404, never whether it exists.
 */
export async function caseIdByReference(
  env: CasesEnv,
  principal: Principal,
  reference: string,
  purpose: "view" | "appeal_parent" = "view",
): Promise<string> {
  const hex = /^(?:Z-?)?([0-9A-F]{8})$/i.exec(reference.trim().replace(/\s+/g, ""))?.[1];
  if (!hex) {
    throw new AppError("invalid_input", "A case reference looks like Z-3F9A1C2B.", {
      code: "reference_invalid",
    });
  }
  const row = await repo.findCaseByReference(env.db, `Z-${hex.toUpperCase()}`);
  if (!row) throw notFound("case");
  if (purpose === "appeal_parent" && mayNameAsAppealParent(principal, row)) {
    return row.id;
  }
  return (await findVisibleCase(env, principal, row.id)).id;
}
