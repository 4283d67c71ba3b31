import { AppError } from "../../platform/errors.ts";
import type { CaseKind } from "../../protocol/case-kinds.ts";
import type { CasesEnv } from "./env.ts";
import { COMMITTEE_CASES } from "./procedures.ts";

/**
 * The disputes committee that decides a case of this type (003 §16.4, ch. 24; 001 §10, §11),
 * undefined for the other types; 409 `no_committee` when the region has none yet.
 */
export async function committeeFor(
  env: CasesEnv,
  type: CaseKind,
): Promise<{ id: string } | undefined> {
  if (!COMMITTEE_CASES.includes(type)) return undefined;
  const committee = await env.deps.organisations.letterheadOfKind("committee");
  if (!committee) {
    throw new AppError("conflict", "This region has no disputes committee yet.", {
      code: "no_committee",
    });
  }
  return committee;
}
