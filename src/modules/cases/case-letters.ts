import type { Db } from "../../platform/db/database.ts";
import type { CaseKind } from "../../protocol/case-kinds.ts";
import type { Profile } from "../../protocol/profile.ts";
import type { AccessFacts, CaseFacts } from "../letters/ports.ts";
import type { CasesEnv } from "./env.ts";
import { keysOf } from "./procedures.ts";
import * as repo from "./repository.ts";
import { readRequester } from "./requester.ts";

/** The case letter facts (letters module), sealed into the duty with the requester. */
export async function caseLetter(
  env: CasesEnv,
  tx: Db,
  profile: Profile,
  row: repo.CaseRow,
  kind: "acknowledgement" | "decision" | "access_answer",
  sealed: { dutyId: string; ciphertext: string },
) {
  // The letter's term is the case step's own (else the content list's default key).
  const keys = keysOf(row.type as CaseKind);
  const deadlineKey = kind === "acknowledgement" ? keys.acknowledgement : keys.decision;
  return env.deps.letters.recordDuty(tx, profile, {
    organisationId: row.organisationId,
    registrationId: row.registrationId,
    caseId: row.id,
    kind,
    eventDate: row.receivedDate,
    ...(deadlineKey ? { deadlineKey } : {}),
    reason: row.type,
    sealed,
  });
}

/** Seals the case's letter data (the requester and the case facts) for its duty. */
export async function sealCase(
  env: CasesEnv,
  row: repo.CaseRow,
  facts: Partial<CaseFacts>,
  access?: AccessFacts,
) {
  const requester = await readRequester(env, row);
  // Only contract case types owe case letters (support team and consent write none).
  const letterType = row.type as CaseKind;
  // 003 §16.3 "de datum van de beslissing waartegen geklaagd wordt" (review 003-66): an appeal
  // contests the decision on its objection or complaint; an appeal on an unanswered one
  // (003 §16.4 "geen reactie binnen vier weken") has no such date, and the letter names none.
  const parent =
    letterType === "appeal" && row.parentCaseId
      ? await repo.findCase(env.db, row.parentCaseId)
      : undefined;
  // 003 §16.3 "het adres van de woning die door betrokkene werd gehuurd": the registration's
  // dwelling, not the requester's address (review 003-66, issue 20 part 5).
  const subject = row.registrationId
    ? await env.deps.registrations.letterSubject(row.registrationId)
    : undefined;
  return env.deps.letters.sealDutyData(row.organisationId, {
    ...(requester.person ? { person: requester.person } : {}),
    ...(requester.address ? { address: requester.address } : {}),
    ...(subject?.dwellingAddress ? { dwellingAddress: subject.dwellingAddress } : {}),
    case: {
      type: letterType,
      receivedDate: row.receivedDate,
      reference: row.reference,
      decisionDeadlineKey: keysOf(row.type as CaseKind).decision,
      ...(parent?.decidedOn ? { contestedDecisionDate: parent.decidedOn } : {}),
      ...facts,
    },
    ...(access ? { access } : {}),
  });
}
