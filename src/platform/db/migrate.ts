import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./database.ts";

/**
 * Applies the committed SQL migrations in migrations/ (written by drizzle-kit, listed in
 * migrations/meta/_journal.json) in order, each in its own transaction, and records them in
 * `schema_migration` with a checksum so that an edited, already-applied migration is refused.
 * Several app instances may boot at once: the table lock serialises them, and each re-checks
 * what is applied after taking it.
 */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../migrations", import.meta.url));

interface JournalEntry {
  idx: number;
  tag: string;
}

export interface Migration {
  tag: string;
  checksum: string;
  statements: string[];
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const journalFile = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: JournalEntry[] };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const text = fs.readFileSync(path.join(dir, `${tag}.sql`), "utf8");
      return {
        tag,
        checksum: createHash("sha256").update(text).digest("hex"),
        statements: text
          .split("--> statement-breakpoint")
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      };
    });
}

export class MigrationError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "MigrationError";
  }
}

/** Brings the schema up to date; returns the tags it applied. */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = readMigrations(dir);
  // Only the first start creates the table, so the app's runtime role needs no CREATE right
  // once an owner has migrated (docs/audit.md: two roles on PostgreSQL).
  const [exists] = await database.query<{ t: string | null }>(
    "SELECT to_regclass('schema_migration')::text AS t",
  );
  if (!exists?.t)
    await database.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    tag text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: string[] = [];
  for (const migration of migrations) {
    const didApply = await database.rawTransaction(async (tx) => {
      await tx.exec("LOCK TABLE schema_migration IN EXCLUSIVE MODE");
      const [row] = await tx.query<{ checksum: string }>(
        "SELECT checksum FROM schema_migration WHERE tag = $1",
        [migration.tag],
      );
      if (row) {
        if (row.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.tag} was changed after it was applied to this database. ` +
              "Never edit an applied migration: add a new one.",
          );
        }
        return false;
      }
      for (const statement of migration.statements) {
        try {
          await tx.exec(statement);
        } catch (err) {
          throw new MigrationError(
            `Migration ${migration.tag} failed: ${(err as Error).message}`,
            err,
          );
        }
      }
      await tx.query("INSERT INTO schema_migration (tag, checksum) VALUES ($1, $2)", [
        migration.tag,
        migration.checksum,
      ]);
      return true;
    });
    if (didApply) applied.push(migration.tag);
  }
  const known = new Set(migrations.map((m) => m.tag));
  const rows = await database.query<{ tag: string }>("SELECT tag FROM schema_migration");
  const unknown = rows.map((r) => r.tag).filter((t) => !known.has(t));
  if (unknown.length > 0) {
    throw new MigrationError(
      `This database has migrations this version does not know (${unknown.join(", ")}): ` +
        "it was upgraded by a newer Woonsignaal. Run that version, or restore a backup.",
    );
  }
  return applied;
}
