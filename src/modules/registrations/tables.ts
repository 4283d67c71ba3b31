import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { belongsTo, timestamps } from "../../platform/db/columns.ts";
import type { RegistrationPart } from "../../protocol/parts.ts";
import type { Weighing } from "../../protocol/weighing.ts";

/**
 * A signalering. Only the fields of 003 §12.1 / 001 §4.2: identification and contact data
 * (encrypted with the primary source's data key, one JSON document each), the registration
 * data (categories, criteria codes, dates, objection pending/outcome), the primary source and
 * who entered it. No free text about behaviour, ever (design.md §2.2).
 */
export const registration = pgTable(
  "registration",
  {
    id: uuid("id").primaryKey(),
    /** The primary source (primaire bron). */
    organisationId: uuid("organisation_id").notNull(),
    status: text("status", {
      enum: ["draft", "pending_notice", "active", "restricted"],
    }).notNull(),
    /** Why processing is restricted (AVG art. 18), when it is. */
    restrictionReason: text("restriction_reason", {
      enum: ["accuracy_contested", "objection_pending", "rights_request"],
    }),
    categories: text("categories").array().notNull(),
    criteria: text("criteria").array().notNull(),
    placementDate: date("placement_date", { mode: "string" }).notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    /** When the registration as a whole ends: its last part's end date (then it is erased). */
    endDate: date("end_date", { mode: "string" }).notNull(),
    /** The longest part's term. */
    termMonths: integer("term_months").notNull(),
    /** The parts' common scope; null when they reach differently (read the parts). */
    scope: text("scope", { enum: ["organisation", "region", "national"] }),
    /**
     * One part per category group, each with its categories, dates, term and scope (003 §5,
     * §7; issue #20 part 1). A part that ends is taken out; the registration keeps the others.
     */
    parts: jsonb("parts").$type<RegistrationPart[]>().notNull().default([]),
    claimCents: bigint("claim_cents", { mode: "number" }),
    objectionPending: boolean("objection_pending").notNull().default(false),
    objectionOutcome: text("objection_outcome", { enum: ["upheld", "rejected", "partly_upheld"] }),
    personCiphertext: text("person_ciphertext").notNull(),
    /** The contact address: where letters go (003 §12.1 "Contactgegevens"). */
    addressCiphertext: text("address_ciphertext"),
    /** The rented dwelling the registration is about (003 §16.3; 001 §3.4; issue 20 part 5). */
    dwellingAddressCiphertext: text("dwelling_address_ciphertext"),
    /**
     * A registration from before the two addresses had one address for both: its dwelling is
     * the contact address until either changes (then both are written out; D-822).
     */
    dwellingIsContact: boolean("dwelling_is_contact").notNull().default(false),
    /** The person's relation to the tenancy (003 ch. 5 Hoofdregel; review 003-05). */
    tenancyRelation: text("tenancy_relation", {
      enum: ["huurder", "medehuurder", "woningzoekende"],
    }),
    /**
     * What grounds each criterion: kind, date, case number (003 §8; issue 20 part 2), one
     * encrypted JSON list. Null for registrations from before v2.
     */
    evidenceCiphertext: text("evidence_ciphertext"),
    enteredByKind: text("entered_by_kind", { enum: ["user", "api_key"] }).notNull(),
    enteredBy: uuid("entered_by").notNull(),
    /**
     * The protocol version the placement was decided under (protocolVersionOf: the seed's
     * edition and the profile's revision, 003 ch. 23; D-760). Its term and scope stay as
     * decided when the profile changes later; a change of the decision itself records the
     * version it was changed under.
     */
    protocolVersion: text("protocol_version").notNull(),
    /**
     * The named functionaris (a user) who took the decision with the declaration "criteria
     * vastgesteld, geen twijfel" (003 §12.1 "naam van geautoriseerd functionaris", §12.2, §8);
     * null while a CSV import's draft awaits its importing officer (issue 20 part 3, D-841).
     */
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /**
     * The deciding officer's weighing (003 §12.1 belangenafweging, proportionaliteit; §7; row
     * 003-02, D-1060): interests weighed, standard or shorter term and a shorter term's reason
     * code. Null: not recorded (before D-1060, or a draft awaiting its confirming officer).
     */
    weighing: jsonb("weighing").$type<Weighing>(),
    /** The second officer's look where the region puts a category under four eyes (D-842). */
    secondLookBy: uuid("second_look_by"),
    secondLookAt: timestamp("second_look_at", { withTimezone: true }),
    /** The CSV import a draft came from: its drafts are confirmed together in the web UI. */
    importId: uuid("import_id"),
    /**
     * A lengthening (a later end date) waiting for a second officer's look (003 §12.3; D-845):
     * the decision fields and reason code only, never personal data. Null when none waits.
     */
    pendingChange: jsonb("pending_change"),
    ...timestamps(),
  },
  (t) => [
    index("registration_organisation_status").on(t.organisationId, t.status),
    index("registration_end_date").on(t.endDate),
  ],
);

/**
 * Blind indexes (keyed HMACs of normalised values) to find candidate registrations without
 * decrypting everything. One row per key; the matching module adds kinds of key without a
 * migration. Deleted with their registration.
 */
export const registrationBlindIndex = pgTable(
  "registration_blind_index",
  {
    registrationId: belongsTo("registration_id", () => registration.id),
    kind: text("kind").notNull(),
    value: text("value").notNull(),
  },
  (t) => [
    index("registration_blind_index_lookup").on(t.kind, t.value),
    index("registration_blind_index_registration").on(t.registrationId),
  ],
);
