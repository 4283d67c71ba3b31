import { and, asc, eq, inArray, isNotNull, lte, ne, or } from "drizzle-orm";
import type { Db } from "../../platform/db/database.ts";
import { insertRow, rowsById, updateRows } from "../../platform/db/rows.ts";
import { organisation, region, regionMail } from "./tables.ts";

export type RegionRow = typeof region.$inferSelect;
export type OrganisationRow = typeof organisation.$inferSelect;
export type RegionMailRow = typeof regionMail.$inferSelect;

export async function findRegion(db: Db): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(region).orderBy(asc(region.createdAt)).limit(1);
  return row;
}

export const insertRegion = (db: Db, row: typeof region.$inferInsert) => insertRow(db, region, row);

export async function updateRegionSettings(db: Db, id: string, settings: Record<string, unknown>) {
  await updateRows(db, region, { settings }, [eq(region.id, id)]);
}

const organisationRows = rowsById(organisation);
export const findOrganisation = organisationRows.find;
export const insertOrganisation = organisationRows.insert;
export const updateOrganisation = organisationRows.update;

export async function listOrganisations(db: Db, ids?: string[]): Promise<OrganisationRow[]> {
  const q = db.select().from(organisation);
  return (ids ? q.where(inArray(organisation.id, ids)) : q).orderBy(asc(organisation.name));
}

export async function listParticipants(
  db: Db,
  kinds: readonly string[],
  today: string,
): Promise<OrganisationRow[]> {
  return db
    .select()
    .from(organisation)
    .where(
      and(
        inArray(organisation.kind, kinds as OrganisationRow["kind"][]),
        isNotNull(organisation.protocolSignedOn),
        lte(organisation.protocolSignedOn, today),
        or(eq(organisation.status, "active"), eq(organisation.status, "suspended")),
      ),
    )
    .orderBy(asc(organisation.name));
}

/** Organisations whose recorded withdrawal or exclusion date has come but not been carried out. */
export async function dueTerminations(db: Db, today: string): Promise<OrganisationRow[]> {
  return db
    .select()
    .from(organisation)
    .where(
      and(
        ne(organisation.status, "withdrawn"),
        ne(organisation.status, "excluded"),
        or(lte(organisation.withdrawnOn, today), lte(organisation.excludedOn, today)),
      ),
    );
}

/** The consortium (samenwerkingsverband) of the region; one per installation. */
export async function findConsortium(db: Db): Promise<OrganisationRow | undefined> {
  const [row] = await db
    .select()
    .from(organisation)
    .where(eq(organisation.kind, "consortium"))
    .orderBy(asc(organisation.createdAt))
    .limit(1);
  return row;
}

export async function findRegionMail(db: Db, regionId: string): Promise<RegionMailRow | undefined> {
  const [row] = await db.select().from(regionMail).where(eq(regionMail.regionId, regionId));
  return row;
}

export async function upsertRegionMail(db: Db, row: RegionMailRow) {
  const { regionId, ...rest } = row;
  await db
    .insert(regionMail)
    .values(row)
    .onConflictDoUpdate({ target: regionMail.regionId, set: rest });
}

export async function deleteRegionMail(db: Db, regionId: string) {
  await db.delete(regionMail).where(eq(regionMail.regionId, regionId));
}
