import {
  bigint,
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { belongsTo, decision, timestamps } from "../../platform/db/columns.ts";
import { registration } from "../registrations/tables.ts";

/**
 * The house-seeker index (woningzoekenden): the region's allocation system keeps it in step
 * with its own register (contract §3 PUT/DELETE /seekers/{n}), so that new registrations can
 * be matched against people who look for a home (003 §6). Only the identification data
 * matching needs, encrypted with the data key of the organisation that maintains it.
 */
export const seeker = pgTable(
  "seeker",
  {
    /** The inschrijfnummer of the allocation system. */
    seekerNumber: text("seeker_number").primaryKey(),
    /** The organisation whose allocation system (or consortium) maintains this entry. */
    organisationId: uuid("organisation_id").notNull(),
    personCiphertext: text("person_ciphertext").notNull(),
    /** Keyed fingerprint of the matched fields: a rejected pair returns only when it changes. */
    fingerprint: text("fingerprint").notNull(),
    /**
     * The pseudonymous subject reference of screenings (audit key): an allocation step for a
     * screened person shows as a seeker with the same reference (misuse signals, issue 6).
     */
    subjectRef: text("subject_ref"),
    ...timestamps(),
  },
  (t) => [index("seeker_subject").on(t.subjectRef)],
);

/** The seeker a row belongs to; the row is deleted with it. */
const seekerNumber = () =>
  text("seeker_number")
    .notNull()
    .references(() => seeker.seekerNumber, { onDelete: "cascade" });

/** The registration a row belongs to; the row is deleted with it. */
const registrationId = () => belongsTo("registration_id", () => registration.id);

/** Blind indexes of a seeker's blocking keys (matching/blind-keys.ts); deleted with it. */
export const seekerBlindIndex = pgTable(
  "seeker_blind_index",
  {
    seekerNumber: seekerNumber(),
    kind: text("kind").notNull(),
    value: text("value").notNull(),
  },
  (t) => [
    index("seeker_blind_index_lookup").on(t.kind, t.value),
    index("seeker_blind_index_seeker").on(t.seekerNumber),
  ],
);

export const MATCH_STATUSES = ["pending", "confirmed", "rejected"] as const;

/**
 * A proposed pair of a registration and a house seeker (003 §6 punt 3: the primary source
 * checks whether the seeker is the registered person). Only the primary source sees it. The
 * reasons are the fields and agreement levels, never the values compared. Deleted with the
 * registration or the seeker (003 §6.7: the block ends and unlinks with the registration).
 */
export const seekerMatch = pgTable(
  "seeker_match",
  {
    id: uuid("id").primaryKey(),
    registrationId: registrationId(),
    seekerNumber: seekerNumber(),
    /** The primary source: the only organisation that sees and decides this match. */
    organisationId: uuid("organisation_id").notNull(),
    status: text("status", { enum: MATCH_STATUSES }).notNull(),
    score: real("score").notNull(),
    /** [{ field, level, weight }]: why it was proposed, without the compared values. */
    reasons: jsonb("reasons").notNull(),
    registrationFingerprint: text("registration_fingerprint").notNull(),
    seekerFingerprint: text("seeker_fingerprint").notNull(),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull(),
    ...decision(),
  },
  (t) => [
    uniqueIndex("seeker_match_pair").on(t.registrationId, t.seekerNumber),
    index("seeker_match_organisation_status").on(t.organisationId, t.status),
    index("seeker_match_seeker").on(t.seekerNumber),
  ],
);

/**
 * A block (blokkade, 003 §6 punten 4–6): the seeker cannot react to dwellings while it lasts.
 * It runs from the confirmation (or the registration's later start) to the registration's end
 * date, which it follows when that changes, and it goes with the registration.
 */
export const seekerBlock = pgTable(
  "seeker_block",
  {
    id: uuid("id").primaryKey(),
    matchId: belongsTo("match_id", () => seekerMatch.id),
    registrationId: registrationId(),
    seekerNumber: seekerNumber(),
    organisationId: uuid("organisation_id").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("seeker_block_match").on(t.matchId),
    index("seeker_block_seeker").on(t.seekerNumber),
    index("seeker_block_registration").on(t.registrationId),
  ],
);

/**
 * A participant's look-up of a seeker's block (GET /seekers/{n}/block, issue 22 F7): a
 * screening by seeker number, so it is counted like one (misuse signals: bursts, and sweeps
 * through consecutive numbers). Like a screening it holds no personal data: the seeker's
 * pseudonymous subject reference (audit key; for a number not in the index, the number's
 * reference) and the keyed reference of the number (logger-identifiers.ts). The allocation
 * system's own look-ups are audited only, not kept here.
 */
export const blockLookup = pgTable(
  "block_lookup",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id").notNull(),
    actorKind: text("actor_kind", { enum: ["user", "api_key"] }).notNull(),
    actorId: uuid("actor_id").notNull(),
    purpose: text("purpose").notNull(),
    hit: boolean("hit").notNull(),
    subjectRef: text("subject_ref").notNull(),
    seekerRef: text("seeker_ref").notNull(),
    /** The same caller looked up a neighbouring number (n − 1 or n + 1) within the hour. */
    sequential: boolean("sequential").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("block_lookup_actor_time").on(t.actorId, t.createdAt),
    index("block_lookup_time").on(t.createdAt),
  ],
);

/**
 * Figures of the seeker index every app instance reads alike (issue 24 part 7): `total` is the
 * number of seekers, counted at most once a minute by whichever instance finds it stale, so
 * that two instances on one database score with the same regional surname shares.
 */
export const seekerStatistic = pgTable("seeker_statistic", {
  name: text("name").primaryKey(),
  value: bigint("value", { mode: "number" }).notNull(),
  countedAt: timestamp("counted_at", { withTimezone: true }).notNull(),
});
