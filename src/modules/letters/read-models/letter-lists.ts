import type { Principal } from "../../../platform/auth/access.ts";
import type { LettersEnv } from "../env.ts";
import { letterScope, visibleLetter } from "../policy.ts";
import * as repo from "../repository.ts";
import { type LetterView, letterView } from "../views.ts";

/** The letters the caller may see (of a registration, a duty or a case), newest first. */
export async function listLetters(
  env: LettersEnv,
  principal: Principal,
  query: {
    registrationId?: string | undefined;
    dutyId?: string | undefined;
    /** The letters a case produced (its case page). */
    caseId?: string | undefined;
    status?: repo.LetterRow["status"] | undefined;
    page: number;
    pageSize: number;
  },
) {
  const { rows, total } = await repo.listLetters(env.db, {
    organisationIds: letterScope(principal),
    ...query,
  });
  return { items: rows.map(letterView), page: query.page, pageSize: query.pageSize, total };
}

/** One letter's metadata, when the caller may see it. */
export async function getLetter(
  env: LettersEnv,
  principal: Principal,
  id: string,
): Promise<LetterView> {
  return letterView(await visibleLetter(env, principal, id));
}
