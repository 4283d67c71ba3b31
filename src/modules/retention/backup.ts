/**
 * Backups and restore (issue 9, docs/operations.md). A backup is a directory:
 *   backup.json     { format, createdAt, migrations } — createdAt is taken BEFORE the copy starts
 *   database.dump   pg_dump custom format (PostgreSQL), or
 *   pglite/         a file copy of DATA_DIR/pglite (embedded; the server must be stopped)
 * The erasure journal is deliberately not in it: after a restore the journal's erasures from
 * createdAt on are carried out again (service.ts `replay`), and the server does the same at
 * every start, so an erased person never comes back.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { lockDataDir } from "../../platform/db/datadir-lock.ts";

export interface BackupManifest {
  format: "pg_dump" | "pglite_copy";
  createdAt: string;
  /** The newest migration the database had (a restore runs newer ones at start). */
  migrations: string[];
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

function run(command: string, args: string[]) {
  const r = spawnSync(command, args, { encoding: "utf8" });
  if (r.error) {
    throw new BackupError(
      `${command} could not be run (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}); install the PostgreSQL client tools of the server's version.`,
    );
  }
  if (r.status !== 0) throw new BackupError(`${command} failed: ${r.stderr.trim()}`);
}

/** Backs up the server database (pg_dump) or the embedded one (a file copy, server stopped). */
export function makeBackup(options: {
  out: string;
  databaseUrl: string | undefined;
  dataDir: string;
  migrations: string[];
  now: Date;
}): BackupManifest {
  if (fs.existsSync(options.out) && fs.readdirSync(options.out).length > 0) {
    throw new BackupError(`${options.out} exists and is not empty; choose a new directory.`);
  }
  fs.mkdirSync(options.out, { recursive: true, mode: 0o700 });
  const manifest: BackupManifest = {
    format: options.databaseUrl ? "pg_dump" : "pglite_copy",
    createdAt: options.now.toISOString(),
    migrations: options.migrations,
  };
  if (options.databaseUrl) {
    run("pg_dump", [
      "--format=custom",
      "--no-owner",
      `--file=${path.join(options.out, "database.dump")}`,
      options.databaseUrl,
    ]);
  } else {
    const source = path.join(options.dataDir, "pglite");
    if (!fs.existsSync(source))
      throw new BackupError(`No embedded database in ${options.dataDir}.`);
    const release = lockDataDir(options.dataDir); // refuses while the server runs
    try {
      fs.cpSync(source, path.join(options.out, "pglite"), { recursive: true });
    } finally {
      release();
    }
  }
  fs.writeFileSync(
    path.join(options.out, "backup.json"),
    `${JSON.stringify(manifest, null, 2)}\n`,
    {
      mode: 0o600,
    },
  );
  return manifest;
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, "backup.json");
  if (!fs.existsSync(file))
    throw new BackupError(`${dir} is not a Woonsignaal backup (no backup.json).`);
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as BackupManifest;
  if (
    !["pg_dump", "pglite_copy"].includes(manifest.format) ||
    Number.isNaN(Date.parse(manifest.createdAt))
  ) {
    throw new BackupError(`${file} is not a valid backup manifest.`);
  }
  return manifest;
}

/**
 * Puts the backup's database in place. PostgreSQL: pg_restore --clean into DATABASE_URL.
 * Embedded: the current DATA_DIR/pglite is kept aside as pglite.before-restore-<time>.
 */
export function restoreBackup(options: {
  dir: string;
  databaseUrl: string | undefined;
  dataDir: string;
  now: Date;
  /**
   * The erasure journal's horizon (journal.ts): a backup made before it is refused, since the
   * journal may no longer hold every erasure made after it (issue 22, F2).
   */
  horizon: Date;
  maxAgeDays: number;
}): BackupManifest {
  const manifest = readManifest(options.dir);
  if (Date.parse(manifest.createdAt) < options.horizon.getTime()) {
    throw new BackupError(
      `This backup was made on ${manifest.createdAt}, more than ${options.maxAgeDays} days ago (BACKUP_MAX_AGE_DAYS). The erasure journal keeps erasures only that long, so restoring it could bring erased people back. Restore a newer backup; nothing was changed.`,
    );
  }
  if (manifest.format === "pg_dump") {
    if (!options.databaseUrl)
      throw new BackupError("This is a PostgreSQL backup: set DATABASE_URL.");
    run("pg_restore", [
      "--clean",
      "--if-exists",
      "--no-owner",
      `--dbname=${options.databaseUrl}`,
      path.join(options.dir, "database.dump"),
    ]);
  } else {
    if (options.databaseUrl)
      throw new BackupError("This is an embedded-database backup: unset DATABASE_URL.");
    const release = lockDataDir(options.dataDir);
    try {
      const target = path.join(options.dataDir, "pglite");
      if (fs.existsSync(target)) {
        const stamp = options.now.toISOString().replace(/[:.]/g, "-");
        fs.renameSync(target, path.join(options.dataDir, `pglite.before-restore-${stamp}`));
      }
      fs.cpSync(path.join(options.dir, "pglite"), target, { recursive: true });
    } finally {
      release();
    }
  }
  return manifest;
}
