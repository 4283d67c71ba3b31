import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { belongsTo, decision, organisationRow } from "../../platform/db/columns.ts";
import { registration } from "../registrations/tables.ts";

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

/**
 * How a screening knows that a registration is the screened person (issue 24 part 4; design.md
 * §2.7): `identified` — an exact identity, or the primary source's own people asking; `pending`
 * — the engine's candidate at another participant, waiting for the primary source's officer;
 * `confirmed` / `rejected` — that officer's decision.
 */
export const SCREENING_CANDIDATE_STATUSES = [
  "identified",
  "pending",
  "confirmed",
  "rejected",
] as const;
export type ScreeningCandidateStatus = (typeof SCREENING_CANDIDATE_STATUSES)[number];

/**
 * A registration a screening found, and on what it rests. `organisation_id` is the primary
 * source: a pending row is its confirmation task (profile deadline `screening_confirmation`),
 * and the screened person as the querier typed it (with the address, for the hit letter after
 * a confirmation) is encrypted under its data key until the decision, then erased. The
 * keyed fingerprint of the screened person lets a later screening of the same data reuse the
 * decision. Deleted with the screening or the registration.
 */
export const screeningCandidate = pgTable(
  "screening_candidate",
  {
    ...organisationRow(),
    screeningId: belongsTo("screening_id", () => screening.id),
    registrationId: belongsTo("registration_id", () => registration.id),
    /** The organisation that screened (the screening's own organisation). */
    querierOrganisationId: uuid("querier_organisation_id").notNull(),
    status: text("status", { enum: SCREENING_CANDIDATE_STATUSES }).notNull(),
    score: real("score"),
    subjectFingerprint: text("subject_fingerprint").notNull(),
    /** `{ person, address }` as typed, under the primary source's data key; null once decided. */
    personCiphertext: text("person_ciphertext"),
    dueDate: date("due_date", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    ...decision(),
  },
  (t) => [
    uniqueIndex("screening_candidate_pair").on(t.screeningId, t.registrationId),
    index("screening_candidate_organisation_status").on(t.organisationId, t.status),
    index("screening_candidate_decision").on(t.registrationId, t.subjectFingerprint),
  ],
);
