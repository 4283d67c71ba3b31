import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import type { LettersEnv } from "../env.ts";
import { mayReadLetters } from "../policy.ts";
import { dutyData } from "../production.ts";
import * as repo from "../repository.ts";

/** Whom a duty's letter goes to, as a worklist row names them. */
export interface DutySubject {
  initials: string;
  prefix?: string | undefined;
  surname: string;
  birthDate?: string | undefined;
}

/**
 * The persons sealed in duties that carry their own — a hit letter (the screened person has no
 * registration of the screening organisation, so the duty holds whom to write to), a case's
 * letter to its requester, a recipient notice (AVG art. 19: the person as the register
 * identified them; none once its facts expired) — for the officer's worklist (issue 21 part 7: every row names the person). Only duties the principal
 * may read; each list's look is audited once as `duty.subjects_viewed` with the duty ids.
 */
export async function dutySubjects(
  env: LettersEnv,
  principal: Principal,
  meta: RequestMeta,
  dutyIds: readonly string[],
): Promise<Map<string, DutySubject>> {
  const out = new Map<string, DutySubject>();
  for (const id of new Set(dutyIds)) {
    const duty = await repo.findDuty(env.db, id);
    if (!duty || !mayReadLetters(principal, duty.organisationId)) continue;
    if (duty.registrationId !== null) continue; // the registration names the person
    const data = await dutyData(env, duty);
    const person = data.person ?? data.notice?.person;
    if (!person) continue;
    out.set(id, {
      initials: person.initials,
      prefix: person.prefix,
      surname: person.surname,
      birthDate: person.birthDate,
    });
  }
  if (out.size > 0) {
    await recordSuccess(env.db, env.clock, meta, principal, {
      action: "duty.subjects_viewed",
      objectType: "notification_duty",
      objectId: null,
      details: { dutyIds: [...out.keys()] },
    });
  }
  return out;
}
