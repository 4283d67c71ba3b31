import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisationRow } from "../../platform/db/columns.ts";

export const SCREENING_PURPOSES = [
  "allocation",
  "urgency",
  "direct_mediation",
  "subject_request",
] as const;

/**
 * One screening (bevraging / toetsing, 003 §13; 001 §5.2): who asked, for what, and whether
 * it was a hit — never whom about, except as the pseudonymous subject reference (keyed HMAC
 * under the audit key) that lets a person's access request list who screened them (issue 8)
 * and the oversight reports count look-ups (001 §3.3). The audit log holds the same event.
 */
export const screening = pgTable(
  "screening",
  {
    ...organisationRow(),
    actorKind: text("actor_kind", { enum: ["user", "api_key"] }).notNull(),
    actorId: uuid("actor_id").notNull(),
    role: text("role").notNull(),
    purpose: text("purpose", { enum: SCREENING_PURPOSES }).notNull(),
    hit: boolean("hit").notNull(),
    resultCount: integer("result_count").notNull(),
    subjectRef: text("subject_ref").notNull(),
    /** Keyed HMAC (audit key) of the phonetic surname: finds fishing on similar names. */
    nameRef: text("name_ref"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("screening_actor_time").on(t.actorId, t.createdAt),
    index("screening_organisation_time").on(t.organisationId, t.createdAt),
    index("screening_subject").on(t.subjectRef),
    index("screening_name").on(t.nameRef),
  ],
);
