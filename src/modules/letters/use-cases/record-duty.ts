import { randomUUID } from "node:crypto";
import type { Db } from "../../../platform/db/database.ts";
import { termEnd } from "../../../platform/werkdagen.ts";
import type { Profile } from "../../../protocol/profile.ts";
import { contentOf, type LettersEnv } from "../env.ts";
import type { DutyKind } from "../production.ts";
import * as repo from "../repository.ts";

/**
 * Records a duty in the caller's transaction; the due date follows the profile's deadline.
 * The caller passes the profile it already holds: inside a transaction nothing may query
 * through another connection (PGlite has one; see docs/decisions.md D-009).
 */
export async function recordDuty(
  env: LettersEnv,
  tx: Db,
  profile: Profile,
  input: {
    organisationId: string;
    registrationId: string | null;
    kind: DutyKind;
    /** The day of the event that owes the letter; the term runs from the day after. */
    eventDate: string;
    /** Default: the content list's key for this kind (e.g. placement_letter). */
    deadlineKey?: string;
    caseId?: string | null;
    /** A fixed code: the removal or continuation ground, the case type. */
    reason?: string | null;
    sealed?: { dutyId: string; ciphertext: string };
    /** What makes later events the same duty (a hit letter: the registration's keyed ref). */
    groupRef?: string | null;
  },
): Promise<{ id: string; dueDate: string }> {
  const content = contentOf(profile, input.kind);
  const deadlineKey = input.deadlineKey ?? content.deadlineKey;
  const deadline = profile.deadlines[deadlineKey];
  if (!deadline) {
    throw new Error(`profile ${profile.id} has no deadline "${deadlineKey}"`);
  }
  const id = input.sealed?.dutyId ?? randomUUID();
  const dueDate = termEnd(input.eventDate, deadline.term).date;
  await repo.insertDuty(tx, {
    id,
    organisationId: input.organisationId,
    registrationId: input.registrationId,
    caseId: input.caseId ?? null,
    kind: input.kind,
    deadlineKey,
    eventDate: input.eventDate,
    dueDate,
    source: deadline.source,
    reason: input.reason ?? null,
    recipientCiphertext: input.sealed?.ciphertext ?? null,
    status: "open",
    groupRef: input.groupRef ?? null,
    createdAt: env.clock.now(),
  });
  return { id, dueDate };
}
