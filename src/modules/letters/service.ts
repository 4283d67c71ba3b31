import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { AppContext } from "../../app.ts";
import type { Db } from "../../platform/db/database.ts";
import { termEnd } from "../../platform/werkdagen.ts";
import type { Profile } from "../../protocol/profile.ts";
import { notificationDuty } from "./tables.ts";

export type DutyKind = "placement" | "continuation" | "removal" | "hit";

export type LettersService = ReturnType<typeof createLettersService>;

/**
 * Notification duties: every event that owes the person a letter records one, with the
 * deadline the profile sets (e.g. 001 §9.1: within four weeks). The letters themselves
 * (templates, PDF, e-mail) fulfil them.
 */
export function createLettersService(ctx: Pick<AppContext, "database" | "clock">) {
  const { database, clock } = ctx;
  return {
    /**
     * Records a duty in the caller's transaction; the due date follows the profile's deadline.
     * The caller passes the profile it already holds: inside a transaction nothing may query
     * through another connection (PGlite has one; see docs/decisions.md D-009).
     */
    async recordDuty(
      tx: Db,
      profile: Profile,
      input: {
        organisationId: string;
        registrationId: string | null;
        kind: DutyKind;
        /** The day of the event that owes the letter; the term runs from the day after. */
        eventDate: string;
        deadlineKey: string;
      },
    ): Promise<{ id: string; dueDate: string }> {
      const deadline = profile.deadlines[input.deadlineKey];
      if (!deadline) {
        throw new Error(`profile ${profile.id} has no deadline "${input.deadlineKey}"`);
      }
      const id = randomUUID();
      const dueDate = termEnd(input.eventDate, deadline.term).date;
      await tx.insert(notificationDuty).values({
        id,
        organisationId: input.organisationId,
        registrationId: input.registrationId,
        kind: input.kind,
        dueDate,
        source: deadline.source,
        status: "open",
        createdAt: clock.now(),
      });
      return { id, dueDate };
    },

    async dutiesOf(registrationId: string) {
      return database.db
        .select()
        .from(notificationDuty)
        .where(eq(notificationDuty.registrationId, registrationId))
        .orderBy(asc(notificationDuty.dueDate));
    },

    async openDutiesOf(organisationId: string) {
      return database.db
        .select()
        .from(notificationDuty)
        .where(
          and(
            eq(notificationDuty.organisationId, organisationId),
            eq(notificationDuty.status, "open"),
          ),
        )
        .orderBy(asc(notificationDuty.dueDate));
    },
  };
}
