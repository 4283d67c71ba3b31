import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A duty to inform a person (design.md §2.4: a person's rights are deadlines the system
 * keeps): created by the event that owes a letter, with its legal deadline; fulfilled when
 * the letter is sent or documented.
 */
export const notificationDuty = pgTable(
  "notification_duty",
  {
    id: uuid("id").primaryKey(),
    /** The organisation that owes the letter. */
    organisationId: uuid("organisation_id").notNull(),
    registrationId: uuid("registration_id"),
    kind: text("kind").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    source: text("source").notNull(),
    status: text("status", { enum: ["open", "fulfilled", "skipped"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    index("notification_duty_organisation").on(t.organisationId, t.status, t.dueDate),
    index("notification_duty_registration").on(t.registrationId),
  ],
);
