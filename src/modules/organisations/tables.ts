import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "../../platform/db/columns.ts";
import { ORGANISATION_KINDS } from "./schemas.ts";

/** The samenwerkingsverband: one region per deployment, running one protocol profile. */
export const region = pgTable("region", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  profile: text("profile").notNull(),
  /** Region settings (thresholds, retention, SMTP …) as modules add them; validated by zod. */
  settings: jsonb("settings").notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/**
 * Every organisation that has users: participants (deelnemers: corporations, private
 * landlords, municipalities as the profile allows) and the bodies around the register
 * (the consortium itself, the auditor, the system supplier, the disputes committee).
 * Business data only; no personal data of tenants lives here.
 */
export const organisation = pgTable(
  "organisation",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
    kvkNumber: text("kvk_number"),
    street: text("street"),
    houseNumber: text("house_number"),
    postcode: text("postcode"),
    city: text("city"),
    /** Where a person sends an objection (003 ch. 10, 16.1). */
    objectionAddress: text("objection_address"),
    dpoName: text("dpo_name"),
    dpoEmail: text("dpo_email"),
    dpoPhone: text("dpo_phone"),
    /** Letterhead logo for letters to the person: a PNG or JPEG data URL (letters module). */
    logo: text("logo"),
    /** Date the protocol was signed (003 §14, §17; 001 §7.1): no access before it. */
    protocolSignedOn: date("protocol_signed_on", { mode: "string" }),
    /**
     * The letting agent through which a participant lets, when the profile admits participants
     * only through one (001 §2, §7.1: a Keurmerk makelaar; D-763).
     */
    lettingAgent: text("letting_agent"),
    status: text("status", { enum: ["active", "suspended", "withdrawn", "excluded"] }).notNull(),
    suspendedOn: date("suspended_on", { mode: "string" }),
    withdrawnOn: date("withdrawn_on", { mode: "string" }),
    excludedOn: date("excluded_on", { mode: "string" }),
    ...timestamps(),
  },
  (t) => [index("organisation_region").on(t.regionId)],
);

/**
 * The region's own SMTP server for letters by e-mail, set by a consortium admin (issue #10);
 * without a row the environment's SMTP_URL (or the development outbox) is used. At most one
 * row per region. The password is encrypted with the data key of `key_organisation_id` (the
 * consortium) at (region_mail, password, region_id) and never leaves the server.
 */
export const regionMail = pgTable("region_mail", {
  regionId: uuid("region_id")
    .primaryKey()
    .references(() => region.id),
  /** Whose data key encrypts the password (the consortium when it exists). */
  keyOrganisationId: uuid("key_organisation_id")
    .notNull()
    .references(() => organisation.id),
  host: text("host").notNull(),
  port: integer("port").notNull(),
  /** implicit: TLS from the first byte (465); starttls: upgrade required (587); none: plain. */
  tls: text("tls", { enum: ["implicit", "starttls", "none"] }).notNull(),
  username: text("username"),
  /** Encrypted (ws1.…); null when the server needs no password. */
  password: text("password"),
  fromAddress: text("from_address").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});
