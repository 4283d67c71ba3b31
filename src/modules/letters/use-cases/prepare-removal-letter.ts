import { randomUUID } from "node:crypto";
import type { Actor } from "../../../platform/audit/actor.ts";
import { termEnd } from "../../../platform/werkdagen.ts";
import { letterContent, type RemovalGround } from "../content.ts";
import type { LetterSubject, LettersEnv } from "../env.ts";
import { buildLetter, type PreparedRemoval } from "../production.ts";
import type { notificationDuty } from "../tables.ts";

/**
 * Prepares the removal letter (001 §9.1 C; 003 §12.4) while the registration's data still
 * exist: call BEFORE the erasing transaction (rendering and encryption use other
 * connections, D-009), then pass the result to `recordErasure` inside it and call
 * `deliverPrepared` after it.
 */
export async function prepareRemovalLetter(
  env: LettersEnv,
  input: {
    registrationId: string;
    subject: LetterSubject;
    ground: RemovalGround;
    actor: Actor;
    /**
     * Who sends it, when not the primary source: a participant that leaves loses its keys
     * at once, so the consortium sends those letters (001 §7.3 with §3.4; 003 §17).
     */
    senderOrganisationId?: string;
  },
): Promise<PreparedRemoval | null> {
  const { clock, deps, logger } = env;
  // A draft never took effect and its person was never told: no removal letter (D-841).
  if (input.subject.status === "draft") return null;
  const profile = await deps.organisations.profile();
  const content = letterContent(profile.id, "removal");
  if (!content) return null;
  const rule = profile.deadlines[content.deadlineKey];
  if (!rule) return null;
  const today = clock.today();
  const duty: typeof notificationDuty.$inferInsert = {
    id: randomUUID(),
    organisationId: input.senderOrganisationId ?? input.subject.organisationId,
    registrationId: input.registrationId,
    kind: "removal",
    deadlineKey: content.deadlineKey,
    eventDate: today,
    dueDate: termEnd(today, rule.term).date,
    source: rule.source,
    reason: input.ground,
    status: "open",
    createdAt: clock.now(),
  };
  try {
    const letter = await buildLetter(env, profile, duty, {
      actor: input.actor,
      subject: input.subject,
    });
    return { duty, letter };
  } catch (err) {
    logger.error({ err }, "removal letter could not be prepared");
    return null;
  }
}
