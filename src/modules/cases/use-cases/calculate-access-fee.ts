import { protocolRule } from "../../../platform/errors.ts";
import { addMonths, compareDates } from "../../../platform/werkdagen.ts";
import type { Profile } from "../../../protocol/profile.ts";
import type { CasesEnv } from "../env.ts";
import * as repo from "../repository.ts";

/** 001 §9.5: more than once per half year, EUR 0.23 a page, at most EUR 5 (an option). */
export async function calculateAccessFee(
  env: CasesEnv,
  profile: Profile,
  row: repo.CaseRow,
  pages: number,
): Promise<number> {
  if (profile.id !== "keurmerk-2013" || row.type !== "access") {
    throw protocolRule(
      "fee_not_allowed",
      "A fee may only be asked for a repeated access request under 001.",
      "001 §9.5",
    );
  }
  const halfYearAgo = addMonths(row.receivedDate, -6);
  const earlier = row.registrationId
    ? (await repo.casesOfRegistration(env.db, row.registrationId)).filter(
        (c) =>
          c.id !== row.id &&
          c.type === "access" &&
          compareDates(c.receivedDate, halfYearAgo) > 0 &&
          compareDates(c.receivedDate, row.receivedDate) <= 0,
      )
    : [];
  if (earlier.length === 0) {
    throw protocolRule(
      "fee_not_allowed",
      "A fee is only allowed for a second request within half a year.",
      "001 §9.5",
    );
  }
  return Math.min(pages * 23, 500);
}
