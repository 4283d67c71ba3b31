import { type AnyPgColumn, text, timestamp, uuid } from "drizzle-orm/pg-core";

/*
 * Column groups that many tables declare alike. Each is a function, so every table gets
 * column builders of its own; the SQL they generate is the same as the columns written out.
 */

/**
 * The first two columns of a row an organisation owns: its id and the owning organisation.
 */
export function organisationRow() {
  return {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id").notNull(),
  };
}

/** When a row was written and last changed (`created_at`, `updated_at`). */
export function timestamps() {
  return {
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  };
}

/**
 * A row's link to the row it belongs to (`name` is the column, `parent` its id column): never
 * empty, and the row is deleted with its parent.
 */
export function belongsTo(name: string, parent: () => AnyPgColumn) {
  return uuid(name).notNull().references(parent, { onDelete: "cascade" });
}

/**
 * Who decided a row awaiting a person's judgement, and when (`decided_at`, `decided_by_kind`,
 * `decided_by`): empty until decided. A match, a screening's possible hit.
 */
export function decision() {
  return {
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedByKind: text("decided_by_kind", { enum: ["user", "api_key"] }),
    decidedBy: uuid("decided_by"),
  };
}
