import path from "node:path";
import { loadConfig } from "../config.ts";
import { makeBackup } from "../modules/retention/backup.ts";
import { readMigrations } from "../platform/db/migrate.ts";
import { envWith, help, out, parse, say, withRuntime } from "./common.ts";
import { EXIT } from "./usage.ts";

export async function backupCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { out: { type: "string" }, "data-dir": { type: "string" } });
  if (values.help) return help("backup");
  const env = envWith(values);
  const config = loadConfig(env);
  const now = new Date();
  const target = path.resolve(
    values.out ??
      path.join(
        config.dataDir,
        "backups",
        `woonsignaal-${now.toISOString().replace(/[:.]/g, "-")}`,
      ),
  );
  // The schema first (opening brings it up to date and closes again), then the copy.
  await withRuntime(values, async () => undefined);
  const migrations = readMigrations().map((m) => m.tag);
  const manifest = makeBackup({
    out: target,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    migrations,
    now,
  });
  if (values.json) out({ backup: target, ...manifest });
  else say(`Backup written to ${target} (${manifest.format}, ${manifest.createdAt}).`);
  return EXIT.ok;
}
