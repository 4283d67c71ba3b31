import { uuid } from "drizzle-orm/pg-core";

/**
 * The first two columns of a row an organisation owns: its id and the owning organisation.
 * A function, so every table gets column builders of its own.
 */
export function organisationRow() {
  return {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id").notNull(),
  };
}
