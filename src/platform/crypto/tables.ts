import { index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

/**
 * Per-organisation data keys, each wrapped (AES-256-GCM) by the master key, which never
 * enters the database. Deleting an organisation's rows here is crypto-shredding: whatever
 * ciphertext of theirs is left in this database can no longer be read. Backups taken before
 * still hold the wrapped keys; see docs/keys.md for why backup retention must stay short.
 */
export const dataKey = pgTable(
  "data_key",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id").notNull(),
    version: integer("version").notNull(),
    wrappedKey: text("wrapped_key").notNull(),
    masterKeyId: text("master_key_id").notNull(),
    status: text("status", { enum: ["active", "retired"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (t) => [
    unique("data_key_organisation_version").on(t.organisationId, t.version),
    index("data_key_organisation_status").on(t.organisationId, t.status),
  ],
);

/**
 * Region-wide secrets (the blind-index key, later the audit pseudonym key), wrapped by the
 * master key like the data keys. `purpose` names what the key is for; one row each.
 */
export const regionSecret = pgTable("region_secret", {
  purpose: text("purpose").primaryKey(),
  wrappedKey: text("wrapped_key").notNull(),
  masterKeyId: text("master_key_id").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});
